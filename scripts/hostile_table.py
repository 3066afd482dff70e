"""Run each hostile-input case through the real CLI and tabulate outcome, time and memory.

    python scripts/hostile_table.py [--write docs/robustness.md]

Each case is a fresh ``reportlint check --format json`` process on a fixture made in a
temporary folder (as tests/test_hostile.py makes them). Wall time is measured here; peak
resident memory by GNU time (``/usr/bin/time -f %M``; "n/a" without it). The chmod-000
case, run as root, drops the capabilities that let root read anything (util-linux
``setpriv``). With ``--write`` the table replaces the one between the ``<!-- table -->``
markers of the given Markdown file. POSIX only (FIFOs, symlinks).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE_TEXT = (ROOT / "examples" / "yungang-2023.yaml").read_text(encoding="utf-8")
_CLI = "import sys; from reportlint.cli import main; sys.exit(main())"
# Root reads a chmod-000 file; without these capabilities it cannot (util-linux setpriv).
_WITHOUT_OVERRIDE = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]
_TIME = "/usr/bin/time"


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], list[str]]  # writes its fixture, returns the CLI arguments
    options: tuple[str, ...] = ()  # options before the paths, e.g. --select
    as_plain_user: bool = False  # root reads anything; drop its override where that matters
    check_after: Callable[[Path], str] | None = None  # a note on the folder after the run
    environment: tuple[tuple[str, str], ...] = ()  # variables set for the run
    stdout: str | None = None  # a file the run's stdout goes to (/dev/full), not a pipe


def _file(name: str, content: str | bytes) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        path = folder / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return [name]

    return make


def _reference_with(old: str, new: str) -> str:
    assert old in REFERENCE_TEXT, old
    return REFERENCE_TEXT.replace(old, new, 1)


def _laughs() -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    return "\n".join(lines) + "\n"


def _thirty_megabytes(folder: Path) -> list[str]:
    block = ("# " + "填充" * 49 + "\n") * 3_400  # 1 MB; written in blocks to stay small
    with (folder / "big.yaml").open("w", encoding="utf-8") as stream:
        stream.write(REFERENCE_TEXT)
        for _ in range(30):
            stream.write(block)
    return ["big.yaml"]


def _deep_subsections(leaf: str) -> str:
    data = json.loads(json.dumps(_load(REFERENCE_TEXT), default=str))
    data["sections"]["measures"]["subsections"].append("DEEP")
    node = leaf
    for level in range(480):
        node = f'{{"heading": "第{level}层", "subsections": [{node}]}}'
    return json.dumps(data, ensure_ascii=False).replace('"DEEP"', node)


def _load(text: str) -> object:
    import yaml

    return yaml.load(text, Loader=yaml.CSafeLoader)


def _fifo(folder: Path) -> list[str]:
    os.mkfifo(folder / "pipe.yaml")
    return ["pipe.yaml"]


def _unreadable(folder: Path) -> list[str]:
    (folder / "secret.yaml").write_text(REFERENCE_TEXT, encoding="utf-8")
    (folder / "secret.yaml").chmod(0)
    return ["secret.yaml"]


def _link_loop(folder: Path) -> list[str]:
    (folder / "reports" / "sub").mkdir(parents=True)
    os.symlink("..", folder / "reports" / "sub" / "up")
    os.symlink("self.yaml", folder / "reports" / "self.yaml")
    (folder / "reports" / "good.yaml").write_text(REFERENCE_TEXT, encoding="utf-8")
    return ["reports"]


def _batch(folder: Path) -> list[str]:
    (folder / "a-binary.yaml").write_bytes(b"\x00" * 10)
    (folder / "b-broken.yaml").write_text("format: [\n", encoding="utf-8")
    (folder / "c-good.yaml").write_text(REFERENCE_TEXT, encoding="utf-8")
    return ["."]


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
    examples: {{pass: [{{}}], fail: [{{}}]}}
"""


def _user_pack(pattern: str) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        (folder / "mine.yaml").write_text(_PACK.format(pattern=pattern), encoding="utf-8")
        (folder / ".reportlint.yaml").write_text("rules: [mine.yaml]\n", encoding="utf-8")
        text = _reference_with("  - 2023年,", "  - " + "甲" * 60 + "。2023年,")
        (folder / "r.yaml").write_text(text, encoding="utf-8")
        return ["r.yaml"]

    return make


def _empty_folder(folder: Path) -> list[str]:
    (folder / "empty").mkdir()
    return ["empty"]


def _with_limit(folder: Path) -> list[str]:
    return ["--max-bytes", "40000000", *_thirty_megabytes(folder)]


def _long_heading(folder: Path) -> list[str]:
    heading = "不足" * (1_000_000 // 6)  # 1 MB, and never 原因
    text = _reference_with(
        "  shortcomings:\n    heading: ", f"  shortcomings:\n    heading: {heading} #"
    )
    (folder / "r.yaml").write_text(text, encoding="utf-8")
    return ["r.yaml"]


def _placeholders(folder: Path) -> list[str]:
    line = "      - " + "XX、某某、" * 50 + "\n"  # 100 placeholders a paragraph
    head = REFERENCE_TEXT.split("sections:", 1)[0] + "sections:\n  measures:\n"
    text = head + "    heading: 主要举措\n    paragraphs:\n" + line * 14_000
    (folder / "r.yaml").write_text(text, encoding="utf-8")  # 9.9 MB
    return ["r.yaml"]


def _slow_paragraphs(folder: Path) -> list[str]:
    pattern = "(?:甲|甲甲){25}乙"  # 0.15-0.4 s on each paragraph below
    (folder / "mine.yaml").write_text(_PACK.format(pattern=pattern), encoding="utf-8")
    (folder / ".reportlint.yaml").write_text("rules: [mine.yaml]\n", encoding="utf-8")
    text = _reference_with("preamble:\n", "preamble:\n" + ("  - " + "甲" * 30 + "\n") * 60)
    (folder / "r.yaml").write_text(text, encoding="utf-8")
    return ["r.yaml"]


def _output_to(target: str) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        (folder / "r.yaml").write_text(REFERENCE_TEXT, encoding="utf-8")
        return ["--format", "text", "--output", target, "r.yaml"]

    return make


def _still_a_device(folder: Path) -> str:
    return " · /dev/null still a device" if Path("/dev/null").is_char_device() else " · REPLACED"


def _output_to_link(folder: Path) -> list[str]:
    (folder / "real.txt").write_text("old\n", encoding="utf-8")
    os.symlink("real.txt", folder / "link.txt")
    return _output_to("link.txt")(folder)


def _link_kept(folder: Path) -> str:
    written = (folder / "real.txt").read_text(encoding="utf-8").startswith("r.yaml:")
    kept = (folder / "link.txt").is_symlink() and written
    return " · link kept, its target written" if kept else " · LINK REPLACED"


def _output_to_fifo(folder: Path) -> list[str]:
    import threading

    os.mkfifo(folder / "pipe")
    reader = threading.Thread(
        target=lambda: (folder / "read").write_bytes((folder / "pipe").read_bytes())
    )
    reader.start()
    return _output_to("pipe")(folder)


def _fifo_read(folder: Path) -> str:
    time.sleep(0.2)
    read = (folder / "read").exists() and (folder / "read").read_bytes().startswith(b"r.yaml:")
    fifo = (folder / "pipe").is_fifo()
    return " · the reader got the report, FIFO kept" if read and fifo else " · FIFO BROKEN"


def _name_not_utf8(folder: Path) -> list[str]:
    (folder / os.fsdecode(b"r\xff.yaml")).write_text(REFERENCE_TEXT, encoding="utf-8")
    return ["--format", "junit", "--output", "out.xml", os.fsdecode(b"r\xff.yaml")]


def _valid_xml(folder: Path) -> str:
    import xml.etree.ElementTree as ET

    try:
        ET.fromstring((folder / "out.xml").read_bytes())
    except (ET.ParseError, OSError):
        return " · out.xml INVALID"
    return " · out.xml valid XML"


def _control_characters(folder: Path) -> list[str]:
    text = _reference_with("preamble:\n", 'preamble:\n  - "【\\0\\e[2J\\a】"\n')
    (folder / "r.yaml").write_text(text, encoding="utf-8")
    return ["--format", "junit", "--output", "out.xml", "r.yaml"]


CASES = [
    Case("reference report (for comparison)", _file("r.yaml", REFERENCE_TEXT)),
    Case("empty file", _file("r.yaml", "")),
    Case("only comments", _file("r.yaml", "# one\n# two\n")),
    Case("a scalar at the top", _file("r.yaml", "just a sentence\n")),
    Case("a list at the top", _file("r.yaml", "- one\n- two\n")),
    Case("two YAML documents", _file("r.yaml", "format: reportlint/1\n---\nreport: {}\n")),
    Case("tab indentation", _file("r.yaml", "format: reportlint/1\nreport:\n\ttitle: x\n")),
    Case(
        "duplicate key (year twice), --select RL0",
        _file("r.yaml", _reference_with("  year: 2023\n", "  year: 2023\n  year: 1999\n")),
        options=("--select", "RL0"),
    ),
    Case(
        "date 2023-02-30, --select RL0",
        _file("r.yaml", _reference_with("2023-12-29", "2023-02-30")),
        options=("--select", "RL0"),
    ),
    Case(
        "year 0, --select RL0",
        _file("r.yaml", _reference_with("  year: 2023", "  year: 0")),
        options=("--select", "RL0"),
    ),
    Case(
        "year 99999, --select RL0",
        _file("r.yaml", _reference_with("  year: 2023", "  year: 99999")),
        options=("--select", "RL0"),
    ),
    Case("20,000-deep flow nesting", _file("r.yaml", "[" * 20_000 + "]" * 20_000)),
    Case("20,000-deep block nesting", _file("r.yaml", "- " * 20_000 + "x\n")),
    Case("billion laughs (10^9 nodes)", _file("r.yaml", _laughs())),
    Case("a million numbers in one list (2 MB)", _file("r.yaml", "[" + "1," * 10**6 + "1]\n")),
    Case(
        "!!python/object/apply:os.system tag, --select RL005",
        _file("r.yaml", 'format: reportlint/1\nx: !!python/object/apply:os.system ["touch P"]\n'),
        options=("--select", "RL005"),
        check_after=lambda folder: " · nothing ran" if not (folder / "P").exists() else " · RAN",
    ),
    Case("binary file named .yaml", _file("r.yaml", b"\x89PNG\r\n\x1a\n\x00\x00" * 50)),
    Case("UTF-16 LE with BOM", _file("r.yaml", b"\xff\xfe" + REFERENCE_TEXT.encode("utf-16-le"))),
    Case("UTF-16 BE with BOM", _file("r.yaml", b"\xfe\xff" + REFERENCE_TEXT.encode("utf-16-be"))),
    Case("UTF-8 with BOM", _file("r.yaml", b"\xef\xbb\xbf" + REFERENCE_TEXT.encode("utf-8"))),
    Case("GBK", _file("r.yaml", REFERENCE_TEXT.encode("gbk"))),
    Case("GB18030", _file("r.yaml", REFERENCE_TEXT.encode("gb18030"))),
    Case("30 MB file (default limit)", _thirty_megabytes),
    Case("30 MB file, --max-bytes 40000000", _with_limit),
    Case("missing path", lambda folder: ["missing.yaml"]),
    Case("folder with no reports", _empty_folder),
    Case("FIFO named pipe.yaml", _fifo),
    Case("chmod 000 file", _unreadable, as_plain_user=True),
    Case("symlink loops in a searched folder", _link_loop),
    Case("batch: binary + broken + good", _batch),
    Case(
        "subsections 480 deep, invalid leaf, --select RL0",
        _file("r.yaml", _deep_subsections('{"heading": "最深", "paragraphs": [5]}')),
        options=("--select", "RL0"),
    ),
    Case(
        "subsections 480 deep, valid",
        _file("r.yaml", _deep_subsections('{"heading": "最深", "paragraphs": ["完成。"]}')),
    ),
    Case("user pack: (a+)+$", _user_pack("(a+)+$")),
    Case("user pack: (?:甲|甲甲){40}乙 on 60 甲", _user_pack("(?:甲|甲甲){40}乙")),
    Case("1 MB heading of repeated 不足, --select RL104", _long_heading, ("--select", "RL104")),
    Case("10 MB of placeholders (1.4 million)", _placeholders),
    Case("user pack: (?:甲|甲甲){25}乙 on 60 paragraphs, each search under 2 s", _slow_paragraphs),
    Case("--output /dev/null", _output_to("/dev/null"), check_after=_still_a_device),
    Case("--output a symlink", _output_to_link, check_after=_link_kept),
    Case("--output a FIFO, a reader attached", _output_to_fifo, check_after=_fifo_read),
    Case("--output junit, report name not UTF-8", _name_not_utf8, check_after=_valid_xml),
    Case("--output junit, NUL/ESC/BEL in report text", _control_characters, check_after=_valid_xml),
    Case("stdout on a full disk (/dev/full)", _file("r.yaml", REFERENCE_TEXT), stdout="/dev/full"),
    Case(
        "stdout in latin-1 (PYTHONIOENCODING), --lang zh",
        _file("r.yaml", REFERENCE_TEXT),
        ("--lang", "zh"),
        environment=(("PYTHONIOENCODING", "latin-1"),),
    ),
    Case("a 263-byte file name", lambda folder: ["报告" * 43 + ".yaml"]),
]


@dataclass(frozen=True)
class Result:
    name: str
    outcome: str
    seconds: float
    peak_mib: float | None


def run_case(case: Case, folder: Path) -> Result:
    args = [*case.options, *case.make(folder)]
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "REPORTLINT_CACHE_DIR": str(folder.parent / "cache"),
        "LANG": "C.UTF-8",
    }
    env.pop("LC_ALL", None)
    env.update(case.environment)
    command = [sys.executable, "-c", _CLI, "check", "--format", "json", "--lang", "en", *args]
    if case.as_plain_user and hasattr(os, "geteuid") and os.geteuid() == 0:
        command = [*_WITHOUT_OVERRIDE, *command]
    # GNU time measures its child's peak memory. A child forked from this (large) script
    # would report this script's memory as its own peak: the kernel keeps the larger.
    measured = folder.parent / f"{folder.name}.time"
    if Path(_TIME).exists():
        command = [_TIME, "-o", str(measured), "-f", "%M", *command]
    started = time.perf_counter()
    try:
        with open(case.stdout or os.devnull, "wb") as sink:
            process = subprocess.run(
                command,
                cwd=folder,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=sink if case.stdout else subprocess.PIPE,
                stderr=subprocess.PIPE,
                timeout=120,
            )
    except subprocess.TimeoutExpired:
        return Result(case.name, "HUNG (killed after 120 s)", 120.0, None)
    seconds = time.perf_counter() - started
    outcome = _outcome(process.returncode, process.stdout or b"", process.stderr)
    outcome = outcome.replace(f"{folder}{os.sep}", "")
    if case.check_after:
        outcome += case.check_after(folder)
    peak = int(measured.read_text().split()[-1]) / 1024 if measured.exists() else None
    return Result(case.name, outcome, seconds, peak)


def _outcome(code: int, out: bytes, err: bytes) -> str:
    text = err.decode("utf-8", "replace").strip()
    if "Traceback" in text:
        return f"exit {code}: TRACEBACK"
    parts = [f"exit {code}"]
    try:
        findings = json.loads(out) if out.strip() else []
    except ValueError:
        findings = []
    shown = [f"{item['rule']} {item['line']}:{item['column']}" for item in findings[:3]]
    if len(findings) > 3:
        shown.append(f"+{len(findings) - 3} more")
    if shown:
        parts.append(", ".join(shown))
    elif code in (0, 1):
        parts.append("no findings")
    if text:
        message = text.splitlines()[0].removeprefix("reportlint: error: ")
        parts.append(message if len(message) <= 160 else message[:159] + "…")
    return " · ".join(parts)


def table(results: list[Result]) -> str:
    rows = ["| input | outcome | time | peak RSS |", "|---|---|---:|---:|"]
    for result in results:
        outcome = result.outcome.replace("|", "\\|")
        name = result.name.replace("|", "\\|")
        peak = "n/a" if result.peak_mib is None else f"{result.peak_mib:.0f} MiB"
        rows.append(f"| {name} | {outcome} | {result.seconds:.2f} s | {peak} |")
    return "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", type=Path, help="Markdown file whose table to replace")
    args = parser.parse_args(argv)
    results = []
    with tempfile.TemporaryDirectory() as base:
        for index, case in enumerate(CASES):
            folder = Path(base) / f"case{index}"
            folder.mkdir()
            results.append(run_case(case, folder))
            print(f"{case.name}: {results[-1].outcome}", file=sys.stderr)
    text = table(results)
    sys.stdout.write(text)
    if args.write:
        document = args.write.read_text(encoding="utf-8")
        start, end = "<!-- table -->\n", "<!-- /table -->"
        head, rest = document.split(start, 1)
        args.write.write_text(head + start + text + end + rest.split(end, 1)[1], "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
