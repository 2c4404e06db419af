"""JSON output: the contract of design.md, UTF-8 with real Chinese characters."""
from __future__ import annotations

import json


def render(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def render_many(items: list[dict]) -> str:
    """Several reports as one JSON document: ``{"schema": 1, "reports": [...]}``."""
    schema = items[0]["schema"] if items else 1
    return json.dumps({"schema": schema, "reports": items}, ensure_ascii=False, indent=1) + "\n"
