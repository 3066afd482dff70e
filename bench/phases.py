"""Where one ``reportlint check report.yaml`` spends its time, phase by phase, as Markdown.

    python bench/phases.py --python bench/out/reportlint-venv/bin/python [--runs 15]

Each run is a fresh interpreter that does what the command does, in the same order, with
a clock between the phases: the standard library the check path imports, PyYAML,
reportlint's own modules, rules and profile from the warm cache, the report read and
composed, the rules run (with the time ``re`` spent compiling patterns counted apart), the
text output. Starting the interpreter is timed as
``python -c pass``, and the whole command beside it. Medians of ``--runs`` runs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from measure import REPO, child_env

PROBE = r"""
import sys, time
clock = time.perf_counter
marks = [("start", clock())]
import argparse, bisect, datetime, json, pathlib, re, typing, unicodedata
marks.append(("standard library (re, typing, pathlib, argparse, json, datetime…)", clock()))
import yaml
marks.append(("PyYAML with libyaml", clock()))
import reportlint.cli, reportlint.cli.check, reportlint.reporters.text
marks.append(("reportlint's modules", clock()))
compiling = [0.0]
_compile = re._compile
def _timed(pattern, flags):
    began = clock()
    try:
        return _compile(pattern, flags)
    finally:
        compiling[0] += clock() - began
re._compile = _timed
import io
from pathlib import Path
from reportlint import inputs
from reportlint.linter import Linter, Settings
from reportlint.reporters import RunSummary, reporter
linter = Linter(Settings(profile="six-section"))
marks.append(("rules and profile, from the cache", clock()))
document = inputs.load(Path(sys.argv[1]), max_bytes=10 * 1024 * 1024)
marks.append(("the report read and composed", clock()))
before = compiling[0]
findings = linter.lint_document(document)
spent = compiling[0] - before
marks.append(("the rules run: compiling their patterns", marks[-1][1] + spent))
marks.append(("the rules run: the rest", clock()))
summary = RunSummary(files=[sys.argv[1]], rules=linter.active)
reporter("text")(findings, io.StringIO(), summary)
marks.append(("the findings written", clock()))
print(json.dumps([(name, (at - marks[i][1]) * 1000) for i, (name, at) in enumerate(marks[1:])]))
"""


def _wall_ms(command: list[str], env: dict[str, str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, cwd=cwd, capture_output=True, check=False)
    return (time.perf_counter() - start) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    python = os.path.abspath(args.python)
    folder = Path(tempfile.mkdtemp(prefix="reportlint-phases-"))
    report = folder / "report.yaml"
    report.write_text(
        (REPO / "examples" / "yungang-2023.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    env = child_env(folder / "cache")
    probe = [python, "-c", PROBE, str(report)]
    command = [python, "-m", "reportlint", "check", str(report)]
    subprocess.run(command, env=env, cwd=folder, capture_output=True, check=False)  # warm
    phases: dict[str, list[float]] = {}
    starting: list[float] = []
    whole: list[float] = []
    for _ in range(args.runs):
        starting.append(_wall_ms([python, "-c", "pass"], env, folder))
        whole.append(_wall_ms(command, env, folder))
        done = subprocess.run(
            probe, env=env, cwd=folder, capture_output=True, text=True, check=True
        )
        for name, ms in json.loads(done.stdout.splitlines()[-1]):
            phases.setdefault(name, []).append(ms)
    rows = [("Python starting (`python -c pass`)", statistics.median(starting))]
    rows += [(name, statistics.median(times)) for name, times in phases.items()]
    print("| phase | ms |\n|---|---:|")
    for name, ms in rows:
        print(f"| {name} | {ms:.1f} |")
    print(f"| sum of the phases | {sum(ms for _, ms in rows):.1f} |")
    print(f"| `reportlint check report.yaml` as a whole | {statistics.median(whole):.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
