"""``required``: each path names a node that is present and not null."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reportlint.checks import Target
from reportlint.checks.context import Context, Hit
from reportlint.matching import paths


def check(ctx: Context, target: Target, options: Mapping[str, Any]) -> Iterator[Hit]:
    for path in target.paths:
        found = ctx.select(path)
        if not found or all(value is None for _, value in found):
            # The locator falls back to the nearest existing ancestor: the parent key.
            yield Hit(paths.to_pointer(path), key=True, params={"path": path})
