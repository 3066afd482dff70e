"""What every check's options model builds on: no unknown keys, patterns that compile safely."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, field_validator

from reportlint.matching.backtracking import catastrophic_shape


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
