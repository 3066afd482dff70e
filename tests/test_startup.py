"""``reportlint check report.yaml`` imports only what checking a YAML report uses."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reportlint.cli import main

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "yungang-2023.yaml"

# Each is imported only on another path: validating packs or config on a cold cache
# (pydantic), a schema violation (jsonschema_rs, difflib), untrusted patterns (regex), many
# files (multiprocessing), writing a cache or output file (tempfile, shutil), a
# pyproject.toml that mentions reportlint (tomllib), other formats (hashlib for SARIF), the
# dataclasses (and with it inspect).
NOT_ON_THE_PATH = (
    "dataclasses",
    "inspect",
    "pydantic",
    "jsonschema",
    "jsonschema_rs",
    "difflib",
    "regex",
    "multiprocessing",
    "concurrent",
    "tempfile",
    "shutil",
    "tomllib",
    "hashlib",
)

PROBE = """
import sys
from reportlint.cli import main
code = main(["check", "report.yaml", "--quiet"])
print("exit", code, "imported:", *sorted(m for m in {names!r} if m in sys.modules))
"""


def run_probe(folder: Path, cache: Path) -> str:
    env = {**os.environ, "REPORTLINT_CACHE_DIR": str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(names=NOT_ON_THE_PATH)],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.splitlines()[-1].strip()


def test_a_warm_check_of_one_report_imports_nothing_it_does_not_use(tmp_path: Path) -> None:
    (tmp_path / "report.yaml").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    # The reference report passes (exit 0): the probe ran the whole check, not an early error.
    assert run_probe(tmp_path, tmp_path / "cache").startswith("exit 0 ")  # fills the cache
    assert run_probe(tmp_path, tmp_path / "cache") == "exit 0 imported:"


COMPILE_PROBE = """
import builtins
compiled = []
original = builtins.compile


def counting(source, filename, *args, **kwargs):
    if filename == "<string>":
        compiled.append(str(source))
    return original(source, filename, *args, **kwargs)


builtins.compile = counting
from reportlint.cli import main
code = main(["check", "report.yaml", "--quiet"])
print("exit", code, "compiled:", *compiled)
"""


def test_a_warm_check_compiles_no_annotation(tmp_path: Path) -> None:
    # typing.NamedTuple compiles each string annotation of its fields (a ForwardRef), and
    # the first compile() of a process builds CPython's AST types: the modules that define
    # named tuples leave `from __future__ import annotations` out (docs/architecture.md).
    (tmp_path / "report.yaml").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    env = {**os.environ, "REPORTLINT_CACHE_DIR": str(tmp_path / "cache")}
    outputs = [
        subprocess.run(
            [sys.executable, "-c", COMPILE_PROBE],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()[-1]
        for _ in range(2)  # the first fills the cache (pydantic compiles its own)
    ]
    assert outputs[1] == "exit 0 compiled:"


def test_the_command_exits_as_main_returns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "report.yaml"
    report.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: reportlint/1\nreport: [\n", encoding="utf-8")
    for path in (report, broken):
        code = main(["check", "--no-color", str(path)])
        expected = capsys.readouterr().out
        done = subprocess.run(
            [sys.executable, "-m", "reportlint", "check", "--no-color", str(path)],
            capture_output=True,
            text=True,
        )
        assert (done.returncode, done.stdout, done.stderr) == (code, expected, "")


def test_a_reader_that_stops_early_ends_the_run_quietly(tmp_path: Path) -> None:
    # `reportlint check reports/ --format json | head -1`: more output than a pipe holds.
    text = EXAMPLE.read_text(encoding="utf-8")
    for index in range(40):
        (tmp_path / f"r{index:02}.yaml").write_text(text, encoding="utf-8")
    command = [sys.executable, "-m", "reportlint", "check", "--format", "json", "."]
    process = subprocess.Popen(
        command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline() == b"{\n"
    process.stdout.close()
    assert (process.wait(timeout=60), process.stderr.read()) == (0, b"")
    process.stderr.close()
