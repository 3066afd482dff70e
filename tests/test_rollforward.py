"""`reportlint init --from`: next year's report from last year's, comments kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.cli import main

LAST_YEAR = """\
# 某县法治政府建设年度报告 (kept in the repository)
format: reportlint/1
report:
  title: 某县2023年法治政府建设年度报告
  issuer: 某县人民政府
  year: 2023
  signed_on: 2023-12-29
  published_on: 2024-03-08
  publisher: 某县人民政府
  index_no: "035200009/2024-00013"
preamble:
  - 2023年,某县深入推进依法行政。
sections:
  measures:
    heading: 本年度推进法治政府建设的主要举措和成效
    paragraphs:
      # reportlint: disable=RL305
      - 组织宣传活动6次,审查文件437份,法制审核率达到100%,落实《实施纲要(2021-2025年)》。
  plans:
    heading: 2024年推进法治政府建设的主要安排
    subsections:
      - heading: 深化行政执法体制改革
        paragraphs: [继续深化改革。]
      - heading: 加强行政复议工作
        paragraphs: [提升办案质量。]
closing:
  - 特此报告。
"""

NEXT_YEAR = """\
# 某县法治政府建设年度报告 (kept in the repository)
format: reportlint/1
report:
  title: 某县2024年法治政府建设年度报告
  issuer: 某县人民政府
  year: 2024
  publisher: 某县人民政府
preamble:
  - 2023年,某县深入推进依法行政。
sections:
  measures:
    heading: 本年度推进法治政府建设的主要举措和成效
    # 2023年报告的安排 (逐项报告落实情况):
    # - 深化行政执法体制改革
    # - 加强行政复议工作
    paragraphs:
      # reportlint: disable=RL305
      - 组织宣传活动XX次,审查文件XX份,法制审核率达到XX%,落实《实施纲要(2021-2025年)》。
  plans:
    heading: 2025年推进法治政府建设的主要安排
    subsections:
      - heading: 深化行政执法体制改革
        paragraphs: [继续深化改革。]
      - heading: 加强行政复议工作
        paragraphs: [提升办案质量。]
closing:
  - 特此报告。
"""


def test_init_from_rolls_the_report_forward(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    last = tmp_path / "2023.yaml"
    last.write_text(LAST_YEAR, encoding="utf-8")
    new = tmp_path / "2024.yaml"
    assert main(["init", str(new), "--from", str(last)]) == 0
    assert new.read_text(encoding="utf-8") == NEXT_YEAR
    assert last.read_text(encoding="utf-8") == LAST_YEAR
    capsys.readouterr()
    # The placeholders are findings until the figures are written in; so is the date.
    assert main(["check", "--no-cache", "--select", "RL501,RL002", str(new)]) == 1
    out = capsys.readouterr().out
    assert out.count("RL501") == 3
    assert "RL002 error [schema] missing required key 'signed_on'" in out


def test_year_moves_every_year_by_the_same_step_and_existing_files_stay(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    last = tmp_path / "2023.yaml"
    last.write_text(LAST_YEAR, encoding="utf-8")
    new = tmp_path / "2025.yaml"
    assert main(["init", str(new), "--from", str(last), "--year", "2025"]) == 0
    text = new.read_text(encoding="utf-8")
    assert "title: 某县2025年法治政府建设年度报告" in text
    assert "heading: 2026年推进法治政府建设的主要安排" in text
    assert "  year: 2025\n" in text
    assert main(["init", str(new), "--from", str(last)]) == 2
    assert "already exists; use --force" in capsys.readouterr().err
    assert new.read_text(encoding="utf-8") == text
