"""``part-of-whole``: a part is not larger than the whole it is part of.

Two ways of saying what is part of what, either or both:

- ``markers``: words that list parts of the figure before them (其中): in
  "共受理复议案件86件，其中撤销9件", 9件 is a part of 86件;
- ``pairs``: a figure whose words hold a ``part`` word is part of the figure before it in
  the sentence whose words hold a ``whole`` word (征集意见176条 … 采纳63条), unless the
  sentence holds one of the ``unless`` words (上年结转 cases may be concluded this year).

Figures of different units are never compared (人 and 人次, 件 and %).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from reportlint.checks import Target
from reportlint.checks.context import Context, Hit
from reportlint.matching.figure_links import enumerations, sentences
from reportlint.matching.figures import Figure, FigureText, chosen, rounding
from reportlint.matching.words import Words, words

if TYPE_CHECKING:
    from reportlint.checks.options import Options

NAME = "part-of-whole"


def check(ctx: Context, target: Target, options: Mapping[str, Any]) -> Iterator[Hit]:
    markers = words(tuple(options.get("markers", ["其中"])))
    unless = words(tuple(options.get("unless", [])))
    roles = options.get("roles") or ["current"]
    for pointer, node in target.nodes:
        text = ctx.figures(pointer, node)
        figures = list(chosen(text.figures, units=options.get("units"), roles=roles))
        for found in enumerations(text, figures, markers):
            for part in found.parts:
                if _larger(part, found.whole):
                    yield _hit(text, found.whole, part)
        pairs = [
            (words(tuple(pair["whole"])), words(tuple(pair["part"])))
            for pair in options.get("pairs", [])
        ]
        if not pairs:
            continue
        for group in sentences(figures):
            for whole_words, part_words in pairs:
                if any(part_words.within(figure.lead) for figure in group[1:]) and not (
                    unless.within(text.sentence(group[0]))
                ):
                    yield from _paired(text, group, whole_words, part_words)


def _paired(
    text: FigureText, group: list[Figure], whole_words: Words, part_words: Words
) -> Iterator[Hit]:
    """Parts named by a ``part`` word larger than the figure before them named by a
    ``whole`` word, in one sentence."""
    for index, part in enumerate(group):
        if not part_words.within(part.lead):
            continue
        for earlier in reversed(group[:index]):
            if earlier.unit == part.unit and whole_words.within(earlier.lead):
                if _larger(part, earlier):
                    yield _hit(text, earlier, part)
                break


def _larger(part: Figure, whole: Figure) -> bool:
    return part.value > whole.value + rounding(whole) + rounding(part)


def _hit(text: FigureText, whole: Figure, part: Figure) -> Hit:
    place = text.place(part)
    params = {
        "part": part.written,
        "whole": whole.written,
        "value": f"{part.value:g}",
        "total": f"{whole.value:g}",
        "unit": part.unit,
        "match": part.written,
    }
    return Hit(place.pointer, place.start, place.end, params=params)


@functools.cache
def options_model() -> type[Options]:
    """The model of this check's options; pydantic is imported only when a pack is validated."""
    from pydantic import Field

    from reportlint.checks.figure_options import FigureOptions, WordList
    from reportlint.checks.options import Options as Strict

    class Pair(Strict):
        whole: WordList = Field(min_length=1)
        part: WordList = Field(min_length=1)

    class PartOfWholeOptions(FigureOptions):
        markers: WordList = Field(default_factory=lambda: ["其中"])
        pairs: list[Pair] = Field(default_factory=list)
        unless: WordList = Field(default_factory=list)

    return PartOfWholeOptions
