"""Rules on small reports: the exact rule, line, column and message of each finding."""

from __future__ import annotations

import textwrap

import pytest

from reportlint.linter import Linter, Settings
from tests.conftest import REPORT_META

HEAD = REPORT_META + "  published_on: 2024-03-01\n"


def lint(body: str, select: str) -> list[tuple[str, int, int, str]]:
    linter = Linter(Settings(select=(select,), lang="en"))
    text = HEAD + textwrap.dedent(body)
    return [(f.rule, f.line, f.column, f.message) for f in linter.lint_text(text, "r.yaml")]


def test_missing_section_points_at_sections_key() -> None:
    body = """\
        sections:
          measures: {heading: 主要举措和成效, paragraphs: [正文]}
        """
    found = lint(body, "RL101")
    assert [(r, line, col) for r, line, col, _ in found] == [("RL101", 8, 1)] * 5
    assert (
        found[0][3]
        == "section 'leadership' (党政主要负责人履行推进法治建设第一责任人职责情况) is missing"
    )


def test_heading_alone_is_empty_and_thematic_heading_is_reported() -> None:
    body = """\
        sections:
          measures:
            heading: 主要举措和成效
          shortcomings:
            heading: 存在的问题
            paragraphs: [主要原因是人手不足。]
        """
    assert lint(body, "RL103") == [("RL103", 9, 3, "section 'measures' has a heading but no text")]
    assert lint(body, "RL104") == [
        (
            "RL104",
            12,
            5,
            "the heading of section 'shortcomings' does not name its mandated subject "
            "(本年度法治政府建设存在的不足和原因)",
        )
    ]


def test_leadership_merged_into_measures_points_at_the_words() -> None:
    body = """\
        sections:
          measures:
            heading: 主要举措和成效
            subsections:
              - heading: 加强领导
                subsections:
                  - heading: 切实履行第一责任人职责
                    paragraphs: [正文]
        """
    assert [(r, line, col) for r, line, col, _ in lint(body, "RL105")] == [("RL105", 14, 26)]


def test_statement_missing_is_reported_at_sections() -> None:
    body = """\
        sections:
          other: {heading: 其他, paragraphs: [无。]}
        """
    assert lint(body, "RL203")[0][:3] == ("RL203", 8, 1)


def test_title_year_points_at_the_year() -> None:
    text = HEAD.replace("示例县2023年", "示例县2022年") + "sections: {}\n"
    linter = Linter(Settings(select=("RL301",), lang="en"))
    found = [(f.rule, f.line, f.column, f.message) for f in linter.lint_text(text, "r.yaml")]
    assert found == [("RL301", 3, 13, "the title says 2022, the report year is 2023")]


@pytest.mark.parametrize(
    ("published", "rule", "message"),
    [
        ("2024-01-10", "RL303", "published on 2024-01-10, before it was signed on 2024-01-20"),
        ("2024-04-01", "RL304", "published on 2024-04-01; the deadline is before 2024-04-01"),
    ],
)
def test_publication_dates(published: str, rule: str, message: str) -> None:
    text = HEAD.replace("2024-03-01", published) + "sections: {}\n"
    linter = Linter(Settings(select=(rule,), lang="en"))
    found = [(f.rule, f.line, f.column, f.message) for f in linter.lint_text(text, "r.yaml")]
    assert found == [(rule, 7, 17, message)]


def test_date_after_signing_in_text() -> None:
    body = """\
        sections:
          measures:
            heading: 主要举措和成效
            paragraphs:
              - 于二〇二四年三月一日召开会议。
        """
    assert lint(body, "RL306") == [
        ("RL306", 12, 10, '"二〇二四年三月一日" is after the signing date 2024-01-20')
    ]


def test_rate_over_100_and_conflicting_figures() -> None:
    body = """\
        sections:
          measures:
            heading: 主要举措和成效
            paragraphs:
              - 出庭应诉率达到１０５％。
              - 行政机关负责人出庭率为96%。
        """
    assert lint(body, "RL401") == [
        ("RL401", 12, 9, '"出庭应诉率达到105%": a rate cannot exceed 100%')
    ]
    assert lint(body, "RL402") == [
        ("RL402", 12, 9, "出庭应诉率 is given with different values (96、105); here 105%"),
        ("RL402", 13, 16, "出庭应诉率 is given with different values (96、105); here 96%"),
    ]


def test_placeholders_and_spacing() -> None:
    body = """\
        sections:
          other:
            heading: 其他需要报告的重要事项
            paragraphs:
              - 全年办理案件××件,召开会议 3 次。
        """
    assert lint(body, "RL501") == [("RL501", 12, 15, 'template placeholder "××" left in the text')]
    assert lint(body, "RL505") == [
        ("RL505", 12, 24, '"3 次": stray space between a number and its unit')
    ]


def test_title_variant_is_info_and_non_standard_title_is_warning() -> None:
    variant = HEAD.replace("2023年法治政府建设年度报告", "2023年度法治政府建设情况报告")
    other = HEAD.replace("2023年法治政府建设年度报告", "2023年依法行政工作总结")
    linter = Linter(Settings(select=("RL601",), lang="en"))
    found = linter.lint_text(variant + "sections: {}\n", "r.yaml")
    assert [(f.rule, str(f.severity), f.line, f.column) for f in found] == [
        ("RL601", "info", 3, 10)
    ]
    found = linter.lint_text(other + "sections: {}\n", "r.yaml")
    assert [(f.rule, str(f.severity), f.line, f.column) for f in found] == [
        ("RL601", "warning", 3, 3)
    ]
