"""Lint many files on several processes, results streamed back in the order given.

Each worker process builds one Linter from the run's Settings when it starts and keeps
it (rules, profile and compiled patterns) for every file it is sent. Files go out one at
a time to whichever worker is free, and only each file's result (findings, or the error
that kept it unread, and the report's issuer, year…) comes back, so memory stays flat
however many files there are.

A worker the system kills (out of memory, a stray ``kill``) costs only the file it was
checking: that file gets an error naming it, a new worker takes the rest, and every
result already computed is kept. No worker outlives the run: they are killed when it
ends, however it ends (SIGTERM and SIGHUP included), and on Linux the kernel kills them
if the parent dies without a chance to do so.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections import deque
from collections.abc import Generator, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlint.errors import ReportlintError
from reportlint.reporters import FileResult, report_meta, section_order

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.context import BaseContext
    from multiprocessing.process import BaseProcess

    from reportlint.linter import Linter, Settings

# What lint_files yields for one file: the path given, and what linting it gave.
Result = tuple[Path, FileResult]


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
        raise ReportlintError(
            f"--jobs must be 1 or more, not {jobs}", zh=f"--jobs应为1或更大的数，而不是{jobs}"
        )
    wanted = jobs if jobs is not None else min(cpu_count(), files // FILES_PER_WORKER)
    return max(1, min(wanted, files))


def lint_files(
    linter: Linter, paths: Sequence[Path], *, jobs: int | None = None
) -> Generator[Result, None, None]:
    """(path, findings or error) for each path, in the order of ``paths``.

    One process (``linter`` itself) for one job; otherwise a pool of workers, each with
    a Linter built from ``linter.settings``. Close the iterator when done with it early:
    that stops the workers at once.
    """
    count = job_count(jobs, len(paths))
    if count == 1:
        for path in paths:
            yield path, _lint(linter, path)
        return
    from reportlint.termination import Terminating

    pool = _Pool(linter, paths)
    with Terminating():
        try:
            pool.start(count)
            yield from pool.results()
        finally:
            pool.stop()


def _lint(linter: Linter, path: Path) -> FileResult:
    """``linter.lint_report``: the findings, and the report's own fields (issuer, year…)."""
    started = time.perf_counter()
    try:
        data, findings = linter.lint_report(path)
    except ReportlintError as error:
        said = error.say(linter.settings.lang)
        return FileResult(str(path), error=said, seconds=time.perf_counter() - started)
    seconds = time.perf_counter() - started
    return FileResult(
        str(path), findings, meta=report_meta(data), seconds=seconds, sections=section_order(data)
    )


class _Worker:
    def __init__(self, context: BaseContext, linter: Linter) -> None:
        self.connection, theirs = context.Pipe()
        # A forked worker has the parent's Linter, its rules already loaded; a spawned one
        # builds its own from the settings.
        forked = context.get_start_method() == "fork"
        source = linter if forked else linter.settings
        self.process: BaseProcess = context.Process(  # type: ignore[attr-defined]
            target=_serve, args=(source, theirs, os.getpid()), daemon=True
        )
        self.process.start()
        theirs.close()
        self.index: int | None = None  # the file it is checking


class _Pool:
    def __init__(self, linter: Linter, paths: Sequence[Path]) -> None:
        self.linter = linter
        self.paths = paths
        self.context = _context()
        self.waiting = deque(range(len(paths)))
        self.done: dict[int, FileResult] = {}
        self.workers: list[_Worker] = []

    def start(self, count: int) -> None:
        for _ in range(count):
            self._start_one()

    def results(self) -> Iterator[Result]:
        from multiprocessing.connection import wait

        for index, path in enumerate(self.paths):
            while index not in self.done:
                ready = set(wait([item for w in self.workers for item in self._handles(w)]))
                for worker in list(self.workers):
                    if ready & set(self._handles(worker)):
                        self._hear(worker)
            yield path, self.done.pop(index)

    def stop(self) -> None:
        """Stop every worker and wait for it, however the run ends."""
        for worker in self.workers:
            if worker.index is None:
                with contextlib.suppress(OSError):
                    worker.connection.send(None)  # an idle worker leaves when told
            else:
                worker.process.kill()  # a busy one would finish its file first
        for worker in self.workers:
            worker.process.join(1)
            if worker.process.exitcode is None:
                worker.process.kill()
                worker.process.join()
            worker.connection.close()
        self.workers.clear()

    @staticmethod
    def _handles(worker: _Worker) -> list[Any]:
        return [worker.connection, worker.process.sentinel]

    def _start_one(self) -> None:
        worker = _Worker(self.context, self.linter)
        self.workers.append(worker)
        self._give(worker)

    def _give(self, worker: _Worker) -> None:
        if not self.waiting:
            return
        worker.index = self.waiting.popleft()
        # If it died meanwhile, its sentinel says so and the file is reported then.
        with contextlib.suppress(OSError):
            worker.connection.send(self.paths[worker.index])

    def _hear(self, worker: _Worker) -> None:
        """Take ``worker``'s answer, or note that it died and what it was checking."""
        while True:
            try:
                if not worker.connection.poll():
                    break
                result, bug = worker.connection.recv()
            except (EOFError, OSError):
                break  # its end of the pipe closed: it is gone
            if bug is not None:
                raise bug  # a bug in the worker is a bug of the run
            assert worker.index is not None
            self.done[worker.index] = result
            worker.index = None
            self._give(worker)
        if worker.process.is_alive():
            return
        worker.process.join()
        worker.connection.close()
        self.workers.remove(worker)
        if worker.index is not None:
            path = self.paths[worker.index]
            code = worker.process.exitcode
            lang = self.linter.settings.lang
            error = (
                f"{path}：未检查：检查它的进程{_ended(code, lang)}"
                if lang == "zh"
                else f"{path}: not checked: the process checking it {_ended(code, lang)}"
            )
            self.done[worker.index] = FileResult(str(path), error=error)
        if self.waiting:
            self._start_one()


def _signal_name(code: int) -> str:
    import signal

    try:
        return signal.Signals(-code).name
    except ValueError:
        return f"signal {-code}"


def _ended(code: int | None, lang: str) -> str:
    """How a worker ended, for the error of the file it was checking."""
    killed = code is not None and code < 0
    name = _signal_name(code) if code is not None and killed else ""
    if lang == "zh":
        cause = "（内存不足，或被其他进程终止）" if name == "SIGKILL" else ""
        return f"被信号{name}终止{cause}" if killed else f"已退出，退出码为{code}"
    cause = " (out of memory, or by another process)" if name == "SIGKILL" else ""
    return f"was killed by {name}{cause}" if killed else f"ended with exit code {code}"


def _context() -> BaseContext:
    import multiprocessing

    # fork starts a worker in about a millisecond with every module already imported; it
    # is safe only in a process with no other thread, and on Linux (macOS libraries are not).
    threading = sys.modules.get("threading")
    single = threading is None or threading.active_count() == 1
    if sys.platform.startswith("linux") and single:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _serve(source: Linter | Settings, connection: Connection, parent: int) -> None:
    """A worker: lint each path received until the pipe closes; answer each one.

    An answer is (FileResult, exception of a bug). An error crosses the process boundary
    as its message (in the FileResult): a subclass with its own constructor arguments
    would not unpickle.
    """
    import signal

    # Ctrl-C reaches the whole process group: the parent stops the workers. SIGTERM and
    # SIGHUP end a worker at once (a forked one inherits the parent's handlers).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    _die_with(parent)

    linter: Linter | None = None
    while True:
        try:
            path = connection.recv()
        except (EOFError, OSError):
            return
        if path is None:
            return
        try:
            linter = linter or _linter(source)
            connection.send((_lint(linter, path), None))
        except Exception as error:  # a bug: the parent reports it as one
            try:
                connection.send((None, error))
            except Exception:
                connection.send((None, RuntimeError(f"{type(error).__name__}: {error}")))


def _linter(source: Linter | Settings) -> Linter:
    from reportlint.linter import Linter

    return source if isinstance(source, Linter) else Linter(source)


def _die_with(parent: int) -> None:
    """On Linux, ask the kernel to kill this worker when its parent dies, however it dies."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        import signal

        set_parent_death_signal = 1  # PR_SET_PDEATHSIG
        ctypes.CDLL(None).prctl(set_parent_death_signal, signal.SIGKILL)
    except (OSError, AttributeError):  # pragma: no cover - no prctl
        return
    if os.getppid() != parent:
        os._exit(1)  # the parent died before the request was made
