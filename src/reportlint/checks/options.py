"""Models of each check's options, validated when a rule pack loads (pydantic)."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from reportlint.matching.backtracking import catastrophic_shape

Comparison = Literal["==", "!=", ">=", "<=", ">", "<"]


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RegexOptions(Options):
    pattern: str = Field(min_length=1)

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        if "${" not in value:
            try:
                re.compile(value)
            except re.error as error:
                raise ValueError(f"pattern does not compile: {error}") from error
            shape = catastrophic_shape(value)
            if shape:
                raise ValueError(
                    f"pattern may take exponential time on some texts: {shape}; rewrite it so "
                    "each character can be matched one way only (e.g. (a+)+ as a+), or use a "
                    "possessive repeat or atomic group"
                )
        return value


class RequiredOptions(Options):
    pass


class CountOptions(RegexOptions):
    min: int = Field(default=1, ge=0)
    max: int | None = Field(default=None, ge=0)
    distinct: bool = False
    body_only: bool = False


class PatternOptions(RegexOptions):
    body_only: bool = False


class ForbiddenOptions(RegexOptions):
    suggest: dict[str, str] = Field(default_factory=dict)
    body_only: bool = False


class NumberRangeOptions(RegexOptions):
    min: float | None = None
    max: float | None = None


class DateCompareOptions(Options):
    left: str
    op: Comparison
    right: str


class ExpectedValueOptions(RegexOptions):
    expected: str
    op: Comparison | Literal["in"] = "=="
    limit: int | None = Field(default=None, ge=1)


class SameValueOptions(RegexOptions):
    aliases: dict[str, str] = Field(default_factory=dict)


class OrderOptions(Options):
    order: list[str] | None = None


class MinLengthOptions(Options):
    min: int = Field(ge=0)
    body_only: bool = False


class InputStageOptions(Options):
    pass


OPTION_MODELS: dict[str, type[Options]] = {
    "required": RequiredOptions,
    "pattern": PatternOptions,
    "count": CountOptions,
    "forbidden-pattern": ForbiddenOptions,
    "number-range": NumberRangeOptions,
    "date-compare": DateCompareOptions,
    "same-value": SameValueOptions,
    "expected-value": ExpectedValueOptions,
    "order": OrderOptions,
    "min-length": MinLengthOptions,
    "input-stage": InputStageOptions,
}
