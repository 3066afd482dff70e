"""``order``: the keys of a mapping follow the profile's section order."""

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
        previous: str | None = None
        for key in value:
            if key not in rank:
                continue
            if previous is not None and rank[key] < rank[previous]:
                params = {
                    "key": key,
                    "after": previous,
                    "title": titles.get(key, key),
                    "after_title": titles.get(previous, previous),
                }
                yield Hit(positions.join(pointer, key), key=True, params=params)
            else:
                previous = key


@functools.cache
def options_model() -> type[Options]:
    """The model of this check's options; pydantic is imported only when a pack is validated."""
    from reportlint.checks.options import Options

    class OrderOptions(Options):
        order: list[str] | None = None

    return OrderOptions
