"""The reference report gives exactly the findings rules.md lists for it."""

from __future__ import annotations

import json

import pytest

from reportlint import Finding, check_file
from reportlint.cli import main
from reportlint.findings import Severity
from reportlint.reporters.json_format import findings_of
from tests.conftest import EXAMPLES

REFERENCE = EXAMPLES / "yungang-2023.yaml"

# (rule, line, column, matched text at that place) — rules.md "The reference report";
# RL211: it gives the agency heads' appearance rate but no count of lawsuits, lost or not.
EXPECTED = [
    ("RL302", 9, 14, "2023-12-29"),
    ("RL211", 15, 1, "sections:"),
    ("RL305", 32, 129, "截至11月份"),
    ("RL305", 43, 75, "今年以来"),
    ("RL305", 62, 183, "今年截至目前"),
    ("RL504", 65, 172, "行政负责人出庭率"),
    ("RL210", 110, 3, "plans:"),
]


def test_reference_findings_are_exactly_the_catalogued_ones() -> None:
    findings = check_file(REFERENCE)
    assert [(f.rule, f.line, f.column) for f in findings] == [e[:3] for e in EXPECTED]
    assert all(f.severity < Severity.ERROR for f in findings)


@pytest.mark.parametrize(("rule", "line", "column", "text"), EXPECTED)
def test_reference_positions_point_at_the_words(
    rule: str, line: int, column: int, text: str
) -> None:
    source_line = REFERENCE.read_text(encoding="utf-8").splitlines()[line - 1]
    assert source_line[column - 1 :].startswith(text)


def test_reference_end_positions_cover_the_match() -> None:
    by_rule = {f.rule: f for f in check_file(REFERENCE)}
    finding = by_rule["RL504"]
    assert (finding.end_line, finding.end_column) == (65, 172 + len("行政负责人出庭率"))
    assert finding.section == "measures"
    assert finding.pointer == "/sections/measures/subsections/5/subsections/1/paragraphs/0"


def test_the_api_gives_the_commands_immutable_findings_with_the_json_fields(
    capsys: pytest.CaptureFixture[str],
) -> None:
    findings = check_file(REFERENCE)
    # JSON names files from the repository root (here --root, the report's folder).
    root = ["--root", str(REFERENCE.parent)]
    assert main(["check", str(REFERENCE), "--format", "json", *root]) == 0
    written = findings_of(json.loads(capsys.readouterr().out))
    # JSON adds the rule's fix hint to the finding's own fields.
    hints = [row.pop("hint") for row in written]
    assert [f._replace(path=REFERENCE.name).as_dict() for f in findings] == written
    assert list(Finding._fields) == list(written[0])
    assert all(isinstance(hint, str) and hint for hint in hints)
    assert all(isinstance(f, Finding) for f in findings)
    with pytest.raises(AttributeError):
        findings[0].line = 1  # type: ignore[misc]
    moved = findings[0]._replace(line=10)
    assert (moved.line, moved.rule) == (10, findings[0].rule)


def test_reference_check_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(REFERENCE), "--lang", "en", "--no-color"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        f"{REFERENCE}:9:14: RL302 warning [signed-in-period] signed on 2023-12-29, before the "
        "report year ended (2023-12-31): the report cannot cover the whole year"
    )
    assert out[-1] == "Found 7 problems (5 warnings, 2 infos) in 1 file."


def test_reference_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(REFERENCE), "--format", "json"]) == 0
    rows = findings_of(json.loads(capsys.readouterr().out))
    assert [(r["rule"], r["line"], r["column"]) for r in rows] == [e[:3] for e in EXPECTED]
    assert set(rows[0]) == {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "rule",
        "name",
        "severity",
        "message",
        "section",
        "pointer",
        "hint",
    }
    assert rows[1]["pointer"] == "/sections"
    assert rows[2]["pointer"] == "/sections/measures/subsections/1/subsections/2/paragraphs/0"


def test_reference_fails_on_warning(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(REFERENCE), "--fail-on", "warning"]) == 1


def test_reference_messages_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(REFERENCE), "--lang", "zh", "--select", "RL305"])
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("RL305 警告 [partial-year-data] “截至11月份”的数据未涵盖全年")
    assert out[-1] == "在1个文件中发现3个问题（3个警告）。"
