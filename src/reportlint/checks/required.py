"""``required``: each path names a node that is present and not null."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from reportlint.checks import Target
from reportlint.checks.context import Context, Hit
from reportlint.matching import paths

if TYPE_CHECKING:
    from reportlint.checks.options import Options

NAME = "required"


def check(ctx: Context, target: Target, options: Mapping[str, Any]) -> Iterator[Hit]:
    for path in target.paths:
        found = ctx.select(path)
        if not found or all(value is None for _, value in found):
            # The locator falls back to the nearest existing ancestor: the parent key.
            yield Hit(paths.to_pointer(path), key=True, params={"path": path})


@functools.cache
def options_model() -> type[Options]:
    """The model of this check's options; pydantic is imported only when a pack is validated."""
    from reportlint.checks.options import Options

    class RequiredOptions(Options):
        pass

    return RequiredOptions
