"""``number-range``: a number captured as ``value`` lies between ``min`` and ``max``."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from reportlint.checks import Target
from reportlint.checks.context import Context, Hit
from reportlint.matching.regex import regex

if TYPE_CHECKING:
    from reportlint.checks.options import Options

NAME = "number-range"


def check(ctx: Context, target: Target, options: Mapping[str, Any]) -> Iterator[Hit]:
    compiled = regex(options["pattern"])
    minimum: float | None = options.get("min")
    maximum: float | None = options.get("max")
    for pointer, value in target.nodes:
        block = ctx.text(pointer, value)
        for match in compiled.finditer(block.text):
            number = float(match.group("value"))
            if (minimum is not None and number < minimum) or (
                maximum is not None and number > maximum
            ):
                place = block.locate(match.start(), match.end())
                params = {
                    name: text for name, text in match.groupdict().items() if text is not None
                }
                params["match"] = match.group(0)
                yield Hit(place.pointer, place.start, place.end, params=params)


@functools.cache
def options_model() -> type[Options]:
    """The model of this check's options; pydantic is imported only when a pack is validated."""
    from reportlint.checks.options import RegexOptions

    class NumberRangeOptions(RegexOptions):
        groups = ("value",)

        min: float | None = None
        max: float | None = None

    return NumberRangeOptions
