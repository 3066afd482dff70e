"""``pattern``: the text of each node holds at least one match of a regex."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from reportlint.checks import Target
from reportlint.checks.context import Context, Hit
from reportlint.checks.count import check as check_count

if TYPE_CHECKING:
    from reportlint.checks.options import Options

NAME = "pattern"


def check(ctx: Context, target: Target, options: Mapping[str, Any]) -> Iterator[Hit]:
    yield from check_count(ctx, target, {**options, "min": 1, "max": None})


@functools.cache
def options_model() -> type[Options]:
    """The model of this check's options; pydantic is imported only when a pack is validated."""
    from reportlint.checks.options import RegexOptions

    class PatternOptions(RegexOptions):
        body_only: bool = False

    return PatternOptions
