"""``document-name``: the laws and documents a report cites are named right.

Two ways: a title in book-title marks one edit away from a name in ``names`` (a wrong,
missing or extra character), and any of the known ``misspellings`` anywhere in the text
(法制政府 for 法治政府, a dash lost in "20212025年"). Fields: ``match`` (as written) and
``suggestion`` (the right name).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from reportlint.checks import Target
from reportlint.checks.context import Context, Hit
from reportlint.matching.names import NameList

if TYPE_CHECKING:
    from reportlint.checks.options import Options

NAME = "document-name"


@functools.lru_cache(maxsize=16)
def _names(
    names: tuple[str, ...], prefixes: tuple[str, ...], distance: int, min_length: int, below: int
) -> NameList:
    return NameList(
        names, prefixes=prefixes, distance=distance, min_length=min_length, substitute_below=below
    )


@functools.lru_cache(maxsize=16)
def _misspelt(wrong: tuple[str, ...]) -> re.Pattern[str]:
    # Longest first, so that a longer misspelling wins over one it contains.
    return re.compile("|".join(map(re.escape, sorted(wrong, key=len, reverse=True))))


def check(ctx: Context, target: Target, options: Mapping[str, Any]) -> Iterator[Hit]:
    known = _names(
        tuple(options.get("names") or ()),
        tuple(options.get("strip", ("中华人民共和国",))),
        options.get("max_distance", 1),
        options.get("min_length", 5),
        options.get("substitute_only_below", 8),
    )
    misspellings: Mapping[str, str] = options.get("misspellings") or {}
    for pointer, value in target.nodes:
        block = ctx.text(pointer, value)
        taken: list[tuple[int, int]] = []
        for start, end, written, meant in known.misnamed(block.text):
            taken.append((start, end))
            place = block.locate(start, end)
            params = {"match": written, "suggestion": meant}
            if any(written.replace(wrong, right) == meant for wrong, right in misspellings.items()):
                params["corrected"] = meant  # a listed misspelling: the one right form
            yield Hit(place.pointer, place.start, place.end, params=params)
        if not misspellings:
            continue
        for match in _misspelt(tuple(misspellings)).finditer(block.text):
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            place = block.locate(match.start(), match.end())
            meant = misspellings[match.group(0)]
            # A listed misspelling has one right form (``corrected``, for ``fix``); a name
            # one character from a known one is a guess, and is never fixed unasked.
            params = {"match": match.group(0), "suggestion": meant, "corrected": meant}
            yield Hit(place.pointer, place.start, place.end, params=params)


@functools.cache
def options_model() -> type[Options]:
    """The model of this check's options; pydantic is imported only when a pack is validated."""
    from pydantic import Field, model_validator

    from reportlint.checks.options import Options

    class DocumentNameOptions(Options):
        names: list[str] = Field(default_factory=list)
        misspellings: dict[str, str] = Field(default_factory=dict)
        strip: list[str] = Field(default_factory=lambda: ["中华人民共和国"])
        max_distance: int = Field(default=1, ge=1, le=2)
        min_length: int = Field(default=5, ge=2)
        substitute_only_below: int = Field(default=8, ge=0)
        fix: str | None = None

        @model_validator(mode="after")
        def _something_to_check(self) -> DocumentNameOptions:
            if not self.names and not self.misspellings:
                raise ValueError("give 'names', 'misspellings' or both")
            wrong = [key for key, right in self.misspellings.items() if not key or key == right]
            if wrong:
                raise ValueError(f"misspelling '{wrong[0]}' is empty or the same as its fix")
            return self

    return DocumentNameOptions
