"""``paired-marks``: pairs that do not close, and a title nested in a title."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from reportlint.checks.paired_marks import options_model
from tests.rulekit import lint_with

UNBALANCED = {"pairs": ["《》", "〈〉", "()", "“”"]}
NESTED = {"pairs": ["《》", "〈〉"], "find": "nested", "inner": {"《》": "〈〉"}}


def measures(text: str) -> str:
    return f"sections:\n  measures:\n    heading: 主要举措\n    paragraphs: ['{text}']\n"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("严格执行《湖南省行政程序规定,规范决策。", [(10, 23, "《 《》")]),
        ("终止10件（均为撤回申请,纠错率19%。", [(10, 24, "( ()")]),
        ("发展“枫桥经验,促稳定。", [(10, 21, "“ “”")]),
        ("出台了方案》和细则。", [(10, 24, "》 《》")]),
        # Balanced, nested right, and list numbers.
        ("印发《关于印发〈要点〉的通知》(示政发〔2023〕1号),“枫桥经验”。", []),
        ("1)加强领导;2)完善制度;一)健全机制。", []),
    ],
)
def test_unbalanced(tmp_path: Path, text: str, found: list[tuple[int, int, str]]) -> None:
    assert (
        lint_with(tmp_path, "paired-marks", UNBALANCED, measures(text), message="{mark} {pair}")
        == found
    )


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("根据《关于印发《督察工作规定》的通知》开展。", [(10, 26, "《 〈〉")]),
        ("根据《关于印发〈督察工作规定〉的通知》《方案》开展。", []),
        # A lone 《 is unbalanced, not a nesting of every later title.
        ("根据《方案,落实《规定》《办法》。", []),
    ],
)
def test_nested(tmp_path: Path, text: str, found: list[tuple[int, int, str]]) -> None:
    assert (
        lint_with(tmp_path, "paired-marks", NESTED, measures(text), message="{mark} {suggestion}")
        == found
    )


def test_options_are_checked() -> None:
    with pytest.raises(ValidationError, match="a pair is two different marks"):
        options_model().model_validate({"pairs": ["《"]})
    with pytest.raises(ValidationError, match="find: nested needs 'inner'"):
        options_model().model_validate({"pairs": ["《》"], "find": "nested"})
    with pytest.raises(ValidationError, match="is not one of 'pairs'"):
        options_model().model_validate({"pairs": ["()"], "inner": {"《》": "〈〉"}})
