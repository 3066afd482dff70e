"""Timing tools the benchmark and the CI guard share: venvs, one timed run, interleaving.

Every command runs as a child process; its wall time comes from a monotonic clock around
the child and its peak memory from ``os.wait4`` (the largest resident set of the child or
of any process it waited for, such as pool workers).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
import venv
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PEERS = ("yamllint", "check-jsonschema")


@dataclass
class Sample:
    """All timed runs of one command."""

    label: str
    command: list[str]
    seconds: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)
    max_rss_kb: list[int] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu_seconds)

    @property
    def peak_mb(self) -> float:
        return max(self.max_rss_kb) / 1024


def child_env(cache_dir: Path) -> dict[str, str]:
    """The environment of a user's shell: bytecode caches allowed, a warm rule-pack cache."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.pop("REPORTLINT_NO_CACHE", None)
    env["REPORTLINT_CACHE_DIR"] = str(cache_dir)
    env["NO_COLOR"] = "1"
    return env


def make_venv(folder: Path, packages: Sequence[str], *, marker: str, key: str = "") -> Path:
    """A venv at ``folder`` with ``packages`` installed by pip; its bin folder.

    They are installed once, and again when ``key`` (e.g. the project's pyproject.toml,
    which lists its dependencies) is not what it was then.
    """
    bin_dir = folder / "bin"
    done = folder / f".installed-{marker}"
    stamp = " ".join(packages) + "\n" + key
    if not done.exists() or done.read_text(encoding="utf-8") != stamp:
        if not (bin_dir / "python").exists():
            venv.EnvBuilder(with_pip=True, clear=True).create(folder)
        pip(bin_dir, "install", "--quiet", *packages)
        done.write_text(stamp, encoding="utf-8")
    return bin_dir


def pip(bin_dir: Path, *args: str) -> None:
    command = [str(bin_dir / "python"), "-m", "pip", "--disable-pip-version-check", *args]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"bench: failed: {' '.join(command)}")


def version(command: list[str]) -> str:
    result = subprocess.run([*command, "--version"], capture_output=True, text=True, check=False)
    return (result.stdout or result.stderr).strip().splitlines()[0]


def timed(
    command: list[str], env: dict[str, str], ok_codes: Sequence[int], cwd: Path | None = None
) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (with its workers') and peak RSS (KiB) of one run.

    Output is discarded; an exit code outside ``ok_codes`` stops the benchmark.
    """
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        cwd=cwd,
    )
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in ok_codes:
        shown = " ".join(command[:4]) + (" ..." if len(command) > 4 else "")
        raise SystemExit(
            f"bench: {shown} exited {process.returncode}:\n{errors.decode(errors='replace')}"
        )
    return elapsed, usage.ru_utime + usage.ru_stime, int(usage.ru_maxrss)


def interleave(
    samples: list[Sample],
    repeat: int,
    env: dict[str, str],
    ok_codes: Sequence[int] = (0, 1),
    cwd: Path | None = None,
) -> None:
    """Run every command ``repeat`` times, one after another in a rotating order.

    Running them alternately spreads any slow spell of the machine over all of them, so
    the ratios stay fair even when the absolute times wander. One untimed run of each
    comes first (disk cache, bytecode and rule-pack caches).
    """
    for sample in samples:
        timed(sample.command, env, ok_codes, cwd)
    for round_ in range(repeat):
        shift = round_ % len(samples)
        for sample in samples[shift:] + samples[:shift]:
            seconds, cpu, rss = timed(sample.command, env, ok_codes, cwd)
            sample.seconds.append(seconds)
            sample.cpu_seconds.append(cpu)
            sample.max_rss_kb.append(rss)


_BUSY = "total = 0\nfor number in range(6_000_000):\n    total += number * number\n"


def parallel_capacity() -> float:
    """How much faster two CPU-bound processes run together than one after the other.

    2.0 means two free cores; near 1.0 means something else holds a core, and no
    parallel run can gain on this machine at the moment.
    """
    command = [sys.executable, "-c", _BUSY]
    start = time.perf_counter()
    for _ in range(2):
        subprocess.run(command, check=True)
    serial = time.perf_counter() - start
    start = time.perf_counter()
    running = [subprocess.Popen(command) for _ in range(2)]
    for process in running:
        process.wait()
    return serial / (time.perf_counter() - start)
