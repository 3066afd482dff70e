"""`reportlint import` options, and `check` finding and reading source files."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from reportlint.cli import main
from reportlint.inputs.sources import load_source_text
from reportlint.linter import Linter, Settings
from reportlint.reporters.json_format import findings_of as json_findings
from reportlint.resources import rules_dir

HERE = Path(__file__).resolve().parent
TXT = HERE / "fixtures" / "corpus" / "yungang-2023.txt"
HTML = HERE / "fixtures" / "sources" / "yungang-2023.html"
EXAMPLE = HERE.parent / "examples" / "yungang-2023.yaml"


def test_import_writes_a_file_and_refuses_to_overwrite_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "report.yaml"
    assert main(["import", str(TXT), "-o", str(out)]) == 0
    written = out.read_text(encoding="utf-8")
    # The first line names the schema for editors, written beside it outside a repository.
    schema = tmp_path / "schemas" / "report.schema.json"
    assert capsys.readouterr().out == f"wrote {schema}\n"
    assert written.startswith(
        "# yaml-language-server: $schema=schemas/report.schema.json\n"
        "# Imported by reportlint from yungang-2023.txt.\n"
    )
    assert main(["check", str(out), "--select", "RL0", "--quiet"]) == 0
    out.write_text("kept\n", encoding="utf-8")
    assert main(["import", str(TXT), "-o", str(out)]) == 2
    assert capsys.readouterr().err == (
        f"reportlint: error: {out} already exists; use --force to overwrite it\n"
    )
    assert out.read_text(encoding="utf-8") == "kept\n"
    assert main(["import", str(TXT), "-o", str(out), "--force"]) == 0
    assert out.read_text(encoding="utf-8") == written
    assert capsys.readouterr().out == ""  # the schema is there now: it is not written again
    # No temporary left.
    assert sorted(path.name for path in tmp_path.iterdir()) == ["report.yaml", "schemas"]


def test_import_to_stdout_with_a_dash(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(TXT), "-o", "-"]) == 0
    assert yaml.safe_load(capsys.readouterr().out)["report"]["year"] == 2023


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["import", str(EXAMPLE)], f"{EXAMPLE}: import reads .txt, .html, .htm, .docx files"),
        (["import", "missing.txt"], "missing.txt: no such file"),
        (["import", str(TXT), "-o", str(TXT), "--force"], f"{TXT}: is the source itself"),
    ],
)
def test_import_errors_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"reportlint: error: {message}")
    assert err.count("\n") == 1


def test_import_in_chinese_reports_numbering_in_chinese(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["import", str(TXT), "--lang", "zh"]) == 0
    captured = capsys.readouterr()
    assert captured.err == f"{TXT}:26:1: RL107 标题编号“2,”格式不正确，应为“2.”\n"
    assert captured.out.startswith("# 由reportlint从yungang-2023.txt导入。\nformat: reportlint/1\n")


def findings_of(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, Any]]:
    main(["check", "--format", "json", *args])
    result: list[dict[str, Any]] = json_findings(json.loads(capsys.readouterr().out))
    return result


def test_a_folder_holds_yaml_reports_and_published_ones_but_not_readmes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    shutil.copy(EXAMPLE, tmp_path / "a.yaml")
    shutil.copy(HTML, tmp_path / "b.html")
    shutil.copy(TXT, tmp_path / "c.txt")
    (tmp_path / "README.txt").write_text("Reports of 2023. See the YAML files.\n", "utf-8")
    (tmp_path / "~$draft.docx").write_bytes(b"lock")
    paths = {f["path"] for f in findings_of(capsys, str(tmp_path))}
    assert paths == {str(tmp_path / name) for name in ("a.yaml", "b.html", "c.txt")}
    # Named explicitly, any source is checked.
    readme = findings_of(capsys, str(tmp_path / "README.txt"))
    assert {f["path"] for f in readme} == {str(tmp_path / "README.txt")}


def test_check_in_chinese_on_a_source(capsys: pytest.CaptureFixture[str]) -> None:
    findings = findings_of(capsys, "--lang", "zh", "--select", "RL107", str(TXT))
    assert [f["message"] for f in findings] == ["标题编号“2,”格式不正确，应为“2.”"]


def _rl107_examples() -> list[tuple[str, str]]:
    rules = yaml.safe_load((rules_dir() / "input.yaml").read_text(encoding="utf-8"))["rules"]
    (rule,) = [rule for rule in rules if rule["id"] == "RL107"]
    return [
        (kind, example["source_text"])
        for kind in ("pass", "fail")
        for example in rule["examples"][kind]
    ]


@pytest.mark.parametrize(("kind", "text"), _rl107_examples())
def test_rl107_examples_through_load_source_text(kind: str, text: str) -> None:
    linter = Linter(Settings(select=("RL107",)))
    findings = linter.lint_document(load_source_text(text, "example.txt"))
    assert bool(findings) == (kind == "fail")


def test_checking_yaml_does_not_load_the_source_readers(tmp_path: Path) -> None:
    shutil.copy(EXAMPLE, tmp_path / "report.yaml")
    probe = (
        "import sys\n"
        "from reportlint.cli import main\n"
        "main(['check', '--quiet', 'report.yaml'])\n"
        "heavy = ('bs4', 'docx', 'charset_normalizer', 'html.parser', 'reportlint.cli.importer',"
        " 'reportlint.inputs.sources.assemble')\n"
        "print(sorted(name for name in heavy if name in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert result.stdout.splitlines()[-1] == "[]"


def test_a_source_over_the_size_limit(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--max-bytes", "100", str(TXT)]) == 2
    assert capsys.readouterr().err.startswith(f"reportlint: error: {TXT}: file is ")
    assert main(["import", "--max-bytes", "100", str(TXT)]) == 2
    assert "over the limit of 100" in capsys.readouterr().err


def test_a_bom_that_lies_is_an_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bom.txt"
    bad.write_bytes(b"\xef\xbb\xbf" + "报告".encode("gb18030"))
    assert main(["check", str(bad)]) == 2
    assert capsys.readouterr().err == (
        f"reportlint: error: {bad}: not valid utf-8 text at byte 3 (save it as UTF-8 or GB18030)\n"
    )


def test_a_wrong_charset_declaration_is_not_believed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page = HTML.read_text(encoding="utf-8").replace('charset="utf-8"', 'charset="big5"')
    copy = tmp_path / "page.html"
    copy.write_bytes(page.encode("gb18030"))
    findings = findings_of(capsys, "--select", "RL107", str(copy))
    assert [(f["line"], f["column"]) for f in findings] == [(31, 3)]
