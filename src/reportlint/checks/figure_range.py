"""``figure-range``: each figure a rule names lies between ``min`` and ``max``.

Reads the figure layer, so 105%, １０５％ and 百分之一百零五 are the same figure. With a
``pattern``, only figures named by it count, and a finding runs from the name to the figure.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from reportlint.checks import Target
from reportlint.checks.context import Context, Hit
from reportlint.matching.figures import ROLES, chosen, name_before, name_start
from reportlint.matching.regex import regex

if TYPE_CHECKING:
    from reportlint.checks.options import Options

NAME = "figure-range"


def check(ctx: Context, target: Target, options: Mapping[str, Any]) -> Iterator[Hit]:
    pattern = regex(options["pattern"]) if options.get("pattern") else None
    minimum: float | None = options.get("min")
    maximum: float | None = options.get("max")
    roles = options.get("roles") or [role for role in ROLES if role != "change"]
    for pointer, node in target.nodes:
        text = ctx.figures(pointer, node)
        for figure in chosen(text.figures, units=options.get("units") or ["%"], roles=roles):
            if (minimum is None or figure.value >= minimum) and (
                maximum is None or figure.value <= maximum
            ):
                continue
            start = figure.start
            params = {"value": f"{figure.value:g}", "unit": figure.unit}
            if pattern is not None:
                name = name_before(text, figure, pattern, options.get("gap", 10))
                if name is None:
                    continue
                start = name_start(text, figure) + name.start()
                params["name"] = name.groupdict().get("name") or name.group(0)
            params["match"] = text.text[start : figure.end]
            place = text.place(figure, start)
            yield Hit(place.pointer, place.start, place.end, params=params)


@functools.cache
def options_model() -> type[Options]:
    """The model of this check's options; pydantic is imported only when a pack is validated."""
    from reportlint.checks.figure_options import FigureOptions

    class FigureRangeOptions(FigureOptions):
        min: float | None = None
        max: float | None = None

    return FigureRangeOptions
