"""Lint many files on several processes, results streamed back in the order given.

Each worker process builds one Linter from the run's Settings when it starts and keeps
it (rules, profile and compiled patterns) for every file it is sent. Workers send back
only findings, one file at a time, so memory stays flat however many files there are.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reportlint.errors import ReportlintError

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

    from reportlint.findings import Finding
    from reportlint.linter import Linter, Settings

# What lint_files yields for one file: its findings, or the error that kept it unread.
Result = tuple[Path, "list[Finding] | ReportlintError"]

_worker_linter: Linter | None = None


def cpu_count() -> int:
    """CPUs this process may run on (the affinity mask where there is one)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


# Files per worker below which a pool costs more than it saves: starting one (importing
# multiprocessing, forking, a Linter per worker) costs about as much as linting 3-4
# reports, so 2-7 reports (a typical commit) are linted in this process.
FILES_PER_WORKER = 4


def job_count(jobs: int | None, files: int) -> int:
    """Processes to use: ``--jobs``, else 1 for a few files and the CPU count for many."""
    if jobs is not None and jobs < 1:
        raise ReportlintError(f"--jobs must be 1 or more, not {jobs}")
    wanted = jobs if jobs is not None else min(cpu_count(), files // FILES_PER_WORKER)
    return max(1, min(wanted, files))


def lint_files(
    linter: Linter, paths: Sequence[Path], *, jobs: int | None = None
) -> Iterator[Result]:
    """(path, findings or error) for each path, in the order of ``paths``.

    One process (``linter`` itself) for one job; otherwise a pool of workers, each with
    a Linter built from ``linter.settings``.
    """
    count = job_count(jobs, len(paths))
    if count == 1:
        for path in paths:
            yield path, _lint(linter, path)
        return
    from concurrent.futures import ProcessPoolExecutor

    # Small chunks keep every worker busy to the end; results still come back in order.
    # A worker that dies (killed, out of memory) breaks the pool with an error, no hang.
    chunk = max(1, min(8, len(paths) // (count * 16)))
    pool = ProcessPoolExecutor(
        count, mp_context=_context(), initializer=_start, initargs=(linter.settings,)
    )
    try:
        results = pool.map(_work, paths, chunksize=chunk)
        for path, (found, message) in zip(paths, results, strict=True):
            yield path, found if message is None else ReportlintError(message)
    finally:
        # On an early stop (Ctrl-C, an error) files not yet started are dropped.
        pool.shutdown(wait=True, cancel_futures=True)


def _lint(linter: Linter, path: Path) -> list[Finding] | ReportlintError:
    try:
        return linter.lint_file(path)
    except ReportlintError as error:
        return error


def _context() -> BaseContext:
    import multiprocessing

    # fork starts a worker in about a millisecond with every module already imported; it
    # is safe only in a process with no other thread, and on Linux (macOS libraries are not).
    threading = sys.modules.get("threading")
    single = threading is None or threading.active_count() == 1
    if sys.platform.startswith("linux") and single:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _start(settings: Settings) -> None:
    """Worker initializer: ignore Ctrl-C (the parent stops the pool) and build the Linter."""
    import signal

    from reportlint.linter import Linter

    global _worker_linter
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_linter = Linter(settings)


def _work(path: Path) -> tuple[list[Finding], str | None]:
    # An error crosses the process boundary as its message: a subclass with its own
    # constructor arguments would not unpickle.
    assert _worker_linter is not None
    result = _lint(_worker_linter, path)
    if isinstance(result, ReportlintError):
        return [], str(result)
    return result, None
