"""The vocabulary of check functions that rule packs name in ``check:``.

Each check is a small function in its own module; this dict is the whole vocabulary.
Their options are validated by the models in ``checks.options`` when a pack loads.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple, Protocol

from reportlint.checks.context import Context, Hit


class Target(NamedTuple):
    """What a rule looks at: its expanded paths and the nodes they name."""

    paths: tuple[str, ...]
    nodes: list[tuple[str, Any]]


class Check(Protocol):
    def __call__(
        self, ctx: Context, target: Target, options: Mapping[str, Any]
    ) -> Iterator[Hit]: ...


def _registry() -> dict[str, Check]:
    from reportlint.checks import (
        date_compare,
        expected_value,
        forbidden_pattern,
        input_stage,
        min_length,
        number_range,
        order,
        pattern,
        required,
        same_value,
    )

    return {
        "required": required.check,
        "pattern": pattern.check_pattern,
        "count": pattern.check_count,
        "forbidden-pattern": forbidden_pattern.check,
        "number-range": number_range.check,
        "date-compare": date_compare.check,
        "same-value": same_value.check,
        "expected-value": expected_value.check,
        "order": order.check,
        "min-length": min_length.check,
        "input-stage": input_stage.check,
    }


CHECKS: dict[str, Check] = _registry()
