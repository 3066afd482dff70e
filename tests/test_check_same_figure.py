"""``same-figure`` (RL402 by name, RL403 by label, RL404 by referent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.errors import RulePackError
from reportlint.linter import Linter, Settings
from tests.rulekit import lint_sections as lint


def test_a_named_rate_with_two_values_is_reported_at_both_places() -> None:
    found = lint(
        {"measures": ["行政机关负责人出庭应诉率百分之九十六。", "负责人出庭率为98%。"]}, "RL402"
    )
    message = "出庭应诉率 is given with different values (96、98); here {}%"
    assert found == [
        (11, 16, "RL402", message.format(96)),
        (12, 12, "RL402", message.format(98)),
    ]


@pytest.mark.parametrize(
    "plans",
    [
        "推动行政机关负责人出庭应诉率提高到100%。",
        "行政诉讼败诉率控制在5%以下。",
        "规范性文件合法性审核率、备案率保持100%。",
    ],
)
def test_a_target_in_the_plans_is_not_a_second_value(plans: str) -> None:
    measures = "出庭应诉率96.2%, 败诉率8.6%, 备案率98%, 较上年的91%提高7个百分点。"
    assert lint({"measures": [measures], "plans": [plans]}, "RL402") == []


def test_a_rate_rounded_once_and_given_in_full_once_agrees() -> None:
    found = lint({"measures": ["出庭应诉率96%。", "出庭率为百分之九十六点二。"]}, "RL402")
    assert found == []


def test_the_same_count_in_two_sections() -> None:
    found = lint(
        {
            "measures": ["区政府全年向区委常委会汇报法治政府建设情况2次。"],
            "leadership": ["区政府向区委常委会汇报法治政府建设情况三次。"],
        },
        "RL403",
    )
    message = '"{}…次" is given with different values (2、3); here {}'
    assert found == [
        (11, 30, "RL403", message.format("区政府全年向区委常委会汇报法治政府建设情况", 2)),
        (15, 28, "RL403", message.format("区政府向区委常委会汇报法治政府建设情况", 3)),
    ]


def test_a_count_inside_a_phrase_matches_a_longer_subject() -> None:
    found = lint(
        {
            "measures": ["县人民政府常务会议4次专题研究法治政府建设工作。"],
            "leadership": ["县长主持召开县人民政府常务会议6次专题研究法治政府建设工作。"],
        },
        "RL403",
    )
    assert [(line, column) for line, column, _, _ in found] == [(11, 18), (15, 24)]


@pytest.mark.parametrize(
    "paragraphs",
    [
        # a short label names different things
        {"measures": ["开展培训3次。"], "leadership": ["开展培训12次。"]},
        # a subject makes a different count
        {"measures": ["开展法治宣传活动12次。"], "other": ["各乡镇开展法治宣传活动30次。"]},
        # a prior year's figure and a target are not this year's
        {
            "measures": ["受理行政复议案件86件,上年受理行政复议案件72件。"],
            "plans": ["力争受理行政复议案件90件。"],
        },
        # rounded and exact
        {"measures": ["全年主动公开政府信息1.2万条。"], "other": ["全年主动公开政府信息12345条。"]},
        # about
        {"measures": ["全年开展执法检查工作200余次。"], "other": ["全年开展执法检查工作236次。"]},
    ],
)
def test_counts_that_do_not_conflict(paragraphs: dict[str, list[str]]) -> None:
    assert lint(paragraphs, "RL403") == []


def test_a_restated_set_keeps_its_count() -> None:
    text = "确定5项重大行政决策事项并向社会公布。这6项重大行政决策均经过合法性审查。"
    assert lint({"measures": [text]}, "RL404") == [
        (11, 29, "RL404", '"6项" restates "5项" earlier in the paragraph with another value')
    ]
    same = "全区有3个重大行政决策目录。3个重大决策都经过公众参与、合法性审查。"
    subset = "全县27个乡镇(街道)全部挂牌,在6个乡镇(街道)放置一体机。"
    assert lint({"measures": [same, subset]}, "RL404") == []


PACK = """pack: mine
rules:
  - id: MY401
    name: count-per-section
    severity: error
    summary: {zh: 同一部分内一致, en: one value within a section}
    message: {zh: "{label}", en: "{label}: {values}"}
    rationale: {zh: 例。, en: example.}
    basis: example
    check: same-figure
    path: sections
    options: OPTIONS
    examples:
      pass: [{}]
      fail: [{sections: {measures: {paragraphs: [开展法治宣传活动3次。开展法治宣传活动4次。]}}}]
"""


def test_scope_section_compares_within_a_section(tmp_path: Path) -> None:
    pack = tmp_path / "mine.yaml"
    pack.write_text(PACK.replace("OPTIONS", "{by: label, scope: section}"), encoding="utf-8")
    paragraphs = {"measures": ["开展法治宣传活动3次。"], "other": ["开展法治宣传活动4次。"]}
    assert lint(paragraphs, "MY401", pack) == []
    paragraphs = {"measures": ["开展法治宣传活动3次。", "开展法治宣传活动4次。"]}
    assert lint(paragraphs, "MY401", pack) == [
        (11, 17, "MY401", "开展法治宣传活动…次: 3、4"),
        (12, 17, "MY401", "开展法治宣传活动…次: 3、4"),
    ]


@pytest.mark.parametrize(
    ("options", "error"),
    [
        ("{by: name}", "by: name needs a pattern"),
        ("{by: lable}", "by"),
        ("{min_label: 1}", "min_label"),
        ("{roles: [result]}", "roles"),
    ],
)
def test_options_are_checked_when_the_pack_loads(tmp_path: Path, options: str, error: str) -> None:
    pack = tmp_path / "mine.yaml"
    pack.write_text(PACK.replace("OPTIONS", options), encoding="utf-8")
    with pytest.raises(RulePackError, match=error):
        Linter(Settings(extra_packs=(pack,)))
