"""Renderers: each turns ``Report.to_dict()`` (plain data) into one output format."""
from __future__ import annotations

from . import json as json_renderer
from . import text as text_renderer

#: format name → function(report_dict) -> str
RENDERERS = {"text": text_renderer.render, "json": json_renderer.render}
FORMATS = tuple(RENDERERS)
