"""``trend-amount`` (RL410): a stated change is the change of its two figures."""

from __future__ import annotations

import pytest

from tests.rulekit import lint_sections as lint


def test_a_relative_change_of_counts_that_does_not_match() -> None:
    found = lint({"measures": ["受理行政复议案件86件, 较上年的72件增长29.4%。"]}, "RL410")
    assert found == [
        (
            11,
            31,
            "RL410",
            '"29.4%" does not match the figures: 86件 this year, 72件 before, a change of 19.4',
        )
    ]


def test_a_change_in_points_of_two_rates_that_does_not_match() -> None:
    found = lint({"measures": ["败诉率8.6%, 较上年的11.3%下降3.7个百分点。"]}, "RL410")
    assert [(line, column, rule) for line, column, rule, _ in found] == [(11, 29, "RL410")]


@pytest.mark.parametrize(
    "text",
    [
        "受理行政复议案件86件, 较上年的72件增长19.4%。",
        "败诉率8.6%, 较上年的11.3%下降2.7个百分点。",
        "败诉率8.6%, 较上年的11.3%下降23.9%。",  # relative, of two rates
        "行政执法人员320名, 较上年的300名增加20名。",
        "投入经费12.5万元, 较上年的10万元增长25%。",
        "出庭应诉率96%, 较上年的91%提高5.5%。",  # 96% may be 96.4%
    ],
)
def test_changes_that_match(text: str) -> None:
    assert lint({"measures": [text]}, "RL410") == []
