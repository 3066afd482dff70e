"""``trend-amount``: the change stated with a trend word is the change of its two figures.

"受理86件，较上年的72件增长19.4%": (86 - 72) / 72 is 19.4%. A change in 个百分点 is the
difference of two rates; a change in % of two counts is relative; a change in % of two
rates may be either; a change in the figures' own unit (增加14件) is their difference. It
must agree within the rounding of the three figures as written, or one unit of the
change's last place.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from reportlint.checks import Target
from reportlint.checks.context import Context, Hit
from reportlint.matching.figure_links import Comparison, comparisons
from reportlint.matching.figures import rounding

if TYPE_CHECKING:
    from reportlint.checks.options import Options

NAME = "trend-amount"


def check(ctx: Context, target: Target, options: Mapping[str, Any]) -> Iterator[Hit]:
    for pointer, node in target.nodes:
        text = ctx.figures(pointer, node)
        for found in comparisons(text):
            change = found.change
            if change is None:
                continue
            expected = _expected(found)
            if not expected:
                continue
            tolerance = change.step + rounding(found.current) + rounding(found.prior) + 1e-9
            if any(abs(change.value - value) <= tolerance for value in expected):
                continue
            place = text.place(change)
            params = {
                "change": change.written,
                "current": found.current.written,
                "prior": found.prior.written,
                "computed": " / ".join(f"{value:.1f}" for value in expected),
                "match": change.written,
            }
            yield Hit(place.pointer, place.start, place.end, params=params)


def _expected(found: Comparison) -> list[float]:
    """What the change could mean, by its unit and the figures' unit."""
    current, prior, change = found.current, found.prior, found.change
    assert change is not None
    difference = abs(current.value - prior.value)
    relative = 100 * difference / prior.value if prior.value else None
    if change.unit == "百分点":
        return [difference] if current.unit == "%" else []
    if change.unit == "%":
        if current.unit == "%":
            return [difference] + ([relative] if relative is not None else [])
        return [relative] if relative is not None else []
    if change.unit == current.unit:
        return [difference]
    return []


@functools.cache
def options_model() -> type[Options]:
    """The model of this check's options; pydantic is imported only when a pack is validated."""
    from reportlint.checks.figure_options import FigureOptions

    return FigureOptions
