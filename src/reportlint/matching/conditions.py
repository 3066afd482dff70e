"""Rule conditions (``when: report.year >= 2021``): a path, a comparison, a number."""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from typing import Any, Literal

from reportlint.matching import paths

_FORM = re.compile(r"^\s*([a-z_][a-z_.]*)\s*(==|!=|>=|<=|>|<)\s*(-?\d+)\s*$")
Comparison = Literal["==", "!=", ">=", "<=", ">", "<"]
OPERATORS: dict[str, Callable[[Any, Any], bool]] = {
    "==": operator.eq,
    "!=": operator.ne,
    ">=": operator.ge,
    "<=": operator.le,
    ">": operator.gt,
    "<": operator.lt,
}


def parse_condition(text: str) -> tuple[str, str, int]:
    """Split ``report.year >= 2021`` into its parts; ValueError when it is not that form."""
    match = _FORM.match(text)
    if not match:
        raise ValueError(f"condition '{text}' is not of the form 'path op number'")
    path, op, number = match.groups()
    return path, op, int(number)


def holds(text: str, data: Any) -> bool:
    """Whether the condition holds; a missing or non-numeric value makes it false."""
    path, op, number = parse_condition(text)
    value = paths.resolve(data, path)
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return False
    return OPERATORS[op](value, number)
