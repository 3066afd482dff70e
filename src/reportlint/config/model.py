"""The pydantic model of the configuration (``.reportlint.yaml`` / ``[tool.reportlint]``).

Imported only when a configuration is found and not already validated in the cache (see
``config``): pydantic costs more to import than checking a report.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, field_validator

from reportlint.config import MAX_BYTES_LIMIT

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
    include: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict, alias="per-file-ignores")
    # Strict: YAML's `true` is no number of bytes (lax validation would read it as 1).
    max_bytes: StrictInt | None = Field(default=None, alias="max-bytes", gt=0, le=MAX_BYTES_LIMIT)
    options: dict[str, dict[str, Any]] = Field(default_factory=dict)
    # Where each rule's page is: SARIF's helpUri is this with the rule ID appended.
    docs_url: str | None = Field(default=None, alias="docs-url", min_length=1)

    @field_validator("select", "ignore", "rules", "include", "exclude", mode="before")
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


def option_problems(check: str, options: dict[str, Any], *, loop: bool) -> list[str]:
    """What does not suit ``check`` in ``options`` (the pack's and the config's merged).

    Patterns from a configuration run on ``regex``, so they are compiled with it.
    """
    from pydantic import ValidationError

    from reportlint.checks import CHECKS
    from reportlint.packs.problems import field, plain

    try:
        CHECKS[check].options_model().model_validate(
            options, context={"bundled": False, "loop": loop}
        )
    except ValidationError as error:
        return [
            f"{field(steps)}: {message}" if steps else message
            for steps, message in plain(error.errors(), options)
        ]
    return []
