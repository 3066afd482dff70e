"""Options the figure checks share (a pydantic model: imported only when a pack is validated)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from reportlint.checks.options import Options, RegexOptions

RoleName = Literal["current", "target", "prior", "change"]
# Plain words (not patterns), matched as written: 其中, 采纳.
WordList = list[str]


class FigureOptions(Options):
    """``units`` and ``roles`` choose the figures a check reads; ``pattern`` names them.

    ``pattern`` is searched in the clause before a figure and must end at most ``gap``
    characters before it (``出庭应诉率达到96%``: the name, two characters, the figure).
    """

    pattern: str | None = Field(default=None, min_length=1)
    units: list[str] | None = Field(default=None, min_length=1)
    roles: list[RoleName] | None = Field(default=None, min_length=1)
    gap: int = Field(default=10, ge=0, le=40)

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        if value is None:
            return None
        # The shared checks: it compiles and cannot backtrack catastrophically.
        validated: str = RegexOptions.model_validate({"pattern": value}).pattern
        return validated

    @field_validator("units")
    @classmethod
    def _known_units(cls, value: list[str] | None) -> list[str] | None:
        from reportlint.matching.figures import UNITS

        for unit in value or []:
            if unit not in UNITS:
                raise ValueError(f"unknown unit {unit!r} (known: {' '.join(UNITS)})")
        return value
