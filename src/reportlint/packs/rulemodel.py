"""The pydantic models that validate rule packs and profiles, and each check's contract.

Only imported when a pack is not in the cache (see ``catalog``): pydantic costs more to
import than a whole check of a report. Validation reports every problem of a file at
once, each naming its rule and field (``validate_pack``).
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from reportlint.checks import CHECKS
from reportlint.checks.options import pattern_problem, template_problems
from reportlint.packs.problems import Problem, plain

# The documented ID form: bundled rules are RL and three digits; a user's pack uses a
# prefix of its own, two to six capitals (never starting RL), and three digits.
BUNDLED_ID = re.compile(r"^RL[0-9]{3}$")
USER_ID = re.compile(r"^(?!RL)[A-Z]{2,6}[0-9]{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9-]*$")


def _bundled(info: ValidationInfo) -> bool:
    return isinstance(info.context, dict) and bool(info.context.get("bundled"))


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


def _known_check(value: str | None) -> str | None:
    if value is not None and value not in CHECKS:
        raise ValueError(f"unknown check '{value}' (known: {', '.join(sorted(CHECKS))})")
    return value


class Variant(Strict):
    """A second way the same rule is checked, e.g. another pattern or severity."""

    check: str | None = None
    path: str | list[str] | None = None
    options: dict[str, Any] = Field(default_factory=dict)
    severity: Literal["error", "warning", "info"] | None = None
    message: Text | None = None

    _check_known = field_validator("check")(_known_check)


class Rule(Strict):
    id: str
    name: str
    severity: Literal["error", "warning", "info"]
    summary: Text
    message: Text
    rationale: Text
    # How to fix a finding: what to write instead. Required of bundled rules.
    hint: Text | None = None
    basis: str = Field(min_length=1)
    check: str
    path: str | list[str] = ""
    fallback_path: str | None = None
    when: str | None = None
    for_each: Literal["profile.sections", "profile.required"] | None = None
    options: dict[str, Any] = Field(default_factory=dict)
    variants: list[Variant] = Field(default_factory=list)
    examples: Examples

    _check_known = field_validator("check")(_known_check)

    @field_validator("id")
    @classmethod
    def _id_form(cls, value: str, info: ValidationInfo) -> str:
        if _bundled(info):
            if not BUNDLED_ID.match(value):
                raise ValueError(f"'{value}': a bundled rule's ID is RL and three digits")
        elif value.startswith("RL"):
            raise ValueError(
                f"'{value}': IDs starting RL are the bundled rules'; give your pack a prefix "
                "of its own, e.g. SX101"
            )
        elif not USER_ID.match(value):
            raise ValueError(
                f"'{value}' is not a rule ID: two to six capital letters, then three "
                "digits, e.g. SX101"
            )
        return value

    @field_validator("name")
    @classmethod
    def _name_form(cls, value: str) -> str:
        if not _NAME.match(value):
            raise ValueError(
                f"'{value}' is not a rule name: lower-case words joined by '-', "
                "e.g. cert-rate-stated"
            )
        return value

    @field_validator("when")
    @classmethod
    def _when_form(cls, value: str | None) -> str | None:
        from reportlint.matching.conditions import parse_condition

        if value is not None:
            parse_condition(value)
        return value

    @model_validator(mode="after")
    def _bundled_hint(self, info: ValidationInfo) -> Rule:
        if self.hint is None and _bundled(info):
            raise ValueError("a bundled rule needs a hint {zh, en}: how to fix a finding")
        return self

    @field_validator("fallback_path")
    @classmethod
    def _no_templates(cls, value: str | None) -> str | None:
        if value is not None and "${" in value:
            raise ValueError("templates are not filled in fallback_path; write the path out")
        return value


class Pack(Strict):
    pack: str
    description: str = ""
    rules: list[Rule] = Field(min_length=1)

    @field_validator("pack")
    @classmethod
    def _pack_name(cls, value: str) -> str:
        if not _NAME.match(value):
            raise ValueError(f"'{value}' is not a pack name: lower-case words joined by '-'")
        return value


class SectionSpec(Strict):
    key: Literal["measures", "leadership", "shortcomings", "plans", "suggestions", "other"]
    required: bool = True
    title: str
    phrases: str = Field(min_length=1)

    @field_validator("phrases")
    @classmethod
    def _compiles(cls, value: str, info: ValidationInfo) -> str:
        problem = pattern_problem(value, bundled=_bundled(info))
        if problem:
            raise ValueError(problem)
        return value


class Profile(Strict):
    name: str
    description: str
    sections: list[SectionSpec] = Field(min_length=1)


def validate_pack(raw: Any, *, bundled: bool) -> tuple[Any, list[Problem]]:
    """The pack's plain data to cache and run, or None, and every problem found.

    The pack's structure is checked first, then each rule's contract with its check
    (options, templates in paths), on the raw rules, so both kinds come out in one run.
    """
    if not isinstance(raw, dict):
        return None, [Problem((), "a rule pack is a mapping with pack, description and rules")]
    context = {"bundled": bundled}
    problems: list[Problem] = []
    data = None
    try:
        data = Pack.model_validate(raw, context=context).model_dump(
            mode="json", by_alias=True, exclude_unset=True
        )
    except ValidationError as error:
        problems.extend(plain(error.errors(), raw))
    rules = raw.get("rules")
    for index, rule in enumerate(rules if isinstance(rules, list) else []):
        if isinstance(rule, dict):
            found, options = _contracts(rule, bundled=bundled)
            problems.extend(Problem(("rules", index, *steps), message) for steps, message in found)
            if data is not None and not found:
                _with_defaults(data["rules"][index], options)
    return (None if problems else data), sorted(problems, key=_order)


def _with_defaults(rule: dict[str, Any], options: list[dict[str, Any]]) -> None:
    """Each way of checking ``rule`` gets its options as validated, defaults filled in
    (``op: ==``), so a check never meets an option its pack left out."""
    if rule.get("variants"):
        for variant, validated in zip(rule["variants"], options, strict=True):
            variant["options"] = validated
    else:
        rule["options"] = options[0]


def _order(problem: Problem) -> tuple[int, str]:
    steps = problem.steps
    index = steps[1] if len(steps) > 1 and isinstance(steps[1], int) else -1
    return index, ".".join(map(str, steps[2:]))


def validate_profile(raw: Any, *, bundled: bool) -> tuple[Any, list[Problem]]:
    if not isinstance(raw, dict):
        return None, [Problem((), "a profile is a mapping with name, description and sections")]
    try:
        model = Profile.model_validate(raw, context={"bundled": bundled})
    except ValidationError as error:
        return None, plain(error.errors(), raw)
    return model.model_dump(mode="json", exclude_unset=True), []


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _contracts(
    rule: dict[str, Any], *, bundled: bool
) -> tuple[list[Problem], list[dict[str, Any]]]:
    """What does not fit the check of each way ``rule`` is checked (itself or its
    variants), and the options of each way as validated."""
    variants = rule.get("variants")
    ways: list[tuple[int | None, dict[str, Any]]] = (
        [(index, variant) for index, variant in enumerate(variants) if isinstance(variant, dict)]
        if isinstance(variants, list) and variants
        else [(None, {})]
    )
    loop = rule.get("for_each") is not None
    own = _mapping(rule.get("options"))
    problems: dict[Problem, None] = {}
    validated: list[dict[str, Any]] = []
    for index, variant in ways:
        where: tuple[str | int, ...] = () if index is None else ("variants", index)
        for steps, paths in (
            (("path",), rule.get("path")),
            ((*where, "path"), variant.get("path")),
        ):
            for path in paths if isinstance(paths, list) else [paths]:
                for message in template_problems(path, loop=loop) if isinstance(path, str) else []:
                    problems[Problem(steps, message)] = None
        check = variant.get("check") or rule.get("check")
        extra = _mapping(variant.get("options"))
        if not isinstance(check, str) or check not in CHECKS:
            continue  # the structure check names an unknown check
        options = {**own, **extra}
        try:
            model = CHECKS[check].options_model()
            checked = model.model_validate(options, context={"bundled": bundled, "loop": loop})
            validated.append(checked.model_dump(mode="json"))
        except ValidationError as error:
            for steps, message in plain(error.errors(), options):
                key = steps[0] if steps else None
                # Name the options that hold the key; a missing key, those of the variant
                # that changed the check.
                in_variant = key in extra if key in extra or key in own else "check" in variant
                holder = (*where, "options") if in_variant else ("options",)
                problems[Problem((*holder, *steps), message)] = None
    return list(problems), validated
