"""``doubled-character``: a character typed twice (的的, 了了) where Chinese never doubles it.

Only the characters in ``chars`` are read, and a doubling inside one of the ``allow``
strings is a real word or two words meeting (的的确确; 目的|的; 为了|了解; 现在|在), not
a slip. Fields: ``match`` (the doubled characters).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from reportlint.checks import Target
from reportlint.checks.context import Context, Hit

if TYPE_CHECKING:
    from reportlint.checks.options import Options

NAME = "doubled-character"


@functools.lru_cache(maxsize=16)
def _doubled(chars: str) -> re.Pattern[str]:
    # 的的|了了|…: an alternation of literals, fast to compile and to search (a class of CJK
    # characters with a back-reference takes a fraction of a millisecond to compile).
    return re.compile("|".join(re.escape(char * 2) for char in dict.fromkeys(chars)))


def _allowed(text: str, start: int, allow: tuple[str, ...]) -> bool:
    """Whether the doubling at ``start`` lies inside one of the ``allow`` strings there."""
    pair = text[start : start + 2]
    for word in allow:
        offset = word.find(pair)
        while offset >= 0:
            if start >= offset and text.startswith(word, start - offset):
                return True
            offset = word.find(pair, offset + 1)
    return False


def check(ctx: Context, target: Target, options: Mapping[str, Any]) -> Iterator[Hit]:
    compiled = _doubled(options["chars"])
    allow = tuple(options.get("allow") or ())
    for pointer, value in target.nodes:
        block = ctx.text(pointer, value)
        for match in compiled.finditer(block.text):
            if _allowed(block.text, match.start(), allow):
                continue
            place = block.locate(match.start(), match.end())
            yield Hit(place.pointer, place.start, place.end, params={"match": match.group(0)})


@functools.cache
def options_model() -> type[Options]:
    """The model of this check's options; pydantic is imported only when a pack is validated."""
    import itertools

    from pydantic import Field, field_validator

    from reportlint.checks.options import Options

    class DoubledCharacterOptions(Options):
        chars: str = Field(min_length=1)
        allow: list[str] = Field(default_factory=list)

        @field_validator("allow")
        @classmethod
        def _each_holds_a_doubling(cls, value: list[str]) -> list[str]:
            for word in value:
                if not any(a == b for a, b in itertools.pairwise(word)):
                    raise ValueError(f"'{word}' holds no doubled character to allow")
            return value

    return DoubledCharacterOptions
