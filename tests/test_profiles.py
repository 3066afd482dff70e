"""Profiles decide which sections are required and in what order."""

from __future__ import annotations

import yaml

from reportlint.linter import Linter, Settings
from tests.conftest import EXAMPLES

REFERENCE = (EXAMPLES / "yungang-2023.yaml").read_text(encoding="utf-8")


def national_order() -> str:
    data = yaml.safe_load(REFERENCE)
    sections = data["sections"]
    ordered = {k: sections[k] for k in ("measures", "shortcomings", "leadership", "plans", "other")}
    data["sections"] = ordered
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def rules_found(text: str, profile: str, select: tuple[str, ...]) -> list[tuple[str, str]]:
    linter = Linter(Settings(profile=profile, select=select))
    return [(f.rule, f.pointer) for f in linter.lint_text(text, "r.yaml")]


def test_six_section_report_is_in_order_for_the_default_profile() -> None:
    assert rules_found(REFERENCE, "six-section", ("RL101", "RL102")) == []


def test_national_profile_reads_the_reference_order_as_out_of_order() -> None:
    assert rules_found(REFERENCE, "national", ("RL101", "RL102")) == [
        ("RL102", "/sections/shortcomings")
    ]


def test_national_order_passes_national_and_fails_six_section() -> None:
    text = national_order()
    assert rules_found(text, "national", ("RL101", "RL102")) == []
    assert rules_found(text, "six-section", ("RL101", "RL102")) == [
        ("RL101", "/sections/suggestions"),
        ("RL102", "/sections/leadership"),
    ]
