"""Every bundled rule's pass and fail examples behave as the rule says.

The examples are what `reportlint explain` and docs/rules.md show; running them here
keeps the documentation and the rules from drifting apart.
"""

from __future__ import annotations

import pytest

from reportlint.cli import ruletest
from reportlint.linter import Linter, Settings
from reportlint.packs.records import RuleSpec

LINTER = Linter(Settings())
RULES = sorted(LINTER.catalogue.values(), key=lambda rule: rule.id)


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_examples(rule: RuleSpec) -> None:
    results = ruletest.run_examples(rule, LINTER)
    assert {result.kind for result in results} == {"pass", "fail"}
    problems = [f"{r.label}: {r.outcome}: {r.detail}" for r in results if r.outcome != "passed"]
    assert problems == []


def test_the_baseline_passes_every_rule() -> None:
    from reportlint.resources import rules_dir

    path = rules_dir() / "baseline" / "report.yaml"
    assert LINTER.lint_text(path.read_text(encoding="utf-8"), str(path)) == []
