"""The writing rules (RL8) judge a mark by the document's own style: folded text is clean."""

from __future__ import annotations

import re

import pytest

from reportlint.linter import Linter, Settings
from tests.conftest import EXAMPLES

REFERENCE = (EXAMPLES / "yungang-2023.yaml").read_text(encoding="utf-8")
WIDE = str.maketrans({"(": "（", ")": "）", ";": "；", "%": "％"})


def unfold(text: str) -> str:
    """The reference report with the full-width marks it was published with."""
    head, body = text.split("\npreamble:", 1)
    body = re.sub(r"(?<!\d),|,(?!\d)", "，", body).translate(WIDE)
    return head + "\npreamble:" + re.sub(r"(?<![\d\s]):(?![\d\s])", "：", body)


def writing(text: str) -> list[tuple[int, int, str, str]]:
    found = Linter(Settings(select=("RL8",), lang="en")).lint_text(text, "r.yaml")
    return [(f.line, f.column, f.rule, str(f.severity)) for f in found]


@pytest.mark.parametrize("text", [REFERENCE, unfold(REFERENCE)], ids=["folded", "full-width"])
def test_the_reference_report_is_clean(text: str) -> None:
    assert writing(text) == []


def test_a_stray_ascii_comma_in_the_full_width_report() -> None:
    text = unfold(REFERENCE).replace(
        "组织习近平法治思想集中宣传活动6次；", "组织习近平法治思想集中宣传活动6次,"
    )
    assert writing(text) == [(21, 127, "RL802", "warning")]


def test_a_stray_full_width_comma_in_the_folded_report() -> None:
    text = REFERENCE.replace(
        "组织习近平法治思想集中宣传活动6次;", "组织习近平法治思想集中宣传活动6次，"
    )
    assert writing(text) == [(21, 127, "RL802", "info")]


def test_slips_in_the_folded_report() -> None:
    text = (
        REFERENCE.replace(
            "组织习近平法治思想集中宣传活动6次;", "组织习近平法治思想集中宣传活动6次."
        )
        .replace("本年度全区各级政府及部门无不履行", "本年度全区各级政府及部门无不履行,,")
        .replace("积极申报参加", "积极积极申报参加的的")
    )
    assert writing(text) == [
        (21, 127, "RL801", "warning"),
        # 积极积极 is not read: 积 is not a character that is never doubled.
        (68, 125, "RL806", "warning"),
        (143, 25, "RL803", "warning"),
    ]
