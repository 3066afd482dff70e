"""``count``: the text of each node holds between ``min`` and ``max`` matches of a regex,
counting distinct matched strings when ``distinct`` is set (e.g. two different concrete duties).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from itertools import islice
from typing import TYPE_CHECKING, Any

from reportlint.checks import Target
from reportlint.checks.context import Context, Hit
from reportlint.matching.regex import regex

if TYPE_CHECKING:
    from reportlint.checks.options import Options

NAME = "count"


def check(ctx: Context, target: Target, options: Mapping[str, Any]) -> Iterator[Hit]:
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


@functools.cache
def options_model() -> type[Options]:
    """The model of this check's options; pydantic is imported only when a pack is validated."""
    from pydantic import Field

    from reportlint.checks.options import RegexOptions

    class CountOptions(RegexOptions):
        min: int = Field(default=1, ge=0)
        max: int | None = Field(default=None, ge=0)
        distinct: bool = False
        body_only: bool = False

    return CountOptions
