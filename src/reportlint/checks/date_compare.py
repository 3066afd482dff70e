"""``date-compare``: a date stands in the right relation to another.

``left`` is a path to a date field, or ``text`` for every date written in the text of
the rule's nodes; ``right`` is a template such as ``${report.year + 1}-04-01`` or
``${report.signed_on}``. A finding is made where ``left op right`` does not hold. With
``since`` (a template giving a date), dates before it are left to another rule: a report
signed before its year began is one error, not also "signed before the year ended".
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from reportlint.checks import Target
from reportlint.checks.context import Context, Hit
from reportlint.matching.conditions import OPERATORS, Comparison
from reportlint.matching.dates import find_dates, parse_date

if TYPE_CHECKING:
    from reportlint.checks.options import Options

NAME = "date-compare"


def check(ctx: Context, target: Target, options: Mapping[str, Any]) -> Iterator[Hit]:
    expanded = ctx.expand(options["right"])
    limit = parse_date(expanded) if expanded is not None else None
    if limit is None:
        return
    since = None
    if options.get("since"):
        expanded_since = ctx.expand(options["since"])
        since = parse_date(expanded_since) if expanded_since is not None else None
        if since is None:
            return
    holds = OPERATORS[options["op"]]
    params = {"limit": limit.isoformat()}
    if options["left"] != "text":
        for pointer, value in ctx.select(options["left"]):
            date = parse_date(value)
            if date is None or (since is not None and date < since):
                continue
            if not holds(date, limit):
                yield Hit(pointer, params={**params, "date": date.isoformat()})
        return
    for pointer, value in target.nodes:
        block = ctx.text(pointer, value)
        for start, end, date in find_dates(block.text):
            if (since is None or date >= since) and not holds(date, limit):
                place = block.locate(start, end)
                yield Hit(
                    place.pointer,
                    place.start,
                    place.end,
                    params={**params, "date": date.isoformat(), "match": block.text[start:end]},
                )


@functools.cache
def options_model() -> type[Options]:
    """The model of this check's options; pydantic is imported only when a pack is validated."""
    from reportlint.checks.options import Options

    class DateCompareOptions(Options):
        dates = ("right",)

        left: str
        op: Comparison
        right: str
        since: str | None = None

    return DateCompareOptions
