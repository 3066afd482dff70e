"""``json`` (a versioned document with a summary and every file's status), ``json-lines``,
``--statistics`` in text and JSON, and GitLab's issues for unreadable files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportlint import __version__
from reportlint.cli import main
from tests.test_config import REPORT
from tests.test_repo_discovery import write

CLEAN = (
    REPORT.replace("110%", "100%")
    .replace("截至11月份共受理", "全年共受理")
    .replace("今年以来的工作", "明年的工作")
)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Three reports in a git repository: one failing, one passing, one unreadable."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    write(root / "reports" / "a-fails.yaml", REPORT)
    write(root / "reports" / "b-passes.yaml", CLEAN.replace("year: 2023", "year: 2022"))
    (root / "reports" / "c-binary.yaml").write_bytes(b"\x00\x01")
    write(root / ".reportlint.yaml", "select: [RL401, RL305]\n")
    for name in ("GITHUB_WORKSPACE", "CI_PROJECT_DIR", "GITHUB_ACTIONS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(root / "reports")  # paths are still named from the root
    return root


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", ".", "--lang", "en", "--no-color", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# The error as the run says it on stderr (the file as given) and in machine outputs (from
# the repository root, as their paths are).
BINARY_ERROR = "c-binary.yaml: binary file, not a report"
ROOTED_ERROR = "reports/c-binary.yaml: binary file, not a report"


def test_json_document(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--format", "json")
    assert (code, err) == (2, f"reportlint: error: {BINARY_ERROR}\n")
    data = json.loads(out)
    assert list(data) == ["version", "tool", "summary", "files"]
    assert data["version"] == 1
    assert data["tool"] == {"name": "reportlint", "version": __version__}
    assert data["summary"] == {
        "files": 3,
        "passed": 1,
        "failed": 1,
        "unreadable": 1,
        "by_severity": {"error": 1, "warning": 2, "info": 0},
    }
    files = data["files"]
    assert [(f["path"], f["status"]) for f in files] == [
        ("reports/a-fails.yaml", "failed"),
        ("reports/b-passes.yaml", "passed"),
        ("reports/c-binary.yaml", "unreadable"),
    ]
    assert files[0]["report"] == {
        "issuer": "示例县人民政府",
        "year": 2023,
        "title": "示例县2023年法治政府建设年度报告",
    }
    assert [(f["rule"], f["line"], f["path"]) for f in files[0]["findings"]] == [
        ("RL401", 11, "reports/a-fails.yaml"),
        ("RL305", 12, "reports/a-fails.yaml"),
        ("RL305", 20, "reports/a-fails.yaml"),
    ]
    assert (files[1]["report"]["year"], files[1]["findings"]) == (2022, [])
    assert files[2] == {
        "path": "reports/c-binary.yaml",
        "status": "unreadable",
        "error": ROOTED_ERROR,
        "report": None,
        "findings": [],
    }


def test_fail_on_decides_the_status(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / ".reportlint.yaml", "select: [RL305]\n")
    data = json.loads(run(capsys, "--format", "json")[1])
    assert [f["status"] for f in data["files"]] == ["passed", "passed", "unreadable"]
    data = json.loads(run(capsys, "--format", "json", "--fail-on", "warning")[1])
    assert [f["status"] for f in data["files"]] == ["failed", "passed", "unreadable"]


def test_statistics_in_json(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(run(capsys, "--format", "json", "--statistics")[1])
    assert data["statistics"] == {
        "rules": [
            {"rule": "RL305", "name": "partial-year-data", "severity": "warning", "count": 2,
             "files": 1},
            {"rule": "RL401", "name": "rate-range", "severity": "error", "count": 1, "files": 1},
        ],
        "reports": 3,
        "failing_reports": 1,
    }  # fmt: skip


def test_statistics_in_text(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--statistics", "--quiet")
    assert code == 2
    assert out.splitlines()[-4:] == [
        "count  rule   severity  files  name",
        "    2  RL305  warning       1  partial-year-data",
        "    1  RL401  error         1  rate-range",
        "Failing reports: 1 of 3 (a finding at error or above).",
    ]


def test_json_lines(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--format", "json-lines")
    assert code == 2
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["path"], r["rule"], r["line"]) for r in rows] == [
        ("reports/a-fails.yaml", "RL401", 11),
        ("reports/a-fails.yaml", "RL305", 12),
        ("reports/a-fails.yaml", "RL305", 20),
    ]


def test_gitlab_lists_unreadable_files(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    issues = json.loads(run(capsys, "--format", "gitlab")[1])
    assert [(i["check_name"], i["location"]["path"], i["severity"]) for i in issues] == [
        ("RL401", "reports/a-fails.yaml", "major"),
        ("RL305", "reports/a-fails.yaml", "minor"),
        ("RL305", "reports/a-fails.yaml", "minor"),
        ("unreadable", "reports/c-binary.yaml", "critical"),
    ]
    assert issues[-1]["description"] == ROOTED_ERROR
    assert len({i["fingerprint"] for i in issues}) == 4


def test_junit_of_a_repository(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import datetime
    import xml.etree.ElementTree as ET

    code, out, _ = run(capsys, "--format", "junit")
    assert code == 2
    root = ET.fromstring(out.split("\n", 1)[1])
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("5", "1", "1")
    suites = root.findall("testsuite")
    assert [
        (s.get("name"), s.get("tests"), s.get("failures"), s.get("errors")) for s in suites
    ] == [
        ("reports/a-fails.yaml", "2", "1", "0"),
        ("reports/b-passes.yaml", "2", "0", "0"),
        ("reports/c-binary.yaml", "1", "0", "1"),
    ]
    for suite in suites:
        assert float(suite.get("time", "")) >= 0
        datetime.datetime.fromisoformat(suite.get("timestamp", ""))
    a_cases = {case.get("name"): [c.tag for c in case] for case in suites[0]}
    assert a_cases == {"RL305 partial-year-data": ["system-out"], "RL401 rate-range": ["failure"]}
    error = suites[2].find("testcase/error")
    assert error is not None and error.get("message") == ROOTED_ERROR


def test_github_annotations_errors_first_capped(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportlint.reporters import github

    monkeypatch.setattr(github, "ANNOTATIONS", 3)
    code, out, _ = run(capsys, "--format", "github")
    assert code == 2
    lines = out.splitlines()
    assert [line.split(" ")[0] for line in lines[:3]] == ["::error", "::error", "::warning"]
    assert lines[0] == f"::error file=reports/c-binary.yaml,title=reportlint::{ROOTED_ERROR}"
    assert lines[1].startswith("::error file=reports/a-fails.yaml,line=11,")
    assert lines[3].startswith("reports/a-fails.yaml:20:9: RL305 warning [partial-year-data] ")
    assert lines[4:] == [
        "::notice title=reportlint::1 more finding not shown as annotations; they are listed "
        "above in this step's log"
    ]


def test_markdown_summary_and_the_step_summary(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, "--format", "markdown")
    assert code == 2
    assert out.splitlines() == [
        "## reportlint",
        "",
        "**1 of 3 reports ready** (no finding at error or above).",
        "",
        "| Report | Status | Errors | Warnings | Infos |",
        "|---|---|---:|---:|---:|",
        "| reports/a-fails.yaml (示例县人民政府 2023) | ❌ not ready | 1 | 2 | 0 |",
        "| reports/b-passes.yaml (示例县人民政府 2022) | ✅ ready | 0 | 0 | 0 |",
        f"| reports/c-binary.yaml | ⚠️ unreadable: {ROOTED_ERROR} | 0 | 0 | 0 |",
        "",
        "### Rules found most",
        "",
        "| Rule | Severity | Findings | Reports |",
        "|---|---|---:|---:|",
        "| RL305 partial-year-data | warning | 2 | 1 |",
        "| RL401 rate-range | error | 1 | 1 |",
    ]
    step = repo.parent / "step-summary.md"
    step.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(step))
    assert run(capsys, "--format", "github")[0] == 2
    assert step.read_text(encoding="utf-8") == "earlier step\n" + out
