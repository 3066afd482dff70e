"""What start-up imports, from ``python -X importtime``, as Markdown for bench/README.md.

    python bench/imports.py [--python PYTHON]

Two cases: ``from reportlint.cli import main`` alone, and a warm ``reportlint check`` of
one report as the command runs it (``cli.entry``; rule-pack and pattern caches filled by a
first run). Times are the median of five runs; ``-X importtime`` adds its own overhead,
so they are for comparing modules. Its list also names modules that were looked for and
not found (``nt``, ``_winapi``, ``org.python.core``: probes of ``ntpath`` and ``copy``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from measure import REPO, child_env

CASES = {
    "from reportlint.cli import main": "from reportlint.cli import main",
    "reportlint check report.yaml (warm)": (
        "import sys; sys.argv = ['reportlint', 'check', 'report.yaml']\n"
        "from reportlint.cli import entry; sys.exit(entry())"
    ),
}


def importtime(python: str, code: str, folder: Path) -> list[tuple[str, int, int, int]]:
    """(module, depth, self µs, cumulative µs) in import order."""
    env = child_env(folder / "cache")
    done = subprocess.run(
        [os.path.abspath(python), "-X", "importtime", "-c", code],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, total, name = line.removeprefix("import time:").split("|")
        depth = (len(name) - len(name.lstrip(" ")) - 1) // 2
        rows.append((name.strip(), depth, int(own), int(total)))
    return rows


def table(runs: list[list[tuple[str, int, int, int]]]) -> list[str]:
    totals: dict[str, list[int]] = {}
    owns: dict[str, list[int]] = {}
    depth: dict[str, int] = {}
    for rows in runs:
        for name, level, own, total in rows:
            totals.setdefault(name, []).append(total)
            owns.setdefault(name, []).append(own)
            depth.setdefault(name, level)
    top = [name for name in totals if depth[name] == 0]
    whole = sum(statistics.median(totals[name]) for name in top)
    ours = sorted(name for name in totals if name.split(".")[0] == "reportlint")
    others = sorted(name for name in totals if name.split(".")[0] != "reportlint")
    lines = [
        f"{len(totals)} modules, {whole / 1000:.0f} ms in all. Top-level imports "
        "(cumulative ms, median of 5):",
        "",
        "| module | ms |",
        "|---|---:|",
    ]
    for name in sorted(top, key=lambda name: -statistics.median(totals[name])):
        lines.append(f"| {name} | {statistics.median(totals[name]) / 1000:.1f} |")
    heaviest = sorted(owns, key=lambda name: -statistics.median(owns[name]))[:15]
    lines += ["", "Largest own times (the module's body, its imports aside):", ""]
    lines += ["| module | ms |", "|---|---:|"]
    lines += [f"| {name} | {statistics.median(owns[name]) / 1000:.1f} |" for name in heaviest]
    lines += ["", f"reportlint modules ({len(ours)}): " + ", ".join(ours)]
    lines += ["", f"other modules ({len(others)}): " + ", ".join(others)]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--python", default=sys.executable)
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="reportlint-imports-"))
    (folder / "report.yaml").write_text(
        (REPO / "examples" / "yungang-2023.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    for title, code in CASES.items():
        importtime(args.python, code, folder)  # warm the caches
        runs = [importtime(args.python, code, folder) for _ in range(5)]
        print(f"#### `{title}`\n")
        print("\n".join(table(runs)) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
