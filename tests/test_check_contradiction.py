"""``contradiction``: a statement and what contradicts it are both reported."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from reportlint.checks.contradiction import options_model
from tests.rulekit import lint_with

OPTIONS = {"pattern": "无不履行法院生效裁判", "against_pattern": "生效判决尚未履行"}


def body(*paragraphs: str) -> str:
    lines = "".join(f"      - {text}\n" for text in paragraphs)
    return "sections:\n  other:\n    heading: 其他\n    paragraphs:\n" + lines


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


def test_both_patterns_are_checked() -> None:
    with pytest.raises(ValidationError, match="against_pattern"):
        options_model().model_validate({"pattern": "无"})
    with pytest.raises(ValidationError, match="does not compile"):
        options_model().model_validate({"pattern": "无", "against_pattern": "(未"})
    with pytest.raises(ValidationError, match="exponential time"):
        options_model().model_validate({"pattern": "无", "against_pattern": "(a+)+"})
