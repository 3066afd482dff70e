"""Hostile runs: huge outputs, slow patterns, a failing environment, killed processes.

Each case builds its input here, runs the real command and asserts the exact outcome:
the exit code, one line on stderr naming the file, and where it matters the time (at
most 15 s) and the peak memory (at most 1 GiB) of the process.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reportlint.cli import main
from reportlint.linter import DEFAULT_MAX_FINDINGS
from reportlint.matching import regex
from reportlint.reporters.json_format import findings_of
from tests.conftest import EXAMPLES, REPORT_META

REFERENCE = EXAMPLES / "yungang-2023.yaml"
GIB = 1 << 30
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs /proc")

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    """``reportlint ARGS`` in this process, from inside ``tmp_path``."""
    monkeypatch.chdir(tmp_path)

    def invoke(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return code, out, err

    return invoke


def command(*argv: str) -> list[str]:
    return [sys.executable, "-m", "reportlint", *argv]


def measured(argv: list[str], cwd: Path) -> tuple[int, bytes, bytes, float]:
    """Run ``argv``; (exit code, stdout, stderr, seconds), checking it stayed within 1 GiB.

    The peak is the largest of this test process's children so far, so it bounds this one.
    """
    import resource  # POSIX only

    started = time.perf_counter()
    done = subprocess.run(argv, cwd=cwd, capture_output=True, timeout=120)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024  # KiB on Linux
    assert peak <= GIB, f"peak RSS {peak / 2**20:.0f} MiB"
    assert b"Traceback" not in done.stderr
    return done.returncode, done.stdout, done.stderr, seconds


# Quadratic paths and findings without end ---------------------------------------------------


@linux_only  # peak RSS in KiB
def test_a_one_megabyte_heading_of_repeated_words_is_quick(tmp_path: Path) -> None:
    # 不足 again and again, never 原因: the old phrase pattern rescanned the line from
    # every 不足 (20 s for 1 MB).
    heading = "不足" * (1_000_000 // 6)
    text = REPORT_META + f"sections:\n  shortcomings:\n    heading: {heading}\n"
    (tmp_path / "r.yaml").write_text(text, encoding="utf-8")
    code, out, err, seconds = measured(
        command("check", "--format", "json", "--select", "RL104", "r.yaml"), tmp_path
    )
    assert (code, err) == (0, b"")  # RL104 is a warning
    assert [(f["rule"], f["line"], f["column"]) for f in findings_of(json.loads(out))] == [
        ("RL104", 9, 5)
    ]
    assert seconds < 15


def placeholders(paragraphs: int, per_paragraph: int = 50) -> str:
    line = "      - " + "XX、某某、" * per_paragraph + "\n"
    head = REPORT_META + "sections:\n  measures:\n    heading: 主要举措\n    paragraphs:\n"
    return head + line * paragraphs


@linux_only  # peak RSS in KiB
def test_ten_megabytes_of_placeholders_give_a_thousand_findings_and_one_more(
    tmp_path: Path,
) -> None:
    # 1.4 million placeholders: before the cap, 330 s, 1.4 GB and a 490 MB JSON file.
    text = placeholders(14_000)
    assert 9_500_000 < len(text.encode("utf-8")) < 10 * 1024 * 1024
    (tmp_path / "r.yaml").write_text(text, encoding="utf-8")
    code, out, err, seconds = measured(command("check", "--format", "json", "r.yaml"), tmp_path)
    assert (code, err) == (1, b"")
    found = findings_of(json.loads(out))
    assert len(out) < 1_000_000
    assert len(found) == DEFAULT_MAX_FINDINGS + 1
    assert sum(f["rule"] == "RL501" for f in found) > 900  # other rules' findings too
    last = found[-1]
    assert (last["rule"], last["severity"], last["line"]) == ("RL008", "error", 20)
    assert last["message"] == (
        "more findings not shown: a file reports at most 1,000 findings "
        "(change it with --max-findings)"
    )
    assert seconds < 15


def test_max_findings_keeps_the_first_and_stands_for_the_rest(run: Run) -> None:
    Path("r.yaml").write_text(placeholders(1, per_paragraph=3), encoding="utf-8")
    code, out, _ = run(
        "check",
        "--concise",
        "--lang",
        "en",
        "--no-color",
        "--select",
        "RL5",
        "r.yaml",
        "--max-findings",
        "4",
    )
    assert code == 1
    # RL501 was stopped at the fifth finding: how many more it had is not known.
    assert out.splitlines() == [
        'r.yaml:11:9: RL501 error [placeholder] template placeholder "XX" left in the text',
        'r.yaml:11:12: RL501 error [placeholder] template placeholder "某某" left in the text',
        'r.yaml:11:15: RL501 error [placeholder] template placeholder "XX" left in the text',
        'r.yaml:11:18: RL501 error [placeholder] template placeholder "某某" left in the text',
        "r.yaml:11:21: RL008 error [too-many-findings] more findings not shown: a file "
        "reports at most 4 findings (change it with --max-findings)",
        "Found 5 problems (5 errors) in 1 file.",
    ]
    assert (
        run("check", "--concise", "-q", "--select", "RL5", "r.yaml", "--max-findings", "6")[
            1
        ].count("RL008")
        == 0
    )


def test_suppressions_past_the_cap_are_not_called_unused(run: Run) -> None:
    # RL501 reads the closing after the preamble; the engine stops it (at cap + 1
    # findings) before it reaches the closing, whose placeholder is silenced. That
    # suppression is not unused: RL501 never looked there.
    text = REPORT_META + (
        "closing:\n  - 全县XX。  # reportlint: disable=RL501\npreamble:\n  - XX、XX、XX、XX。\n"
    )
    Path("r.yaml").write_text(text, encoding="utf-8")
    code, out, _ = run(
        "check", "--format", "json", "--select", "RL5,RL007", "r.yaml", "--max-findings", "2"
    )
    found = [(f["rule"], f["line"], f["column"]) for f in findings_of(json.loads(out))]
    assert (code, found) == (1, [("RL501", 10, 5), ("RL501", 10, 8), ("RL008", 10, 11)])


WARNINGS_THEN_AN_ERROR = REPORT_META + (
    "preamble:\n  - 依据法制政府建设实施纲要。\n  - 依据法制政府建设实施纲要。\n  - 全县XX。\n"
)


def test_the_cap_never_changes_the_exit_code(run: Run) -> None:
    # Two warnings come first; the error after them is left out, and RL008 carries it.
    Path("r.yaml").write_text(WARNINGS_THEN_AN_ERROR, encoding="utf-8")
    args = ("check", "--format", "json", "--lang", "en", "--select", "RL5", "r.yaml")
    code, out, _ = run(*args, "--max-findings", "2")
    found = [
        (f["rule"], f["severity"], f["line"], f["column"]) for f in findings_of(json.loads(out))
    ]
    assert (code, found) == (
        1,
        [("RL502", "warning", 8, 7), ("RL502", "warning", 9, 7), ("RL008", "error", 10, 7)],
    )
    assert findings_of(json.loads(out))[-1]["message"] == (
        "1 more finding not shown: a file reports at most 2 findings "
        "(change it with --max-findings)"
    )
    assert run(*args)[0] == 1


def test_the_cap_finding_in_chinese(run: Run) -> None:
    Path("r.yaml").write_text(WARNINGS_THEN_AN_ERROR, encoding="utf-8")
    code, out, _ = run(
        "check",
        "--concise",
        "--lang",
        "zh",
        "-q",
        "--select",
        "RL5",
        "r.yaml",
        "--max-findings",
        "2",
    )
    assert code == 1
    assert out.splitlines()[-1] == (
        "r.yaml:10:7: RL008 错误 [too-many-findings] 此处起另有1个问题未显示："
        "每个文件最多报告2个问题（可用 --max-findings 调整）"
    )


@pytest.mark.parametrize("value", ["0", "-1", "many"])
def test_max_findings_must_be_a_positive_number(run: Run, value: str) -> None:
    code, _, err = run("check", "--max-findings", value, ".")
    assert code == 2
    assert err.startswith(
        f"reportlint: error: argument --max-findings: expected a positive number of findings, "
        f"got '{value}'"
    )


# A slow pattern of a user's pack, over many paragraphs --------------------------------------

SLOW_PACK = """\
pack: mine
rules:
  - id: MY001
    name: my-rule
    severity: warning
    summary: {zh: 测试, en: test}
    message: {zh: 命中, en: hit}
    rationale: {zh: 测试, en: test}
    basis: none
    check: forbidden-pattern
    path: preamble.*
    options: {pattern: '(?:甲|甲甲){25}乙'}
    examples:
      pass: [{}]
      fail: [{}]
"""


def test_a_slow_user_pattern_has_a_budget_per_file(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each paragraph takes about 0.15 s, well under the 2 s limit of one search; 60 of
    # them took 9 s, and a file of a thousand would take minutes. The budget stops it.
    assert regex.FILE_BUDGET == 5.0
    monkeypatch.setattr(regex, "FILE_BUDGET", 1.0)
    Path("mine.yaml").write_text(SLOW_PACK, encoding="utf-8")
    Path(".reportlint.yaml").write_text("rules: [mine.yaml]\n", encoding="utf-8")
    slow = REPORT_META + "preamble:\n" + ("  - " + "甲" * 30 + "\n") * 60
    Path("a-slow.yaml").write_text(slow, encoding="utf-8")
    fine = REPORT_META + "preamble:\n" + ("  - " + "甲" * 25 + "乙\n") * 2
    Path("b-fine.yaml").write_text(fine, encoding="utf-8")
    started = time.perf_counter()
    code, out, err = run("check", "--format", "json", "--select", "MY", ".")
    assert time.perf_counter() - started < 5
    assert code == 2
    assert re.fullmatch(
        r"reportlint: error: a-slow\.yaml: rule MY001: pattern '\(\?:甲\|甲甲\)\{25\}乙' took "
        r"1\.\d s in all on this file, over the budget of 1 s a file for patterns from outside "
        r"the bundled packs, and was stopped; rewrite it so it cannot backtrack "
        r"catastrophically\n",
        err,
    ), err
    assert [(f["path"], f["line"]) for f in findings_of(json.loads(out))] == [
        ("b-fine.yaml", 8),
        ("b-fine.yaml", 9),
    ]


def test_the_budget_starts_again_for_each_file() -> None:
    regex.start_file()
    regex._spent["x"] = regex.FILE_BUDGET + 1
    with pytest.raises(regex.PatternError, match="in all on this file"):
        list(regex.regex("用户的模式").finditer("用户的模式"))
    regex.start_file()
    assert [m.group() for m in regex.regex("用户的模式").finditer("用户的模式")] == ["用户的模式"]


# The environment fails ----------------------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_stdout_on_a_full_disk_is_one_error_line(tmp_path: Path) -> None:
    shutil.copy(REFERENCE, tmp_path / "r.yaml")
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            command("check", "r.yaml"),
            cwd=tmp_path,
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    assert done.returncode == 2
    assert done.stderr == b"reportlint: error: cannot write to stdout: No space left on device\n"


def test_stdout_that_cannot_encode_chinese_gets_escapes(tmp_path: Path) -> None:
    text = REPORT_META + "preamble:\n  - 全县XX个部门。\n"
    (tmp_path / "r.yaml").write_text(text, encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "latin-1"}
    done = subprocess.run(
        command("check", "--concise", "--lang", "zh", "--no-color", "--select", "RL5", "r.yaml"),
        cwd=tmp_path,
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert (done.returncode, done.stderr) == (1, b"")
    assert done.stdout.decode("ascii").splitlines() == [
        "r.yaml:8:7: RL501 \\u9519\\u8bef [placeholder] \\u6b8b\\u7559\\u6a21\\u677f"
        "\\u5360\\u4f4d\\u7b26\\u201cXX\\u201d",
        "\\u57281\\u4e2a\\u6587\\u4ef6\\u4e2d\\u53d1\\u73b01\\u4e2a\\u95ee\\u9898"
        "\\uff081\\u4e2a\\u9519\\u8bef\\uff09\\u3002",
    ]


def test_a_file_name_too_long_is_an_io_error(run: Run) -> None:
    name = "a" * 300 + ".yaml"
    code, _, err = run("check", "-q", name)
    assert code == 2
    assert err == f"reportlint: error: {name}: cannot read: File name too long\n"


# --jobs workers: killed, or left behind -----------------------------------------------------


def reports(folder: Path, count: int) -> Path:
    folder.mkdir()
    text = REFERENCE.read_text(encoding="utf-8")
    for index in range(count):
        (folder / f"c{index:03d}.yaml").write_text(text, encoding="utf-8")
    return folder


def children(parent: int) -> list[int]:
    """The processes whose parent is ``parent``, read from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue  # it ended meanwhile
            if int(stat.rsplit(")", 1)[1].split()[1]) == parent:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    """Whether ``pid`` is a process that still runs (a zombie holds no pipes: not alive)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def workers_of(process: subprocess.Popen[bytes], count: int) -> list[int]:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        found = children(process.pid)
        if len(found) >= count:
            return found
        time.sleep(0.02)
    raise AssertionError("the workers did not start")


@pytest.fixture
def started(tmp_path: Path) -> Iterator[Callable[..., subprocess.Popen[bytes]]]:
    """Start ``reportlint check --jobs 2`` over 120 reports; kill it if a test fails."""
    processes: list[subprocess.Popen[bytes]] = []

    def start(*argv: str) -> subprocess.Popen[bytes]:
        folder = reports(tmp_path / "reports", 120)
        process = subprocess.Popen(
            command("check", "--jobs", "2", *argv, str(folder)),
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        processes.append(process)
        return process

    yield start
    for process in processes:
        if process.poll() is None:
            process.kill()
        process.communicate()  # and close the pipes


@linux_only
def test_a_killed_worker_costs_only_its_file(
    started: Callable[..., subprocess.Popen[bytes]],
) -> None:
    process = started("--format", "json")
    victim = workers_of(process, 2)[0]
    time.sleep(0.5)  # well into the run: every worker is busy with a file
    os.kill(victim, signal.SIGKILL)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 2
    lines = err.decode("utf-8").splitlines()
    assert len(lines) == 1, lines
    assert re.fullmatch(
        r"reportlint: error: \S+/reports/c\d{3}\.yaml: not checked: the process checking it "
        r"was killed by SIGKILL \(out of memory, or by another process\)",
        lines[0],
    )
    lost = re.search(r"(c\d{3}\.yaml)", lines[0]).group(1)  # type: ignore[union-attr]
    checked = {Path(finding["path"]).name for finding in findings_of(json.loads(out))}
    assert checked == {f"c{index:03d}.yaml" for index in range(120)} - {lost}


@linux_only
def test_sigterm_to_the_parent_leaves_no_worker(
    started: Callable[..., subprocess.Popen[bytes]],
) -> None:
    process = started()
    workers = workers_of(process, 2)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=30)
    assert (process.returncode, err) == (143, b"reportlint: terminated by SIGTERM\n")
    assert gone(workers)


def gone(workers: list[int]) -> bool:
    """Whether every worker has ended, within a few seconds (signals take a moment)."""
    deadline = time.monotonic() + 5
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not any(alive(pid) for pid in workers)


@linux_only
def test_sigkill_to_the_parent_leaves_no_worker(
    started: Callable[..., subprocess.Popen[bytes]],
) -> None:
    # No chance to clean up at all: the kernel ends the workers (PR_SET_PDEATHSIG).
    process = started()
    workers = workers_of(process, 2)
    process.kill()
    process.wait(timeout=30)
    assert gone(workers)
