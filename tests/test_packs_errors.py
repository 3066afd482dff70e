"""Packs that fail loudly, all at once: every problem of every pack in one run, one line
each, naming the file, the rule and the field in plain words; exit 2."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reportlint.checks import CHECKS
from reportlint.checks.options import report_fields
from reportlint.cli import main
from tests.conftest import REPORT_META, make_rule, write_pack

KNOWN_FIELDS = ", ".join([*report_fields(), "section.key", "section.title", "section.phrases"])
LIBRARY_WORDS = ("ValidationError", "Value error", "Input should", "pydantic", "Traceback")


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("r.yaml").write_text(REPORT_META, encoding="utf-8")


def errors(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    """The error lines of a run that must exit 2 and print nothing on stdout."""
    assert main(list(args)) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert all(line.startswith("reportlint: error: ") for line in lines)
    assert not any(word in captured.err for word in LIBRARY_WORDS)
    return [line.removeprefix("reportlint: error: ") for line in lines]


def with_fields(rule: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """``rule`` with fields changed; a value of None removes the field."""
    changed = {**rule, **changes}
    return {key: value for key, value in changed.items() if value is not None}


def test_every_problem_of_every_pack_at_once(capsys: pytest.CaptureFixture[str]) -> None:
    first = write_pack(
        Path("."),
        make_rule("MY101", "number-range", options={"pattern": r"(\d+)%", "max": 100}),
        make_rule(
            "MY102",
            "date-compare",
            options={"left": "text", "op": "<", "right": "${report.signed_on + 1}"},
        ),
        with_fields(make_rule("MY103", "pattern", options={"pattern": "x"}), severity="fatal"),
        with_fields(make_rule("MY104", "pattern", options={"pattern": "x"}), summary=None),
        make_rule("my105", "pattern", options={"pattern": "${report.yaer}"}),
        make_rule(
            "MY106",
            "forbidden-pattern",
            options={"pattern": "x"},
            variants=[{"options": {"suggest": {}}}, {"options": {"pattern": "(x"}}],
        ),
        make_rule("MY107", "count", path="sections.${section.key}", options={"patern": "x"}),
        make_rule("MY108", "patern"),
        with_fields(make_rule("MY109", "required"), path=5, examples={"pass": [], "fail": [{}]}),
        name="first",
    )
    second = write_pack(
        Path("."),
        make_rule("MY101", "pattern", options={"pattern": "y"}),
        make_rule("RL900", "pattern", options={"pattern": "y"}),
        make_rule("SX1", "pattern", options={"pattern": "y"}),
        name="second",
    )
    expected = [
        f"{first}: rule MY101: options.pattern: pattern has no group (?P<value>…), which "
        "this check reads",
        f"{first}: rule MY102: options.right: '${{report.signed_on + 1}}': only a number can "
        "have 1 added or taken away, and report.signed_on is a date",
        f"{first}: rule MY103: severity: should be 'error', 'warning' or 'info'",
        f"{first}: rule MY104: summary: missing; it is required",
        f"{first}: rule my105: id: 'my105' is not a rule ID: two to six capital letters, then "
        "three digits, e.g. SX101",
        f"{first}: rule my105: options.pattern: ${{report.yaer}} names no field of the report "
        f"(known: {KNOWN_FIELDS})",
        f"{first}: rule MY106: variants[2].options.pattern: pattern does not compile: missing ) at "
        "position 2",
        f"{first}: rule MY107: options.patern: unknown key",
        f"{first}: rule MY107: options.pattern: missing; it is required",
        f"{first}: rule MY107: path: ${{section.key}} is filled only in a rule with for_each",
        f"{first}: rule MY108: check: unknown check 'patern' (known: {', '.join(sorted(CHECKS))})",
        f"{first}: rule MY109: examples.pass: should not be empty",
        f"{first}: rule MY109: path: should be a text or a list",
        f"{second}: rule RL900: id: 'RL900': IDs starting RL are the bundled rules'; give your "
        "pack a prefix of its own, e.g. SX101",
        f"{second}: rule SX1: id: 'SX1' is not a rule ID: two to six capital letters, then "
        "three digits, e.g. SX101",
        f"{second}: rule MY101: ID already used in {first}",
    ]
    found = errors(capsys, "check", "r.yaml", "--rules", str(first), "--rules", str(second))
    assert found == expected


def test_a_duplicate_id_names_both_files(capsys: pytest.CaptureFixture[str]) -> None:
    rule = make_rule("MY101", "pattern", options={"pattern": "x"})
    Path("packs").mkdir()
    first = write_pack(Path("packs"), rule, name="first")
    second = write_pack(Path("packs"), rule, name="second")
    assert errors(capsys, "check", "r.yaml", "--rules", "packs") == [
        f"{second}: rule MY101: ID already used in {first}"
    ]


@pytest.mark.parametrize(
    ("options", "problem"),
    [
        (
            {"pattern": "(?P<name>[^,]+)率(\\d+)%"},
            "options.pattern: pattern has no group (?P<value>…), which this check reads",
        ),
        (
            {"pattern": "率(\\d+)%"},
            "options.pattern: pattern has no group (?P<name>…), (?P<value>…), which this check reads",
        ),
    ],
)  # fmt: skip
def test_same_value_reads_name_and_value(
    capsys: pytest.CaptureFixture[str], options: dict[str, str], problem: str
) -> None:
    pack = write_pack(Path("."), make_rule("MY101", "same-value", options=options))
    assert errors(capsys, "check", "r.yaml", "--rules", str(pack)) == [
        f"{pack}: rule MY101: {problem}"
    ]


@pytest.mark.parametrize(
    ("right", "problem"),
    [
        ("${report.year}-13-01", "'${report.year}-13-01' does not give a date once filled in "
         "(e.g. '2023-13-01'); write YYYY-MM-DD, as in ${report.year}-12-31"),
        ("${report.year * 2}", "'${report.year * 2}' is not a template reportlint fills: write "
         "${report.year}, ${report.year + 1} or ${report.year - 1}"),
        ("${report.title + 1}", "'${report.title + 1}': only a number can have 1 added or taken "
         "away, and report.title is a string"),
        ("2024/13/01", "'2024/13/01' is not a date (write YYYY-MM-DD)"),
    ],
)  # fmt: skip
def test_date_templates_that_cannot_give_a_date(
    capsys: pytest.CaptureFixture[str], right: str, problem: str
) -> None:
    rule = make_rule("MY101", "date-compare", options={"left": "text", "op": "<", "right": right})
    pack = write_pack(Path("."), rule)
    assert errors(capsys, "check", "r.yaml", "--rules", str(pack)) == [
        f"{pack}: rule MY101: options.right: {problem}"
    ]


def test_templates_that_work(capsys: pytest.CaptureFixture[str]) -> None:
    pack = write_pack(
        Path("."),
        make_rule("MY101", "date-compare",
                  options={"left": "text", "op": "<", "right": "${report.year - 1}-04-01"}),
        make_rule("MY102", "expected-value",
                  options={"pattern": r"(?P<value>\d{4})年", "expected": "${report.year}"}),
        make_rule("MY103", "pattern", path="sections.${section.key}.heading",
                  options={"pattern": "${section.phrases}"}, for_each="profile.sections"),
    )  # fmt: skip
    assert main(["check", "r.yaml", "--rules", str(pack), "--select", "MY"]) == 0
    assert capsys.readouterr().err == ""


def test_a_template_in_fallback_path(capsys: pytest.CaptureFixture[str]) -> None:
    rule = make_rule("MY101", "required", path="report", fallback_path="sections.${report.year}")
    pack = write_pack(Path("."), rule)
    assert errors(capsys, "check", "r.yaml", "--rules", str(pack)) == [
        f"{pack}: rule MY101: fallback_path: templates are not filled in fallback_path; write "
        "the path out"
    ]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("- a list\n", "a rule pack is a mapping with pack, description and rules"),
        ("pack: Mine\nrules: []\n", "pack: 'Mine' is not a pack name: lower-case words joined "
         "by '-'"),
        ("rules: []\n", "pack: missing; it is required"),
    ],
)  # fmt: skip
def test_the_shape_of_a_pack(capsys: pytest.CaptureFixture[str], text: str, problem: str) -> None:
    Path("mine.yaml").write_text(text, encoding="utf-8")
    found = errors(capsys, "check", "r.yaml", "--rules", "mine.yaml")
    assert found[0] == f"mine.yaml: {problem}"


def test_an_empty_rules_list(capsys: pytest.CaptureFixture[str]) -> None:
    Path("mine.yaml").write_text("pack: mine\nrules: []\n", encoding="utf-8")
    assert errors(capsys, "check", "r.yaml", "--rules", "mine.yaml") == [
        "mine.yaml: rules: should not be empty"
    ]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("pack: mine\nrules: [\n", "3:1: not valid YAML: did not find expected node content "
         "while parsing a flow node (started at 3:1)"),
        ("pack: mine\npack: yours\n", "2:1: duplicate key 'pack'"),
        ("pack: !!python/name:os.system mine\n", "1:7: YAML tags and merge keys ('<<') are not "
         "allowed"),
        ("\tpack: mine\n", "1:1: not valid YAML: a tab where YAML expects spaces: indent with "
         "spaces, never tabs"),
    ],
)  # fmt: skip
def test_a_pack_that_is_not_good_yaml(
    capsys: pytest.CaptureFixture[str], text: str, problem: str
) -> None:
    Path("mine.yaml").write_text(text, encoding="utf-8")
    assert errors(capsys, "check", "r.yaml", "--rules", "mine.yaml")[0] == f"mine.yaml:{problem}"


def test_a_missing_pack_and_a_broken_one_in_one_run(capsys: pytest.CaptureFixture[str]) -> None:
    Path("broken.yaml").write_text("- a list\n", encoding="utf-8")
    found = errors(capsys, "check", "r.yaml", "--rules", "nope.yaml", "--rules", "broken.yaml")
    assert found == [
        "nope.yaml: rule pack not found",
        "broken.yaml: a rule pack is a mapping with pack, description and rules",
    ]


@pytest.mark.parametrize("command", [["rules"], ["explain", "MY101"], ["test-rules"]])
def test_other_commands_report_pack_problems_alike(
    capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    pack = write_pack(Path("."), make_rule("MY101", "number-range", options={"pattern": "x"}))
    assert errors(capsys, *command, "--rules", str(pack)) == [
        f"{pack}: rule MY101: options.pattern: pattern has no group (?P<value>…), which this "
        "check reads"
    ]


def test_a_bad_profile_names_its_file_and_field(capsys: pytest.CaptureFixture[str]) -> None:
    Path("two.yaml").write_text(
        "name: two\ndescription: x\nsections:\n  - {key: measures, title: 举措, phrases: '(a'}\n"
        "  - {key: nowhere, title: 安排, phrases: 安排}\n",
        encoding="utf-8",
    )
    assert errors(capsys, "check", "r.yaml", "--profile", "two.yaml") == [
        "two.yaml: sections[1].phrases: pattern does not compile: missing ) at position 2",
        "two.yaml: sections[2].key: should be 'measures', 'leadership', 'shortcomings', 'plans', "
        "'suggestions' or 'other'",
    ]
