"""Coding: parsed sentences -> CAMEO/PLOVER events with evidence.

The rooms, from the top down; each imports only those below it, never one above:

- ``assembly/``    the :class:`~flashpoint.coding.assembly.coder.Coder`: an Article in, Event
  records out; ranks the events of a sentence, scores them, recodes from the actors found.
- ``arguments/``   who did it to whom: argument heads, counterparts, parties, mention extents,
  the country of a target, the state behind an agentless passive.
- ``candidates/``  which clauses report an event and under which CAMEO code: the lexicon, the
  predicate finder, complement folding and code refinements.
- ``context/``     how and where the act is reported: modality, reporting frames and
  attribution, dates, places.

Shared by all of them: ``cameo.py`` (the CAMEO code table) and ``syntax.py`` (helpers over the
dependency parse); ``data/`` holds the code table and the lexicon.  Facts about the parsed
document memoised while it is coded live in :mod:`flashpoint.nlp.docmemo`.
"""
