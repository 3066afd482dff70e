"""``contradiction``: a statement and what contradicts it are both reported."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from reportlint.checks.contradiction import options_model
from tests.rulekit import lint_with

OPTIONS = {"pattern": "(?P<claim>无不履行法院生效裁判)|(?P<against>生效判决尚未履行)"}


def body(*paragraphs: str) -> str:
    lines = "".join(f"          - {text}\n" for text in paragraphs)
    return "sections:\n  other:\n    heading: 其他\n    paragraphs:\n" + lines.replace(
        "          ", "      "
    )


def test_both_places_are_reported(tmp_path: Path) -> None:
    text = body("本年度无不履行法院生效裁判情况。", "另有2件生效判决尚未履行完毕。")
    found = lint_with(tmp_path, "contradiction", OPTIONS, text, message="{match} | {against}")
    assert found == [
        (11, 12, "无不履行法院生效裁判 | 生效判决尚未履行"),
        (12, 13, "生效判决尚未履行 | 生效判决尚未履行"),
    ]


@pytest.mark.parametrize(
    "paragraphs",
    [("本年度无不履行法院生效裁判情况。",), ("另有2件生效判决尚未履行完毕。",), ("其他。",)],
)
def test_one_side_alone_is_no_finding(tmp_path: Path, paragraphs: tuple[str, ...]) -> None:
    assert lint_with(tmp_path, "contradiction", OPTIONS, body(*paragraphs)) == []


def test_the_pattern_needs_both_groups() -> None:
    with pytest.raises(ValidationError, match=r"\(\?P<claim>…\)"):
        options_model().model_validate({"pattern": "(?P<claim>无)"})
