"""The vocabulary of check functions that rule packs name in ``check:``.

Each check kind is one module: ``NAME``, a ``check`` function and an ``options_model``;
``CHECKS`` registers each once and is the whole vocabulary.
"""

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from reportlint.checks.context import Context, Hit

if TYPE_CHECKING:
    from reportlint.checks.options import Options


class Target(NamedTuple):
    """What a rule looks at: its expanded paths and the nodes they name."""

    paths: tuple[str, ...]
    nodes: list[tuple[str, Any]]


class Check(Protocol):
    def __call__(
        self, ctx: Context, target: Target, options: Mapping[str, Any]
    ) -> Iterator[Hit]: ...


class OptionsModel(Protocol):
    def __call__(self) -> "type[Options]": ...


class CheckKind(NamedTuple):
    """One word of the vocabulary: the function that runs it and the model of its options.

    The model is built on first use, so that linting (which reads packs already validated)
    never imports pydantic.
    """

    run: Check
    options_model: OptionsModel


def _registry() -> dict[str, CheckKind]:
    from reportlint.checks import (
        contradiction,
        count,
        date_compare,
        document_name,
        doubled_character,
        duplicate_text,
        ended_period,
        expected_value,
        figure_range,
        figure_stated,
        forbidden_pattern,
        impossible_date,
        input_stage,
        mark_width,
        min_length,
        number_range,
        order,
        paired_marks,
        part_of_whole,
        pattern,
        rate_of_counts,
        required,
        same_figure,
        same_value,
        sum_of_parts,
        trend_amount,
        trend_direction,
    )

    units = (
        required,
        pattern,
        count,
        forbidden_pattern,
        number_range,
        date_compare,
        same_value,
        expected_value,
        order,
        min_length,
        input_stage,
        figure_range,
        figure_stated,
        same_figure,
        part_of_whole,
        sum_of_parts,
        rate_of_counts,
        trend_direction,
        trend_amount,
        ended_period,
        contradiction,
        document_name,
        impossible_date,
        mark_width,
        paired_marks,
        doubled_character,
        duplicate_text,
    )
    return {unit.NAME: CheckKind(unit.check, unit.options_model) for unit in units}


CHECKS: dict[str, CheckKind] = _registry()
