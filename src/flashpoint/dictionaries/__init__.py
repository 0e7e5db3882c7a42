"""Bring your own dictionaries: PETRARCH/TABARI actor, agent, verb and discard files.

- :func:`dictionary_spec` / :class:`DictionarySpec`: which files and bundled sets to use
  (``--actors``, ``--agents``, ``--verbs``, ``--discards``, ``--dictionaries phoenix``,
  ``--only-given-dictionaries``, and the settings of the same names);
- :func:`load_dictionaries`: parse them (errors name file and line) into a
  :class:`Dictionaries` that extends a :class:`~flashpoint.Coder`'s actor knowledge base and
  event lexicon, tags each parsed document and finds discarded sentences;
- :func:`check_file` (``flashpoint dictionaries check``) and :func:`lookup`
  (``flashpoint dictionaries lookup``).

One module per dictionary kind: ``actors``, ``agents``, ``verbs`` (with the translation of
PETRARCH patterns into flashpoint's dependency lexicon), ``discards``.  See
docs/dictionaries.md.
"""

from .annotation import annotate
from .checking import CheckReport, check_file
from .loading import KINDS, Dictionaries, DictionarySpec, dictionary_spec, load_dictionaries
from .lookup import LookupResult, lookup
from .reading import DictionaryError, Problem

__all__ = [
    "KINDS",
    "CheckReport",
    "Dictionaries",
    "DictionaryError",
    "DictionarySpec",
    "LookupResult",
    "Problem",
    "annotate",
    "check_file",
    "dictionary_spec",
    "load_dictionaries",
    "lookup",
]
