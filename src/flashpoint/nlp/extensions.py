"""Every custom ``Doc``/``Span`` attribute flashpoint uses, registered in one place.

Actor mentions are stored as span groups (``doc.spans[...]``) rather than Python objects so
they survive ``Doc.to_bytes`` and ``DocBin``: ``label_`` is the mention kind and ``kb_id_`` the
key into the actor knowledge base.
"""

from __future__ import annotations

NAMES_GROUP = "fp_names"  # proper names from the actor dictionaries (label_ = NameEntry.kind)
AGENTS_GROUP = "fp_agents"  # sector nouns ("officials", "security forces"); kb_id_ = phrase

__all__ = ["AGENTS_GROUP", "NAMES_GROUP"]
