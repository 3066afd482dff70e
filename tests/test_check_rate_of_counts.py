"""``rate-of-counts`` (RL408): a rate agrees with the counts stated beside it."""

from __future__ import annotations

import pytest

from tests.rulekit import lint_sections as lint


def test_a_rate_that_is_not_its_numerator_over_its_denominator() -> None:
    found = lint(
        {"measures": ["行政应诉案件52件, 行政机关负责人出庭应诉50件, 出庭应诉率98.2%。"]}, "RL408"
    )
    assert found == [(11, 36, "RL408", '"出庭应诉率98.2%" does not match 50件/52件 = 96.2%')]


def test_a_rate_named_by_its_abbreviation_across_a_semicolon() -> None:
    text = "审结一审行政诉讼案件58件, 其中判决败诉5件; 调解撤诉12件, 调撤率27.0%。"
    assert lint({"measures": [text]}, "RL408") == [
        (11, 43, "RL408", '"调撤率27.0%" does not match 12件/58件 = 20.7%')
    ]


@pytest.mark.parametrize(
    "text",
    [
        "行政应诉案件52件, 负责人出庭应诉50件, 出庭应诉率96.2%。",
        "行政应诉案件52件, 负责人出庭应诉50件, 出庭应诉率96.1%。",  # cut off, not rounded
        "行政诉讼案件58件, 败诉5件, 败诉率8.6%。",
        "行政诉讼案件58件, 胜诉53件, 败诉率8.6%。",  # the complement
        "办理人大代表建议45件、政协提案62件, 办结率100%。",  # no count named like the rate
        "行政执法人员1200人, 其中持证1180人, 持证率百分之九十八点三。",
        "行政应诉案件52件。负责人出庭应诉50件, 出庭应诉率98%。",  # no denominator in the sentence
    ],
)
def test_rates_that_agree_or_cannot_be_judged(text: str) -> None:
    assert lint({"measures": [text]}, "RL408") == []
