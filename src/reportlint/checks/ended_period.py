"""``ended-period``: a period that ended before the report year, presented as current.

The regex captures the period by name (group ``period``, looked up in ``ends``:
``{十三五: 2020}``) or its last year directly (group ``end``: the 2020 of
"纲要(2015-2020年)"). Where the report year is later than that last year, the match is a
finding. The pattern carries the wording that makes the period current ("实施“七五”普法",
"是“十三五”收官之年"), so that history ("回顾“十三五”") passes.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from reportlint.checks import Target
from reportlint.checks.context import Context, Hit
from reportlint.matching.regex import regex

if TYPE_CHECKING:
    from reportlint.checks.options import Options

NAME = "ended-period"


def _last_year(groups: Mapping[str, str | None], ends: Mapping[str, int]) -> int | None:
    end = groups.get("end")
    if end is not None:
        return int(end) if end.isdigit() else None
    period = groups.get("period")
    return ends.get(period) if period is not None else None


def check(ctx: Context, target: Target, options: Mapping[str, Any]) -> Iterator[Hit]:
    year_text = ctx.expand(options.get("year", "${report.year}"))
    if year_text is None or not year_text.isdigit():
        return
    year = int(year_text)
    compiled = regex(options["pattern"])
    ends: Mapping[str, int] = options.get("ends") or {}
    for pointer, value in target.nodes:
        block = ctx.text(pointer, value)
        for match in compiled.finditer(block.text):
            groups = match.groupdict()
            last = _last_year(groups, ends)
            if last is None or year <= last:
                continue
            place = block.locate(match.start(), match.end())
            params = {
                "match": match.group(0),
                "period": groups.get("period") or match.group(0),
                "end": str(last),
                "year": str(year),
            }
            yield Hit(place.pointer, place.start, place.end, params=params)


@functools.cache
def options_model() -> type[Options]:
    """The model of this check's options; pydantic is imported only when a pack is validated."""
    import re

    from pydantic import Field, model_validator

    from reportlint.checks.options import RegexOptions

    class EndedPeriodOptions(RegexOptions):
        ends: dict[str, int] = Field(default_factory=dict)
        year: str = "${report.year}"

        @model_validator(mode="after")
        def _names_a_period(self) -> EndedPeriodOptions:
            if "${" in self.pattern:
                return self
            groups = re.compile(self.pattern).groupindex
            if "end" not in groups and "period" not in groups:
                raise ValueError("pattern needs a group (?P<period>…) or (?P<end>…)")
            if "period" in groups and not self.ends:
                raise ValueError("a (?P<period>…) group needs 'ends': the last year of each period")
            return self

    return EndedPeriodOptions
