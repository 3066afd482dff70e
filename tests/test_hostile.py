"""Hostile and broken input: a finding or one error line, in bounded time, never a crash.

Every case runs through the real CLI (``main``) and asserts the exact outcome: the
findings (rule, line, column) and exit 1, or one error line naming the file and exit 2,
and never a traceback. Fixtures are made in ``tmp_path``; nothing big is committed.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from reportlint.cli import main
from reportlint.errors import InputError, RulePackError
from reportlint.files import write_atomically
from reportlint.inputs import document
from reportlint.linter import DEFAULT_MAX_BYTES, Linter, Settings
from reportlint.matching import backtracking, regex
from reportlint.reporters.json_format import findings_of
from tests.conftest import EXAMPLES

REFERENCE = EXAMPLES / "yungang-2023.yaml"
REFERENCE_TEXT = REFERENCE.read_text(encoding="utf-8")

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    """``reportlint ARGS`` from inside ``tmp_path``: (exit code, stdout, stderr)."""
    monkeypatch.chdir(tmp_path)

    def invoke(*argv: str) -> tuple[int, str, str]:
        code = main([*argv])
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return code, out, err

    return invoke


def findings(out: str) -> list[tuple[str, int, int]]:
    """(rule, line, column) of each finding in JSON output."""
    return [(item["rule"], item["line"], item["column"]) for item in findings_of(json.loads(out))]


def check_json(run: Run, *argv: str) -> tuple[int, list[tuple[str, int, int]], str]:
    code, out, err = run("check", "--format", "json", "--lang", "en", *argv)
    return code, findings(out) if out.strip() else [], err


@pytest.fixture
def deadline() -> Iterator[None]:
    """Fail, rather than hang, if the test takes more than 20 s (POSIX only)."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise AssertionError("took longer than 20 s: something blocks or loops")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(20)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# The shape of the document -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "expected object, got null (at /)"),
        ("# only\n# comments\n", "expected object, got null (at /)"),
        ("just a sentence\n", "expected object, got string (at /)"),
        ("- one\n- two\n", "expected object, got array (at /)"),
    ],
    ids=["empty", "only-comments", "scalar", "list"],
)
def test_not_a_mapping_is_one_schema_finding(run: Run, text: str, message: str) -> None:
    Path("r.yaml").write_text(text, encoding="utf-8")
    code, out, err = run("check", "--concise", "--lang", "en", "r.yaml")
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        f"r.yaml:1:1: RL002 error [schema] {message}",
        "Found 1 problem (1 error) in 1 file.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "format: reportlint/1\n---\nreport: {}\n",
            "r.yaml:2:1: RL001 error [yaml-syntax] YAML syntax error: "
            "a report file holds one YAML document; found a second",
        ),
        (
            "format: reportlint/1\nreport:\n\ttitle: x\n",
            "r.yaml:3:1: RL001 error [yaml-syntax] YAML syntax error: "
            "a tab where YAML expects spaces: indent with spaces, never tabs",
        ),
        (
            "format: reportlint/1\nreport: {title: \x07}\n",
            "r.yaml:2:17: RL001 error [yaml-syntax] YAML syntax error: "
            "character U+0007 is not allowed in YAML (control characters are not allowed)",
        ),
        (
            "format: reportlint/1\nreport: {title: x",
            "r.yaml:2:18: RL001 error [yaml-syntax] YAML syntax error: "
            "did not find expected ',' or '}' while parsing a flow mapping (started at 2:9)",
        ),
    ],
    ids=["two-documents", "tab", "control-character", "cut-short"],
)
def test_unparsable_yaml_is_rl001_at_the_place(run: Run, text: str, expected: str) -> None:
    Path("r.yaml").write_text(text, encoding="utf-8")
    code, out, err = run("check", "--concise", "--lang", "en", "r.yaml")
    assert (code, err) == (1, "")
    assert out.splitlines() == [expected, "Found 1 problem (1 error) in 1 file."]


def test_duplicate_key_is_found_at_the_second_key_and_the_first_value_kept(run: Run) -> None:
    text = REFERENCE_TEXT.replace("  year: 2023\n", "  year: 2023\n    # again\n  year: 1999\n")
    Path("r.yaml").write_text(text, encoding="utf-8")
    code, found, err = check_json(run, "--select", "RL004,RL301", "r.yaml")
    assert (code, found, err) == (1, [("RL004", 10, 3)], "")
    assert document.load_yaml(text, "r.yaml").data["report"]["year"] == 2023


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("signed_on: 2023-12-29", "signed_on: 2023-02-30", [("RL002", 9, 14)]),
        ("  year: 2023", "  year: 0", [("RL002", 8, 9)]),
        ("  year: 2023", "  year: 99999", [("RL002", 8, 9)]),
    ],
    ids=["2023-02-30", "year-0", "year-99999"],
)
def test_impossible_dates_and_years_are_schema_findings(
    run: Run, old: str, new: str, expected: list[tuple[str, int, int]]
) -> None:
    Path("r.yaml").write_text(REFERENCE_TEXT.replace(old, new, 1), encoding="utf-8")
    assert check_json(run, "--select", "RL0", "r.yaml") == (1, expected, "")


# Bombs --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[" * 20_000 + "]" * 20_000, [("RL001", 1, 1001)]),
        ("- " * 20_000 + "x\n", [("RL001", 1, 1999)]),
        ("{a: " * 20_000 + "1" + "}" * 20_000, [("RL001", 1, 4001)]),
    ],
    ids=["flow-sequences", "block-sequences", "flow-mappings"],
)
def test_nesting_20000_deep_is_refused_at_level_1000(
    run: Run, deadline: None, text: str, expected: list[tuple[str, int, int]]
) -> None:
    Path("deep.yaml").write_text(text, encoding="utf-8")
    assert check_json(run, "deep.yaml") == (1, expected, "")


def _laughs(levels: int) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        aliases = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{aliases}]")
    return "\n".join(lines) + "\n"


def test_billion_laughs_is_refused_quickly(run: Run, deadline: None) -> None:
    Path("bomb.yaml").write_text(_laughs(10), encoding="utf-8")
    started = time.perf_counter()
    code, out, err = run("check", "--lang", "en", "bomb.yaml")
    assert time.perf_counter() - started < 5
    assert (code, err) == (1, "")
    assert out.splitlines()[0] == (
        f"bomb.yaml:1:1: RL006 error [node-budget] aliases expand to more than "
        f"{document.ALIAS_BUDGET} nodes; the file is refused"
    )


def test_a_million_plain_nodes_are_refused_before_they_are_built(run: Run, deadline: None) -> None:
    Path("wide.yaml").write_text("[" + "1," * 1_000_000 + "1]\n", encoding="utf-8")
    code, out, err = run("check", "--lang", "en", "wide.yaml")
    assert (code, err) == (1, "")
    assert out.splitlines()[0] == (
        f"wide.yaml:1:200000: RL006 error [node-budget] the file holds more than "
        f"{document.ALIAS_BUDGET} YAML nodes (a report has a few thousand); the file is refused"
    )


def test_aliases_under_the_budget_are_expanded() -> None:
    doc = document.load_yaml(_laughs(3), "r.yaml")
    assert doc.problems == []
    assert doc.data["a2"] == [[["lol"] * 9] * 9] * 9


def test_a_self_referencing_alias_is_refused() -> None:
    doc = document.load_yaml("a: &a [1, *a]\n", "r.yaml")
    assert doc.data is None
    assert [(p.rule, p.message_en) for p in doc.problems] == [
        (
            "RL006",
            "an alias refers to a node that contains it, so it never ends; the file is refused",
        )
    ]


def test_python_tags_are_reported_and_never_constructed(run: Run, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = textwrap.dedent(
        f"""\
        format: reportlint/1
        a: !!python/object/apply:os.system ["touch {marker}"]
        b: !!python/object/apply:pathlib.Path.touch [{str(marker)!r}]
        c: !!python/name:os.system
        """
    )
    Path("r.yaml").write_text(text, encoding="utf-8")
    code, out, err = run("check", "--concise", "--lang", "en", "--select", "RL005", "r.yaml")
    assert not marker.exists()
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        "r.yaml:2:4: RL005 error [yaml-tag] tag 'tag:yaml.org,2002:python/object/apply:os.system'"
        " is not allowed; the node is read as plain data",
        "r.yaml:3:4: RL005 error [yaml-tag] tag 'tag:yaml.org,2002:python/object/apply:"
        "pathlib.Path.touch' is not allowed; the node is read as plain data",
        "r.yaml:4:4: RL005 error [yaml-tag] tag 'tag:yaml.org,2002:python/name:os.system'"
        " is not allowed; the node is read as plain data",
        "Found 3 problems (3 errors) in 1 file.",
    ]


def test_merge_keys_are_reported() -> None:
    doc = document.load_yaml("a: {x: 1}\nb:\n  <<: {y: 2}\n", "r.yaml")
    assert [(p.rule, p.span.line, p.span.column, p.message_en) for p in doc.problems] == [
        ("RL005", 3, 3, "merge keys ('<<') are not supported; write the keys out")
    ]


def test_scalar_keys_are_kept_as_written_so_pointers_find_them() -> None:
    doc = document.load_yaml("null: {a: [1, x]}\n0x10: 1\n", "r.yaml")
    assert doc.data == {"null": {"a": [1, "x"]}, "0x10": 1}
    assert (doc.locator.span("/null/a/1").line, doc.locator.span("/null/a/1").column) == (1, 15)


def test_a_lone_surrogate_in_text_is_rl001_not_a_crash() -> None:
    found = Linter(Settings(select=("RL0",))).lint_text("format: x\nreport: a\ud800b\n")
    assert [(f.rule, f.line, f.column) for f in found] == [("RL001", 2, 10)]


def test_a_place_past_the_last_line_is_kept_inside_the_file() -> None:
    # libyaml puts the end of a stream without a final line break on a line of its own.
    found = Linter(Settings(select=("RL0",))).lint_text("---\n# only a comment")
    assert [(f.rule, f.line, f.column, f.end_line, f.end_column) for f in found] == [
        ("RL002", 2, 17, 2, 17)
    ]


def test_a_leading_byte_order_mark_does_not_shift_columns() -> None:
    doc = document.load_yaml("\ufeffa: [1,\n b: c: d", "r.yaml")
    assert [(p.span.line, p.span.column) for p in doc.problems] == [(2, 6)]


# Encodings ----------------------------------------------------------------------------------


def _encoded(name: str) -> bytes:
    if name == "utf-16-le-bom":
        return b"\xff\xfe" + REFERENCE_TEXT.encode("utf-16-le")
    if name == "utf-16-be-bom":
        return b"\xfe\xff" + REFERENCE_TEXT.encode("utf-16-be")
    if name == "utf-8-bom":
        return b"\xef\xbb\xbf" + REFERENCE_TEXT.encode("utf-8")
    return REFERENCE_TEXT.encode(name)


@pytest.mark.parametrize(
    "encoding", ["utf-16-le-bom", "utf-16-be-bom", "utf-8-bom", "gbk", "gb18030"]
)
def test_encodings_give_the_same_findings_as_utf8(run: Run, encoding: str) -> None:
    Path("utf8.yaml").write_bytes(REFERENCE_TEXT.encode("utf-8"))
    Path("other.yaml").write_bytes(_encoded(encoding))
    _, out, err = run("check", "--format", "json", "--lang", "en", "utf8.yaml", "other.yaml")
    assert err == ""
    items = findings_of(json.loads(out))
    by_file = {
        name: [
            (i["rule"], i["line"], i["column"], i["message"]) for i in items if i["path"] == name
        ]
        for name in ("utf8.yaml", "other.yaml")
    }
    assert by_file["other.yaml"] == by_file["utf8.yaml"]
    # Chinese text survives, and its columns count characters: "行政负责人出庭率" at 65:172.
    assert ("RL504", 65, 172) in [item[:3] for item in by_file["other.yaml"]]
    assert any("行政负责人出庭率" in item[3] for item in by_file["other.yaml"])


def test_gb18030_only_characters_round_trip(tmp_path: Path) -> None:
    text = REFERENCE_TEXT.replace("云冈区政府在", "云冈区政府㐀𠀀在", 1)
    path = tmp_path / "r.yaml"
    path.write_bytes(text.encode("gb18030"))
    assert Linter().read(path) == text


def test_a_binary_file_named_yaml_is_one_error_line(run: Run) -> None:
    Path("logo.yaml").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    code, _, err = run("check", "logo.yaml")
    assert (code, err) == (2, "reportlint: error: logo.yaml: binary file, not a report\n")


def test_undecodable_bytes_are_one_error_line(run: Run) -> None:
    Path("r.yaml").write_bytes(b"format: \xff\xff\n")
    code, _, err = run("check", "r.yaml")
    assert (code, err) == (2, "reportlint: error: r.yaml: not UTF-8, UTF-16 or GB18030 text\n")


# Size ---------------------------------------------------------------------------------------


def _thirty_megabytes(path: Path) -> None:
    padding = "# " + "填充" * 49 + "\n"
    with path.open("w", encoding="utf-8") as stream:
        stream.write(REFERENCE_TEXT)
        stream.write(padding * (30 * 1024 * 1024 // len(padding.encode("utf-8")) + 1))


def test_a_30_mb_file_is_refused_naming_the_limit_and_how_to_raise_it(run: Run) -> None:
    big = Path("big.yaml")
    _thirty_megabytes(big)
    size = big.stat().st_size
    code, _, err = run("check", "big.yaml")
    assert code == 2
    assert err == (
        f"reportlint: error: big.yaml: file is {size:,} bytes, over the limit of "
        f"{DEFAULT_MAX_BYTES:,} bytes (raise it with --max-bytes)\n"
    )


def test_a_30_mb_file_is_read_when_the_limit_is_raised(run: Run, deadline: None) -> None:
    _thirty_megabytes(Path("big.yaml"))
    code, found, err = check_json(run, "--max-bytes", "40000000", "--select", "RL302", "big.yaml")
    assert (code, found, err) == (0, [("RL302", 9, 14)], "")


def test_the_limit_is_a_setting_of_the_linter(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("a: 1\n" * 100, encoding="utf-8")
    with pytest.raises(InputError, match=r"file is 500 bytes, over the limit of 100 bytes"):
        Linter(Settings(max_bytes=100)).read(path)
    assert Linter(Settings(max_bytes=500)).read(path) == "a: 1\n" * 100


@pytest.mark.parametrize("value", ["0", "-5", "10MB"])
def test_a_limit_that_is_not_a_positive_number_is_a_usage_error(run: Run, value: str) -> None:
    code, _, err = run("check", "--max-bytes", value, "r.yaml")
    assert (code, err) == (
        2,
        f"reportlint: error: argument --max-bytes: expected a positive number of bytes, "
        f"got '{value}' (see 'reportlint check --help')\n",
    )


# Paths --------------------------------------------------------------------------------------


def test_a_missing_path_is_one_error_line(run: Run) -> None:
    code, _, err = run("check", "missing.yaml")
    assert (code, err) == (2, "reportlint: error: missing.yaml: no such file\n")


def test_a_folder_without_reports_is_exit_0(run: Run) -> None:
    Path("empty").mkdir()
    (Path("empty") / "notes.txt.bak").write_text("x", encoding="utf-8")
    assert run("check", "empty") == (0, "No problems found in 0 files.\n", "")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_named_yaml_is_refused_without_blocking(run: Run, deadline: None) -> None:
    os.mkfifo("pipe.yaml")
    code, _, err = run("check", "pipe.yaml")
    assert (code, err) == (
        2,
        "reportlint: error: pipe.yaml: not a regular file (a FIFO, socket or device)\n",
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_in_a_searched_folder_does_not_stop_the_others(run: Run, deadline: None) -> None:
    Path("reports").mkdir()
    os.mkfifo("reports/a-pipe.yaml")
    Path("reports/b.yaml").write_text(REFERENCE_TEXT, encoding="utf-8")
    code, found, err = check_json(run, "--select", "RL302", "reports")
    assert (code, found) == (2, [("RL302", 9, 14)])
    assert err == (
        "reportlint: error: reports/a-pipe.yaml: not a regular file (a FIFO, socket or device)\n"
    )


def test_a_directory_is_not_read_as_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "x.yaml"
    folder.mkdir()
    with pytest.raises(InputError, match=r"x\.yaml: is a directory$"):
        Linter().read(folder)


def test_an_unreadable_file_is_one_error_line(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests may run as root, who reads a chmod-000 file; refuse the open as the OS would.
    Path("secret.yaml").write_text("format: reportlint/1\n", encoding="utf-8")
    real_open = os.open

    def refuse(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if str(path).endswith("secret.yaml"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    code, _, err = run("check", "secret.yaml")
    assert (code, err) == (2, "reportlint: error: secret.yaml: cannot read: permission denied\n")


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads chmod-000 files"
)
def test_a_chmod_000_file_is_one_error_line(run: Run) -> None:
    Path("secret.yaml").write_text("format: reportlint/1\n", encoding="utf-8")
    Path("secret.yaml").chmod(0)
    code, _, err = run("check", "secret.yaml")
    assert (code, err) == (2, "reportlint: error: secret.yaml: cannot read: permission denied\n")


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_symlink_loops_in_a_searched_folder_end(run: Run, deadline: None) -> None:
    Path("reports/sub").mkdir(parents=True)
    os.symlink("..", "reports/sub/up")  # a folder loop: links to folders are not followed
    os.symlink("self.yaml", "reports/self.yaml")  # a file that links to itself
    Path("reports/good.yaml").write_text(REFERENCE_TEXT, encoding="utf-8")
    code, found, err = check_json(run, "--select", "RL302", "reports")
    assert (code, found) == (2, [("RL302", 9, 14)])
    assert err == (
        "reportlint: error: reports/self.yaml: cannot read: Too many levels of symbolic links\n"
    )


def test_one_bad_file_never_stops_the_others(run: Run) -> None:
    Path("a-binary.yaml").write_bytes(b"\x00" * 10)
    Path("b-broken.yaml").write_text("format: reportlint/1\nreport: [\n", encoding="utf-8")
    Path("c-good.yaml").write_text(REFERENCE_TEXT, encoding="utf-8")
    code, out, err = run("check", "--format", "json", "--select", "RL001,RL302", ".")
    assert code == 2
    assert err == "reportlint: error: a-binary.yaml: binary file, not a report\n"
    assert [
        (i["path"], i["rule"], i["line"], i["column"]) for i in findings_of(json.loads(out))
    ] == [
        ("b-broken.yaml", "RL001", 3, 1),
        ("c-good.yaml", "RL302", 9, 14),
    ]


# Recursion ----------------------------------------------------------------------------------


def _nested_subsections(depth: int, leaf: dict[str, Any]) -> str:
    """The reference report with one more part, ``depth`` subsections deep, as JSON text."""
    data = document.load_yaml(REFERENCE_TEXT, "r.yaml").data
    data["sections"]["measures"]["subsections"].append("DEEP")
    node = json.dumps(leaf, ensure_ascii=False)
    for level in range(depth):  # text, not json.dumps: that recurses once per level
        node = f'{{"heading": "第{level}层", "subsections": [{node}]}}'
    return json.dumps(data, ensure_ascii=False).replace('"DEEP"', node)


def test_deep_subsections_that_break_the_schema_get_the_violation_itself(run: Run) -> None:
    text = _nested_subsections(480, {"heading": "最深", "paragraphs": [5]})
    Path("deep.yaml").write_text(text, encoding="utf-8")
    code, out, err = run("check", "--format", "json", "--select", "RL002", "deep.yaml")
    assert (code, err) == (1, "")
    [item] = findings_of(json.loads(out))
    assert item["rule"] == "RL002"
    assert item["message"].startswith("expected string, got integer")
    assert item["pointer"].endswith("/subsections/0/paragraphs/0")
    assert item["pointer"].count("/subsections/") == 481


def test_deep_valid_subsections_run_every_rule(run: Run) -> None:
    text = _nested_subsections(480, {"heading": "最深", "paragraphs": ["截至11月份完成。"]})
    Path("deep.yaml").write_text(text, encoding="utf-8")
    code, out, err = run("check", "--format", "json", "--select", "RL002,RL305", "deep.yaml")
    assert (code, err) == (0, "")
    rules = [item["rule"] for item in findings_of(json.loads(out))]
    assert rules.count("RL305") == 4  # three in the reference, one at the deepest paragraph
    assert "RL002" not in rules


# Internal errors -----------------------------------------------------------------------------


def test_a_bug_is_exit_3_with_one_line(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(self: Linter, text: str, path: str = "<text>") -> list[Any]:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(Linter, "lint_document", explode)
    Path("r.yaml").write_text(REFERENCE_TEXT, encoding="utf-8")
    code, out, err = run("check", "r.yaml")
    assert (code, out) == (3, "")
    assert err.count("\n") == 1
    assert err.startswith("reportlint: internal error: ZeroDivisionError: boom. This is a bug")
    assert "--debug" in err


def test_debug_shows_the_traceback_of_a_bug(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def explode(self: Linter, text: str, path: str = "<text>") -> list[Any]:
        raise ZeroDivisionError("boom")

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(Linter, "lint_document", explode)
    Path("r.yaml").write_text(REFERENCE_TEXT, encoding="utf-8")
    assert main(["check", "--debug", "r.yaml"]) == 3
    err = capsys.readouterr().err
    assert err.startswith("Traceback (most recent call last):")
    assert "ZeroDivisionError: boom" in err
    assert err.splitlines()[-1].startswith("reportlint: internal error: ZeroDivisionError")


# Writes --------------------------------------------------------------------------------------


def _no_temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_output_never_overwrites_a_checked_report(run: Run) -> None:
    Path("r.yaml").write_text(REFERENCE_TEXT, encoding="utf-8")
    code, _, err = run("check", "r.yaml", "--output", "r.yaml")
    assert (code, err) == (
        2,
        "reportlint: error: --output r.yaml is one of the files checked; choose another\n",
    )
    assert Path("r.yaml").read_text(encoding="utf-8") == REFERENCE_TEXT


def test_output_interrupted_mid_write_leaves_the_old_file_whole(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportlint.reporters import text as text_reporter

    Path("r.yaml").write_text(REFERENCE_TEXT, encoding="utf-8")
    Path("out.txt").write_text("previous findings\n", encoding="utf-8")

    def half_then_fail(findings: Any, stream: Any, summary: Any) -> None:
        stream.write("half of the ")
        raise ZeroDivisionError("disk on fire")

    monkeypatch.setattr(text_reporter, "write", half_then_fail)
    code, _, _ = run("check", "r.yaml", "--output", "out.txt")
    assert code == 3
    assert Path("out.txt").read_text(encoding="utf-8") == "previous findings\n"
    assert _no_temporaries(Path(".")) == []


def test_an_interrupt_mid_write_leaves_the_old_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old\n", encoding="utf-8")

    def interrupted(stream: Any) -> None:
        stream.write("new")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_atomically(target, interrupted)
    assert target.read_text(encoding="utf-8") == "old\n"
    assert _no_temporaries(tmp_path) == []


def test_a_failed_rename_is_one_error_line_and_no_temporary(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    Path("report.yaml").write_text("my own report\n", encoding="utf-8")

    def refuse(source: Any, destination: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    code, _, err = run("init", "report.yaml", "--force")
    assert (code, err) == (
        2,
        "reportlint: error: report.yaml: cannot write: No space left on device\n",
    )
    assert Path("report.yaml").read_text(encoding="utf-8") == "my own report\n"
    assert _no_temporaries(Path(".")) == []


def test_init_never_overwrites_without_force(run: Run) -> None:
    Path("report.yaml").write_text("my own report\n", encoding="utf-8")
    code, _, err = run("init", "report.yaml")
    assert code == 2
    assert "report.yaml already exists; use --force to overwrite" in err
    assert Path("report.yaml").read_text(encoding="utf-8") == "my own report\n"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_written_files_keep_their_mode_or_follow_the_umask(tmp_path: Path) -> None:
    kept = tmp_path / "kept.txt"
    kept.write_text("old", encoding="utf-8")
    kept.chmod(0o640)
    write_atomically(kept, lambda stream: print("new", end="", file=stream))
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    fresh = tmp_path / "fresh.txt"
    umask = os.umask(0o022)
    try:
        write_atomically(fresh, lambda stream: print("new", end="", file=stream))
    finally:
        os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o644


# Regexes of users' rule packs ---------------------------------------------------------------

_PACK = """\
pack: mine
rules:
  - id: MY001
    name: my-rule
    severity: warning
    summary: {{zh: 测试, en: test}}
    message: {{zh: 命中, en: hit}}
    rationale: {{zh: 测试, en: test}}
    basis: none
    check: forbidden-pattern
    path: preamble.*
    options: {{pattern: '{pattern}'}}
    examples:
      pass: [{{}}]
      fail: [{{}}]
"""


@pytest.mark.parametrize(
    ("pattern", "shape"),
    [
        (r"(a+)+$", "a repeated group holds an unbounded repeat"),
        (r"(\w+\s?)*$", "a repeated group holds an unbounded repeat"),
        (r"(.*x){5}", "a repeated group holds an unbounded repeat"),
        (r"(?:\s*,\s*)*", "a repeated group holds an unbounded repeat"),
        (r"(a|ab)*c", "a repeated alternation has branches that start alike"),
        (r"(\d|\d\.)+", "a repeated alternation has branches that start alike"),
        (r"(?:ab|cd)+", None),
        (r"\d+(?:\.\d+)?%", None),
        (r"(?:第[一二三]条)+", None),
        (r"(a++)+", None),
        (r"(?>a+)+", None),
    ],
)
def test_catastrophic_shapes(pattern: str, shape: str | None) -> None:
    if sys.version_info < (3, 11) and ("++" in pattern or "(?>" in pattern):
        pytest.skip("possessive repeats and atomic groups are Python 3.11+")
    found = backtracking.catastrophic_shape(pattern)
    assert (found or "").startswith(shape or "") and (found is None) == (shape is None)


def test_the_bundled_packs_have_no_catastrophic_pattern() -> None:
    for rule in Linter().catalogue.values():
        for run_ in rule.runs:
            pattern = run_.options.get("pattern")
            if isinstance(pattern, str) and "${" not in pattern:
                assert backtracking.catastrophic_shape(pattern) is None, rule.id


def test_a_catastrophic_pattern_in_a_users_pack_is_refused_at_load(run: Run) -> None:
    Path("mine.yaml").write_text(_PACK.format(pattern="(a+)+$"), encoding="utf-8")
    Path(".reportlint.yaml").write_text("rules: [mine.yaml]\n", encoding="utf-8")
    Path("r.yaml").write_text(REFERENCE_TEXT, encoding="utf-8")
    code, out, err = run("check", "r.yaml")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert err.startswith("reportlint: error: ")
    assert "mine.yaml: rule MY001: options.pattern:" in err
    assert "pattern may take exponential time on some texts: a repeated group holds" in err


def test_a_slow_pattern_in_a_users_pack_is_stopped_naming_the_rule(
    run: Run, monkeypatch: pytest.MonkeyPatch, deadline: None
) -> None:
    monkeypatch.setattr(regex, "REGEX_TIMEOUT", 0.2)
    # Not one of the shapes the load-time check knows, but exponential all the same.
    Path("mine.yaml").write_text(_PACK.format(pattern="(?:甲|甲甲){40}乙"), encoding="utf-8")
    Path(".reportlint.yaml").write_text("rules: [mine.yaml]\n", encoding="utf-8")
    slow = REFERENCE_TEXT.replace("  - 2023年,", "  - " + "甲" * 60 + "。2023年,", 1)
    Path("a-slow.yaml").write_text(slow, encoding="utf-8")
    fine = REFERENCE_TEXT.replace("  - 2023年,", "  - " + "甲" * 40 + "乙。2023年,", 1)
    Path("b-fine.yaml").write_text(fine, encoding="utf-8")
    started = time.perf_counter()
    code, out, err = run("check", "--format", "json", "--select", "MY", ".")
    assert time.perf_counter() - started < 10
    assert code == 2
    assert err == (
        "reportlint: error: a-slow.yaml: rule MY001: pattern '(?:甲|甲甲){40}乙' took longer "
        "than 0.2 s on one text and was stopped; rewrite it so it cannot backtrack "
        "catastrophically\n"
    )
    assert [(i["path"], i["rule"]) for i in findings_of(json.loads(out))] == [
        ("b-fine.yaml", "MY001")
    ]


def test_a_template_that_expands_to_a_bad_pattern_is_an_error_not_a_crash() -> None:
    with pytest.raises(regex.PatternError, match="does not compile"):
        regex.regex("(unclosed")


def test_patterns_from_users_are_time_limited_and_bundled_ones_are_not(tmp_path: Path) -> None:
    pack = tmp_path / "mine.yaml"
    pack.write_text(_PACK.format(pattern="用户的模式"), encoding="utf-8")
    linter = Linter(Settings(extra_packs=(pack,)))
    bundled = next(
        run_.options["pattern"]
        for rule in linter.catalogue.values()
        if not rule.id.startswith("MY")
        for run_ in rule.runs
        if "pattern" in run_.options and "${" not in run_.options["pattern"]
    )
    assert type(regex.regex(bundled)).__name__ == "Pattern"
    assert type(regex.regex("用户的模式")).__name__ == "_TimedPattern"


def test_a_users_pack_error_names_the_file(run: Run) -> None:
    Path("mine.yaml").write_text(_PACK.format(pattern="(unclosed"), encoding="utf-8")
    Path(".reportlint.yaml").write_text("rules: [mine.yaml]\n", encoding="utf-8")
    Path("r.yaml").write_text(REFERENCE_TEXT, encoding="utf-8")
    code, _, err = run("check", "r.yaml")
    assert code == 2
    assert "mine.yaml: rule MY001: options.pattern:" in err and "does not compile" in err


def test_pack_errors_are_rule_pack_errors(tmp_path: Path) -> None:
    pack = tmp_path / "mine.yaml"
    pack.write_text(_PACK.format(pattern="(x+x+)+y"), encoding="utf-8")
    with pytest.raises(RulePackError, match="rule MY001"):
        Linter(Settings(extra_packs=(pack,)))
