"""``same-value``: a figure named by ``name`` has one value (``value``) wherever it is
given; every place of a figure with two values is a finding."""

from __future__ import annotations

import textwrap
from pathlib import Path

from tests.conftest import REPORT_META, lint_with, make_rule

RULE = make_rule(
    "TS101",
    "same-value",
    path="sections",
    options={
        "pattern": r"(?P<name>出庭应诉率|出庭率|审核率)[^。\d]{0,4}(?P<value>\d+(?:\.\d+)?)%",
        "aliases": {"出庭率": "出庭应诉率"},
    },
    message="{name} is given as {values}; here {value}",
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


def test_one_value_everywhere(tmp_path: Path) -> None:
    assert (
        lint_with(tmp_path, report("出庭应诉率达到98%。", "出庭率为98%,审核率100%。"), RULE) == []
    )


def test_every_place_of_a_figure_with_two_values(tmp_path: Path) -> None:
    found = lint_with(tmp_path, report("出庭应诉率达到98%。", "出庭率为96.5%,审核率100%。"), RULE)
    assert found == [
        (11, 9, "TS101", "出庭应诉率 is given as 96.5、98; here 98"),
        (12, 9, "TS101", "出庭应诉率 is given as 96.5、98; here 96.5"),
    ]


def test_equal_numbers_written_differently_are_one_value(tmp_path: Path) -> None:
    assert lint_with(tmp_path, report("审核率100%。", "审核率100.0%。"), RULE) == []
