"""``reportlint test-rules`` and the example runner behind it; the Shanxi pack as a user writes it."""

from __future__ import annotations

import json
import re
import shutil
import sys
import types
from pathlib import Path

import pytest

from reportlint.cli import main, ruletest
from reportlint.cli.ruletest import ExampleResult, merge_patch, rules_of, run_examples
from reportlint.inputs import document
from reportlint.linter import Linter, Settings
from reportlint.packs import catalog

PACKS = Path(__file__).resolve().parent / "fixtures" / "packs"
SHANXI = PACKS / "shanxi.yaml"

REPORT = """\
format: reportlint/1
report:
  title: 晋中市榆次区2023年法治政府建设年度报告
  issuer: 晋中市榆次区人民政府
  year: 2023
  signed_on: 2024-01-20
  published_on: 2024-03-20
sections:
  measures:
    heading: 2023年推进法治政府建设的主要举措和成效
    paragraphs:
      - 全区行政执法人员持证率为90%,推进法制政府建设。
"""


def outcomes(results: list[ExampleResult]) -> list[tuple[str, str, int, str]]:
    return [(r.rule, r.kind, r.index, r.outcome) for r in results]


def test_merge_patch_follows_rfc_7386() -> None:
    target = {"a": {"b": 1, "c": [1, 2]}, "d": 1}
    patch = {"a": {"b": None, "c": [3]}, "e": {"f": None, "g": 2}}
    assert merge_patch(target, patch) == {"a": {"c": [3]}, "d": 1, "e": {"g": 2}}
    assert target == {"a": {"b": 1, "c": [1, 2]}, "d": 1}


def test_run_examples_of_a_bundled_rule() -> None:
    linter = Linter(Settings())
    results = run_examples(linter.catalogue["RL401"], linter)
    assert outcomes(results) == [
        ("RL401", "pass", 1, "passed"),
        ("RL401", "pass", 2, "passed"),
        ("RL401", "fail", 1, "passed"),
        ("RL401", "fail", 2, "passed"),
    ]
    assert [(f.rule, f.pointer) for f in results[2].findings] == [
        ("RL401", "/sections/measures/paragraphs/0")
    ]
    assert results[2].source.endswith("figures.yaml")


def test_whole_text_examples() -> None:
    linter = Linter(Settings())
    assert outcomes(run_examples(linter.catalogue["RL007"], linter)) == [
        ("RL007", "pass", 1, "passed"),
        ("RL007", "pass", 2, "passed"),
        ("RL007", "fail", 1, "passed"),
        ("RL007", "fail", 2, "passed"),
    ]


def test_source_text_examples_are_skipped_without_the_reader(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(
        sys.modules, "reportlint.inputs.sources", types.ModuleType("reportlint.inputs.sources")
    )
    linter = Linter(Settings())
    results = run_examples(linter.catalogue["RL107"], linter)
    assert {r.outcome for r in results} == {"skipped"}
    assert results[0].detail == "needs reportlint.inputs.sources.load_source_text"


def test_source_text_examples_use_the_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[tuple[str, str]] = []

    def load_source_text(text: str, path: str) -> document.Document:
        read.append((text, path))
        return document.load_yaml("format: reportlint/1\n", path)

    fake = types.ModuleType("reportlint.inputs.sources")
    fake.load_source_text = load_source_text  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "reportlint.inputs.sources", fake)
    linter = Linter(Settings())
    rule = linter.catalogue["RL107"]
    results = run_examples(rule, linter)
    # The stand-in reader finds no numbering faults: the pass example passes, fail ones fail.
    assert [r.outcome for r in results] == ["passed", "failed", "failed"]
    assert read[0] == (rule.examples["pass"][0]["source_text"], "<RL107 pass example 1>.txt")
    assert results[1].detail == "gave no finding of RL107"


def test_the_shanxi_pack_passes_its_examples(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["test-rules", str(SHANXI)]) == 0
    assert (
        capsys.readouterr().out == "Ran 12 examples of 4 rules: 12 passed, 0 failed, 0 skipped.\n"
    )


def test_the_shanxi_pack_works_in_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("2023.yaml").write_text(REPORT, encoding="utf-8")
    args = [
        "check",
        "--concise",
        "2023.yaml",
        "--rules",
        str(SHANXI),
        "--select",
        "SX",
        "--lang",
        "zh",
    ]
    assert main(args) == 1
    assert capsys.readouterr().out.splitlines() == [
        "2023.yaml:7:17: SX301 警告 [published-by-march] 发布日期 2024-03-20 晚于省里要求的 "
        "2024-03-01 之前",
        '2023.yaml:12:17: SX102 警告 [cert-rate-floor] "持证率为90%": 持证率低于 95%',
        '2023.yaml:12:27: SX201 错误 [fazhi-not-fazhi] "法制政府" 应写作 "法治政府"',
        "在1个文件中发现3个问题（1个错误、2个警告）。",
    ]


def test_a_pack_rule_in_sarif_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("2023.yaml").write_text(REPORT, encoding="utf-8")
    args = ["check", "2023.yaml", "--rules", str(SHANXI), "--select", "SX2", "--format", "sarif"]
    assert main(args) == 1
    run = json.loads(capsys.readouterr().out)["runs"][0]
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == ["SX201"]
    assert [result["ruleId"] for result in run["results"]] == ["SX201"]


def broken_pack(tmp_path: Path) -> Path:
    """The Shanxi pack with SX101's second fail example stating the rate (so it passes)."""
    text = SHANXI.read_text(encoding="utf-8")
    broken = text.replace("[全县行政执法人员均持证上岗。]", "[全县行政执法人员持证率达到98%。]")
    assert broken != text
    path = tmp_path / "shanxi.yaml"
    path.write_text(broken, encoding="utf-8")
    return path


def test_test_rules_names_a_fail_example_that_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = broken_pack(tmp_path)
    assert main(["test-rules", str(path)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{path}: SX101 [cert-rate-stated] fail example 2: failed: gave no finding of SX101",
        "Ran 12 examples of 4 rules: 11 passed, 1 failed, 0 skipped.",
    ]


def test_test_rules_speaks_chinese_under_a_chinese_locale(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    path = broken_pack(tmp_path)
    assert main(["test-rules", str(path)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{path}：SX101 [cert-rate-stated] 不通过示例2：未通过：没有出现SX101问题",
        "运行了4条规则的12个示例：通过11个，未通过1个，跳过0个。",
    ]
    text = SHANXI.read_text(encoding="utf-8").replace("min: 95", "min: 99")
    path.write_text(text, encoding="utf-8")
    assert main(["test-rules", str(path), "--select", "SX102", "--show"]) == 1
    lines = capsys.readouterr().out.splitlines()
    failed = [line for line in lines if "未通过：" in line]
    assert [re.sub(r"\d+:\d+", "L:C", line) for line in failed] == [
        f"{path}：SX102 [cert-rate-floor] 通过示例2：未通过：出现了1个SX102问题："
        'L:C "持证率达到98%": 持证率低于 95%'  # the pack's own message, as its author wrote it
    ]
    assert lines.count("  文档：") == 3 and "  SX102的问题：无" in lines


def test_test_rules_names_a_pass_example_that_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = SHANXI.read_text(encoding="utf-8").replace("min: 95", "min: 99")
    path = tmp_path / "shanxi.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["test-rules", str(path)]) == 1
    first, last = capsys.readouterr().out.splitlines()
    # The position inside the example document is left out: it moves with the baseline.
    assert re.fullmatch(
        re.escape(f"{path}: SX102 [cert-rate-floor] pass example 2: failed: gave 1 finding(s) of ")
        + r"SX102: \d+:\d+ "
        + re.escape('"持证率达到98%": the certificate rate is below 95%'),
        first,
    )
    assert last == "Ran 12 examples of 4 rules: 11 passed, 1 failed, 0 skipped."


def test_test_rules_accepts_folders_and_bundled_packs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(SHANXI, tmp_path / "shanxi.yaml")
    figures = catalog.pack_files()[0].parent / "figures.yaml"
    assert main(["test-rules", str(tmp_path), str(figures)]) == 0
    assert (
        capsys.readouterr().out == "Ran 58 examples of 14 rules: 58 passed, 0 failed, 0 skipped.\n"
    )


def test_test_rules_on_a_missing_pack(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["test-rules", str(tmp_path / "nope.yaml")]) == 2
    assert capsys.readouterr().err == (
        f"reportlint: error: {tmp_path / 'nope.yaml'}: rule pack not found\n"
    )


def test_rules_of_selects_the_rules_of_the_given_packs() -> None:
    linter, rules = rules_of([SHANXI])
    assert [rule.id for rule in rules] == ["SX101", "SX102", "SX201", "SX301"]
    assert "RL401" in linter.catalogue
    _, bundled = rules_of([])
    assert {rule.id for rule in bundled} == {rule.id for rule in catalog.load_rules()}


def test_example_documents_are_named_for_messages() -> None:
    doc = ruletest.example_document({}, "<X pass example 1>")
    assert doc is not None and doc.path == "<X pass example 1>.yaml"
