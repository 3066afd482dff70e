"""``same-value``: a named figure has one value wherever it is given.

The regex captures ``name`` and ``value``; ``aliases`` maps other spellings of a name to
one (出庭率 -> 出庭应诉率). Where one name has several values, every place is a finding.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from reportlint.checks import Target
from reportlint.checks.context import Context, Hit
from reportlint.matching.regex import regex
from reportlint.matching.text import Match

if TYPE_CHECKING:
    from reportlint.checks.options import Options

NAME = "same-value"


def check(ctx: Context, target: Target, options: Mapping[str, Any]) -> Iterator[Hit]:
    compiled = regex(options["pattern"])
    aliases: Mapping[str, str] = options.get("aliases") or {}
    places: dict[str, list[tuple[float, str, Match]]] = defaultdict(list)
    for pointer, node in target.nodes:
        block = ctx.text(pointer, node)
        for match in compiled.finditer(block.text):
            name = aliases.get(match.group("name"), match.group("name"))
            value = match.group("value")
            places[name].append((float(value), value, block.locate(match.start(), match.end())))
    for name, found in places.items():
        values = sorted({number for number, _, _ in found})
        if len(values) < 2:
            continue
        listed = "、".join(f"{value:g}" for value in values)
        for _, value, place in found:
            params = {"name": name, "value": value, "values": listed}
            yield Hit(place.pointer, place.start, place.end, params=params)


@functools.cache
def options_model() -> type[Options]:
    """The model of this check's options; pydantic is imported only when a pack is validated."""
    from pydantic import Field

    from reportlint.checks.options import RegexOptions

    class SameValueOptions(RegexOptions):
        groups = ("name", "value")

        aliases: dict[str, str] = Field(default_factory=dict)

    return SameValueOptions
