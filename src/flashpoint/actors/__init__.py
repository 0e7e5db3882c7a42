"""Actors: dictionaries of countries, organisations, people and sector nouns, and resolution of
noun phrases to (country, sector, CAMEO actor code) on the story's date."""

from .kb import ActorKB, Agent, NameEntry, Role, load_kb

__all__ = ["ActorKB", "Agent", "NameEntry", "Role", "load_kb"]
