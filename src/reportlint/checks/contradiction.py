"""``contradiction``: a statement and a passage that contradicts it, in the same text.

``pattern`` finds the statement (无不履行法院生效裁判的情况), ``against_pattern`` what
contradicts it (2件生效判决尚未履行). Where both occur among the rule's nodes, every place
of each is a finding, so the reader sees both sides. Fields: ``match`` (the text at this
place), ``claim`` and ``against`` (the first of each).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from reportlint.checks import Target
from reportlint.checks.context import Context, Hit
from reportlint.matching.regex import regex
from reportlint.matching.text import Match

if TYPE_CHECKING:
    from reportlint.checks.options import Options

NAME = "contradiction"


def _places(ctx: Context, target: Target, pattern: str) -> list[tuple[str, Match]]:
    found = []
    compiled = regex(pattern)
    for pointer, value in target.nodes:
        block = ctx.text(pointer, value)
        for match in compiled.finditer(block.text):
            found.append((match.group(0), block.locate(match.start(), match.end())))
    return found


def check(ctx: Context, target: Target, options: Mapping[str, Any]) -> Iterator[Hit]:
    claims = _places(ctx, target, options["pattern"])
    if not claims:
        return
    counters = _places(ctx, target, options["against_pattern"])
    if not counters:
        return
    params = {"claim": claims[0][0], "against": counters[0][0]}
    for text, place in [*claims, *counters]:
        yield Hit(place.pointer, place.start, place.end, params={**params, "match": text})


@functools.cache
def options_model() -> type[Options]:
    """The model of this check's options; pydantic is imported only when a pack is validated."""
    from pydantic import ValidationError, field_validator

    from reportlint.checks.options import RegexOptions

    class ContradictionOptions(RegexOptions):
        against_pattern: str

        @field_validator("against_pattern")
        @classmethod
        def _compiles_safely(cls, value: str) -> str:
            try:
                RegexOptions(pattern=value)
            except ValidationError as error:
                raise ValueError(error.errors()[0]["msg"].removeprefix("Value error, ")) from None
            return value

    return ContradictionOptions
