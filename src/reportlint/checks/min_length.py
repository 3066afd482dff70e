"""``min-length``: the text of each node has at least ``min`` characters (white space aside)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reportlint.checks import Target
from reportlint.checks.context import Context, Hit


def check(ctx: Context, target: Target, options: Mapping[str, Any]) -> Iterator[Hit]:
    minimum: int = options["min"]
    for pointer, value in target.nodes:
        length = ctx.text(pointer, value, body_only=options.get("body_only", False)).body_length()
        if length < minimum:
            yield Hit(pointer, key=True, params={"length": str(length), "min": str(minimum)})
