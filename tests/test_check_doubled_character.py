"""``doubled-character``: 的的 and 了了, not real reduplications or two words meeting."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from reportlint.checks.doubled_character import options_model
from tests.rulekit import lint_with

OPTIONS = {"chars": "的了在", "allow": ["目的的", "了了解", "不了了之", "现在在"]}


def measures(text: str) -> str:
    return f"sections:\n  measures:\n    heading: 主要举措\n    paragraphs: ['{text}']\n"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("摆在全局的的重要位置。", [(10, 23, "的的")]),
        ("扎实推进了了法治建设,在在全县推开。", [(10, 23, "了了"), (10, 30, "在在")]),
        ("的的的", [(10, 19, "的的")]),
        ("为了了解实际,不了了之,实现目的的手段,现在在全县推开。", []),
        ("常常、渐渐、人人、一一、认认真真,实行行政执法公示,常务会会前学法。", []),
    ],
)
def test_doubled(tmp_path: Path, text: str, found: list[tuple[int, int, str]]) -> None:
    assert lint_with(tmp_path, "doubled-character", OPTIONS, measures(text)) == found


def test_an_allowed_string_must_hold_a_doubling() -> None:
    with pytest.raises(ValidationError, match="holds no doubled character"):
        options_model().model_validate({"chars": "的", "allow": ["目的"]})
