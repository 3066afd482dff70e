"""``min-length``: the text of each node has at least ``min`` characters, white space aside;
the finding points at the node's key."""

from __future__ import annotations

import textwrap
from pathlib import Path

from tests.conftest import REPORT_META, lint_with, make_rule


def rule(**options: object) -> dict[str, object]:
    return make_rule(
        "TS101",
        "min-length",
        path="sections.*",
        options={"min": 12, **options},
        message="{length} characters, at least {min}",
    )


def report(shortcomings: str) -> str:
    return REPORT_META + textwrap.dedent(
        f"""\
        sections:
          shortcomings:
            heading: 存在的不足和原因
            paragraphs:
              - {shortcomings}
        """
    )


def test_long_enough(tmp_path: Path) -> None:
    assert lint_with(tmp_path, report("基层执法力量不足,主要原因是编制有限。"), rule()) == []


def test_too_short_counts_the_heading_too(tmp_path: Path) -> None:
    assert lint_with(tmp_path, report("不足。"), rule()) == [
        (8, 3, "TS101", "11 characters, at least 12"),
    ]


def test_white_space_does_not_count(tmp_path: Path) -> None:
    assert lint_with(tmp_path, report("不 足 。  "), rule()) == [
        (8, 3, "TS101", "11 characters, at least 12"),
    ]


def test_body_only_counts_the_paragraphs_alone(tmp_path: Path) -> None:
    assert lint_with(tmp_path, report("编制有限,人员不足。"), rule(body_only=True)) == [
        (8, 3, "TS101", "10 characters, at least 12"),
    ]
