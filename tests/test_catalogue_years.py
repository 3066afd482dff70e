"""Rules of the 2019 规定 judge reports for 2019 on; earlier reports followed the 2015 纲要."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from reportlint.linter import Linter, Settings
from tests.conftest import FIXTURES

BY_THE_2019_RULES = ("RL101", "RL102", "RL104", "RL105", "RL204", "RL304")

REPORT = """\
format: reportlint/1
report:
  title: 示例县{year}年法治政府建设年度报告
  issuer: 示例县人民政府
  year: {year}
  signed_on: {signed}-01-20
  published_on: {signed}-05-03
sections:
  measures:
    heading: 以十九大精神为指引,努力实现新跨越
    subsections:
      - heading: 认真履行第一责任人职责
        paragraphs: [县长全年主持学法4次。]
  shortcomings:
    heading: 存在的不足和原因
    paragraphs: [执法力量还不足,执法规范化水平有待提高,法治宣传的针对性不强。]
"""


def findings(year: int) -> list[str]:
    text = REPORT.format(year=year, signed=year + 1)
    linter = Linter(Settings(select=BY_THE_2019_RULES, lang="en"))
    return sorted({f.rule for f in linter.lint_text(text, "r.yaml")})


@pytest.mark.parametrize("year", [2016, 2017, 2018])
def test_reports_before_2019_are_not_judged_by_the_2019_rules(year: int) -> None:
    assert findings(year) == []


def test_the_same_report_for_2019_is() -> None:
    # Sections missing, a thematic heading, leadership as a part of measures, a shortcoming
    # with no cause, published in May.
    assert findings(2019) == ["RL101", "RL104", "RL105", "RL204", "RL304"]


def test_a_2017_report_published_as_a_gongwen() -> None:
    linter = Linter(Settings(lang="en"))
    path = FIXTURES / "corpus" / "excerpts" / "jiangsu-huaian-2017.txt"
    rules = {f.rule for f in linter.lint_file(path)}
    # Its title is the standard 公文 form; its sections and deadline are the 2019 规定's.
    assert rules.isdisjoint({"RL601", *BY_THE_2019_RULES})


def test_measures_organised_by_the_gangyao_chapters(tmp_path: Path) -> None:
    text = textwrap.dedent(
        """\
        示例县2023年法治政府建设年度报告

        2023年,示例县人民政府深入贯彻法治政府建设实施纲要,现将有关情况报告如下。

        一、健全政府机构职能体系,推动更好发挥政府作用

        全年取消行政许可事项3项。

        二、健全依法行政制度体系,加快推进政府治理规范化程序化法治化

        全年制发行政规范性文件5件,均经合法性审核并报送备案。

        三、健全行政决策制度体系,不断提升行政决策公信力和执行力

        3项重大行政决策均经过公众参与、专家论证和集体讨论决定程序。

        四、存在的不足和原因

        执法力量不足,主要原因是编制有限。
        """
    )
    source = tmp_path / "gangyao.txt"
    source.write_text(text, encoding="utf-8")
    found = Linter(Settings(select=("RL104",), lang="en")).lint_file(source)
    assert found == []
