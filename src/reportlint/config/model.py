"""The pydantic model of the configuration (``.reportlint.yaml`` / ``[tool.reportlint]``).

Imported only when a configuration is found and not already validated in the cache (see
``config``): pydantic costs more to import than checking a report.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

SeverityName = Literal["error", "warning", "info"]
_PREFIX = re.compile(r"^[A-Z][A-Z0-9]*$")


def _as_list(value: Any) -> Any:
    """``RL1,RL2`` and ``[RL1, RL2]`` are the same list."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


def _ids(values: list[str]) -> list[str]:
    cleaned = [value.strip().upper() for value in values]
    for value in cleaned:
        if not _PREFIX.match(value):
            raise ValueError(f"'{value}' is not a rule ID or prefix (e.g. RL201, RL3)")
    return cleaned


class ConfigModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    profile: str | None = Field(default=None, min_length=1)
    select: list[str] | None = None
    ignore: list[str] | None = None
    fail_on: SeverityName | None = Field(default=None, alias="fail-on")
    severity: dict[str, SeverityName] = Field(default_factory=dict)
    rules: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict, alias="per-file-ignores")
    max_bytes: int | None = Field(default=None, alias="max-bytes", gt=0)
    options: dict[str, dict[str, Any]] = Field(default_factory=dict)

    @field_validator("select", "ignore", "rules", "exclude", mode="before")
    @classmethod
    def _listed(cls, value: Any) -> Any:
        return _as_list(value)

    @field_validator("select", "ignore")
    @classmethod
    def _rule_prefixes(cls, value: list[str] | None) -> list[str] | None:
        return None if value is None else _ids(value)

    @field_validator("per_file_ignores", mode="before")
    @classmethod
    def _listed_ids(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {glob: _as_list(ids) for glob, ids in value.items()}
        return value

    @field_validator("per_file_ignores")
    @classmethod
    def _per_file_prefixes(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        return {glob: _ids(ids) for glob, ids in value.items()}

    @field_validator("severity", "options")
    @classmethod
    def _rule_keys(cls, value: dict[str, Any]) -> dict[str, Any]:
        return {key.strip().upper(): item for key, item in value.items()}


KEYS = tuple((field.alias or name) for name, field in ConfigModel.model_fields.items())


def option_problem(check: str, options: dict[str, Any]) -> str | None:
    """Why ``options`` do not suit ``check`` (the pack's and the config's merged), or None."""
    from pydantic import ValidationError

    from reportlint.checks import CHECKS

    try:
        CHECKS[check].options_model().model_validate(options)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        return f"{where + ': ' if where else ''}{first['msg']}"
    return None
