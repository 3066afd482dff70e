"""``rules``, ``explain`` and ``test-rules`` know the packs a ``check`` in the same place
knows (the configuration's and ``--rules``); ``test-rules --show`` prints what an example
builds and finds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportlint.cli import main
from tests.conftest import make_rule, write_pack

PASSING = "format: reportlint/1\nreport:\n  title: 云冈区2023年法治政府建设年度报告\n"
FAILING = "format: reportlint/1\nreport:\n  title: 示例县2023年法治政府建设年度报告\n"
RULE = make_rule(
    "MY101",
    "forbidden-pattern",
    path="report.title",
    options={"pattern": "示例县"},
    message='"{match}" is a placeholder name',
    examples={"pass": [PASSING], "fail": [FAILING]},
)


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("packs").mkdir()
    write_pack(Path("packs"), RULE, name="mine")


def output(capsys: pytest.CaptureFixture[str], *args: str, code: int = 0) -> list[str]:
    assert main(list(args)) == code
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out.splitlines()


def rule_ids(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    listed = json.loads("\n".join(output(capsys, "rules", "--format", "json", *args)))
    return [row["id"] for row in listed if not row["id"].startswith("RL")]


def test_rules_lists_the_packs_of_rules_options_and_of_the_config(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert rule_ids(capsys) == []
    assert rule_ids(capsys, "--rules", "packs/mine.yaml") == ["MY101"]
    assert rule_ids(capsys, "--rules", "packs") == ["MY101"]
    Path(".reportlint.yaml").write_text("rules: [packs/mine.yaml]\n", encoding="utf-8")
    assert rule_ids(capsys) == ["MY101"]
    Path("ci.yaml").write_text("rules: []\n", encoding="utf-8")
    assert rule_ids(capsys, "--config", "ci.yaml") == []


def test_explain_a_rule_of_a_configured_pack(capsys: pytest.CaptureFixture[str]) -> None:
    Path(".reportlint.yaml").write_text("rules: [packs]\n", encoding="utf-8")
    assert output(capsys, "explain", "my101", "--lang", "en") == [
        "MY101 my101 (warning)",
        "",
        "test",
        "",
        "Why: test",
        "",
        "Basis: test",
        "",
        "Check: looks for a wording that should not be there, in report.title",
        "",
        "Passes:",
        "   1. format: reportlint/1",
        "     report:",
        "       title: 云冈区2023年法治政府建设年度报告",
        "",
        "Fails:",
        "   1. format: reportlint/1",
        "     report:",
        "       title: 示例县2023年法治政府建设年度报告",
    ]


def test_explain_without_the_pack_does_not_know_the_rule(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["explain", "MY101"]) == 2
    assert (
        capsys.readouterr().err == "reportlint: error: no rule 'MY101' (see 'reportlint rules')\n"
    )


def test_test_rules_runs_the_configured_packs(capsys: pytest.CaptureFixture[str]) -> None:
    Path(".reportlint.yaml").write_text("rules: [packs]\n", encoding="utf-8")
    assert output(capsys, "test-rules", "--select", "MY") == [
        "Ran 2 examples of 1 rule: 2 passed, 0 failed, 0 skipped."
    ]
    assert output(capsys, "test-rules", "--rules", "packs", "--select", "MY") == [
        "Ran 2 examples of 1 rule: 2 passed, 0 failed, 0 skipped."
    ]


def test_test_rules_show(capsys: pytest.CaptureFixture[str]) -> None:
    assert output(capsys, "test-rules", "--show", "packs/mine.yaml") == [
        "packs/mine.yaml: MY101 [my101] pass example 1: passed",
        "  document:",
        "    format: reportlint/1",
        "    report:",
        "      title: 云冈区2023年法治政府建设年度报告",
        "  findings of MY101: none",
        "packs/mine.yaml: MY101 [my101] fail example 1: passed",
        "  document:",
        "    format: reportlint/1",
        "    report:",
        "      title: 示例县2023年法治政府建设年度报告",
        "  findings of MY101:",
        '    3:10 "示例县" is a placeholder name',
        "Ran 2 examples of 1 rule: 2 passed, 0 failed, 0 skipped.",
    ]


def test_test_rules_show_a_failing_example(capsys: pytest.CaptureFixture[str]) -> None:
    swapped = {**RULE, "examples": {"pass": [FAILING], "fail": [PASSING]}}
    write_pack(Path("packs"), swapped, name="mine")
    assert output(capsys, "test-rules", "--show", "packs/mine.yaml", code=1) == [
        "packs/mine.yaml: MY101 [my101] pass example 1: failed: gave 1 finding(s) of MY101: "
        '3:10 "示例县" is a placeholder name',
        "  document:",
        "    format: reportlint/1",
        "    report:",
        "      title: 示例县2023年法治政府建设年度报告",
        "  findings of MY101:",
        '    3:10 "示例县" is a placeholder name',
        "packs/mine.yaml: MY101 [my101] fail example 1: failed: gave no finding of MY101",
        "  document:",
        "    format: reportlint/1",
        "    report:",
        "      title: 云冈区2023年法治政府建设年度报告",
        "  findings of MY101: none",
        "Ran 2 examples of 1 rule: 0 passed, 2 failed, 0 skipped.",
    ]


def test_test_rules_show_a_merge_patch_example(capsys: pytest.CaptureFixture[str]) -> None:
    lines = output(capsys, "test-rules", "--show", "--select", "RL401")
    document = lines[lines.index("  document:") + 1 : lines.index("  findings of RL401: none")]
    assert document[:2] == ["    format: reportlint/1", "    report:"]
    assert lines[-1] == "Ran 4 examples of 1 rule: 4 passed, 0 failed, 0 skipped."
