"""``sum-of-parts``: the parts listed for a total do not add up to more than it.

"审结79件，其中维持45件、撤销9件……": the parts after a marker (``markers``: 其中, 包括)
in the total's unit are summed. More than the total is a finding. Less is one only where
the list says it is complete: a part named by a ``remainder`` word (其余, 其他, 剩余) stands
for everything not listed before it, and a word with its negation (受理 and 不予受理, with
a word of ``negations``) cover everything between them. Such a pair right after a total
splits it without a marker: "收到申请93件，受理86件，不予受理7件". So does a known list of
outcomes (``splits``): a total named by a ``whole`` word (清理) followed by figures each
named by one of its ``parts`` (废止, 修改, 继续有效); with a ``rest`` part among them (继续有效:
all that was not repealed or amended) the list is complete. A list with a part that is
not exact (30余件) or with fewer than ``min_parts`` parts is not judged.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from reportlint.checks import Target
from reportlint.checks.context import Context, Hit
from reportlint.matching.figure_links import (
    Split,
    complements,
    enumerations,
    negates,
    outcomes,
)
from reportlint.matching.figures import chosen, rounding
from reportlint.matching.words import words

if TYPE_CHECKING:
    from reportlint.checks.options import Options

NAME = "sum-of-parts"


def check(ctx: Context, target: Target, options: Mapping[str, Any]) -> Iterator[Hit]:
    markers = words(tuple(options.get("markers", ["其中", "包括"])))
    remainder = words(tuple(options.get("remainder", ["其余", "其他", "剩余"])))
    negations = words(tuple(options.get("negations", ["不予", "未予", "未", "不"])))
    minimum: int = options.get("min_parts", 2)
    roles = options.get("roles") or ["current"]
    splits = [
        Split(words(tuple(item["whole"])), words(tuple(item["parts"])), words(tuple(item["rest"])))
        for item in options.get("splits", [])
    ]
    for pointer, node in target.nodes:
        text = ctx.figures(pointer, node)
        figures = list(chosen(text.figures, units=options.get("units"), roles=roles, exact=False))
        found_lists = [
            *enumerations(text, figures, markers),
            *complements(figures, negations),
            *(found for split in splits for found in outcomes(figures, split)),
        ]
        for found in found_lists:
            whole, parts = found.whole, found.parts
            if len(parts) < minimum or not whole.exact or not all(part.exact for part in parts):
                continue
            total = sum(part.value for part in parts)
            slack = rounding(whole) + sum(rounding(part) for part in parts)
            complete = (
                any(remainder.within(part.lead) for part in parts)
                or any(negates(one, other, negations) for one in parts for other in parts)
                or any(split.rest.ending(part.label) for split in splits for part in parts)
            )
            if total > whole.value + slack or (complete and total < whole.value - slack):
                place = text.place(whole)
                params = {
                    "whole": whole.written,
                    "total": f"{whole.value:g}",
                    "sum": f"{total:g}",
                    "parts": "+".join(f"{part.value:g}" for part in parts),
                    "unit": whole.unit,
                    "match": whole.written,
                }
                yield Hit(place.pointer, place.start, place.end, params=params)


@functools.cache
def options_model() -> type[Options]:
    """The model of this check's options; pydantic is imported only when a pack is validated."""
    from pydantic import Field, model_validator

    from reportlint.checks.figure_options import FigureOptions, WordList
    from reportlint.checks.options import Options as Strict

    class SplitOption(Strict):
        whole: WordList = Field(min_length=1)
        parts: WordList = Field(min_length=2)
        rest: WordList = Field(default_factory=list)

        @model_validator(mode="after")
        def _rest_is_a_part(self) -> SplitOption:
            strays = [word for word in self.rest if word not in self.parts]
            if strays:
                raise ValueError(f"rest words must be among the parts: {' '.join(strays)}")
            return self

    class SumOfPartsOptions(FigureOptions):
        markers: WordList = Field(default_factory=lambda: ["其中", "包括"], min_length=1)
        remainder: WordList = Field(default_factory=lambda: ["其余", "其他", "剩余"])
        negations: WordList = Field(default_factory=lambda: ["不予", "未予", "未", "不"])
        min_parts: int = Field(default=2, ge=2)
        splits: list[SplitOption] = Field(default_factory=list)

    return SumOfPartsOptions
