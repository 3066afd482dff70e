"""The ``# yaml-language-server: $schema=…`` line of the reports init and import write."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportlint.cli import main
from reportlint.schema import modeline

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "yungang-2023.yaml"
LINE = "# yaml-language-server: $schema={}\n"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_schema_is_the_nearest_up_to_the_repository_root(repo: Path) -> None:
    report = repo / "reports" / "2024" / "r.yaml"  # its folders are not made yet
    assert modeline.place(report) == (repo / "schemas" / "report.schema.json", True)
    (repo / "reports" / "schemas").mkdir(parents=True)
    (repo / "reports" / "schemas" / "report.schema.json").write_text("{}", encoding="utf-8")
    assert modeline.place(report) == (repo / "reports" / "schemas" / "report.schema.json", False)
    assert modeline.line_for(report, repo / "reports" / "schemas" / "report.schema.json") == (
        LINE.format("../schemas/report.schema.json")
    )


def test_a_modeline_is_replaced_not_doubled() -> None:
    first = LINE.format("a.json")
    assert modeline.with_line("format: reportlint/1\n", first) == first + "format: reportlint/1\n"
    assert modeline.with_line(LINE.format("old.json") + "x: 1\n", first) == first + "x: 1\n"


def test_import_then_init_from_then_fix_keep_a_line_that_leads_to_the_schema(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    last = repo / "reports" / "2023.yaml"
    last.parent.mkdir()
    text = EXAMPLE.read_text(encoding="utf-8")
    last.write_text(text, encoding="utf-8")
    # The repository's own copy, as `reportlint schema --output` writes it.
    assert main(["schema", "--output", "schemas/report.schema.json"]) == 0
    written = json.loads(Path("schemas/report.schema.json").read_text(encoding="utf-8"))
    assert written["$id"] == "urn:reportlint:schema:report:1"

    with_line = repo / "reports" / "with-line.yaml"
    with_line.write_text(LINE.format("../schemas/report.schema.json") + text, encoding="utf-8")
    capsys.readouterr()
    # A comment: the same findings, one line further down.
    main(["check", str(last), "--concise", "--quiet", "--format", "json"])
    plain = json.loads(capsys.readouterr().out)["files"][0]["findings"]
    main(["check", str(with_line), "--concise", "--quiet", "--format", "json"])
    lined = json.loads(capsys.readouterr().out)["files"][0]["findings"]
    assert plain
    assert [(f["rule"], f["line"] + 1) for f in plain] == [(f["rule"], f["line"]) for f in lined]

    # Rolled forward into another folder, the path is made anew from there.
    this = repo / "2024.yaml"
    assert main(["init", str(this), "--from", str(with_line)]) == 0
    assert this.read_text(encoding="utf-8").startswith(LINE.format("schemas/report.schema.json"))
    # The round trip of --fix keeps it first.
    assert main(["check", "--fix", str(with_line)]) == 0
    fixed = with_line.read_text(encoding="utf-8")
    assert fixed != LINE.format("../schemas/report.schema.json") + text
    assert "负责人出庭应诉率达到了96%" in fixed
    assert fixed.startswith(LINE.format("../schemas/report.schema.json") + "# Reference report")
