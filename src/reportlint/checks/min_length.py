"""``min-length``: the text of each node has at least ``min`` characters (white space aside)."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from reportlint.checks import Target
from reportlint.checks.context import Context, Hit

if TYPE_CHECKING:
    from reportlint.checks.options import Options

NAME = "min-length"


def check(ctx: Context, target: Target, options: Mapping[str, Any]) -> Iterator[Hit]:
    minimum: int = options["min"]
    for pointer, value in target.nodes:
        length = ctx.text(pointer, value, body_only=options.get("body_only", False)).body_length()
        if length < minimum:
            yield Hit(pointer, key=True, params={"length": str(length), "min": str(minimum)})


@functools.cache
def options_model() -> type[Options]:
    """The model of this check's options; pydantic is imported only when a pack is validated."""
    from pydantic import Field

    from reportlint.checks.options import Options

    class MinLengthOptions(Options):
        min: int = Field(ge=0)
        body_only: bool = False

    return MinLengthOptions
