"""Write docs/rules.md from the bundled rule packs, so the docs cannot drift from the rules.

Usage: python scripts/generate_rule_docs.py [--check]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from reportlint.packs import catalog
from reportlint.packs.records import RuleSpec

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "rules.md"

HEADER = """\
# Rules

Generated from the rule packs in `rules/` by `scripts/generate_rule_docs.py`; do not edit.
`reportlint explain RULE` shows the same text in the terminal.

Examples are JSON Merge Patches over `rules/baseline/report.yaml` (a clean report), or
whole YAML documents; a `pass` example gives no finding of the rule, a `fail` example at
least one. Profiles (`rules/profiles/`) decide which sections are required and their order.

The reference report, `examples/yungang-2023.yaml`, gives under the default profile:
RL302 (signed 2023-12-29), RL305 at "截至11月份", "今年以来" and "今年截至目前", RL504 at
"行政负责人出庭率", RL210, and RL211 (it gives the appearance rate but no count of lawsuits);
checked as its published text, also RL107 at "2,深化".
"""


def _example(example: object) -> str:
    if isinstance(example, str):
        return "```yaml\n" + example.rstrip("\n") + "\n```"
    return "`" + json.dumps(example, ensure_ascii=False) + "`"


def _rule(rule: RuleSpec) -> str:
    paths = ", ".join(f"`{p}`" for run in rule.runs for p in run.paths if p) or "(the document)"
    lines = [
        f"## {rule.id} {rule.name}",
        "",
        f"**{rule.severity}** · check `{rule.check}` on {paths}"
        + (f" · when `{rule.when}`" if rule.when else "")
        + (f" · for each of `{rule.for_each}`" if rule.for_each else ""),
        "",
        f"{rule.summary['en']} — {rule.summary['zh']}",
        "",
        f"Message: {rule.message['en']} / {rule.message['zh']}",
        "",
        f"Why: {rule.rationale['en']}",
        "",
        f"理由：{rule.rationale['zh']}",
        "",
        *(
            [f"How to fix: {rule.hint['en']}", "", f"怎样改：{rule.hint['zh']}", ""]
            if rule.hint
            else []
        ),
        f"Basis: {rule.basis}",
        "",
    ]
    for kind in ("pass", "fail"):
        for example in rule.examples[kind]:
            lines.append(f"- {kind}: " + _example(example).replace("\n", "\n  "))
    lines.append("")
    return "\n".join(lines)


def render() -> str:
    rules = catalog.load_rules()
    index = ["| ID | name | severity | checks |", "|---|---|---|---|"]
    index += [f"| {r.id} | {r.name} | {r.severity} | {r.summary['en']} |" for r in rules]
    return HEADER + "\n" + "\n".join(index) + "\n\n" + "\n".join(_rule(r) for r in rules)


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is out of date; run python scripts/generate_rule_docs.py")
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
