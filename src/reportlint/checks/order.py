"""``order``: the keys of a mapping follow the profile's section order.

Each section to move is one finding: the fewest sections whose moving puts the rest in
order (one section put too early is one finding, not one for each section after it).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from reportlint import positions
from reportlint.checks import Target
from reportlint.checks.context import Context, Hit

if TYPE_CHECKING:
    from reportlint.checks.options import Options

NAME = "order"


def check(ctx: Context, target: Target, options: Mapping[str, Any]) -> Iterator[Hit]:
    expected: list[str] = options.get("order") or ctx.profile.order
    rank = {key: index for index, key in enumerate(expected)}
    titles = {section.key: section.title for section in ctx.profile.sections}
    for pointer, value in target.nodes:
        if not isinstance(value, dict):
            continue
        keys = [key for key in value if key in rank]
        kept = _in_order(keys, rank)
        for key in keys:
            if key in kept:
                continue
            # The one finding of a moved section names where it belongs: after the last
            # section in order that should precede it, or before the first that should follow.
            before = [other for other in kept if rank[other] < rank[key]]
            after = [other for other in kept if rank[other] > rank[key]]
            if before and keys.index(key) < keys.index(before[-1]):
                first, second = before[-1], key
            else:
                first, second = key, after[0]
            params = {
                "key": first,
                "after": second,
                "title": titles.get(first, first),
                "after_title": titles.get(second, second),
            }
            yield Hit(positions.join(pointer, key), key=True, params=params)


def _in_order(keys: list[str], rank: Mapping[str, int]) -> list[str]:
    """The most keys that already stand in order (the earliest such, on a tie), in that
    order: the others are the fewest sections to move."""
    longest = [1] * len(keys)
    previous: list[int | None] = [None] * len(keys)
    for index, key in enumerate(keys):
        for earlier in range(index):
            if rank[keys[earlier]] < rank[key] and longest[earlier] + 1 > longest[index]:
                longest[index] = longest[earlier] + 1
                previous[index] = earlier
    end: int | None = longest.index(max(longest)) if keys else None
    kept: list[str] = []
    while end is not None:
        kept.append(keys[end])
        end = previous[end]
    return kept[::-1]


@functools.cache
def options_model() -> type[Options]:
    """The model of this check's options; pydantic is imported only when a pack is validated."""
    from reportlint.checks.options import Options

    class OrderOptions(Options):
        order: list[str] | None = None

    return OrderOptions
