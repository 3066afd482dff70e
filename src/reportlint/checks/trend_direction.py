"""``trend-direction``: a trend word agrees with the two figures it compares.

"受理86件，较上年的72件下降19.4%" says the count fell while 86 is more than 72; "由11.3%
提高到8.6%" says a rate rose while it fell. Only where both figures are given (the
earlier one after 较上年/比2022年/上年为/由…) is the word judged.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from reportlint.checks import Target
from reportlint.checks.context import Context, Hit
from reportlint.matching.figure_links import comparisons

if TYPE_CHECKING:
    from reportlint.checks.options import Options

NAME = "trend-direction"


def check(ctx: Context, target: Target, options: Mapping[str, Any]) -> Iterator[Hit]:
    units = options.get("units")
    for pointer, node in target.nodes:
        text = ctx.figures(pointer, node)
        for found in comparisons(text):
            current, prior = found.current, found.prior
            if units is not None and current.unit not in units:
                continue
            if current.value == prior.value or (current.value > prior.value) == found.rising:
                continue
            start, end = found.word
            place = text.block.locate(start, end)
            params = {
                "word": text.text[start:end],
                "current": current.written,
                "prior": prior.written,
                "match": text.text[start:end],
            }
            yield Hit(place.pointer, place.start, place.end, params=params)


@functools.cache
def options_model() -> type[Options]:
    """The model of this check's options; pydantic is imported only when a pack is validated."""
    from reportlint.checks.figure_options import FigureOptions

    return FigureOptions
