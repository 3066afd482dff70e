"""`reportlint check --fix` / `--diff`: one right replacement, written through ruamel.yaml."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from reportlint.cli import main

REPORT = """\
# 某县2024年报告: the comments must survive a fix.
format: reportlint/1
report:
  title: 某县2024年法治政府建设年度报告
  issuer: 某县人民政府
  year: 2024
  signed_on: 2025-01-20
  index_no: "001/2025-00001"   # quoted, and kept quoted
preamble:
  - 现将有关情况汇报如下。
sections:
  measures:
    heading: 本年度推进法治政府建设的主要举措和成效
    paragraphs:
      # the next paragraph has two terms to fix and a stray space
      - 行政机关负责人出庭率达到100%,全年召开会议 3 次,出庭率逐年提高。
      - '单引号里的段落: 全年培训 12 人。'
      - 全年办理 5 件。  # reportlint: disable=RL505
  leadership:
    heading: 党政主要负责人履行推进法治建设第一责任人职责情况
    paragraphs: [主要负责人带头学习《法制政府建设实施纲要》和《行政复议发》。]
closing:
  - 特此报告。
"""

FIXED_LINES = {
    10: "  - 现将有关情况报告如下。",
    16: "      - 行政机关负责人出庭应诉率达到100%,全年召开会议 3次,出庭应诉率逐年提高。",
    17: "      - '单引号里的段落: 全年培训 12人。'",
    # A listed misspelling is fixed; 行政复议发 (one character from 行政复议法) is a guess: kept.
    21: "    paragraphs: [主要负责人带头学习《法治政府建设实施纲要》和《行政复议发》。]",
}


def _changed(before: str, after: str) -> dict[int, str]:
    changed: dict[int, str] = {}
    matcher = difflib.SequenceMatcher(None, before.splitlines(), after.splitlines(), False)
    for tag, first, last, new_first, new_last in matcher.get_opcodes():
        if tag != "equal":
            assert tag == "replace" and last - first == new_last - new_first
            for offset in range(last - first):
                changed[first + offset + 1] = after.splitlines()[new_first + offset]
    return changed


def _run(*argv: str) -> int:
    return main(["check", "--no-cache", "--select", "RL5", *argv])


def test_fix_changes_only_the_fixed_lines_and_a_second_run_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "report.yaml"
    path.write_text(REPORT, encoding="utf-8")
    _run("--fix", str(path))
    captured = capsys.readouterr()
    assert f"{path}: fixed 6 findings\n" in captured.err
    after = path.read_text(encoding="utf-8")
    assert _changed(REPORT, after) == FIXED_LINES
    # The suppressed finding is neither fixed nor reported; nothing fixable is left.
    assert "RL504" not in captured.out and "RL505" not in captured.out
    assert captured.out.count("RL502") == 1 and "行政复议发" in captured.out
    _run("--fix", str(path))
    assert "fixed" not in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == after


def test_diff_shows_the_fixes_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "report.yaml"
    path.write_text(REPORT, encoding="utf-8")
    assert _run("--diff", str(path)) == 1
    out = capsys.readouterr().out
    assert path.read_text(encoding="utf-8") == REPORT
    assert out.startswith(f"--- a/{path}\n+++ b/{path}\n")
    assert "-  - 现将有关情况汇报如下。\n+  - 现将有关情况报告如下。\n" in out
    assert sum(line.startswith("+") for line in out.splitlines()) == 1 + len(FIXED_LINES)


@pytest.mark.parametrize(
    "text",
    [
        "- 现将有关情况汇报如下。\n",  # a list, not a report
        "report: {title: 现将有关情况汇报如下\n",  # broken YAML
        "notes:\n  - 现将有关情况汇报如下。\n",  # a mapping without a report
    ],
)
def test_a_file_that_is_not_a_report_is_never_touched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    path = tmp_path / "other.yaml"
    path.write_text(text, encoding="utf-8")
    before = path.stat().st_mtime_ns
    _run("--fix", str(path))
    assert "fixed" not in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == text
    assert path.stat().st_mtime_ns == before


def test_a_file_the_emitter_would_lay_out_otherwise_is_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # ruamel.yaml writes "year: 2024" back with one space: the fix would change line 6 too.
    text = REPORT.replace("  year: 2024\n", "  year:     2024\n")
    path = tmp_path / "report.yaml"
    path.write_text(text, encoding="utf-8")
    _run("--fix", str(path))
    err = capsys.readouterr().err
    assert err == (
        f"{path}: not fixed: writing the fixes back would also change line 6; "
        "fix the findings by hand\n"
    )
    assert path.read_text(encoding="utf-8") == text


def test_a_rule_the_config_ignores_in_a_file_is_not_fixed_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".reportlint.yaml").write_text(
        'per-file-ignores:\n  "report.yaml": [RL505]\n', encoding="utf-8"
    )
    path = tmp_path / "report.yaml"
    path.write_text(REPORT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _run("--fix", "report.yaml")
    assert "report.yaml: fixed 4 findings\n" in capsys.readouterr().err
    after = path.read_text(encoding="utf-8")
    assert "全年召开会议 3 次" in after and "全年培训 12 人" in after
    assert "出庭应诉率达到" in after


def test_a_report_indented_by_four_keeps_its_indentation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "\n".join(
        line.replace("  ", "    ") if not line.startswith("#") else line
        for line in REPORT.splitlines()
    )
    path = tmp_path / "report.yaml"
    path.write_text(text + "\n", encoding="utf-8")
    _run("--fix", str(path))
    assert f"{path}: fixed 6 findings\n" in capsys.readouterr().err
    changed = _changed(text + "\n", path.read_text(encoding="utf-8"))
    assert sorted(changed) == sorted(FIXED_LINES)
    assert changed[10] == "    - 现将有关情况报告如下。"


def test_fix_says_what_it_did_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "report.yaml"
    path.write_text(REPORT, encoding="utf-8")
    _run("--fix", "--lang", "zh", "--quiet", str(path))
    assert f"{path}：已修改6个问题\n" in capsys.readouterr().err
