"""``input-stage``: the check of the rules the loader and schema stage report (RL0, RL107);
it finds nothing itself, so a pack rule naming it is silent while the loader's findings
come through."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import REPORT_META, lint_with, make_rule

RULE = make_rule("TS101", "input-stage", path="sections", message="never")


def test_the_check_itself_finds_nothing(tmp_path: Path) -> None:
    assert lint_with(tmp_path, REPORT_META + "sections: {}\n", RULE) == []


def test_the_loaders_findings_are_reported_under_the_bundled_rules(tmp_path: Path) -> None:
    report = REPORT_META.replace("  year: 2023\n", "  year: 2023\n  year: 2024\n")
    report += "preamble: !!python/object:os.system [x]\n"
    assert lint_with(tmp_path, report, RULE, select=("RL004", "RL005")) == [
        (6, 3, "RL004", "duplicate key 'year': the first value is kept"),
        (8, 11, "RL005", "tag 'tag:yaml.org,2002:python/object:os.system' is not allowed; "
                         "the node is read as plain data"),
    ]  # fmt: skip


def test_a_syntax_error_is_rl001_and_nothing_else(tmp_path: Path) -> None:
    assert lint_with(tmp_path, "format: reportlint/1\nreport: [\n", RULE, select=("RL",)) == [
        (3, 1, "RL001", "YAML syntax error: did not find expected node content while "
                        "parsing a flow node (started at 3:1)"),
    ]  # fmt: skip
