"""``mark-width``: a mark in the width the rest of the document does not use."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from reportlint.checks.mark_width import options_model
from tests.rulekit import lint_with

MESSAGE = "{count} {mark} ({prevailing})"
FULL = "全年受理案件12件，审结11件，纠错2件，调解3件，共计1,200人次。"
FOLDED = "全年受理案件12件,审结11件,纠错2件,调解3件,会议于9:30召开。"


def measures(*paragraphs: str) -> str:
    lines = "".join(f"      - {text}\n" for text in paragraphs)
    return "sections:\n  measures:\n    heading: 主要举措\n    paragraphs:\n" + lines


@pytest.mark.parametrize("paragraphs", [(FULL, FULL), (FOLDED, FOLDED), (FULL, FOLDED)])
def test_a_consistent_document_passes(tmp_path: Path, paragraphs: tuple[str, ...]) -> None:
    # Two paragraphs each consistent in a different width: no width prevails (4 of 8).
    assert lint_with(tmp_path, "mark-width", {}, measures(*paragraphs), message=MESSAGE) == []


def test_an_ascii_comma_in_full_width_text(tmp_path: Path) -> None:
    text = measures(FULL, "全年受理案件12件，审结11件，纠错2件,调解3件。")
    assert lint_with(tmp_path, "mark-width", {}, text, message=MESSAGE) == [(12, 29, "1 , (，)")]


def test_a_full_width_comma_in_folded_text(tmp_path: Path) -> None:
    text = measures(FOLDED, "全年受理案件12件,审结11件，纠错2件,调解3件。")
    assert lint_with(tmp_path, "mark-width", {}, text, message=MESSAGE) == [(12, 24, "1 ， (,)")]
    # Reported only when the variant asks for odd full-width marks.
    assert lint_with(tmp_path, "mark-width", {"odd": "half"}, text) == []
    assert len(lint_with(tmp_path, "mark-width", {"odd": "full"}, text)) == 1


def test_parentheses_and_few_marks(tmp_path: Path) -> None:
    text = measures("依据《纲要（2021—2025年）》（试行）和(附件)开展工作。")
    options = {"marks": ["（(", "）)"], "min_count": 3, "share": 0.6}
    found = lint_with(tmp_path, "mark-width", options, text, message=MESSAGE)
    assert found == [(11, 32, "1 ( (（)"), (11, 35, "1 ) (）)")]
    assert lint_with(tmp_path, "mark-width", {"marks": ["（(", "）)"]}, text) == []


def test_marks_are_given_full_width_first() -> None:
    with pytest.raises(ValidationError, match="full-width mark then its ASCII form"):
        options_model().model_validate({"marks": [",，"]})
