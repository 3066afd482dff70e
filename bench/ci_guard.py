"""CI guard: fail when reportlint is slower than check-jsonschema on the same reports.

    python bench/ci_guard.py            # 50 reports and one report, 3 interleaved runs

Runs the reportlint installed beside this Python (its ``reportlint`` command, else
``python -m reportlint.cli``); check-jsonschema goes into a venv in a temporary folder
and gets ``reportlint schema`` as its schema. Exit 1 when reportlint's median is above
check-jsonschema's in either case, 0 otherwise.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import corpus
from measure import Sample, child_env, interleave, make_venv


def reportlint_command() -> list[str]:
    script = Path(sys.executable).with_name("reportlint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "reportlint"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="reportlint-ci-guard-"))
    try:
        cjs_bin = make_venv(work / "venv", ["check-jsonschema"], marker="peers")
        files = [str(path) for path in corpus.generate(work / "reports", args.files)]
        env = child_env(work / "cache")
        reportlint = reportlint_command()
        schema = work / "report.schema.json"
        schema.write_text(
            subprocess.run(
                [*reportlint, "schema"], capture_output=True, text=True, check=True, env=env
            ).stdout,
            encoding="utf-8",
        )
        cjs = [str(cjs_bin / "check-jsonschema"), "--schemafile", str(schema)]
        one = files[:1]
        pairs = [
            (
                Sample(f"reportlint, {len(cases)} file(s)", [*reportlint, "check", *cases]),
                Sample(f"check-jsonschema, {len(cases)} file(s)", [*cjs, *cases]),
            )
            for cases in (one, files)
        ]
        samples = [sample for pair in pairs for sample in pair]
        interleave(samples, args.repeat, env, cwd=work)
        slower = False
        for ours, theirs in pairs:
            ratio = ours.median / theirs.median
            slower = slower or ratio > 1
            print(
                f"{ours.label}: {ours.median * 1000:,.0f} ms; {theirs.label}: "
                f"{theirs.median * 1000:,.0f} ms; ratio {ratio:.2f}"
                + ("  <- SLOWER" if ratio > 1 else "")
            )
        print(f"ci_guard: {time.perf_counter() - started:.0f} s in all")
        return 1 if slower else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
