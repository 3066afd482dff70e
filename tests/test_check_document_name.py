"""``document-name``: titles one edit from a known name, and known misspellings anywhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from reportlint.checks.document_name import options_model
from reportlint.matching.names import within
from tests.rulekit import lint_with

OPTIONS = {
    "names": ["行政复议法", "行政许可法", "法治政府建设实施纲要(2021—2025年)"],
    "misspellings": {"法制政府": "法治政府"},
}


def measures(text: str) -> str:
    return f"sections:\n  measures:\n    heading: 主要举措\n    paragraphs: ['{text}']\n"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("贯彻《中华人民共和国行政复意法》。", [(10, 22, "中华人民共和国行政复议法")]),
        (
            "落实《法治政府建设实施纲要(20212025年)》。",
            [(10, 22, "法治政府建设实施纲要(2021—2025年)")],
        ),
        (
            "落实〈法治政府建设实施纲要(2021-2025)〉。",
            [(10, 22, "法治政府建设实施纲要(2021-2025年)")],
        ),
        ("建设法制政府。", [(10, 21, "法治政府")]),
        # One misspelling inside a misnamed title is reported once, for the title.
        (
            "落实《法制政府建设实施纲要(2021—2025年)》。",
            [(10, 22, "法治政府建设实施纲要(2021—2025年)")],
        ),
        # Right names, however the dash is printed; other documents; a short name
        # with an extra character is another document.
        ("落实《法治政府建设实施纲要(2021－2025年)》《行政复议法》。", []),
        ("落实《湖南省法治政府建设实施纲要(2021—2025年)》。", []),
        ("落实《行政许可办法》《行政诉讼法》。", []),
    ],
)
def test_names(tmp_path: Path, text: str, found: list[tuple[int, int, str]]) -> None:
    assert (
        lint_with(tmp_path, "document-name", OPTIONS, measures(text), message="{suggestion}")
        == found
    )


@pytest.mark.parametrize(
    ("one", "other", "distance", "substitute_only", "near"),
    [
        ("行政复意法", "行政复议法", 1, True, True),
        ("行政许可办法", "行政许可法", 1, True, False),
        ("行政许可办法", "行政许可法", 1, False, True),
        ("法治社会建设实施纲要", "法治政府建设实施纲要", 1, False, False),
        ("法治社会建设实施纲要", "法治政府建设实施纲要", 2, False, True),
        ("ab", "ba", 1, False, False),
    ],
)
def test_edit_distance(
    one: str, other: str, distance: int, substitute_only: bool, near: bool
) -> None:
    assert within(one, other, distance, substitute_only=substitute_only) is near


def test_options_are_checked() -> None:
    with pytest.raises(ValidationError, match="give 'names', 'misspellings' or both"):
        options_model().model_validate({})
    with pytest.raises(ValidationError, match="same as its fix"):
        options_model().model_validate({"misspellings": {"法治": "法治"}})
