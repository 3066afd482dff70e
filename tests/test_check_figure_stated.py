"""``figure-stated`` (RL201, RL202): a required rate is stated, in digits or in words."""

from __future__ import annotations

import pytest

from tests.rulekit import lint_sections as lint


@pytest.mark.parametrize(
    "text",
    [
        "重大执法决定法制审核率达到100%。",
        "重大行政执法决定合法性审核率为１００％。",
        "重大执法决定法制审核率百分之百。",
        "重大执法决定法制审核率达到百分之九十五点六。",
        "重大执法决定法制审核率：100%。",  # a label and its value
        "重大执法决定法制审核率: 100%。",
        "主要指标：重大执法决定法制审核率：１００％。",
    ],
)
def test_a_review_rate_in_any_writing_is_stated(text: str) -> None:
    assert lint({"measures": [text]}, "RL201") == []


@pytest.mark.parametrize(
    "text",
    [
        "严格落实重大执法决定法制审核制度。",
        "落实“重大执法决定法制审核率100%”的要求。",  # quoted, not stated
        "法制审核率较上年提高5个百分点。",  # a change is not the rate
        "法制审核率：全年执法决定100%公示。",  # the colon is not right before the figure
    ],
)
def test_a_review_rate_not_stated(text: str) -> None:
    assert lint({"measures": [text]}, "RL201") == [
        (
            7,
            1,
            "RL201",
            "the legal-review rate of major enforcement decisions "
            "(重大执法决定法制审核率 N%) is not stated",
        )
    ]


def test_the_appearance_rate_in_words_and_its_short_form() -> None:
    assert lint({"measures": ["行政机关负责人出庭应诉率百分之九十六点二。"]}, "RL202") == []
    assert lint({"measures": ["今年我区的行政负责人出庭率达到了96%。"]}, "RL202") == []
    assert lint({"measures": ["认真执行行政机关负责人出庭应诉制度。"]}, "RL202") == [
        (7, 1, "RL202", "the agency-head court-appearance rate (出庭应诉率 N%) is not stated")
    ]
