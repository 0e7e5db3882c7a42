"""What an actor argument such as ``USA`` or ``USAGOV`` may be, checked before any query.

An actor argument is matched by :class:`flashpoint.store.EventFilter` as a CAMEO actor code
prefix *or* a country: ``USA`` matches every actor whose country is USA and every actor code
starting with USA (USAGOV, USAMIL); ``USAGOV`` matches codes starting with USAGOV.  The check
itself lives with the other filter checks in :mod:`flashpoint.filters`.
"""

from __future__ import annotations

from flashpoint.filters import NON_STATE_PREFIXES, check_actor, country_names

__all__ = ["NON_STATE_PREFIXES", "check_actor", "country_names"]
