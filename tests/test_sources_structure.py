"""Reading a plain-text report: zones, headings, run-in headings, sections and numbering."""

from __future__ import annotations

import textwrap
from typing import Any

import pytest

from reportlint.inputs.sources import load_source_text
from reportlint.inputs.sources.numbering import cn_numeral, read_number
from reportlint.inputs.sources.sections import section_key
from reportlint.linter import Linter, Settings

TITLE = "示例县2023年法治政府建设年度报告"


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(Settings())


def data(text: str) -> Any:
    return load_source_text(textwrap.dedent(text), "report.txt").data


def found(linter: Linter, text: str, *rules: str) -> list[tuple[str, int, int]]:
    doc = load_source_text(textwrap.dedent(text), "report.txt")
    return [
        (finding.rule, finding.line, finding.column)
        for finding in linter.lint_document(doc)
        if finding.rule in rules
    ]


def messages(linter: Linter, text: str, rule: str) -> list[str]:
    doc = load_source_text(textwrap.dedent(text), "report.txt")
    return [finding.message for finding in linter.lint_document(doc) if finding.rule == rule]


# Numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "value", "written", "well_formed"),
    [
        ("一、主要举措", "cn", 1, "一、", True),
        ("十二、其他", "cn", 12, "十二、", True),
        ("二十一、其他", "cn", 21, "二十一、", True),
        ("一,主要举措", "cn", 1, "一,", False),
        ("(一)加强领导", "cn-paren", 1, "(一)", True),
        ("（十）加强领导", "cn-paren", 10, "（十）", True),
        ("一)加强领导", "cn-paren", 1, "一)", False),
        ("1.加强领导", "arabic", 1, "1.", True),
        ("1、加强领导", "arabic", 1, "1、", True),
        ("１．加强领导", "arabic", 1, "１．", True),
        ("2,深化改革", "arabic", 2, "2,", False),
        ("2，深化改革", "arabic", 2, "2，", False),
        ("(3)强化监督", "arabic-paren", 3, "(3)", True),
        ("3)强化监督", "arabic-paren", 3, "3)", False),
        ("②强化监督", "circled", 2, "②", True),
    ],
)
def test_heading_numbers_are_read(
    text: str, kind: str, value: int, written: str, well_formed: bool
) -> None:
    number = read_number(text)
    assert number is not None
    assert (number.kind, number.value, number.written, number.well_formed) == (
        kind,
        value,
        written,
        well_formed,
    )


@pytest.mark.parametrize(
    "text",
    [
        "一是充分发挥作用",
        "2023年,全区……",
        "12.4”国家宪法宣传日",
        "3.5亿元用于……",
        "2,000余人参加",
        "十分重视法治建设",
        "二〇二三年十二月二十九日",
    ],
)
def test_text_that_only_looks_numbered_is_not_a_heading(text: str) -> None:
    assert read_number(text) is None


def test_chinese_numerals_round_trip() -> None:
    assert [cn_numeral(value) for value in (1, 9, 10, 11, 20, 23, 99)] == [
        "一",
        "九",
        "十",
        "十一",
        "二十",
        "二十三",
        "九十九",
    ]


# RL107 --------------------------------------------------------------------------------

REPORT = f"""\
{TITLE}

一、2023年推进法治政府建设的主要举措和成效

{{body}}
"""


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("(一)加强领导\n\n正文。\n\n(二)依法决策\n\n正文。", []),
        ("（一）加强领导\n\n１．学法。正文。\n\n２．述法。正文。", []),
        ("(一)加强领导\n\n正文。\n\n(三)依法决策\n\n正文。", [(9, 1)]),
        ("1.加强领导。正文。\n\n2,依法决策。正文。", [(7, 1)]),
        ("一)加强领导\n\n正文。", [(5, 1)]),
        ("1.学法。正文。\n\n1.述法。正文。", [(7, 1)]),
        ("1.学法。正文。\n\n3.述法。正文。\n\n2.考核。正文。", [(7, 1), (9, 1)]),
        ("(二)加强领导\n\n正文。", [(5, 1)]),
        # 1. 2. counted on through a section's parts is a style, not a fault.
        ("(一)领导\n\n1.学法。正文。\n\n2.述法。正文。\n\n(二)决策\n\n3.审查。正文。", []),
        ("(一)领导\n\n1.学法。正文。\n\n(二)决策\n\n1.审查。正文。", []),
        ("  (一)领导\n\n正文。\n\n  (三)决策", [(9, 3)]),
        ("①学法。正文。\n\n②述法。正文。\n\n④考核。正文。", [(9, 1)]),
    ],
)
def test_numbering_faults_point_at_the_number(
    linter: Linter, body: str, expected: list[tuple[int, int]]
) -> None:
    text = REPORT.format(body=body)
    assert found(linter, text, "RL107") == [("RL107", line, col) for line, col in expected]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("一)加强领导\n\n正文。", 'heading number "一)" is malformed; write "(一)"'),
        ("1.学法。\n\n2,述法。", 'heading number "2," is malformed; write "2."'),
        (
            "(一)领导\n\n(三)决策",
            'heading number "(三)" follows "(一)": "(二)" is skipped',
        ),
        ("1.学法。\n\n1.述法。", 'heading number "1." repeats the one before it'),
        ("3.学法。\n\n4.述法。", 'heading number "3." should start at "1."'),
        ("2.学法。\n\n1.述法。", 'heading number "2." should start at "1."'),
    ],
)
def test_numbering_messages(linter: Linter, body: str, message: str) -> None:
    assert messages(linter, REPORT.format(body=body), "RL107")[0] == message


def test_numbering_messages_in_chinese() -> None:
    linter = Linter(Settings(lang="zh"))
    text = REPORT.format(body="(一)领导\n\n(三)决策")
    assert messages(linter, text, "RL107") == ["标题编号“(三)”排在“（一）”之后，跳过了“（二）”"]


def test_a_top_level_number_out_of_sequence(linter: Linter) -> None:
    text = f"{TITLE}\n\n一、主要举措和成效\n\n正文。\n\n三、存在的不足和原因\n\n正文。\n"
    assert found(linter, text, "RL107") == [("RL107", 7, 1)]


# Headings and paragraphs ---------------------------------------------------------------


def test_run_in_headings_split_at_the_first_full_stop() -> None:
    doc = data(
        f"""\
        {TITLE}

        一、主要举措和成效

        (一)加强领导。坚持党的领导。全面推进。

        (二)依法决策。

        (三)严格执法：

        正文。
        """
    )
    parts = doc["sections"]["measures"]["subsections"]
    assert parts == [
        {"heading": "加强领导", "paragraphs": ["坚持党的领导。全面推进。"]},
        {"heading": "依法决策"},
        {"heading": "严格执法", "paragraphs": ["正文。"]},
    ]


def test_levels_nest_by_number_kind_even_when_one_is_skipped() -> None:
    doc = data(
        f"""\
        {TITLE}

        一、主要举措和成效

        1.学法。正文。

        (1)述法。正文。

        (一)决策

        正文。
        """
    )
    measures = doc["sections"]["measures"]
    assert measures["subsections"] == [
        {
            "heading": "学法",
            "paragraphs": ["正文。"],
            "subsections": [{"heading": "述法", "paragraphs": ["正文。"]}],
        },
        {"heading": "决策", "paragraphs": ["正文。"]},
    ]


def test_text_before_the_first_section_is_the_preamble_and_special_closing() -> None:
    doc = data(
        f"""\
        {TITLE}

        2023年,全县坚持……现将有关情况报告如下。

        一、主要举措和成效

        正文。

        特此报告。

        示例县人民政府

        二〇二四年一月二十日
        """
    )
    assert doc["preamble"] == ["2023年,全县坚持……现将有关情况报告如下。"]
    assert doc["sections"] == {"measures": {"heading": "主要举措和成效", "paragraphs": ["正文。"]}}
    assert doc["closing"] == ["特此报告。"]
    assert doc["report"] == {
        "title": TITLE,
        "issuer": "示例县人民政府",
        "year": 2023,
        "signed_on": "2024-01-20",
    }


@pytest.mark.parametrize(
    ("signature", "issuer", "signed_on"),
    [
        ("示例县人民政府\n\n2024年1月20日", "示例县人民政府", "2024-01-20"),
        ("示例县人民政府\n二○二四年一月二十日", "示例县人民政府", "2024-01-20"),
        ("示例县司法局 2024-01-20", "示例县司法局", "2024-01-20"),
        ("2024.1.20", None, "2024-01-20"),
    ],
)
def test_the_signature_gives_issuer_and_date(
    signature: str, issuer: str | None, signed_on: str
) -> None:
    text = f"示例县2023年法治政府建设年度报告\n\n一、主要举措和成效\n\n正文。\n\n{signature}\n"
    report = load_source_text(text, "r.txt").data["report"]
    assert report.get("issuer") == issuer
    assert report["signed_on"] == signed_on


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("本年度推进法治政府建设的主要举措和成效", "measures"),
        ("主要成效", "measures"),
        ("2022年法治政府建设重要工作", "measures"),
        ("本年度党政主要负责人履行推进法治建设第一责任人职责情况", "leadership"),
        ("本年度法治政府建设存在的不足和原因", "shortcomings"),
        ("存在的问题", "shortcomings"),
        ("下一年度推进法治政府建设的主要安排", "plans"),
        ("2024年工作打算", "plans"),
        ("对全市加强法治政府建设的意见、建议", "suggestions"),
        ("其他需要报告的重要事项", "other"),
        ("以贯彻落实党的十九大精神为指引,努力推动实现新起点上新跨越", None),
    ],
)
def test_sections_are_keyed_by_what_their_heading_says(heading: str, key: str | None) -> None:
    assert section_key(heading) == key


def test_sections_keep_the_source_order(linter: Linter) -> None:
    text = f"{TITLE}\n\n一、存在的不足和原因\n\n正文。\n\n二、主要举措和成效\n\n正文。\n"
    assert list(data(text)["sections"]) == ["shortcomings", "measures"]
    assert found(linter, text, "RL102") == [("RL102", 7, 1)]


def test_a_thematic_first_heading_stands_for_measures(linter: Linter) -> None:
    text = f"{TITLE}\n\n一、以党的十九大精神为指引\n\n正文。\n\n二、存在的不足和原因\n\n正文。\n"
    assert data(text)["sections"]["measures"]["heading"] == "以党的十九大精神为指引"
    assert found(linter, text, "RL104") == [("RL104", 3, 3)]


def test_a_later_thematic_heading_is_kept_under_measures(linter: Linter) -> None:
    text = (
        f"{TITLE}\n\n一、主要举措和成效\n\n正文。\n\n二、坚持依法行政\n\n(一)决策\n\n正文。\n\n"
        "三、存在的不足和原因\n\n正文。\n"
    )
    doc = data(text)
    assert doc["sections"]["measures"]["subsections"] == [
        {"heading": "坚持依法行政", "subsections": [{"heading": "决策", "paragraphs": ["正文。"]}]}
    ]
    assert found(linter, text, "RL104", "RL107") == [("RL104", 7, 1)]
    assert messages(linter, text, "RL104") == [
        "heading \"坚持依法行政\" names no mandated section; it is kept as a part of 'measures'"
    ]


def test_a_repeated_section_heading_is_kept_as_a_part(linter: Linter) -> None:
    text = f"{TITLE}\n\n一、主要举措\n\n正文。\n\n二、主要成效\n\n正文。\n"
    doc = data(text)
    assert doc["sections"]["measures"]["subsections"] == [
        {"heading": "主要成效", "paragraphs": ["正文。"]}
    ]
    assert found(linter, text, "RL104") == [("RL104", 7, 1)]


def test_leadership_under_measures_is_reported_by_the_engine(linter: Linter) -> None:
    text = f"{TITLE}\n\n一、主要举措和成效\n\n(一)切实履行第一责任人职责。正文。\n"
    assert found(linter, text, "RL105") == [("RL105", 5, 8)]


def test_a_report_without_headings_is_all_preamble(linter: Linter) -> None:
    text = f"{TITLE}\n\n2023年,全县坚持依法行政,取得明显成效。\n"
    doc = data(text)
    assert doc["preamble"] == ["2023年,全县坚持依法行政,取得明显成效。"]
    assert doc["sections"] == {}
    assert [rule for rule, _, _ in found(linter, text, "RL101")] == ["RL101"] * 6


@pytest.mark.parametrize(
    "text",
    ["", "\n\n", "一、", "一、。", "特此报告。", "2023年12月29日", "(一)", "\ufeff", "x" * 5000],
)
def test_fragments_give_findings_never_a_crash(linter: Linter, text: str) -> None:
    findings = linter.lint_document(load_source_text(text, "r.txt"))
    assert all(finding.line >= 1 and finding.column >= 1 for finding in findings)


@pytest.mark.parametrize(
    "paragraph",
    [
        "开展网站ICP备案核查工作。",
        "主办单位要加强管理。",
        "相关政策落实到位。",
        "关闭整改3家企业。",
    ],
)
def test_text_that_mentions_furniture_words_stays_text(paragraph: str) -> None:
    doc = data(f"{TITLE}\n\n一、主要举措和成效\n\n{paragraph}\n\n正文。\n")
    assert doc["sections"]["measures"]["paragraphs"] == [paragraph, "正文。"]


@pytest.mark.parametrize(
    "trailer",
    [
        "扫一扫在手机上查看当前页面",
        "相关解读 相关政策",
        "【打印】【关闭】",
        "版权所有:XX",
        "上一篇:XX",
    ],
)
def test_page_furniture_ends_the_body(trailer: str) -> None:
    doc = data(f"{TITLE}\n\n一、主要举措和成效\n\n正文。\n\n{trailer}\n\n关于XX的解读\n")
    assert doc["sections"]["measures"]["paragraphs"] == ["正文。"]
