"""``rate-of-counts``: a rate agrees with the counts stated beside it.

"应诉案件52件，负责人出庭应诉50件，出庭应诉率96.2%": 50/52 is 96.15%, 96.2% at the
precision written. For each rate named by ``pattern`` (default: any ...率), the counts
before it in its sentence (``scope: paragraph``: its paragraph) are read. If any two of
the same unit make the rate (a/b, or its complement 1 - a/b) within one unit of its last
place written (rounding or cutting off), the rate is right. If none does, the rate is a
finding only when the counts it is made of can be told: a numerator whose words share the
rate's name (出庭应诉 for 出庭应诉率; 调…撤 for 调撤率) and, before it, a larger count of the
same unit, its denominator.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from reportlint.checks import Target
from reportlint.checks.context import Context, Hit
from reportlint.matching.figures import Figure, chosen, name_before
from reportlint.matching.regex import regex

if TYPE_CHECKING:
    from reportlint.checks.options import Options

NAME = "rate-of-counts"
DEFAULT_PATTERN = r"(?P<name>[^\W\d_]{1,10}(?<!增长)(?<!增)率)"


def check(ctx: Context, target: Target, options: Mapping[str, Any]) -> Iterator[Hit]:
    pattern = regex(options.get("pattern") or DEFAULT_PATTERN)
    by_paragraph = options.get("scope") == "paragraph"
    for pointer, node in target.nodes:
        text = ctx.figures(pointer, node)
        figures = list(chosen(text.figures, units=None, roles=["current"]))
        for rate in chosen(text.figures, units=["%"], roles=["current"]):
            name = name_before(text, rate, pattern, options.get("gap", 10))
            if name is None:
                continue
            counts = [
                count
                for count in figures
                if count.end <= rate.start
                and count.paragraph == rate.paragraph
                and (by_paragraph or count.sentence_start == rate.sentence_start)
            ]
            if _explained(rate, counts):
                continue
            stem = (name.groupdict().get("name") or name.group(0)).removesuffix("率")
            pair = _pair(stem, counts)
            if pair is None:
                continue
            numerator, denominator = pair
            computed = 100 * numerator.value / denominator.value
            start = rate.clause_start + name.start()
            place = text.place(rate, start)
            params = {
                "name": name.groupdict().get("name") or name.group(0),
                "value": f"{rate.value:g}",
                "numerator": numerator.written,
                "denominator": denominator.written,
                "computed": f"{computed:.{_places(rate)}f}",
                "match": text.text[start : rate.end],
            }
            yield Hit(place.pointer, place.start, place.end, params=params)


def _places(rate: Figure) -> int:
    places = 0
    while rate.step < 10**-places and places < 6:
        places += 1
    return max(places, 1)


def _explained(rate: Figure, counts: list[Figure]) -> bool:
    """Whether two of the counts make the rate, at the precision it is written."""
    tolerance = rate.step + 1e-9
    for part in counts:
        for whole in counts:
            if part is whole or part.unit != whole.unit or whole.value <= 0:
                continue
            if part.value > whole.value:
                continue
            share = 100 * part.value / whole.value
            if abs(share - rate.value) <= tolerance or abs(100 - share - rate.value) <= tolerance:
                return True
    return False


def _pair(stem: str, counts: list[Figure]) -> tuple[Figure, Figure] | None:
    """The count the rate's name points at, and the larger count before it."""
    for index in range(len(counts) - 1, -1, -1):
        numerator = counts[index]
        if not _names(stem, numerator.lead + numerator.noun):
            continue
        for denominator in reversed(counts[:index]):
            if denominator.unit == numerator.unit and denominator.value > numerator.value:
                return numerator, denominator
        return None
    return None


def _names(stem: str, words: str) -> bool:
    """出庭应诉率 -> "出庭应诉" or "应诉" in the words; 调撤率 -> 调 then 撤 (调解撤诉)."""
    if len(stem) >= 4 and stem[-4:] in words:
        return True
    if len(stem) < 2:
        return False
    first = words.find(stem[-2])
    return first >= 0 and stem[-1] in words[first + 1 :]


@functools.cache
def options_model() -> type[Options]:
    """The model of this check's options; pydantic is imported only when a pack is validated."""
    from typing import Literal

    from reportlint.checks.figure_options import FigureOptions

    class RateOfCountsOptions(FigureOptions):
        scope: Literal["sentence", "paragraph"] = "sentence"

    return RateOfCountsOptions
