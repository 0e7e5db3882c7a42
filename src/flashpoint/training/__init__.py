"""Training the event model (``python -m flashpoint.training``); never imported when coding.

Needs the training extra (``pip install -e ".[train]"``: scikit-learn) and the training data
in the repository (``training/``); see docs/model-card.md.
"""
