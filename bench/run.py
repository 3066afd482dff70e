"""Benchmark reportlint against yamllint and check-jsonschema on the same reports.

    python bench/run.py                      # 1,000 reports, 5 interleaved repetitions
    python bench/run.py --quick              # 100 reports, 3 repetitions
    python bench/run.py --files 200 --repeat 3 --write-readme

Makes a deterministic corpus under bench/out/, installs the peers into
bench/out/peers-venv and reportlint (from this checkout, not editable) into
bench/out/reportlint-venv, runs every tool alternately on the same files, and prints
medians, ratios and peak memory as a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

import corpus
from measure import (
    PEERS,
    REPO,
    Sample,
    child_env,
    interleave,
    make_venv,
    parallel_capacity,
    pip,
    version,
)

OUT = Path(__file__).resolve().parent / "out"
README = Path(__file__).resolve().parent / "README.md"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"

# Targets from the issue: (name, measured ratio or value, limit).
ONE_VS_YAMLLINT, ONE_VS_CJS = 0.7, 0.25
MANY_SERIAL_VS_CJS, MANY_DEFAULT_VS_CJS = 0.5, 0.3
PEAK_MB, SCALE = 100.0, 10.5


def install_reportlint(kind: str) -> list[str]:
    """The command that runs reportlint: installed from this checkout, or the caller's."""
    if kind == "current":
        return [sys.executable, "-m", "reportlint"]
    bin_dir = make_venv(
        OUT / "reportlint-venv",
        [str(REPO)],
        marker="deps",
        key=(REPO / "pyproject.toml").read_text(encoding="utf-8"),
    )
    # Always the working tree as it is now, as a wheel (not editable).
    pip(bin_dir, "install", "--quiet", "--no-deps", "--force-reinstall", str(REPO))
    return [str(bin_dir / "reportlint")]


def rows(
    samples: list[Sample], baseline: dict[str, Sample], plain: tuple[Sample, ...] = ()
) -> list[str]:
    """Table rows; reportlint's rows (but ``plain`` ones) get ratios to ``baseline``."""
    lines = []
    for sample in samples:
        ratios = " · ".join(
            f"{sample.median / peer.median:.2f}× {name}"
            for name, peer in baseline.items()
            if sample.label.startswith("reportlint") and sample not in plain
        )
        lines.append(
            f"| {sample.label} | {sample.median * 1000:,.0f} ms | "
            f"{min(sample.seconds) * 1000:,.0f}–{max(sample.seconds) * 1000:,.0f} ms | "
            f"{sample.cpu_median * 1000:,.0f} ms | {sample.peak_mb:.0f} MB | {ratios} |"
        )
    return lines


def verdict(name: str, value: float, limit: float, unit: str = "×") -> str:
    mark = "met" if value <= limit else "**missed**"
    return f"| {name} | {value:.2f}{unit} | ≤ {limit:g}{unit} | {mark} |"


def make_repository(folder: Path) -> None:
    """Make ``folder`` a git repository's root, as a folder of reports is.

    Configuration is looked up from each report's folder up to the repository root; without
    a root of its own the corpus would be read with this checkout's pyproject.toml.
    """
    if not (folder / ".git").exists():
        subprocess.run(["git", "init", "-q", str(folder)], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=1000, help="reports in the many-file case")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each command")
    parser.add_argument("--one-repeat", type=int, default=None, help="runs of the one-file case")
    parser.add_argument("--quick", action="store_true", help="100 reports, 3 repetitions")
    parser.add_argument(
        "--reportlint",
        choices=("installed", "current"),
        default="installed",
        help="a wheel of this checkout in bench/out/reportlint-venv (default), or the "
        "reportlint importable by this Python (e.g. the dev venv's editable install)",
    )
    parser.add_argument(
        "--no-yamllint-many", action="store_true", help="skip yamllint on many files (slow)"
    )
    parser.add_argument("--write-readme", action="store_true", help="put the table in README")
    args = parser.parse_args(argv)
    if args.quick:
        args.files, args.repeat = 100, 3
    one_repeat = args.one_repeat or max(7, args.repeat * 3)
    small = max(1, args.files // 10)

    files = corpus.generate(OUT / "corpus", args.files)
    make_repository(OUT / "corpus")
    names = [str(path) for path in files]
    peers_bin = make_venv(OUT / "peers-venv", list(PEERS), marker="peers")
    reportlint = install_reportlint(args.reportlint)
    env = child_env(OUT / "cache")
    # An empty folder outside any project: no configuration file is found by any tool from
    # here, and none from the reports' own folder, the root of a repository of its own.
    cwd = Path(tempfile.mkdtemp(prefix="reportlint-bench-"))
    schema = OUT / "report.schema.json"
    schema_text = subprocess.run(
        [*reportlint, "schema"], capture_output=True, text=True, check=True, env=env
    ).stdout
    schema.write_text(schema_text, encoding="utf-8")
    yamllint = [str(peers_bin / "yamllint")]
    cjs = [str(peers_bin / "check-jsonschema"), "--schemafile", str(schema)]
    check = [*reportlint, "check"]

    one = [
        Sample("reportlint", [*check, names[0]]),
        Sample("yamllint", [*yamllint, names[0]]),
        Sample("check-jsonschema", [*cjs, names[0]]),
    ]
    print(f"one file, {one_repeat} runs each ...", file=sys.stderr)
    interleave(one, one_repeat, env, cwd=cwd)

    many = [
        Sample(f"reportlint --jobs 1 ({args.files} files)", [*check, "--jobs", "1", *names]),
        Sample(f"reportlint ({args.files} files, default jobs)", [*check, *names]),
        Sample(f"reportlint --jobs 1 ({small} files)", [*check, "--jobs", "1", *names[:small]]),
        Sample(f"check-jsonschema ({args.files} files)", [*cjs, *names]),
    ]
    if not args.no_yamllint_many:
        many.append(Sample(f"yamllint ({args.files} files)", [*yamllint, *names]))
    print(f"{args.files} files, {args.repeat} runs each ...", file=sys.stderr)
    capacity = [parallel_capacity()]
    interleave(many, args.repeat, env, cwd=cwd)
    capacity.append(parallel_capacity())

    serial, default, serial_small, many_cjs = many[:4]
    table = [
        f"Machine: {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"{platform.system()}; reportlint "
        + (
            "installed from this checkout as a wheel"
            if args.reportlint == "installed"
            else "from the current environment"
        )
        + f" ({version(reportlint)}); {version(yamllint)}; {version(cjs[:1])}. "
        f"Reports of ~{sum(p.stat().st_size for p in files) // len(files) // 1024} KB; "
        f"{one_repeat} runs for one file, {args.repeat} for many; medians. Two CPU-bound "
        f"processes ran {capacity[0]:.1f}× / {capacity[1]:.1f}× as fast together as one after "
        "the other, before / after the many-file runs (2.0: two free cores).",
        "",
        "| command | median | range | CPU | peak RSS | ratio (of medians) |",
        "|---|---:|---:|---:|---:|---|",
        *rows(one, {"yamllint": one[1], "check-jsonschema": one[2]}),
        *rows(many, {"check-jsonschema": many_cjs}, plain=(serial_small,)),
        "",
        "| target | measured | limit | |",
        "|---|---:|---:|---|",
        verdict("one file vs yamllint", one[0].median / one[1].median, ONE_VS_YAMLLINT),
        verdict("one file vs check-jsonschema", one[0].median / one[2].median, ONE_VS_CJS),
        verdict(
            f"{args.files} files, --jobs 1, vs check-jsonschema",
            serial.median / many_cjs.median,
            MANY_SERIAL_VS_CJS,
        ),
        verdict(
            f"{args.files} files, default jobs, vs check-jsonschema",
            default.median / many_cjs.median,
            MANY_DEFAULT_VS_CJS,
        ),
        verdict(
            "peak RSS of any reportlint process",
            max(s.peak_mb for s in [one[0], serial, default, serial_small]),
            PEAK_MB,
            " MB",
        ),
        verdict(
            f"time({args.files} files) / time({small} files), --jobs 1",
            serial.median / serial_small.median,
            SCALE,
        ),
    ]
    text = "\n".join(table)
    print(text)
    if args.write_readme:
        readme = README.read_text(encoding="utf-8")
        head, _, rest = readme.partition(BEGIN)
        _, _, tail = rest.partition(END)
        README.write_text(f"{head}{BEGIN}\n{text}\n{END}{tail}", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
