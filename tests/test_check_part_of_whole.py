"""``part-of-whole`` (RL405 after 其中, RL406 by pairs of words)."""

from __future__ import annotations

import pytest

from tests.rulekit import lint_sections as lint


def test_a_part_after_qizhong_larger_than_its_whole() -> None:
    found = lint({"measures": ["全年共受理行政复议案件十二件, 其中作出撤销决定15件。"]}, "RL405")
    assert found == [(11, 33, "RL405", '"15件" is part of "十二件" but larger than it')]


@pytest.mark.parametrize(
    "text",
    [
        "共受理行政复议案件86件, 其中维持45件、撤销9件。",
        "培训执法人员300人, 其中参训450人次。",  # 人 and 人次 are different units
        "受理86件,审结79件,其中维持48件、撤销9件(含部分撤销3件)。",  # the nearest whole
        "共收到申请93件。其中受理86件。",  # a sentence that opens with 其中
        "全县14个乡镇全部建成服务站,其中5个乡镇建成示范站。",
    ],
)
def test_parts_within_their_whole(text: str) -> None:
    assert lint({"measures": [text]}, "RL405") == []


def test_a_part_after_qizhong_in_the_next_sentence() -> None:
    found = lint({"measures": ["共收到申请93件。其中受理96件。"]}, "RL405")
    assert found == [(11, 22, "RL405", '"96件" is part of "93件" but larger than it')]


def test_adopted_more_than_collected_and_concluded_more_than_the_total() -> None:
    found = lint(
        {
            "measures": [
                "征集公众意见建议176条, 采纳183条。",
                "一审行政诉讼案件共54件, 已审结58件。",
            ]
        },
        "RL406",
    )
    assert found == [
        (11, 25, "RL406", '"183条" is more than the total "176条" in the same sentence'),
        (12, 26, "RL406", '"58件" is more than the total "54件" in the same sentence'),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "征集公众意见建议176条, 采纳63条。",
        "新收一审行政诉讼案件54件, 审结58件。",  # no stated total
        "共受理案件54件, 审结58件(含上年结转6件)。",  # carried over
        "共受理案件54件, 其中败诉5件, 较上年的11件下降。审结58件。",  # another sentence
    ],
)
def test_outcomes_within_their_intake(text: str) -> None:
    assert lint({"measures": [text]}, "RL406") == []
