"""Build the dashboard's offline base map from Natural Earth country outlines.

    npm pack world-atlas@2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/build_basemap.py package/countries-110m.json

writes ``src/flashpoint/web/static/basemap.svg``: one path per country in the equirectangular
projection the map view uses (x = longitude + 180, y = 90 - latitude, a 360 x 180 box), so
event places are drawn with no projection code in the browser.  Natural Earth is in the public
domain; world-atlas (Mike Bostock, ISC licence) only converted it to TopoJSON.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

OUT = Path(__file__).resolve().parents[1] / "src" / "flashpoint" / "web" / "static" / "basemap.svg"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON's delta-encoded, quantised arcs as lists of (lon, lat)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def path_data(polygons: list[list[list[int]]], arcs: list[list[tuple[float, float]]]) -> str:
    parts = []
    for polygon in polygons:
        for indexes in polygon:
            points = ring(indexes, arcs)
            coords = " ".join(f"{lon + 180:.1f},{90 - lat:.1f}" for lon, lat in points)
            parts.append(f"M{coords}Z")
    return "".join(parts)


def main(source: str) -> None:
    topology = json.loads(Path(source).read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    paths = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        name = geometry.get("properties", {}).get("name", "")
        paths.append(
            f'<path class="country" d={quoteattr(path_data(polygons, arcs))}>'
            f"<title>{escape(name)}</title></path>"
        )
    OUT.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 180" '
        'fill="#dfe6ec" stroke="#ffffff" stroke-width="0.2">\n'
        "<!-- Natural Earth 1:110m countries (public domain), via world-atlas (ISC). -->\n"
        + "\n".join(paths)
        + "\n</svg>\n",
        encoding="utf-8",
    )
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes, {len(paths)} countries)")


if __name__ == "__main__":
    main(sys.argv[1])
