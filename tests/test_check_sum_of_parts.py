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
