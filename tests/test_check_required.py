"""``required``: each path names a node that is present and not null; the finding points at
the nearest key that exists."""

from __future__ import annotations

import textwrap
from pathlib import Path

from tests.conftest import REPORT_META, lint_with, make_rule

RULE = make_rule(
    "TS101",
    "required",
    path=["report.published_on", "sections.plans"],
    message="{path} is missing",
)
SECTIONS = textwrap.dedent(
    """\
    sections:
      measures:
        heading: 主要举措
    """
)


def test_present_nodes_give_nothing(tmp_path: Path) -> None:
    report = (
        REPORT_META + "  published_on: 2024-03-01\n" + SECTIONS + "  plans:\n    heading: 安排\n"
    )
    assert lint_with(tmp_path, report, RULE) == []


def test_each_missing_path_points_at_its_nearest_parent_key(tmp_path: Path) -> None:
    assert lint_with(tmp_path, REPORT_META + SECTIONS, RULE) == [
        (2, 1, "TS101", "report.published_on is missing"),
        (7, 1, "TS101", "sections.plans is missing"),
    ]


def test_a_null_value_is_missing_at_its_own_key(tmp_path: Path) -> None:
    report = REPORT_META + "  published_on: null\n" + SECTIONS + "  plans:\n    heading: 安排\n"
    assert lint_with(tmp_path, report, RULE) == [
        (7, 3, "TS101", "report.published_on is missing"),
    ]


def test_a_missing_parent_points_at_the_document(tmp_path: Path) -> None:
    assert lint_with(tmp_path, REPORT_META, RULE) == [
        (1, 1, "TS101", "sections.plans is missing"),
        (2, 1, "TS101", "report.published_on is missing"),
    ]
