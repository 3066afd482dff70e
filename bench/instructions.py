"""Instructions reportlint executes on one report and on ten, counted by valgrind.

    python bench/instructions.py                          # the checkout, as a wheel
    python bench/instructions.py --against HEAD~3         # and an earlier commit

Wall and CPU time on a shared machine move by 10-30 % from run to run, more than most
changes to the code. The number of instructions a run executes hardly moves, so two
versions of reportlint can be told apart by a few percent. It is a measure of our own code
only: it does not weigh cache misses or memory, so ratios against other tools stay with
``bench/run.py``. Needs valgrind (``apt-get install valgrind``); a run takes ~50× as long.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import corpus
from measure import REPO, child_env, make_venv, pip

OUT = Path(__file__).resolve().parent / "out"
_COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def instructions(command: list[str], env: dict[str, str], cwd: Path) -> int:
    """Instructions ``command`` executed in user space, all its processes included."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
    )
    found = _COLLECTED.search(done.stderr)
    if found is None:
        raise SystemExit(f"valgrind gave no count for {command[0]}:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def install(name: str, source: str) -> Path:
    """A venv with reportlint built from ``source`` (a folder), rebuilt every run."""
    bin_dir = make_venv(
        OUT / f"instructions-{name}",
        [source],
        marker="deps",
        key=(Path(source) / "pyproject.toml").read_text(encoding="utf-8"),
    )
    pip(bin_dir, "install", "--quiet", "--force-reinstall", "--no-deps", source)
    return bin_dir


def checkout(revision: str, folder: Path) -> str:
    """The tree of ``revision`` in ``folder``, for pip to build."""
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", revision], capture_output=True, check=True
    ).stdout
    folder.mkdir(parents=True)
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return str(folder)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--against", metavar="REVISION", help="also count a git revision")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 2
    reports = corpus.generate(OUT / "corpus", 10)
    work = Path(tempfile.mkdtemp(prefix="reportlint-instructions-"))
    versions = {"checkout": install("checkout", str(REPO))}
    if args.against:
        versions[args.against] = install("against", checkout(args.against, work / "tree"))
    for index, (name, bin_dir) in enumerate(versions.items()):
        env = child_env(work / f"cache-{index}")
        check = [str(bin_dir / "reportlint"), "check", "--jobs", "1"]
        subprocess.run([*check, str(reports[0])], env=env, cwd=work, capture_output=True)
        one = instructions([*check, str(reports[0])], env, work)
        ten = instructions([*check, *map(str, reports)], env, work)
        print(
            f"{name}: one report {one / 1e6:,.0f} M instructions, ten {ten / 1e6:,.0f} M, "
            f"each further report {(ten - one) / 9e6:,.1f} M"
        )
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
