"""``mark-width``: a punctuation mark written in the width the rest of the document does not use.

For each mark given as its full-width form and its ASCII form (``"，,"``), the document's
prevailing form is the one that makes at least ``share`` of the marks standing in Chinese
text (and there are at least ``min_count``). A paragraph that also uses the other form gets
one finding, at its first such mark; ``odd`` limits findings to odd marks that are ASCII
(``half``) or full-width (``full``). Width is read from the text as written, before folding.
An ASCII mark stands in Chinese text when a character beside it is not ASCII; between
digits (1,200; 9:30) or Latin letters it does not count. A full-width mark always does.
Fields: ``mark`` (the odd one), ``prevailing``, ``count`` (odd marks in the paragraph).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from reportlint.checks import Target
from reportlint.checks.context import Context, Hit

if TYPE_CHECKING:
    from reportlint.checks.options import Options

NAME = "mark-width"
DEFAULT_MARKS = ("，,", "：:", "；;", "（(", "）)", "？?", "！!")


# The strings of one node as written: their pointers, joined by newlines, where each starts.
_Text = tuple[list[str], str, list[int]]


@functools.lru_cache(maxsize=8)
def _ascii_in_chinese(half: str) -> re.Pattern[str]:
    # The marks first (an ASCII class: cheap to build, fast to search), then a neighbour
    # that is not ASCII. Classes of CJK characters take milliseconds to compile.
    marks = re.escape(half)
    return re.compile(f"[{marks}](?:(?<=[^\\x00-\\x7f].)|(?=[^\\x00-\\x7f]))")


# The last document's text and mark counts: the variants of one rule read the same text.
_last: list[tuple[Context, tuple[str, ...], str, list[_Text], Counter[str]]] = []


def _read(ctx: Context, target: Target, marks: tuple[str, ...]) -> tuple[list[_Text], Counter[str]]:
    pointers = tuple(pointer for pointer, _ in target.nodes)
    half = "".join(pair[1] for pair in marks)
    if _last and _last[0][0] is ctx and _last[0][1] == pointers and _last[0][2] == half:
        return _last[0][3], _last[0][4]
    texts = []
    counts: Counter[str] = Counter()
    for pointer, node in target.nodes:
        block = ctx.text(pointer, node)
        joined = "\n".join(block.raw)
        starts = list(itertools.accumulate((len(raw) + 1 for raw in block.raw[:-1]), initial=0))
        texts.append(([segment.pointer for segment in block.segments], joined, starts))
        counts.update(_ascii_in_chinese(half).findall(joined))
        counts.update({pair[0]: joined.count(pair[0]) for pair in marks})
    _last[:] = [(ctx, pointers, half, texts, counts)]
    return texts, counts


def _odd_places(text: _Text, odd: str, half: str) -> Iterator[int]:
    """Offsets in the joined text of the odd mark (an ASCII one only where it counts)."""
    joined = text[1]
    if odd in half:
        for match in _ascii_in_chinese(half).finditer(joined):
            if match.group() == odd:
                yield match.start()
        return
    index = joined.find(odd)
    while index >= 0:
        yield index
        index = joined.find(odd, index + 1)


def check(ctx: Context, target: Target, options: Mapping[str, Any]) -> Iterator[Hit]:
    share: float = options.get("share", 0.8)
    minimum: int = options.get("min_count", 5)
    odd_kind: str = options.get("odd", "any")
    marks = tuple(options.get("marks", DEFAULT_MARKS))
    half_marks = "".join(pair[1] for pair in marks)
    texts, counts = _read(ctx, target, marks)
    for full, half in marks:
        counted = counts[full] + counts[half]
        if counted < minimum:
            continue
        prevailing = next((mark for mark in (full, half) if counts[mark] >= share * counted), None)
        if prevailing is None:
            continue
        odd = half if prevailing == full else full
        if not counts[odd] or odd_kind == ("full" if odd == half else "half"):
            continue
        # Only the odd mark is placed: one finding per paragraph, at its first one.
        first: dict[tuple[int, int], int] = {}
        count: Counter[tuple[int, int]] = Counter()
        for number, text in enumerate(texts):
            starts = text[2]
            for place in _odd_places(text, odd, half_marks):
                index = bisect.bisect_right(starts, place) - 1
                first.setdefault((number, index), place - starts[index])
                count[number, index] += 1
        for (number, index), offset in first.items():
            params = {"mark": odd, "prevailing": prevailing, "count": str(count[number, index])}
            yield Hit(texts[number][0][index], offset, offset + 1, params=params)


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
