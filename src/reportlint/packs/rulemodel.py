"""The pydantic models that validate rule packs and profiles.

Only imported when a pack is not in the cache (see ``catalog``): pydantic costs more to
import than a whole check of a report.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from reportlint.checks import CHECKS

RULE_ID = re.compile(r"^[A-Z][A-Z0-9]*[0-9]{3}$")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """Text in both languages; the people who write these reports read Chinese."""

    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)


class Examples(Strict):
    """Documents (merge patches over the baseline report, or whole YAML texts)."""

    pass_: list[dict[str, Any] | str] = Field(alias="pass", min_length=1)
    fail: list[dict[str, Any] | str] = Field(min_length=1)


class Variant(Strict):
    """A second way the same rule is checked, e.g. another pattern or severity."""

    check: str | None = None
    path: str | list[str] | None = None
    options: dict[str, Any] = Field(default_factory=dict)
    severity: Literal["error", "warning", "info"] | None = None
    message: Text | None = None


class Rule(Strict):
    id: str
    name: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    severity: Literal["error", "warning", "info"]
    summary: Text
    message: Text
    rationale: Text
    basis: str = Field(min_length=1)
    check: str
    path: str | list[str] = ""
    fallback_path: str | None = None
    when: str | None = None
    for_each: Literal["profile.sections", "profile.required"] | None = None
    options: dict[str, Any] = Field(default_factory=dict)
    variants: list[Variant] = Field(default_factory=list)
    examples: Examples

    @field_validator("id")
    @classmethod
    def _id_form(cls, value: str) -> str:
        if not RULE_ID.match(value):
            raise ValueError("a rule ID is a prefix of capitals and three digits, e.g. RL201")
        return value

    @field_validator("when")
    @classmethod
    def _when_form(cls, value: str | None) -> str | None:
        from reportlint.matching.conditions import parse_condition

        if value is not None:
            parse_condition(value)
        return value

    @model_validator(mode="after")
    def _options_fit_check(self) -> Rule:
        variants: list[Variant | None] = [*self.variants] or [None]
        for variant in variants:
            check = (variant.check if variant else None) or self.check
            if check not in CHECKS:
                known = ", ".join(sorted(CHECKS))
                raise ValueError(f"unknown check '{check}' (known: {known})")
            options = {**self.options, **(variant.options if variant else {})}
            CHECKS[check].options_model().model_validate(options)
        return self


class Pack(Strict):
    pack: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    description: str = ""
    rules: list[Rule] = Field(min_length=1)


class SectionSpec(Strict):
    key: Literal["measures", "leadership", "shortcomings", "plans", "suggestions", "other"]
    required: bool = True
    title: str
    phrases: str

    @field_validator("phrases")
    @classmethod
    def _compiles(cls, value: str) -> str:
        re.compile(value)
        return value


class Profile(Strict):
    name: str
    description: str
    sections: list[SectionSpec] = Field(min_length=1)
