"""``figure-stated``: the text of each node states a figure that ``pattern`` names.

A rate counts however it is written: 100%, １００％, 百分之百, 百分之九十五点六.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from reportlint.checks import Target
from reportlint.checks.context import Context, Hit
from reportlint.matching.figures import ROLES, chosen, name_before
from reportlint.matching.regex import regex

if TYPE_CHECKING:
    from reportlint.checks.options import Options

NAME = "figure-stated"


def check(ctx: Context, target: Target, options: Mapping[str, Any]) -> Iterator[Hit]:
    pattern = regex(options["pattern"])
    gap: int = options.get("gap", 10)
    roles = options.get("roles") or [role for role in ROLES if role != "change"]
    body_only: bool = options.get("body_only", False)
    for pointer, node in target.nodes:
        text = ctx.figures(pointer, node, body_only=body_only)
        figures = chosen(
            text.figures, units=options.get("units") or ["%"], roles=roles, exact=False
        )
        if not any(name_before(text, figure, pattern, gap) for figure in figures):
            yield Hit(pointer, key=True)


@functools.cache
def options_model() -> type[Options]:
    """The model of this check's options; pydantic is imported only when a pack is validated."""
    from pydantic import Field

    from reportlint.checks.figure_options import FigureOptions

    class FigureStatedOptions(FigureOptions):
        pattern: str = Field(min_length=1)
        body_only: bool = False

    return FigureStatedOptions
