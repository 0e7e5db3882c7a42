"""The dashboard's pages: each parses the same filters as the API, calls the same library
functions and renders a template (autoescaped: nothing from an article is ever markup)."""

from __future__ import annotations

import threading
import urllib.parse
from collections import OrderedDict
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from flashpoint.api.errors import ApiError
from flashpoint.api.filters import FILTER_PARAMS, filter_from_mapping
from flashpoint.errors import AnalysisError, FlashpointError, InputTooLargeError
from flashpoint.store import EventFilter, Store
from flashpoint.web import charts
from flashpoint.web.highlight import pieces

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

TEMPLATES = Environment(
    loader=FileSystemLoader(str(Path(__file__).with_name("templates"))),
    autoescape=select_autoescape(["html", "svg"], default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
TEMPLATES.globals["quad_names"] = charts.QUAD_NAMES
TEMPLATES.globals["quad_colours"] = charts.QUAD_COLOURS

_LIST_PARAMS = ("root", "code", "quad", "modality", "sector", "source_sector", "target_sector",
                "plover")  # fmt: skip
PAGE = 50


def _render(name: str, request: Request, status: int = 200, **context: Any) -> HTMLResponse:
    template = TEMPLATES.get_template(name)
    html = template.render(request=request, path=request.url.path, **context)
    return HTMLResponse(html, status_code=status)


def _error(request: Request, exc: Exception) -> HTMLResponse:
    if isinstance(exc, ApiError):
        status, message = exc.status, exc.message
    elif isinstance(exc, InputTooLargeError):
        status, message = 413, str(exc)
    elif isinstance(exc, AnalysisError):
        status, message = 404 if "match" in str(exc) else 400, str(exc)
    else:
        status, message = 400, str(exc)
    return _render("error.html", request, status=status, message=message, form=_form(request))


def _form(request: Request) -> dict[str, str]:
    """The filter values as typed (for refilling the form and building links)."""
    values: dict[str, str] = {}
    for param in FILTER_PARAMS:
        given = [v for v in request.query_params.getlist(param) if v.strip()]
        if given:
            values[param] = ",".join(given)
    return values


def _filter(request: Request, *, sides: bool = True) -> EventFilter:
    params: dict[str, Any] = {}
    for param in FILTER_PARAMS:
        given = request.query_params.getlist(param)
        params[param] = given if param in _LIST_PARAMS else (given[-1] if given else None)
    return filter_from_mapping(params, sides=sides)


def _query(values: dict[str, Any], **more: Any) -> str:
    merged = {k: v for k, v in {**values, **more}.items() if v not in (None, "")}
    return urllib.parse.urlencode(merged)


TEMPLATES.globals["query"] = _query


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


# ---- aggregates, cached per filter while the store is unchanged ---------------------------

_CACHE: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
_CACHE_LOCK = threading.Lock()


def _cached(store: Store, key: tuple[Any, ...], compute: Any) -> Any:
    """``compute()``, remembered for ``key`` until the store's events change (the last 16)."""
    full = (store.url, *key, store.changes())
    with _CACHE_LOCK:
        if full in _CACHE:
            _CACHE.move_to_end(full)
            return _CACHE[full]
    value = compute()
    with _CACHE_LOCK:
        _CACHE[full] = value
        while len(_CACHE) > 16:
            _CACHE.popitem(last=False)
    return value


def _frame(store: Store, flt: EventFilter) -> Any:
    """The clustered event frame of ``flt`` (negated and hypothetical events left out)."""
    from flashpoint.analysis import aggregate_filter, events_frame

    return _cached(
        store,
        ("frame", repr(flt)),
        lambda: events_frame(store, aggregate_filter(flt), unit="clusters"),
    )


# ---- pages --------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> HTMLResponse:
    from flashpoint.analysis import edge_table
    from flashpoint.analysis.overview import auto_freq, period_counts, top_actors
    from flashpoint.store.browse import iter_clusters, store_counts

    try:
        flt = _filter(request)
        store = _store(request)

        def compute() -> dict[str, Any]:
            frame = _frame(store, flt)
            freq = auto_freq(frame)
            counts = period_counts(frame, freq)
            return {
                "freq": freq,
                "labels": [p.strftime("%Y-%m-%d") for p in counts["period"]],
                "stacks": counts[["q1", "q2", "q3", "q4"]].to_numpy().tolist(),
                "dyads": edge_table(frame, "country").head(10).to_dict("records"),
                "actors": top_actors(frame, 10).to_dict("records"),
                "clusters": list(iter_clusters(store, flt, limit=10)),
                "totals": store_counts(store),
                "total": int(frame["weight"].sum()),
            }

        summary = _cached(store, ("overview", repr(flt)), compute)
    except (ApiError, FlashpointError) as exc:
        return _error(request, exc)
    return _render(
        "overview.html",
        request,
        form=_form(request),
        chart=charts.bar_chart(summary["labels"], summary["stacks"], unit="events"),
        **{k: summary[k] for k in ("freq", "total", "dyads", "actors", "clusters", "totals")},
    )


@router.get("/events", response_class=HTMLResponse)
def events_table(request: Request) -> HTMLResponse:
    from flashpoint.store.browse import SORT_KEYS, event_page

    sort = request.query_params.get("sort", "date")
    sort = sort if sort in SORT_KEYS else "date"
    descending = request.query_params.get("order", "asc") == "desc"
    try:
        page = max(1, int(request.query_params.get("page", "1")))
    except ValueError:
        page = 1
    try:
        flt = _filter(request)
        rows = event_page(
            _store(request), flt, sort=sort, descending=descending,
            offset=(page - 1) * PAGE, limit=PAGE + 1,
        )  # fmt: skip
    except (ApiError, FlashpointError) as exc:
        return _error(request, exc)
    return _render(
        "events.html",
        request,
        form=_form(request),
        rows=rows[:PAGE],
        more=len(rows) > PAGE,
        page=page,
        sort=sort,
        order="desc" if descending else "asc",
        sort_keys=list(SORT_KEYS),
    )


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_view(request: Request, event_id: int) -> HTMLResponse:
    from flashpoint.store.browse import get_event

    event = get_event(_store(request), event_id)
    if event is None:
        return _error(request, ApiError(404, "not_found", f"no event with id {event_id}"))
    return _render("event.html", request, form={}, event=event, record=event.record)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_view(request: Request, article_id: int) -> HTMLResponse:
    from flashpoint.store.browse import article_events, get_article

    store = _store(request)
    article = get_article(store, article_id)
    if article is None:
        return _error(request, ApiError(404, "not_found", f"no article with id {article_id}"))
    events = article_events(store, article_id)
    mentions = [list(e.mentions) or [e.record] for e in events]
    return _render(
        "article.html",
        request,
        form={},
        article=article,
        events=[(e.id, e.record, e) for e in events],
        pieces=pieces(article.text, mentions),
    )


@router.get("/clusters/{cluster_id}", response_class=HTMLResponse)
def cluster_view(request: Request, cluster_id: int) -> HTMLResponse:
    from flashpoint.store import iter_events
    from flashpoint.store.browse import get_cluster

    store = _store(request)
    cluster = get_cluster(store, cluster_id)
    if cluster is None:
        return _error(request, ApiError(404, "not_found", f"no cluster with id {cluster_id}"))
    members = list(iter_events(store, EventFilter(cluster_id=cluster_id)))
    return _render("cluster.html", request, form={}, cluster=cluster, rows=members)


@router.get("/dyad", response_class=HTMLResponse)
def dyad_view(request: Request) -> HTMLResponse:
    from flashpoint.analysis import dyad_series
    from flashpoint.api.filters import actor_param
    from flashpoint.store import iter_events

    a = request.query_params.get("a", "").strip()
    b = request.query_params.get("b", "").strip()
    freq = request.query_params.get("freq", "week")
    freq = freq if freq in ("day", "week", "month") else "week"
    context: dict[str, Any] = {"form": _form(request), "a": a, "b": b, "freq": freq}
    if not (a and b):
        return _render("dyad.html", request, series=None, **context)
    try:
        a, b = actor_param(a, "a"), actor_param(b, "b")
        flt = _filter(request, sides=False)
        store = _store(request)
        series = dyad_series(store, a, b, freq=freq, flt=flt)
        rows = sorted(
            [
                *iter_events(
                    store, EventFilter(**{**_fields(flt), "source": a, "target": b, "limit": PAGE})
                ),
                *iter_events(
                    store, EventFilter(**{**_fields(flt), "source": b, "target": a, "limit": PAGE})
                ),
            ],
            key=lambda e: (e.event_date or "", e.id),
            reverse=True,
        )[:PAGE]
    except (ApiError, FlashpointError) as exc:
        return _error(request, exc)
    directions = []
    for (source, target), part in series.groupby(["source", "target"], sort=False):
        labels = [p.strftime("%Y-%m-%d") for p in part["period"]]
        stacks = part[["q1", "q2", "q3", "q4"]].to_numpy().tolist()
        directions.append(
            {"name": f"{source} → {target}", "chart": charts.bar_chart(labels, stacks,
                                                                        unit="events")}
        )  # fmt: skip
    labels = sorted({p.strftime("%Y-%m-%d") for p in series["period"]})
    by_direction = {
        f"{s} → {t}": part for (s, t), part in series.groupby(["source", "target"], sort=False)
    }
    net = charts.line_chart(
        labels,
        {name: [float(v) for v in part["net_coop"]] for name, part in by_direction.items()},
        ["#1f6fa8", "#c0392b"],
    )
    goldstein = charts.line_chart(
        labels,
        {
            name: [None if v != v else float(v) for v in part["goldstein_mean"]]
            for name, part in by_direction.items()
        },
        ["#1f6fa8", "#c0392b"],
    )
    context.update(a=a, b=b)
    return _render(
        "dyad.html", request, series=series, directions=directions, net=net,
        goldstein=goldstein, rows=rows, **context,
    )  # fmt: skip


def _fields(flt: EventFilter) -> dict[str, Any]:
    return {name: getattr(flt, name) for name in flt.__dataclass_fields__}


@router.get("/network", response_class=HTMLResponse)
def network_view(request: Request) -> HTMLResponse:
    from flashpoint.analysis import event_network
    from flashpoint.analysis.network import graph_edges
    from flashpoint.plots.network import top_subgraph

    node = request.query_params.get("node", "country")
    node = node if node in ("country", "code") else "country"
    try:
        store, flt = _store(request), _filter(request)
        graph = _cached(
            store, ("network", repr(flt), node), lambda: event_network(store, flt, node=node)
        )
    except AnalysisError as exc:
        if "match" not in str(exc):
            return _error(request, exc)
        graph = None
    except (ApiError, FlashpointError) as exc:
        return _error(request, exc)
    shown = top_subgraph(graph, 30) if graph is not None else None
    return _render(
        "network.html",
        request,
        form=_form(request),
        node=node,
        drawing=charts.network(shown) if shown is not None else None,
        edges=graph_edges(graph).head(50).to_dict("records") if graph is not None else [],
    )


@router.get("/map", response_class=HTMLResponse)
def map_view(request: Request) -> HTMLResponse:
    from flashpoint.analysis.overview import places

    try:
        table = places(_frame(_store(request), _filter(request)))
    except (ApiError, FlashpointError) as exc:
        return _error(request, exc)
    return _render(
        "map.html",
        request,
        form=_form(request),
        points=charts.map_points(table),
        places=table.head(30).to_dict("records"),
        located=int(table["events"].sum()) if len(table) else 0,
    )


@router.get("/code", response_class=HTMLResponse)
def code_form(request: Request) -> HTMLResponse:
    return _render("code.html", request, form={}, given={}, result=None)


@router.post("/code", response_class=HTMLResponse)
async def code_submit(request: Request) -> HTMLResponse:
    from starlette.concurrency import run_in_threadpool

    from flashpoint.api.routers.code import CodeRequest, code_events, read_request

    body = await request.body()
    fields = {k: v[-1] for k, v in urllib.parse.parse_qs(body.decode("utf-8", "replace")).items()}
    given = {k: fields.get(k, "").strip() for k in ("text", "url", "date")}
    try:
        payload = CodeRequest(
            text=given["text"] or None if not given["url"] else None,
            url=given["url"] or None,
            date=given["date"] or None,
        )
        if payload.text is None and payload.url is None:
            raise ApiError(422, "invalid_request", "paste some text or give a URL")
        config = request.app.state.config

        def run() -> tuple[Any, list[Any]]:
            article = read_request(payload, config)
            return article, code_events(article, config)

        article, events = await run_in_threadpool(run)
    except (ApiError, FlashpointError) as exc:
        response = _error(request, exc)
        return response
    except ValueError as exc:  # pydantic's validation of the form
        return _error(request, ApiError(422, "invalid_request", str(exc).splitlines()[0]))
    records = [e.to_dict() for e in events]
    return _render(
        "code.html",
        request,
        form={},
        given=given,
        result={
            "article": article,
            "events": [(None, r, None) for r in records],
            "pieces": pieces(article.text, [[r] for r in records]),
        },
    )
