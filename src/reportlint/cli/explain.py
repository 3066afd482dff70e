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


_SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


def _example_text(example: object, lang: str) -> str:
    """An example as the YAML a clerk writes: a whole report, or the part that differs."""
    if isinstance(example, str):
        return example.rstrip("\n")
    if not example:
        return "（示例报告，未作改动）" if lang == "zh" else "(the sample report, unchanged)"
    import yaml  # Only for explain.

    written = yaml.safe_dump(example, allow_unicode=True, sort_keys=False, width=88)
    return str(written).rstrip("\n")


def explain_rule(stream: TextIO, rules: list[RuleSpec], wanted: str, *, lang: str) -> None:
    rule = find_rule(rules, wanted)
    zh = lang == "zh"
    labels = (
        {
            "why": "为什么",
            "hint": "怎样改",
            "basis": "依据",
            "check": "检查方式",
            "pass": "通过的示例",
            "fail": "不通过的示例",
        }
        if zh
        else {
            "why": "Why",
            "hint": "How to fix",
            "basis": "Basis",
            "check": "Check",
            "pass": "Passes",
            "fail": "Fails",
        }
    )
    colon = "：" if zh else ": "
    severity = _SEVERITY_ZH[str(rule.severity)] if zh else str(rule.severity)
    opening, closing = ("（", "）") if zh else (" (", ")")
    stream.write(f"{rule.id} {rule.name}{opening}{severity}{closing}\n\n{rule.summary[lang]}\n\n")
    stream.write(f"{labels['why']}{colon}{rule.rationale[lang]}\n\n")
    if rule.hint is not None:
        stream.write(f"{labels['hint']}{colon}{rule.hint[lang]}\n\n")
    stream.write(f"{labels['basis']}{colon}{rule.basis}\n\n")
    paths = ", ".join(path for run in rule.runs for path in run.paths if path) or "-"
    stream.write(f"{labels['check']}{colon}{rule.check} on {paths}\n")
    for kind in ("pass", "fail"):
        if rule.examples[kind]:
            stream.write(f"\n{labels[kind]}{colon.strip()}\n")
            for number, example in enumerate(rule.examples[kind], start=1):
                shown = _example_text(example, lang).replace("\n", "\n     ")
                stream.write(f"  {number:>2}. {shown}\n")
