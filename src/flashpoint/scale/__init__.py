"""Coding at scale: worker processes on one machine, Ray on a cluster, Parquet datasets.

Every engine is a thin wrapper over the coder's ``code_many`` with one model per worker
process, so the events are the same whichever engine or worker count codes them.
See docs/scale.md.
"""

from __future__ import annotations

from flashpoint.scale.engines import Engine, InProcess, code_documents, local_engine
from flashpoint.scale.local import ProcessPool

__all__ = ["Engine", "InProcess", "ProcessPool", "code_documents", "local_engine"]
