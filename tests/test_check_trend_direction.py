"""``trend-direction`` (RL409): a trend word agrees with the two figures it compares."""

from __future__ import annotations

import pytest

from tests.rulekit import lint_sections as lint


def test_a_count_said_to_fall_that_rose() -> None:
    found = lint({"measures": ["受理行政复议案件86件, 较上年的72件下降19.4%。"]}, "RL409")
    assert found == [
        (11, 29, "RL409", '"下降" contradicts the figures: 86件 this year, 72件 before')
    ]


def test_a_rate_said_to_rise_that_fell_written_in_words() -> None:
    found = lint({"measures": ["败诉率8.6%, 较上年的百分之十一点三提高2.7个百分点。"]}, "RL409")
    assert found == [
        (11, 29, "RL409", '"提高" contradicts the figures: 8.6% this year, 百分之十一点三 before')
    ]


def test_from_to_and_the_figure_the_clause_names() -> None:
    found = lint({"measures": ["调解成功率由95%提高到90%。"]}, "RL409")
    assert found == [(11, 18, "RL409", '"提高" contradicts the figures: 90% this year, 95% before')]
    text = "收到申请93件, 受理86件, 不予受理7件, 受理数较上年的92件增长19.4%。"
    assert lint({"measures": [text]}, "RL409") == [
        (11, 43, "RL409", '"增长" contradicts the figures: 86件 this year, 92件 before')
    ]


@pytest.mark.parametrize(
    "text",
    [
        "受理行政复议案件86件, 较上年的72件增长19.4%。",
        "受理86件, 不予受理7件, 受理数较上年的72件增长19.4%。",
        "矛盾纠纷总量4785件, 较上年的5102件下降6.2%。",
        "人民调解组织312个, 比2020年增加41个。",  # no earlier figure given
        "受理案件86件, 同比增长19.4%。",
        "出庭应诉率由2022年的90%提高到2023年的96%。",
        "受理X件, 不予受理7件, 受理数较上年的72件增长19.4%。",  # the figure named is missing
    ],
)
def test_trend_words_that_agree_or_cannot_be_judged(text: str) -> None:
    assert lint({"measures": [text]}, "RL409") == []
