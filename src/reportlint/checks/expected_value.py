"""``expected-value``: a value captured from the text stands in a relation to another.

The regex captures ``value``; ``expected`` is a template (``${report.year}``); ``op`` is
one of ``== != >= <= > <`` (numbers when both sides are numbers) or ``in`` (the value is
part of the expected text). ``limit`` checks only the first N matches.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Literal

from reportlint.checks import Target
from reportlint.checks.context import Context, Hit
from reportlint.matching.conditions import OPERATORS, Comparison
from reportlint.matching.regex import regex

if TYPE_CHECKING:
    from reportlint.checks.options import Options

NAME = "expected-value"


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _holds(value: str, op: str, expected: str) -> bool:
    if op == "in":
        return value in expected
    left, right = _number(value), _number(expected)
    if left is not None and right is not None:
        return OPERATORS[op](left, right)
    return OPERATORS[op](value, expected)


def check(ctx: Context, target: Target, options: Mapping[str, Any]) -> Iterator[Hit]:
    expected = ctx.expand(options["expected"])
    if expected is None:
        return
    compiled = regex(options["pattern"])
    limit: int | None = options.get("limit")
    for pointer, node in target.nodes:
        block = ctx.text(pointer, node)
        for index, match in enumerate(compiled.finditer(block.text)):
            if limit is not None and index >= limit:
                break
            value = match.group("value")
            if value is None or _holds(value, options["op"], expected):
                continue
            place = block.locate(match.start("value"), match.end("value"))
            params = {"value": value, "expected": expected, "match": match.group(0)}
            yield Hit(place.pointer, place.start, place.end, params=params)


@functools.cache
def options_model() -> type[Options]:
    """The model of this check's options; pydantic is imported only when a pack is validated."""
    from pydantic import Field

    from reportlint.checks.options import RegexOptions

    class ExpectedValueOptions(RegexOptions):
        groups = ("value",)

        expected: str
        op: Comparison | Literal["in"] = "=="
        limit: int | None = Field(default=None, ge=1)

    return ExpectedValueOptions
