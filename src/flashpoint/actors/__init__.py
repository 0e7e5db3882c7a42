"""Actors: dictionaries of countries, organisations, people and sector nouns, and resolution of
noun phrases to (country, sector, CAMEO actor code) on the story's date.

:func:`search` looks a name up in the same dictionaries (``flashpoint actors search NAME``).
"""

from .kb import ActorKB, Agent, NameEntry, Role, load_kb
from .lookup import ActorMatch, search

__all__ = ["ActorKB", "ActorMatch", "Agent", "NameEntry", "Role", "load_kb", "search"]
