"""``reportlint rules`` and ``reportlint explain``: the catalogue, from the rule packs.

The packs are those a ``check`` run in the same place would use: the bundled ones, the
configuration's ``rules`` and ``--rules``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from reportlint import config as configuration
from reportlint.errors import ReportlintError
from reportlint.packs import catalog
from reportlint.packs.records import RuleSpec


def extra_packs(config_path: Path | None, rules: Sequence[Path], *, use_cache: bool) -> list[Path]:
    """The packs beyond the bundled ones: the configuration's, then ``--rules``."""
    found = configuration.find(config_path, use_cache=use_cache)
    return [*(found.rules if found is not None else ()), *rules]


def known_rules(
    config_path: Path | None, rules: Sequence[Path], *, use_cache: bool = True
) -> list[RuleSpec]:
    """Every rule of the bundled packs, the configuration's packs and ``--rules``."""
    extra = extra_packs(config_path, rules, use_cache=use_cache)
    return catalog.load_rules(extra, use_cache=use_cache)


def find_rule(rules: list[RuleSpec], wanted: str) -> RuleSpec:
    for rule in rules:
        if wanted.upper() == rule.id or wanted.lower() == rule.name:
            return rule
    raise ReportlintError(f"no rule '{wanted}' (see 'reportlint rules')")


def list_rules(stream: TextIO, rules: list[RuleSpec], *, lang: str, as_json: bool) -> None:
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


def explain_rule(stream: TextIO, rules: list[RuleSpec], wanted: str, *, lang: str) -> None:
    rule = find_rule(rules, wanted)
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
