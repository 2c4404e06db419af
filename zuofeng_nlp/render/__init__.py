"""Renderers: each turns ``Report.to_dict()`` (plain data) into one output format."""
from __future__ import annotations

from . import json as json_renderer
from . import text as text_renderer

FORMATS = ("text", "json", "html", "xlsx")
#: Formats written as bytes (they need -o FILE).
BINARY_FORMATS = frozenset({"xlsx"})


def render(report, fmt: str) -> str | bytes:
    """One report in ``fmt`` (text, json, html: str; xlsx: bytes)."""
    data = report.to_dict()
    if fmt == "text":
        return text_renderer.render(data)
    if fmt == "json":
        return json_renderer.render(data)
    if fmt == "html":
        from . import html
        return html.render(data, report.text)
    if fmt == "xlsx":
        from . import xlsx
        return xlsx.render(data)
    raise ValueError(f"expected a format in {', '.join(FORMATS)}, got {fmt!r} instead")
