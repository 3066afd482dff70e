"""Hostile configurations, packs and profiles: each refused with one clear line and exit 2,
quickly and in little memory (issue 16's config and pack bombs)."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reportlint.cli import main
from tests.conftest import REPORT_META, make_rule, write_pack

# Nine levels of ten aliases each: 10^9 nodes once expanded.
BILLION_LAUGHS = "".join(
    f"l{level}: &l{level} [{', '.join([f'*l{level - 1}'] * 10)}]\n" for level in range(1, 10)
)
BOMB_PACK = "l0: &l0 [lol]\n" + BILLION_LAUGHS + "pack: bomb\nrules: []\n"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("r.yaml").write_text(REPORT_META, encoding="utf-8")


@pytest.fixture
def quick() -> Iterator[None]:
    """The test's body must take under 5 seconds."""
    started = time.perf_counter()
    yield
    assert time.perf_counter() - started < 5


def error_line(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """The one error line of a run that must exit 2."""
    assert main(list(args)) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1, captured.err
    return captured.err.removeprefix("reportlint: error: ").rstrip("\n")


def test_an_alias_bomb_in_a_packs_examples(capsys: pytest.CaptureFixture[str], quick: None) -> None:
    rule = make_rule("MY101", "pattern", options={"pattern": "x"})
    pack = write_pack(Path("."), rule)
    text = pack.read_text(encoding="utf-8")
    bombed = "l0: &l0 [lol]\n" + BILLION_LAUGHS + text.replace("fail:\n    - {}", "fail: [*l9]")
    assert bombed != "l0: &l0 [lol]\n" + BILLION_LAUGHS + text
    pack.write_text(bombed, encoding="utf-8")
    assert error_line(capsys, "check", "r.yaml", "--rules", str(pack)) == (
        f"{pack}:1:1: aliases expand to more than 100000 nodes; the file is refused"
    )


def test_an_alias_bomb_in_the_config(capsys: pytest.CaptureFixture[str], quick: None) -> None:
    Path(".reportlint.yaml").write_text(
        "l0: &l0 [RL1]\n" + BILLION_LAUGHS + "select: *l9\n", encoding="utf-8"
    )
    assert error_line(capsys, "check", "r.yaml") == (
        f"{Path.cwd() / '.reportlint.yaml'}:1:1: aliases expand to more than 100000 nodes; "
        "the file is refused"
    )


def test_an_alias_bomb_in_a_profile(capsys: pytest.CaptureFixture[str], quick: None) -> None:
    Path("p.yaml").write_text(BOMB_PACK, encoding="utf-8")
    assert error_line(capsys, "check", "r.yaml", "--profile", "p.yaml") == (
        "p.yaml:1:1: aliases expand to more than 100000 nodes; the file is refused"
    )


def test_the_bombs_stay_small() -> None:
    """In a process of its own, a pack, a config and a profile bomb peak under 200 MiB."""
    probe = (
        "import resource, sys\n"
        "from reportlint.cli import main\n"
        "codes = [main(['check', 'r.yaml', '--rules', 'bomb.yaml', '--no-cache']),\n"
        "         main(['check', 'r.yaml', '--config', 'bomb.yaml', '--no-cache']),\n"
        "         main(['check', 'r.yaml', '--profile', 'bomb.yaml', '--no-cache'])]\n"
        "print(codes, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    Path("bomb.yaml").write_text(BOMB_PACK, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    codes, peak = done.stdout.rsplit("]", 1)
    assert codes == "[2, 2, 2"
    assert int(peak) < 300 * 1024  # KiB on Linux; expanded, each bomb takes gigabytes


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
@pytest.mark.parametrize(
    ("option", "what"),
    [("--config", "config"), ("--rules", "pack"), ("--profile", "profile")],
)
def test_a_fifo_is_refused_without_waiting(
    capsys: pytest.CaptureFixture[str], quick: None, option: str, what: str
) -> None:
    os.mkfifo("pipe.yaml")
    assert error_line(capsys, "check", "r.yaml", option, "pipe.yaml") == (
        "pipe.yaml: not a regular file (a FIFO, socket or device)"
    )


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="a POSIX device")
@pytest.mark.parametrize("option", ["--config", "--rules"])
def test_dev_zero_is_refused(capsys: pytest.CaptureFixture[str], quick: None, option: str) -> None:
    assert error_line(capsys, "check", "r.yaml", option, "/dev/zero") == (
        "/dev/zero: not a regular file (a FIFO, socket or device)"
    )


@pytest.mark.parametrize(
    ("option", "limit", "what"),
    [
        ("--config", "1,048,576", "a configuration"),
        ("--rules", "4,194,304", "a rule pack"),
        ("--profile", "1,048,576", "a profile"),
    ],
)
def test_a_huge_sparse_file_is_refused_unread(
    capsys: pytest.CaptureFixture[str], quick: None, option: str, limit: str, what: str
) -> None:
    with open("huge.yaml", "wb") as stream:
        stream.truncate(1_500_000_000)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert error_line(capsys, "check", "r.yaml", option, "huge.yaml") == (
        f"huge.yaml: file is 1,500,000,000 bytes, over the limit of {limit} bytes for {what}"
    )
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50 * 1024


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        ("(" * 500 + "a" + ")" * 500, "pattern nests too deeply to compile"),
        ("a{4294967295}", "pattern repeats too much to compile: its repeat counts multiply to "
         "4,294,967,295, over the limit of 100,000"),
        ("(?:a{65535}){65535}", "pattern repeats too much to compile: its repeat counts "
         "multiply to 4,294,836,225, over the limit of 100,000"),
        ("(?:x{400}){400}", "pattern repeats too much to compile: its repeat counts multiply to "
         "160,000, over the limit of 100,000"),
        (r"\p{Han}{2,}(", "pattern does not compile: missing ) at position 12"),
    ],
)  # fmt: skip
def test_patterns_that_blow_up_when_compiled(
    capsys: pytest.CaptureFixture[str], quick: None, pattern: str, problem: str
) -> None:
    pack = write_pack(
        Path("."), make_rule("MY101", "forbidden-pattern", options={"pattern": pattern})
    )
    assert error_line(capsys, "check", "r.yaml", "--rules", str(pack)) == (
        f"{pack}: rule MY101: options.pattern: {problem}"
    )


def test_a_pattern_only_regex_reads_is_fine_in_a_users_pack(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # User patterns run on `regex`, so they are compiled with it: \p{Han} is allowed.
    rule = make_rule("MY101", "forbidden-pattern", path="report.title",
                     options={"pattern": r"\p{Han}{2}县"})  # fmt: skip
    pack = write_pack(Path("."), rule)
    assert (
        main(["check", "--concise", "r.yaml", "--rules", str(pack), "--select", "MY", "--no-color"])
        == 0
    )
    assert capsys.readouterr().out.splitlines() == [
        "r.yaml:3:10: MY101 warning [my101] 示例县",
        "Found 1 problem (1 warning) in 1 file.",
    ]


def test_a_template_that_breaks_a_users_pattern_blames_that_rule_only(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The issuer fills the pattern at run time; RL102's ${section.phrases} is not blamed.
    rule = make_rule("MY101", "forbidden-pattern", path="report.title",
                     options={"pattern": "${report.issuer}年"})  # fmt: skip
    pack = write_pack(Path("."), rule)
    Path("r.yaml").write_text(
        REPORT_META.replace("issuer: 示例县人民政府", "issuer: 示例县(人民政府"), encoding="utf-8"
    )
    assert main(["check", "r.yaml", "--rules", str(pack), "--no-color"]) == 2
    assert capsys.readouterr().err == (
        "reportlint: error: r.yaml: rule MY101: pattern '示例县(人民政府年' does not compile: "
        "missing ) at position 9\n"
    )


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("100000000000000000000", "100000000000000000000 bytes is more than can be read; the "
         "largest is 1,099,511,627,776"),
        ("1e20", "expected a positive number of bytes, got '1e20'"),
        ("²", "expected a positive number of bytes, got '²'"),
        ("0", "expected a positive number of bytes, got '0'"),
    ],
)  # fmt: skip
def test_max_bytes_out_of_range(
    capsys: pytest.CaptureFixture[str], value: str, problem: str
) -> None:
    assert error_line(capsys, "check", "r.yaml", "--max-bytes", value) == (
        f"argument --max-bytes: {problem} (see 'reportlint check --help')"
    )
