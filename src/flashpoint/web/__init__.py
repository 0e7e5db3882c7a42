"""The dashboard of ``flashpoint serve``: server-rendered pages over the same library
functions as the API, with charts drawn as SVG on the server and no script in the browser.

Templates and static files (the stylesheet, the offline base map) ship inside this package.
See docs/dashboard.md for the pages and for why the dashboard is built this way.
"""

from __future__ import annotations

from flashpoint.web.views import router

__all__ = ["router"]
