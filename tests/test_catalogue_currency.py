"""Text copied from an old report (RL7): what is presented as current, never history."""

from __future__ import annotations

from reportlint.linter import Linter, Settings
from tests.conftest import REPORT_META

HISTORY = [
    "自2015年以来,县政府每年按时公开年度报告,受理案件数比2020年增长20%。",
    "回顾“十三五”,在“七五”普法总结验收基础上,深入实施“八五”普法规划。",
    "自2015年《法治政府建设实施纲要(2015-2020年)》印发以来,连续八年公开报告。",
    "自2019年机构改革原县政府法制办职责划入县司法局以来,文件均经县司法局审核。",
    "2023年,县政府认真贯彻落实《法治政府建设实施纲要(2021—2025年)》。",
]
CURRENT = [
    "2022年,县政府坚持以习近平法治思想为指导。",
    "深入实施“七五”普法规划,认真贯彻落实《法治政府建设实施纲要(2015—2020年)》。",
    "规范性文件均经县政府法制办合法性审核。",
]


def lint(*paragraphs: str) -> list[tuple[int, int, str]]:
    body = "".join(f"      - {text}\n" for text in paragraphs)
    text = REPORT_META + "sections:\n  measures:\n    heading: 主要举措和成效\n    paragraphs:\n"
    found = Linter(Settings(select=("RL7",), lang="en")).lint_text(text + body, "r.yaml")
    return [(f.line, f.column, f.rule) for f in found]


def test_history_is_not_read() -> None:
    assert lint(*HISTORY) == []


def test_old_text_presented_as_current() -> None:
    assert lint(*HISTORY, *CURRENT) == [
        (16, 9, "RL701"),
        (17, 11, "RL702"),
        (17, 24, "RL702"),
        (18, 19, "RL703"),
    ]
