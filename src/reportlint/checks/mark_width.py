"""``mark-width``: a punctuation mark written in the width the rest of the document does not use.

For each mark given as its full-width form and its ASCII form (``"，,"``), the document's
prevailing form is the one that makes at least ``share`` of the marks standing in Chinese
text (and there are at least ``min_count``). A paragraph that also uses the other form gets
one finding, at its first such mark; ``odd`` limits findings to odd marks that are ASCII
(``half``) or full-width (``full``). Width is read from the text as written, before folding.
Fields: ``mark`` (the odd one), ``prevailing``, ``count`` (odd marks in the paragraph).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from reportlint.checks import Target
from reportlint.checks.context import Context, Hit
from reportlint.matching.punctuation import in_chinese
from reportlint.matching.text import text_strings

if TYPE_CHECKING:
    from reportlint.checks.options import Options

NAME = "mark-width"
DEFAULT_MARKS = ("，,", "：:", "；;", "（(", "）)", "？?", "！!")


def _places(text: str, marks: str) -> dict[str, list[int]]:
    """Index of every mark of ``marks`` in ``text`` that stands in Chinese text."""
    found: dict[str, list[int]] = {}
    for mark in marks:
        places: list[int] = []
        index = text.find(mark)
        while index >= 0:
            if mark == marks[0] or in_chinese(text, index):
                places.append(index)
            index = text.find(mark, index + 1)
        found[mark] = places
    return found


def check(ctx: Context, target: Target, options: Mapping[str, Any]) -> Iterator[Hit]:
    share: float = options.get("share", 0.8)
    minimum: int = options.get("min_count", 5)
    odd_kind: str = options.get("odd", "any")
    strings = [item for pointer, node in target.nodes for item in text_strings(node, pointer)]
    for marks in options.get("marks", DEFAULT_MARKS):
        full, half = marks[0], marks[1]
        per_string = [
            (pointer, _places(raw, marks)) for pointer, raw in strings if full in raw or half in raw
        ]
        totals = {mark: sum(len(places[mark]) for _, places in per_string) for mark in marks}
        counted = totals[full] + totals[half]
        if counted < minimum:
            continue
        prevailing = next((mark for mark in marks if totals[mark] >= share * counted), None)
        if prevailing is None:
            continue
        odd = half if prevailing == full else full
        if (odd_kind == "half" and odd != half) or (odd_kind == "full" and odd != full):
            continue
        for pointer, places in per_string:
            if places[odd]:
                first = places[odd][0]
                params = {"mark": odd, "prevailing": prevailing, "count": str(len(places[odd]))}
                yield Hit(pointer, first, first + 1, params=params)


@functools.cache
def options_model() -> type[Options]:
    """The model of this check's options; pydantic is imported only when a pack is validated."""
    from typing import Literal

    from pydantic import Field, field_validator

    from reportlint.checks.options import Options

    class MarkWidthOptions(Options):
        marks: list[str] = Field(default_factory=lambda: list(DEFAULT_MARKS))
        share: float = Field(default=0.8, gt=0.5, le=1)
        min_count: int = Field(default=5, ge=1)
        odd: Literal["any", "half", "full"] = "any"

        @field_validator("marks")
        @classmethod
        def _pairs(cls, value: list[str]) -> list[str]:
            for marks in value:
                if len(marks) != 2 or not marks[1].isascii() or marks[0].isascii():
                    raise ValueError(
                        f"'{marks}': give a full-width mark then its ASCII form, e.g. '，,'"
                    )
            return value

    return MarkWidthOptions
