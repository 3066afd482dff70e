"""``same-figure``: one thing counted in a report has one value wherever it is given.

Which figures are "the same thing" (``by``):

- ``name``: the name ``pattern`` finds before the figure (出庭应诉率), spellings joined by
  ``aliases``;
- ``label``: the words before the figure back to the clause boundary, with its unit and
  the noun after it (区政府向区委常委会汇报法治政府建设情况…次), when they are at least
  ``min_label`` characters long once fillers (全年, 共, 累计, 了…) are left out: a short
  label (开展培训…次) names too many different things;
- ``referent``: a figure that restates a set counted just before in the same paragraph
  (这6项, 上述6项, "6项重大决策均…") and the figure that counted it.

Only exact figures of the given roles (default: this year's results, not targets in the
plans, prior-year figures or changes) are compared; ``scope`` keeps comparisons within a
``section`` or ``paragraph``.
"""

import functools
from collections import defaultdict
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from reportlint.checks import Target
from reportlint.checks.context import Context, Hit
from reportlint.matching.figures import (
    Figure,
    FigureText,
    chosen,
    name_before,
    name_start,
    rounding,
)
from reportlint.matching.regex import regex

if TYPE_CHECKING:
    from reportlint.checks.options import Options

NAME = "same-figure"

_DEMONSTRATIVE = ("这", "上述", "以上", "前述", "该", "此", "这些")
_LEAD_SCOPE = ("", "全区", "全县", "全市", "全镇", "全乡", "所有", "全部", "共")
_ALL = ("均", "都", "全部", "全都", "一律")


class _Place(NamedTuple):
    text: FigureText
    figure: Figure
    start: int  # where the finding starts (the name, or the figure)
    key: str  # what is counted, compared: the name, or the label's words
    shown: str  # what is counted, for the message
    lead: str = ""  # the label's words before the figure (by: label)


def check(ctx: Context, target: Target, options: Mapping[str, Any]) -> Iterator[Hit]:
    by: str = options.get("by") or ("name" if options.get("pattern") else "label")
    units = options.get("units", ["%"] if by == "name" else None)
    roles = options.get("roles") or ["current"]
    places: list[_Place] = []
    for pointer, node in target.nodes:
        text = ctx.figures(pointer, node)
        figures = list(chosen(text.figures, units=units, roles=roles))
        if by == "referent":
            yield from _referents(text, figures, options)
            continue
        for figure in figures:
            place = _keyed(text, figure, by, options)
            if place is not None:
                places.append(place)
    scope: str = options.get("scope", "report")
    groups: dict[tuple[str, str], list[_Place]] = defaultdict(list)
    for place in places:
        where = {"report": "", "section": place.figure.section}.get(scope)
        if where is None:
            where = f"{id(place.text)}/{place.figure.paragraph}"
        groups[(where, place.figure.unit)].append(place)
    minimum: int = options.get("min_label", 8)
    for group in groups.values():
        for found in _clusters(group, minimum):
            if not any(_differ(one.figure, other.figure) for one in found for other in found):
                continue
            values = sorted({place.figure.value for place in found})
            listed = "、".join(f"{value:g}" for value in values)
            for place in found:
                yield _hit(place, {"values": listed})


def _differ(one: Figure, other: Figure) -> bool:
    """Two values that cannot both be right, even as rounded (1.2万 and 12345 can)."""
    return abs(one.value - other.value) > rounding(one) + rounding(other) + 1e-9


def _clusters(places: list[_Place], minimum: int) -> list[list[_Place]]:
    """The places that count the same thing, joined (one place may link two others)."""
    owner = list(range(len(places)))

    def root(index: int) -> int:
        while owner[index] != index:
            index = owner[index]
        return index

    def join(one: int, other: int) -> None:
        owner[root(other)] = root(one)

    first: dict[str, int] = {}
    by_noun: dict[str, list[int]] = defaultdict(list)
    for index, place in enumerate(places):
        join(first.setdefault(place.key, index), index)
        if place.lead and len(place.figure.noun) >= 4:
            by_noun[place.figure.noun].append(index)
    for indices in by_noun.values():
        for position, one in enumerate(indices):
            for other in indices[position + 1 :]:
                if _ends_alike(places[one], places[other], minimum):
                    join(one, other)
    clusters: dict[int, list[_Place]] = defaultdict(list)
    for index, place in enumerate(places):
        clusters[root(index)].append(place)
    return list(clusters.values())


def _ends_alike(one: _Place, other: _Place, minimum: int) -> bool:
    """For a figure inside a phrase (常务会议4次专题研究法治政府建设), with the same words
    after it: words before it of which one ends the other (县长主持召开县人民政府常务会议 /
    县人民政府常务会议), long enough together to name one thing."""
    short, long = sorted((one.lead, other.lead), key=len)
    return len(short) + len(one.figure.noun) >= minimum + 4 and long.endswith(short)


def _keyed(text: FigureText, figure: Figure, by: str, options: Mapping[str, Any]) -> _Place | None:
    if by == "name":
        name = name_before(text, figure, regex(options["pattern"]), options.get("gap", 10))
        if name is None:
            return None
        written = name.groupdict().get("name") or name.group(0)
        aliases: Mapping[str, str] = options.get("aliases") or {}
        key = aliases.get(written, written)
        return _Place(text, figure, name_start(text, figure) + name.start(), key, key)
    lead = figure.label
    label = f"{lead}{figure.noun}"
    if len(label) < options.get("min_label", 8):
        return None
    shown = f"{figure.lead}…{figure.unit}{figure.noun}"
    return _Place(text, figure, figure.start, label, shown, lead)


def _referents(
    text: FigureText, figures: list[Figure], options: Mapping[str, Any]
) -> Iterator[Hit]:
    for index, figure in enumerate(figures):
        after = text.text[figure.end + len(figure.noun) : figure.end + len(figure.noun) + 2]
        restates = figure.lead.endswith(_DEMONSTRATIVE) or (
            figure.lead in _LEAD_SCOPE and after.startswith(_ALL)
        )
        if not restates or len(figure.noun) < 2:
            continue
        for earlier in reversed(figures[:index]):
            if earlier.paragraph != figure.paragraph or earlier.unit != figure.unit:
                continue
            if earlier.noun[:2] != figure.noun[:2]:
                continue
            if _differ(earlier, figure):
                key = f"{figure.unit}{figure.noun}"
                params = {
                    "values": f"{earlier.value:g}、{figure.value:g}",
                    "before": earlier.written,
                }
                yield _hit(_Place(text, figure, figure.start, key, key), params)
            break


def _hit(place: _Place, extra: Mapping[str, str]) -> Hit:
    figure = place.figure
    spot = place.text.place(figure, place.start)
    params = {
        "name": place.shown,
        "label": place.shown,
        "value": f"{figure.value:g}",
        "unit": figure.unit,
        "match": place.text.text[place.start : figure.end],
        **extra,
    }
    return Hit(spot.pointer, spot.start, spot.end, params=params)


@functools.cache
def options_model() -> "type[Options]":
    """The model of this check's options; pydantic is imported only when a pack is validated."""
    from typing import Literal

    from pydantic import Field, model_validator

    from reportlint.checks.figure_options import FigureOptions

    class SameFigureOptions(FigureOptions):
        by: Literal["name", "label", "referent"] | None = None
        aliases: dict[str, str] = Field(default_factory=dict)
        scope: Literal["report", "section", "paragraph"] = "report"
        min_label: int = Field(default=8, ge=2)

        @model_validator(mode="after")
        def _name_needs_pattern(self) -> "SameFigureOptions":
            if self.by == "name" and not self.pattern:
                raise ValueError("by: name needs a pattern that finds the figure's name")
            return self

    return SameFigureOptions
