"""``sum-of-parts`` (RL407): the parts listed for a total add up to it."""

from __future__ import annotations

import pytest

from tests.rulekit import lint_sections as lint


def test_parts_adding_up_to_more_than_the_total() -> None:
    found = lint({"measures": ["收到行政复议申请93件, 其中受理86件、不予受理9件。"]}, "RL407")
    assert found == [(11, 17, "RL407", 'the parts of "93件" (86+9) add up to 95, not 93')]


def test_a_complete_list_adding_up_to_less() -> None:
    text = "清理规范性文件126件, 其中废止9件、修改5件, 其余102件继续有效。"
    assert lint({"measures": [text]}, "RL407") == [
        (11, 16, "RL407", 'the parts of "126件" (9+5+102) add up to 116, not 126')
    ]


def test_a_word_and_its_negation_split_the_total_before_them() -> None:
    found = lint({"measures": ["全年共收到行政复议申请93件,受理86件,不予受理5件。"]}, "RL407")
    assert found == [(11, 20, "RL407", 'the parts of "93件" (86+5) add up to 91, not 93')]


@pytest.mark.parametrize(
    "text",
    [
        "审结行政复议案件79件, 其中维持48件、驳回6件、撤销9件。",  # may be partial
        "清理规范性文件126件, 其中废止9件、修改5件, 其余112件继续有效。",
        "全年共收到行政复议申请93件,受理86件,不予受理7件。",
        "审结79件,其中维持48件、撤销9件(含部分撤销30件),纠错率19%;尚在审理中70件。",
        "开展普法活动120场,其中线上60余场、线下70余场。",  # not exact
        "投入经费12.5万元,其中县级6.3万元、乡镇6.25万元。",  # within rounding
    ],
)
def test_parts_that_add_up(text: str) -> None:
    assert lint({"measures": [text]}, "RL407") == []


def test_outcomes_listed_right_after_a_cleanup_add_up_to_more() -> None:
    text = "共清理现行有效的规范性文件126件,宣布废止9件、修改5件,继续有效121件。"
    assert lint({"measures": [text]}, "RL407") == [
        (11, 22, "RL407", 'the parts of "126件" (9+5+121) add up to 135, not 126')
    ]


def test_outcomes_with_what_stays_in_force_are_a_complete_list() -> None:
    text = "清理规范性文件126件,废止9件、修改5件,继续有效100件。"
    assert lint({"measures": [text]}, "RL407") == [
        (11, 16, "RL407", 'the parts of "126件" (9+5+100) add up to 114, not 126')
    ]


@pytest.mark.parametrize(
    "text",
    [
        "清理规范性文件126件,废止9件、修改5件,继续有效112件。",
        "清理规范性文件126件,废止9件、修改5件。",  # may be partial
        "清理证明事项30项,保留12项、取消25项。",  # 取消 is not an outcome listed
        "清理规范性文件126件,废止9件,新制定规范性文件150件。",  # another count after one part
        "印发规范性文件126件,废止90件、修改50件。",  # not a cleanup's total
    ],
)
def test_outcomes_that_add_up_or_are_not_a_cleanups(text: str) -> None:
    assert lint({"measures": [text]}, "RL407") == []


def test_a_split_rest_word_must_be_one_of_its_parts() -> None:
    from pydantic import ValidationError

    from reportlint.checks.sum_of_parts import options_model

    split = {"whole": ["清理"], "parts": ["废止", "修改"], "rest": ["保留"]}
    with pytest.raises(ValidationError, match="rest words must be among the parts: 保留"):
        options_model().model_validate({"splits": [split]})
