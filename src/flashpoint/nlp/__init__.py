"""NLP stage: the only package that imports spaCy (besides component type hints)."""

from .pipeline import load_nlp, resolve_model_name

__all__ = ["load_nlp", "resolve_model_name"]
