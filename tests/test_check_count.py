"""``count``: the text of each node holds between ``min`` and ``max`` matches (distinct ones
with ``distinct``); the finding points at the node's key."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.conftest import REPORT_META, lint_with, make_rule


def rule(**options: object) -> dict[str, object]:
    return make_rule(
        "TS101",
        "count",
        path="sections.measures",
        options={"pattern": "述法|学法|督察", **options},
        message="{count} duties named, at least {min} expected",
    )


def report(*paragraphs: str) -> str:
    lines = "".join(f"      - {paragraph}\n" for paragraph in paragraphs)
    return (
        REPORT_META
        + textwrap.dedent(
            """\
        sections:
          measures:
            heading: 主要举措
            paragraphs:
        """
        )
        + lines
    )


@pytest.mark.parametrize(
    ("options", "paragraphs", "expected"),
    [
        ({"min": 2}, ["开展述法。", "组织学法。"], []),
        ({"min": 2}, ["开展述法。"], [(8, 3, "TS101", "1 duties named, at least 2 expected")]),
        ({"min": 2, "max": 2}, ["述法、学法、督察。"], [(8, 3, "TS101", "3 duties named, at least 2 expected")]),
        ({"min": 2}, ["述法,再述法。"], []),
        ({"min": 2, "distinct": True}, ["述法,再述法。"], [(8, 3, "TS101", "1 duties named, at least 2 expected")]),
        ({"min": 0, "max": 0}, ["依法行政。"], []),
    ],
)  # fmt: skip
def test_counts(
    tmp_path: Path,
    options: dict[str, object],
    paragraphs: list[str],
    expected: list[tuple[int, int, str, str]],
) -> None:
    assert lint_with(tmp_path, report(*paragraphs), rule(**options)) == expected


def test_a_missing_node_is_not_counted(tmp_path: Path) -> None:
    assert lint_with(tmp_path, REPORT_META, rule(min=2)) == []
