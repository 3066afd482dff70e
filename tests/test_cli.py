"""The command line: exact output and exit codes for each command."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from reportlint import __version__
from reportlint.cli import main
from reportlint.reporters.json_format import findings_of
from tests.conftest import EXAMPLES, ROOT

REFERENCE = EXAMPLES / "yungang-2023.yaml"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_malformed_yaml_is_rl001_at_the_parser_mark(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "bad.yaml", "format: reportlint/1\nreport: [unclosed\nsections: {}\n")
    assert main(["check", str(path), "--lang", "en"]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines()[0] == (
        f"{path}:3:9: RL001 error [yaml-syntax] YAML syntax error: did not find expected ',' "
        "or ']' while parsing a flow sequence (started at 2:9)"
    )
    assert captured.err == ""


def test_unknown_key_is_rl002_at_the_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = REFERENCE.read_text(encoding="utf-8").replace("  shortcomings:", "  shortcomming:")
    path = write(tmp_path, "typo.yaml", text)
    assert main(["check", "--concise", str(path), "--lang", "en", "--select", "RL002,RL101"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"{path}:15:1: RL101 error [section-missing] section 'shortcomings' "
        "(本年度法治政府建设存在的不足和原因) is missing",
        f"{path}:98:3: RL002 error [schema] unknown key 'shortcomming'; did you mean "
        "'shortcomings'? (at /sections/shortcomming)",
        "Found 2 problems (2 errors) in 1 file.",
    ]


def test_missing_file_is_exit_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.yaml"
    assert main(["check", str(missing)]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"reportlint: error: {missing}: no such file\n"
    assert "Traceback" not in captured.err


def test_bad_option_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--fail-on", "never", str(REFERENCE)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("reportlint: error: argument --fail-on: invalid choice")
    assert err.count("\n") == 1


def test_unknown_profile_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--profile", "seven", str(REFERENCE)]) == 2
    assert "unknown profile 'seven'" in capsys.readouterr().err


def test_folder_is_searched_recursively(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "r.yml").write_text(
        REFERENCE.read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "notes.md").write_text("# not a report\n", encoding="utf-8")
    assert main(["check", "--concise", str(tmp_path), "--select", "RL305", "--quiet"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split(": ")[0] for line in out] == [
        f"{tmp_path}/a/b/r.yml:32:129",
        f"{tmp_path}/a/b/r.yml:43:75",
        f"{tmp_path}/a/b/r.yml:62:183",
    ]


def test_select_prefix_and_ignore(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--concise", str(REFERENCE), "--select", "RL3", "--ignore", "RL305", "--quiet"])
    out = capsys.readouterr().out.splitlines()
    assert [line.split(" ")[1] for line in out] == ["RL302"]


def test_statistics(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(REFERENCE), "--statistics", "--no-color"])
    out = capsys.readouterr().out.splitlines()
    assert out[-8:-1] == [
        "count  rule   severity  files  name",
        "    3  RL305  warning       1  partial-year-data",
        "    1  RL210  info          1  plans-measurable",
        "    1  RL211  warning       1  litigation-figures",
        "    1  RL302  warning       1  signed-in-period",
        "    1  RL504  info          1  terminology",
        "Failing reports: 0 of 1 (a finding at error or above).",
    ]


def test_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.json"
    assert main(["check", str(REFERENCE), "--format", "json", "--output", str(target)]) == 0
    assert capsys.readouterr().out == ""
    assert len(findings_of(json.loads(target.read_text(encoding="utf-8")))) == 7


def test_rules_lists_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--format", "json", "--lang", "en"]) == 0
    rows = json.loads(capsys.readouterr().out)
    ids = [row["id"] for row in rows]
    catalogue = [f"RL00{i}" for i in range(1, 4)] + [f"RL10{i}" for i in range(1, 8)]
    catalogue += [f"RL2{i:02d}" for i in range(1, 11)] + [f"RL30{i}" for i in range(1, 8)]
    catalogue += ["RL401", "RL402", "RL501", "RL502", "RL503", "RL504", "RL505", "RL601", "RL602"]
    assert set(catalogue) <= set(ids)
    assert len(ids) == len(set(ids))


def test_explain_by_id_and_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "RL304", "--lang", "en"]) == 0
    by_id = capsys.readouterr().out
    assert by_id.startswith("RL304 published-late (error)\n")
    assert "第二十四条" in by_id
    assert main(["explain", "published-late", "--lang", "zh"]) == 0
    assert "在次年4月1日前公开" in capsys.readouterr().out


def test_explain_unknown_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "RL999"]) == 2
    assert (
        capsys.readouterr().err == "reportlint: error: no rule 'RL999' (see 'reportlint rules')\n"
    )


def test_schema_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    on_disk = json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
    assert printed == on_disk


def test_init_writes_a_template_that_passes_the_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "report.yaml"
    assert main(["init", str(target)]) == 0
    assert (tmp_path / ".reportlint.yaml").is_file()
    capsys.readouterr()
    assert main(["check", str(target), "--select", "RL0", "--quiet"]) == 0
    assert capsys.readouterr().out == ""
    # The template is a draft: its placeholders are reported until filled in.
    assert main(["check", str(target), "--select", "RL501", "--quiet"]) == 1


def test_init_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = write(tmp_path, "report.yaml", "keep me\n")
    assert main(["init", str(target)]) == 2
    assert "already exists; use --force" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "keep me\n"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == f"reportlint {__version__}\n"


def test_lang_from_locale(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    main(["check", str(REFERENCE), "--select", "RL302", "--quiet"])
    assert "成文日期2023-12-29早于报告年度结束" in capsys.readouterr().out


def test_batch_goes_on_past_an_unreadable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "gone.yaml"
    assert main(["check", "--concise", str(missing), str(REFERENCE), "--select", "RL302"]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"reportlint: error: {missing}: no such file\n"
    assert captured.out.splitlines() == [
        f"{REFERENCE}:9:14: RL302 warning [signed-in-period] signed on 2023-12-29, before the "
        "report year ended (2023-12-31): the report cannot cover the whole year",
        "Found 1 problem (1 warning) in 1 file. 1 file could not be read.",
    ]


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_an_unknown_rule_in_select_or_ignore_is_a_usage_error(
    option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    report = EXAMPLES / "yungang-2023.yaml"
    assert main(["check", str(report), option, "RL9", "--lang", "en"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"reportlint: error: {option}: no rule ID starts with RL9 (see 'reportlint rules')\n"
    )


def test_the_api_filters_rules_as_the_command_does() -> None:
    from reportlint import check_file
    from reportlint.errors import ConfigError
    from reportlint.linter import Settings

    report = EXAMPLES / "yungang-2023.yaml"
    only_plans = check_file(report, settings=Settings(select=("RL210",)))
    assert [finding.rule for finding in only_plans] == ["RL210"]
    with pytest.raises(ConfigError, match="no rule ID starts with RL9"):
        check_file(report, settings=Settings(ignore=("RL9",)))


def test_schema_is_written_to_a_file_for_editors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "report.schema.json"
    assert main(["schema", "--output", str(target)]) == 0
    assert capsys.readouterr().out == f"wrote {target}\n"
    written = json.loads(target.read_text(encoding="utf-8"))
    assert written == json.loads((ROOT / "schemas" / "report.schema.json").read_text("utf-8"))
