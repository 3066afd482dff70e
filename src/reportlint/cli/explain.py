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
from reportlint.packs.records import ProfileInfo, RuleSpec


def extra_packs(config_path: Path | None, rules: Sequence[Path], *, use_cache: bool) -> list[Path]:
    """The packs beyond the bundled ones: the configuration's, then ``--rules``."""
    found = configuration.find(config_path, use_cache=use_cache)
    return [*(found.rules if found is not None else ()), *rules]


def profile_of(config_path: Path | None, *, use_cache: bool) -> ProfileInfo:
    """The profile ``check`` would run with: the configuration's, else the default."""
    found = configuration.find(config_path, use_cache=use_cache)
    name = (found.profile if found is not None else None) or "six-section"
    return catalog.load_profile(name, use_cache=use_cache)


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
    raise ReportlintError(
        f"no rule '{wanted}' (see 'reportlint rules')",
        zh=f"没有规则“{wanted}”（全部规则见“reportlint rules”）",
    )


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

# What each kind of check does, in words: (zh, en).
_CHECKS = {
    "contradiction": (
        "查找与某一说明相矛盾的表述",
        "looks for a passage that contradicts a statement",
    ),
    "count": ("数出某种写法出现的次数", "counts how often a wording occurs"),
    "date-compare": ("比较两个日期的先后", "compares two dates"),
    "document-name": (
        "核对书名号中的法律和文件名称",
        "checks the names of laws and documents in 《》",
    ),
    "doubled-character": ("查找误录入两次的字", "looks for a character typed twice"),
    "duplicate-text": ("查找重复的标题或段落", "looks for a heading or paragraph written twice"),
    "ended-period": (
        "查找已结束却写作现行的规划期",
        "looks for an ended period presented as current",
    ),
    "expected-value": (
        "把文中的值与应有的值比较",
        "compares a value in the text with the one expected",
    ),
    "figure-range": ("核对数字是否在合理范围内", "checks that a figure lies in its range"),
    "figure-stated": ("查找是否写明了某项数字", "looks for a stated figure"),
    "forbidden-pattern": ("查找不应出现的写法", "looks for a wording that should not be there"),
    "impossible-date": ("查找不存在的日期", "looks for dates no calendar has"),
    "input-stage": ("在读取文件时检查", "checks the file as it is read"),
    "mark-width": ("比较标点的全角、半角写法", "compares the width of punctuation marks"),
    "min-length": ("数出正文的字数", "counts the characters of the text"),
    "number-range": ("核对数值是否在合理范围内", "checks that a number lies in its range"),
    "order": ("核对各部分的顺序", "checks the order of the sections"),
    "paired-marks": ("核对成对的标点是否配对", "checks that paired marks open and close"),
    "part-of-whole": ("比较部分与总数", "compares a part with its whole"),
    "pattern": ("查找应有的写法", "looks for a wording that should be there"),
    "rate-of-counts": ("用分子、分母验算比率", "recomputes a rate from its counts"),
    "required": ("核对应有的部分是否存在", "checks that a part is present"),
    "same-figure": (
        "比较同一事项在各处的数量",
        "compares the counts of one thing across the report",
    ),
    "same-value": (
        "比较同一指标在各处的数值",
        "compares the values of one figure across the report",
    ),
    "sum-of-parts": (
        "把各部分相加与总数比较",
        "adds up the parts and compares them with the total",
    ),
    "trend-amount": ("用两个数字验算增减幅度", "recomputes a change from its two figures"),
    "trend-direction": (
        "核对增减用词与两个数字是否一致",
        "checks a trend word against its two figures",
    ),
}


def _check_words(rule: RuleSpec, lang: str, profile: ProfileInfo | None) -> str:
    """What the rule's check does and where, as a clerk would say it; parts are named
    from ``profile`` (the default's when None)."""
    from reportlint import parts

    profile = profile or parts.default_profile()
    zh = lang == "zh"
    places: list[str] = []
    for run in rule.runs:
        for path in run.paths:
            if not path:
                continue
            if "${" in path:
                named = "规定的每个部分" if zh else "each section of the profile"
            elif "*" in path and path.endswith(".heading"):
                named = "各部分、各项的标题" if zh else "the headings of the sections and parts"
            elif "*" in path:
                named = "各部分的各项" if zh else "the parts of each section"
            else:
                named = parts.describe("/" + path.replace(".", "/"), profile, lang)
            if named and named not in places:
                places.append(named)
    what = _CHECKS.get(rule.check, (rule.check, rule.check))[0 if zh else 1]
    if not places:
        return what + ("（全文）" if zh else " (the whole document)")
    if zh:
        return f"在{'、'.join(places)}中{what}"
    return f"{what}, in {'; '.join(places)}"


def _example_text(example: object, lang: str) -> str:
    """An example as the YAML a clerk writes: a whole report, or the part that differs."""
    if isinstance(example, str):
        return example.rstrip("\n")
    if not example:
        return "（示例报告，未作改动）" if lang == "zh" else "(the sample report, unchanged)"
    import yaml  # Only for explain.

    written = yaml.safe_dump(example, allow_unicode=True, sort_keys=False, width=88)
    return str(written).rstrip("\n")


def explain_rule(
    stream: TextIO,
    rules: list[RuleSpec],
    wanted: str,
    *,
    lang: str,
    profile: ProfileInfo | None = None,
) -> None:
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
    stream.write(f"{labels['check']}{colon}{_check_words(rule, lang, profile)}\n")
    for kind in ("pass", "fail"):
        if rule.examples[kind]:
            stream.write(f"\n{labels[kind]}{colon.strip()}\n")
            for number, example in enumerate(rule.examples[kind], start=1):
                shown = _example_text(example, lang).replace("\n", "\n     ")
                stream.write(f"  {number:>2}. {shown}\n")
