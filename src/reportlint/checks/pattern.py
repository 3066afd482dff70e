"""``pattern`` and ``count``: the text of each node holds enough matches of a regex.

``pattern`` asks for at least one; ``count`` for between ``min`` and ``max``, counting
distinct matched strings when ``distinct`` is set (e.g. two different concrete duties).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from itertools import islice
from typing import Any

from reportlint.checks import Target
from reportlint.checks.context import Context, Hit
from reportlint.matching.regex import regex


def check_count(ctx: Context, target: Target, options: Mapping[str, Any]) -> Iterator[Hit]:
    compiled = regex(options["pattern"])
    minimum: int = options.get("min", 1)
    maximum: int | None = options.get("max")
    for pointer, value in target.nodes:
        block = ctx.text(pointer, value, body_only=options.get("body_only", False))
        if maximum is None and not options.get("distinct"):
            # Only "at least minimum" matters: stop reading the text once it is reached.
            count = sum(1 for _ in islice(compiled.finditer(block.text), minimum))
        else:
            matches = [match.group(0) for match in compiled.finditer(block.text)]
            count = len(set(matches)) if options.get("distinct") else len(matches)
        if count < minimum or (maximum is not None and count > maximum):
            yield Hit(pointer, key=True, params={"count": str(count), "min": str(minimum)})


def check_pattern(ctx: Context, target: Target, options: Mapping[str, Any]) -> Iterator[Hit]:
    yield from check_count(ctx, target, {**options, "min": 1, "max": None})
