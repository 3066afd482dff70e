"""``paired-marks``: marks that come in pairs (《》 （） “”) open and close within a paragraph.

``find: unbalanced`` reports an opening mark never closed and a closing mark never opened.
``find: nested`` reports a pair opened again inside itself, for the pairs in ``inner``
(``{《》: 〈〉}``: GB/T 15834 writes a title inside a title with the single marks).
Pairs are given as two characters, in the folded form (``()`` also covers （）). A list
number such as "1)" or "一)" (at the start of a paragraph or after a pause) is not taken for
a parenthesis never opened.
Fields: ``mark``, ``pair``, and ``suggestion`` (the inner pair) for ``nested``.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from reportlint.checks import Target
from reportlint.checks.context import Context, Hit

if TYPE_CHECKING:
    from reportlint.checks.options import Options

NAME = "paired-marks"


@functools.cache
def _list_number_pattern() -> re.Pattern[str]:
    """A list number ending at a ")" (1) 一) a)), at a paragraph's start or after a pause.

    Built on first need, as a lone ")" is rare.
    """
    return re.compile(
        r"(?:(?<![\s\S])|(?<=[;。,:、\s]))(?:\d{1,2}|[一二三四五六七八九十]{1,3}|[a-zA-Z])\)\Z"
    )


def _marks(text: str, marks: re.Pattern[str]) -> Iterator[tuple[int, str]]:
    for match in marks.finditer(text):
        yield match.start(), match.group()


def _list_number(text: str, index: int) -> bool:
    return _list_number_pattern().search(text, max(0, index - 4), index + 1) is not None


def _unbalanced(text: str, marks: re.Pattern[str], opens: Mapping[str, str]) -> list[int]:
    """Indexes of marks without their partner; ``opens`` maps each opening mark to its close."""
    closes = {close: open_ for open_, close in opens.items()}
    stack: list[int] = []
    lone: list[int] = []
    for index, char in _marks(text, marks):
        if char in opens:
            stack.append(index)
        elif char in closes:
            partner = closes[char]
            depth = next(
                (i for i in range(len(stack) - 1, -1, -1) if text[stack[i]] == partner), None
            )
            if depth is not None:
                lone.extend(stack[depth + 1 :])
                del stack[depth:]
            elif char != ")" or not _list_number(text, index):
                lone.append(index)
    return sorted(lone + stack)


def _nested(
    text: str, marks: re.Pattern[str], opens: Mapping[str, str], inner: Mapping[str, str]
) -> Iterator[int]:
    """Indexes of marks that open a pair of ``inner`` while the same pair is open.

    A pair that does not balance in the paragraph is left to ``unbalanced``: after a lone
    opening mark, every later one would seem nested.
    """
    inner = {
        opener: pair
        for opener, pair in inner.items()
        if text.count(opener) == text.count(opens[opener])
    }
    if not inner:
        return
    depth: dict[str, int] = {}
    for index, char in _marks(text, marks):
        if char in opens:
            if char in inner and depth.get(char, 0) > 0:
                yield index
            depth[char] = depth.get(char, 0) + 1
        else:
            for opener, closer in opens.items():
                if char == closer and depth.get(opener, 0) > 0:
                    depth[opener] -= 1


@functools.lru_cache(maxsize=16)
def _reopened(pairs: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    """A pair opened again in the same paragraph before it closes (《…《)."""
    return re.compile(
        "|".join(f"{re.escape(o)}[^{re.escape(c)}\\n]*{re.escape(o)}" for o, c in pairs)
    )


@functools.lru_cache(maxsize=16)
def _finder(pairs: tuple[str, ...]) -> re.Pattern[str]:
    # Built on first need: a class of CJK marks costs a fraction of a millisecond to compile,
    # and most reports have no paragraph that needs reading mark by mark.
    return re.compile("[" + re.escape("".join(pairs)) + "]")


def check(ctx: Context, target: Target, options: Mapping[str, Any]) -> Iterator[Hit]:
    pairs: list[str] = options["pairs"]
    opens = {pair[0]: pair[1] for pair in pairs}
    closes = {pair[1]: pair[0] for pair in pairs}
    inner = {pair[0]: replacement for pair, replacement in (options.get("inner") or {}).items()}
    nested = options.get("find", "unbalanced") == "nested"
    for pointer, value in target.nodes:
        block = ctx.text(pointer, value)
        # Most reports pass at once: no pair opened again before it closes, or every pair's
        # count agrees.
        if nested:
            starts = [segment.start for segment in block.segments]
            reopened = _reopened(tuple((opener, opens[opener]) for opener in inner))
            numbers = {
                bisect.bisect_right(starts, match.start()) - 1
                for match in reopened.finditer(block.text)
            }
            segments = [block.segments[number] for number in sorted(numbers)]
        elif all(block.text.count(pair[0]) == block.text.count(pair[1]) for pair in pairs):
            continue
        else:
            segments = block.segments
        for segment in segments:
            text = block.text[segment.start : segment.start + segment.length]
            if nested:
                places = list(_nested(text, _finder(tuple(pairs)), opens, inner))
            else:
                # Counts that agree are taken for a balanced paragraph; only the others are
                # read mark by mark (a pair written backwards, ")…(", goes unseen, and so do
                # two paragraphs whose faults cancel out in the counts of the whole text).
                if all(text.count(pair[0]) == text.count(pair[1]) for pair in pairs):
                    continue
                places = _unbalanced(text, _finder(tuple(pairs)), opens)
            for index in places:
                char = text[index]
                pair = char + opens[char] if char in opens else closes[char] + char
                params = {"mark": char, "pair": pair, "suggestion": inner.get(char, "")}
                place = block.locate(segment.start + index, segment.start + index + 1)
                yield Hit(place.pointer, place.start, place.end, params=params)


@functools.cache
def options_model() -> type[Options]:
    """The model of this check's options; pydantic is imported only when a pack is validated."""
    from typing import Literal

    from pydantic import Field, model_validator

    from reportlint.checks.options import Options

    class PairedMarksOptions(Options):
        pairs: list[str] = Field(min_length=1)
        find: Literal["unbalanced", "nested"] = "unbalanced"
        inner: dict[str, str] = Field(default_factory=dict)

        @model_validator(mode="after")
        def _pairs_are_pairs(self) -> PairedMarksOptions:
            for pair in [*self.pairs, *self.inner, *self.inner.values()]:
                if len(pair) != 2 or pair[0] == pair[1]:
                    raise ValueError(f"'{pair}': a pair is two different marks, e.g. '《》'")
            missing = [pair for pair in self.inner if pair not in self.pairs]
            if missing:
                raise ValueError(f"inner pair '{missing[0]}' is not one of 'pairs'")
            if self.find == "nested" and not self.inner:
                raise ValueError("find: nested needs 'inner', e.g. {《》: 〈〉}")
            return self

    return PairedMarksOptions
