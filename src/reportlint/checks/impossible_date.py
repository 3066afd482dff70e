"""``impossible-date``: a date written in the text that no calendar has (4月31日, 2月30日).

Date rules read only dates that exist, so a mistyped day would otherwise pass unseen.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from reportlint.checks import Target
from reportlint.checks.context import Context, Hit
from reportlint.matching.dates import find_impossible_dates

if TYPE_CHECKING:
    from reportlint.checks.options import Options

NAME = "impossible-date"


def check(ctx: Context, target: Target, options: Mapping[str, Any]) -> Iterator[Hit]:
    for pointer, value in target.nodes:
        block = ctx.text(pointer, value)
        for start, end in find_impossible_dates(block.text):
            place = block.locate(start, end)
            params = {"match": block.text[start:end]}
            yield Hit(place.pointer, place.start, place.end, params=params)


@functools.cache
def options_model() -> type[Options]:
    """The model of this check's options; pydantic is imported only when a pack is validated."""
    from reportlint.checks.options import Options

    class ImpossibleDateOptions(Options):
        pass

    return ImpossibleDateOptions
