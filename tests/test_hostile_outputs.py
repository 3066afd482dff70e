"""Hostile outputs: where reports are written, and what their text may hold.

``--output`` naming a FIFO, a device or a symlink is written by opening it, never
replaced; a signal mid-write leaves no temporary file; file names that are not UTF-8
and control characters in report text cannot break JSON, JUnit XML or the terminal.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reportlint.cli import main
from reportlint.files import write_atomically
from reportlint.reporters.json_format import findings_of
from reportlint.reporters.junit import xml_text
from reportlint.reporters.text import escape
from reportlint.termination import Terminated
from tests.conftest import REPORT_META

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files")

# A report with one error: a placeholder (RL501) at 8:7.
FLAWED = REPORT_META + "preamble:\n  - 全县XX个部门。\n"
FLAWED_FINDING = ("RL501", 8, 7)

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    """``reportlint ARGS`` from inside ``tmp_path``: (exit code, stdout, stderr)."""
    monkeypatch.chdir(tmp_path)

    def invoke(*argv: str) -> tuple[int, str, str]:
        code = main(["check", "--lang", "en", "--select", "RL5", *argv])
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return code, out, err

    return invoke


def findings(text: str) -> list[tuple[str, int, int]]:
    return [(item["rule"], item["line"], item["column"]) for item in findings_of(json.loads(text))]


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# --output names something that is not a regular file --------------------------------------


@posix_only
def test_output_to_a_fifo_writes_into_it_and_keeps_it(run: Run, tmp_path: Path) -> None:
    Path("r.yaml").write_text(FLAWED, encoding="utf-8")
    os.mkfifo("pipe")
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(Path("pipe").read_bytes()))
    reader.start()
    code, out, err = run("r.yaml", "--format", "json", "--output", "pipe")
    reader.join(10)
    assert (code, out, err) == (1, "", "")
    assert findings(received[0].decode("utf-8")) == [FLAWED_FINDING]
    assert stat.S_ISFIFO(os.lstat(tmp_path / "pipe").st_mode)
    assert temporaries(tmp_path) == []


@posix_only
def test_output_to_a_symlink_writes_its_target_and_keeps_the_link(run: Run, tmp_path: Path) -> None:
    Path("r.yaml").write_text(FLAWED, encoding="utf-8")
    (tmp_path / "reports").mkdir()
    target = tmp_path / "reports" / "findings.json"
    target.write_text("old\n", encoding="utf-8")
    os.symlink(target, "link.json")
    code, _, err = run("r.yaml", "--format", "json", "--output", "link.json")
    assert (code, err) == (1, "")
    assert os.readlink("link.json") == str(target)
    assert findings(target.read_text(encoding="utf-8")) == [FLAWED_FINDING]
    assert temporaries(tmp_path) == [] and temporaries(target.parent) == []


@posix_only
def test_output_to_a_dangling_symlink_creates_its_target(run: Run, tmp_path: Path) -> None:
    Path("r.yaml").write_text(FLAWED, encoding="utf-8")
    os.symlink(tmp_path / "made.txt", "link.txt")
    assert run("r.yaml", "--output", "link.txt")[0] == 1
    assert Path("link.txt").is_symlink()
    assert (tmp_path / "made.txt").read_text(encoding="utf-8").startswith("r.yaml:8:7: RL501")


@posix_only
@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null")
def test_output_to_dev_null_leaves_dev_null_a_device(run: Run) -> None:
    # As root, replacing /dev/null by a regular file would break the whole system.
    Path("r.yaml").write_text(FLAWED, encoding="utf-8")
    assert run("r.yaml", "--output", "/dev/null") == (1, "", "")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert Path("/dev/null").read_bytes() == b""


@posix_only
@pytest.mark.skipif(not Path("/proc/self/fd/1").exists(), reason="no /proc")
def test_output_to_a_symlink_to_the_own_stdout_writes_to_stdout(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(FLAWED, encoding="utf-8")
    os.symlink("/proc/self/fd/1", tmp_path / "out.json")
    argv = ["check", "--format=json", "--select=RL5", "r.yaml", "--output=out.json"]
    done = subprocess.run(
        [sys.executable, "-m", "reportlint", *argv],
        cwd=tmp_path,
        capture_output=True,
        timeout=60,
    )
    assert (done.returncode, done.stderr) == (1, b"")
    assert findings(done.stdout.decode("utf-8")) == [FLAWED_FINDING]
    assert os.readlink(tmp_path / "out.json") == "/proc/self/fd/1"


def test_output_to_a_folder_is_one_error_line(run: Run) -> None:
    Path("r.yaml").write_text(FLAWED, encoding="utf-8")
    Path("out").mkdir()
    assert run("r.yaml", "--output", "out") == (
        2,
        "",
        "reportlint: error: out: cannot write: is a directory\n",
    )


# Signals while a report file is written ---------------------------------------------------


@posix_only
@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP", "SIGINT"])
def test_a_signal_mid_write_removes_the_temporary(tmp_path: Path, name: str) -> None:
    signum = getattr(signal, name)
    target = tmp_path / "out.txt"
    target.write_text("old\n", encoding="utf-8")
    before = signal.getsignal(signum)

    def killed_halfway(stream: Any) -> None:
        stream.write("half of the new")
        stream.flush()
        assert temporaries(tmp_path) != []  # the half-written file exists now
        os.kill(os.getpid(), signum)

    expected = KeyboardInterrupt if name == "SIGINT" else Terminated
    with pytest.raises(expected):
        write_atomically(target, killed_halfway)
    assert target.read_text(encoding="utf-8") == "old\n"
    assert temporaries(tmp_path) == []
    assert signal.getsignal(signum) == before  # the default is back after the write


@posix_only
def test_sigterm_mid_write_is_one_line_and_exit_143(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportlint.reporters import text as text_reporter

    Path("r.yaml").write_text(FLAWED, encoding="utf-8")
    Path("out.txt").write_text("previous findings\n", encoding="utf-8")

    def terminated_halfway(findings: Any, stream: Any, summary: Any) -> None:
        stream.write("half of the ")
        os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(text_reporter, "write", terminated_halfway)
    assert run("r.yaml", "--output", "out.txt") == (
        143,
        "",
        "reportlint: terminated by SIGTERM\n",
    )
    assert Path("out.txt").read_text(encoding="utf-8") == "previous findings\n"
    assert temporaries(tmp_path) == []


@posix_only
def test_a_sighup_ignored_by_the_caller_stays_ignored(tmp_path: Path) -> None:
    # Under `nohup` SIGHUP is ignored: writing a report must not make it fatal again.
    previous = signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        write_atomically(tmp_path / "out.txt", lambda stream: os.kill(os.getpid(), signal.SIGHUP))
        assert signal.getsignal(signal.SIGHUP) == signal.SIG_IGN
    finally:
        signal.signal(signal.SIGHUP, previous)
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == ""


# File names that are not UTF-8, and control characters in text ----------------------------


@pytest.mark.skipif(sys.platform != "linux", reason="a file system that takes any bytes")
@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "text", "gitlab"])
def test_a_report_name_that_is_not_utf8_is_written_escaped(
    run: Run, tmp_path: Path, fmt: str
) -> None:
    name = os.fsdecode(b"r\xff.yaml")  # 'r\udcff.yaml': Python's form of the byte
    Path(name).write_text(FLAWED, encoding="utf-8")
    code, out, err = run(name, "--format", fmt, "--output", "out")
    assert (code, out, err) == (1, "", "")
    written = (tmp_path / "out").read_text(encoding="utf-8")  # valid UTF-8
    # SARIF names files by URI: the byte percent-encoded, as a URI holds any byte.
    assert ("r%FF.yaml" if fmt == "sarif" else "r\\udcff.yaml") in written
    if fmt == "json":
        # JSON's own escape: it reads back as the same name, and opens the same file.
        [item] = findings_of(json.loads(written))
        assert Path(item["path"]).read_text(encoding="utf-8") == FLAWED
    if fmt == "junit":
        ET.fromstring(written)


@pytest.mark.skipif(sys.platform != "linux", reason="a file system that takes any bytes")
def test_a_report_name_that_is_not_utf8_on_stdout(run: Run) -> None:
    name = os.fsdecode(b"r\xff.yaml")
    Path(name).write_text(FLAWED, encoding="utf-8")
    code, out, err = run(name)
    assert (code, err) == (1, "")
    assert out.splitlines()[0].startswith("r\\udcff.yaml:8:7: RL501 error [placeholder]")


CONTROL_TEXT = REPORT_META + 'preamble:\n  - "全县【\\0\\e[2J\\a待填】个部门。"\n'


def test_control_characters_in_report_text_keep_junit_valid(run: Run) -> None:
    Path("r.yaml").write_text(CONTROL_TEXT, encoding="utf-8")
    code, out, _ = run("r.yaml", "--format", "junit")
    assert code == 1
    root = ET.fromstring(out)  # parses: no NUL or ESC in the XML
    [failure] = root.iter("failure")
    assert (
        failure.get("message")
        == 'template placeholder "【\\x00\\x1b[2J\\x07待填】" left in the text'
    )
    assert "\x00" not in out and "\x1b" not in out and "\x07" not in out


def test_control_characters_in_report_text_are_escaped_in_text_output(run: Run) -> None:
    Path("r.yaml").write_text(CONTROL_TEXT, encoding="utf-8")
    code, out, _ = run("r.yaml", "--no-color", "--concise")
    assert code == 1
    assert out.splitlines() == [
        'r.yaml:8:8: RL501 error [placeholder] template placeholder "【\\x00\\x1b[2J\\x07待填】" '
        "left in the text",
        "Found 1 problem (1 error) in 1 file.",
    ]


@posix_only
def test_a_file_name_cannot_forge_a_finding_line_or_move_the_cursor(run: Run) -> None:
    name = "evil\nr.yaml:1:1: RL000 error [forged] all is well\x1b[2K.yaml"
    Path(name).write_text(FLAWED, encoding="utf-8")
    code, out, err = run(".", "--no-color", "--concise")
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        "evil\\nr.yaml:1:1: RL000 error [forged] all is well\\x1b[2K.yaml:8:7: RL501 error "
        '[placeholder] template placeholder "XX" left in the text',
        "Found 1 problem (1 error) in 1 file.",
    ]


def test_a_file_name_in_an_error_line_is_escaped(run: Run) -> None:
    code, _, err = run("--quiet", "gone\x1b[1A\rr.yaml")
    assert code == 2
    assert err == "reportlint: error: gone\\x1b[1A\\rr.yaml: no such file\n"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain 中文 text", "plain 中文 text"),
        ("a\tb\r\nc", "a\\tb\\r\\nc"),
        ("\x1b]0;title\x07", "\\x1b]0;title\\x07"),
        ("\x9b31m \x85 \x7f", "\\x9b31m \\x85 \\x7f"),
        ("\u2028 \u202e evil \u2066", "\\u2028 \\u202e evil \\u2066"),
        ("\udcff", "\\udcff"),
    ],
)
def test_escape(text: str, shown: str) -> None:
    assert escape(text) == shown


def test_xml_text_replaces_only_what_xml_cannot_hold() -> None:
    assert xml_text("a\tb\nc\rd") == "a\tb\nc\rd"
    assert xml_text("\x00\x08\x0b\x1f\ufffe\udcff") == "\\x00\\x08\\x0b\\x1f\\ufffe\\udcff"
    assert xml_text("中文 \x7f \U0001f600") == "中文 \x7f \U0001f600"


@pytest.mark.skipif(sys.platform != "linux", reason="a file system that takes any bytes")
def test_json_on_stdout_stays_utf8_with_a_name_that_is_not(tmp_path: Path) -> None:
    # Python writes such a name to stdout as its raw bytes (surrogateescape) under some
    # locales: the JSON would not be UTF-8. It is escaped instead, and reads back.
    name = os.fsdecode(b"r\xff.yaml")
    (tmp_path / name).write_text(FLAWED, encoding="utf-8")
    for lang in ("C.UTF-8", "C"):
        done = subprocess.run(
            [sys.executable, "-m", "reportlint", "check", "--format=json", "--select=RL5", name],
            cwd=tmp_path,
            capture_output=True,
            env={**os.environ, "LANG": lang, "LC_ALL": lang},
            timeout=60,
        )
        assert (done.returncode, done.stderr) == (1, b"")
        [item] = findings_of(json.loads(done.stdout.decode("utf-8")))
        assert item["path"] == name


def test_every_character_escaped_is_one_str_isprintable_rejects() -> None:
    # escape() skips the pattern for printable text: no character it names may be printable.
    import re

    from reportlint.reporters.text import UNSAFE

    unsafe = re.compile(UNSAFE)
    named = [chr(code) for code in range(0x110000) if unsafe.match(chr(code))]
    assert len(named) > 2000
    assert [char for char in named if char.isprintable()] == []
    assert escape("审核率\u202e100%") == "审核率\\u202e100%"
