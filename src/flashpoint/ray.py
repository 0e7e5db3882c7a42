"""Ray Data adapter: ``ds.map_batches(flashpoint.ray.Coder, ...)`` codes article rows into
event rows, one model per Ray worker.  Needs the ``ray`` extra (pip install
'flashpoint[ray]'); see docs/scale.md.
"""

from __future__ import annotations

from flashpoint.scale.ray_data import Coder, start_ray

__all__ = ["Coder", "start_ray"]
