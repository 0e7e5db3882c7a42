"""The HTTP API and the dashboard of ``flashpoint serve`` (FastAPI, served by uvicorn).

A route parses its parameters, calls the same ``flashpoint.*`` function the matching command
calls and formats the result, so the API and the CLI answer alike by construction.  Only
this package (and :mod:`flashpoint.web`, the dashboard it mounts) imports FastAPI.  See
docs/api.md.
"""

from __future__ import annotations

from flashpoint.api.app import create_app
from flashpoint.api.config import ServeConfig

__all__ = ["ServeConfig", "create_app"]
