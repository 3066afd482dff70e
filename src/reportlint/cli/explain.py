"""``reportlint rules`` and ``reportlint explain``: the catalogue, from the rule packs."""

from __future__ import annotations

import json
from typing import TextIO

from reportlint.errors import ReportlintError
from reportlint.packs import catalog
from reportlint.packs.records import RuleSpec


def find_rule(rules: list[RuleSpec], wanted: str) -> RuleSpec:
    for rule in rules:
        if wanted.upper() == rule.id or wanted.lower() == rule.name:
            return rule
    raise ReportlintError(f"no rule '{wanted}' (see 'reportlint rules')")


def list_rules(stream: TextIO, *, lang: str, as_json: bool) -> None:
    rules = catalog.load_rules()
    if as_json:
        rows = [
            {
                "id": rule.id,
                "name": rule.name,
                "severity": str(rule.severity),
                "summary": rule.summary[lang],
                "check": rule.check,
            }
            for rule in rules
        ]
        json.dump(rows, stream, ensure_ascii=False, indent=2)
        stream.write("\n")
        return
    for rule in rules:
        stream.write(f"{rule.id}  {rule.name:<24} {rule.severity!s:<8} {rule.summary[lang]}\n")


def _example_text(example: object) -> str:
    if isinstance(example, str):
        return example.rstrip("\n")
    return json.dumps(example, ensure_ascii=False)


def explain_rule(stream: TextIO, wanted: str, *, lang: str) -> None:
    rule = find_rule(catalog.load_rules(), wanted)
    labels = (
        {
            "why": "为什么",
            "basis": "依据",
            "check": "检查方式",
            "pass": "通过的示例",
            "fail": "不通过的示例",
        }
        if lang == "zh"
        else {"why": "Why", "basis": "Basis", "check": "Check", "pass": "Passes", "fail": "Fails"}
    )
    stream.write(f"{rule.id} {rule.name} ({rule.severity})\n\n{rule.summary[lang]}\n\n")
    stream.write(f"{labels['why']}: {rule.rationale[lang]}\n\n{labels['basis']}: {rule.basis}\n\n")
    paths = ", ".join(path for run in rule.runs for path in run.paths if path) or "-"
    stream.write(f"{labels['check']}: {rule.check} on {paths}\n")
    for kind in ("pass", "fail"):
        if rule.examples[kind]:
            stream.write(f"\n{labels[kind]}:\n")
            for example in rule.examples[kind]:
                stream.write("  " + _example_text(example).replace("\n", "\n  ") + "\n")
