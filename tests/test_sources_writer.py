"""The YAML writer of `import`: format order, one line per text, and a faithful round trip."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import yaml

from reportlint.inputs.sources.writer import dump

AWKWARD = [
    "- 看似列表",
    "# 看似注释",
    "key: value 形式",
    "yes",
    "2023-12-29",
    "035200009/2024-00013",
    " 前后有空格 ",
    "制表\t符",
    "“引号”与'单引号'",
    "换\u2028行",
    "{花括号}",
    "@开头",
    "长" * 3000,
]


def report(paragraphs: list[str]) -> dict[str, Any]:
    return {
        "closing": ["特此报告。"],
        "sections": {"measures": {"heading": "主要举措和成效", "paragraphs": paragraphs}},
        "report": {"title": "示例县2023年法治政府建设年度报告", "signed_on": "2024-01-20"},
        "format": "reportlint/1",
    }


def test_keys_follow_the_format_and_dates_are_bare() -> None:
    text = dump(report(["正文。"]), source="r.txt")
    assert text.splitlines() == [
        "# Imported by reportlint from r.txt.",
        "format: reportlint/1",
        "report:",
        "  title: 示例县2023年法治政府建设年度报告",
        "  signed_on: 2024-01-20",
        "sections:",
        "  measures:",
        "    heading: 主要举措和成效",
        "    paragraphs:",
        "      - 正文。",
        "closing:",
        "  - 特此报告。",
    ]


@pytest.mark.parametrize("paragraph", AWKWARD)
def test_awkward_text_round_trips_on_one_line(paragraph: str) -> None:
    text = dump(report([paragraph]))
    loaded = yaml.safe_load(text)
    assert loaded["sections"]["measures"]["paragraphs"] == [paragraph]
    assert loaded["report"]["signed_on"] == datetime.date(2024, 1, 20)
    assert text.count("\n") == 11


def test_the_same_data_gives_the_same_bytes() -> None:
    assert dump(report(AWKWARD)) == dump(report(list(AWKWARD)))
