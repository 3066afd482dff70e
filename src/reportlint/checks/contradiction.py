"""``contradiction``: a statement and a passage that contradicts it, in the same text.

The regex has two named groups: ``claim`` finds the statement (无不履行法院生效裁判的情况),
``against`` what contradicts it (2件生效判决尚未履行). Where both occur among the rule's
nodes, every place of each is a finding, so the reader sees both sides. Fields: ``match``
(the text at this place), ``claim`` and ``against`` (the first of each).
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


def check(ctx: Context, target: Target, options: Mapping[str, Any]) -> Iterator[Hit]:
    compiled = regex(options["pattern"])
    found: dict[str, list[tuple[str, Match]]] = {"claim": [], "against": []}
    for pointer, value in target.nodes:
        block = ctx.text(pointer, value)
        for match in compiled.finditer(block.text):
            side = "claim" if match.group("claim") is not None else "against"
            found[side].append((match.group(0), block.locate(match.start(), match.end())))
    if not found["claim"] or not found["against"]:
        return
    params = {"claim": found["claim"][0][0], "against": found["against"][0][0]}
    for text, place in [*found["claim"], *found["against"]]:
        yield Hit(place.pointer, place.start, place.end, params={**params, "match": text})


@functools.cache
def options_model() -> type[Options]:
    """The model of this check's options; pydantic is imported only when a pack is validated."""
    import re

    from pydantic import model_validator

    from reportlint.checks.options import RegexOptions

    class ContradictionOptions(RegexOptions):
        @model_validator(mode="after")
        def _has_both_sides(self) -> ContradictionOptions:
            if "${" in self.pattern:
                return self
            groups = re.compile(self.pattern).groupindex
            if "claim" not in groups or "against" not in groups:
                raise ValueError(
                    "pattern needs two groups: (?P<claim>…) for the statement and "
                    "(?P<against>…) for what contradicts it"
                )
            return self

    return ContradictionOptions
