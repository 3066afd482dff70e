"""SIGTERM and SIGHUP as an exception, so that what is half done can be undone.

By default either signal ends the process on the spot: a temporary file being written
stays behind, and ``--jobs`` workers live on. Inside ``Terminating()`` they raise
``Terminated`` instead, which unwinds like Ctrl-C does (``finally`` blocks run), and the
command line turns it into one line and exit code 128 + the signal's number.
"""

from __future__ import annotations

import signal
from types import FrameType, TracebackType

SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class Terminated(BaseException):
    """A terminating signal arrived (a BaseException, as KeyboardInterrupt is)."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"terminated by {signal.Signals(signum).name}")
        self.signum = signum


def _raise(signum: int, frame: FrameType | None) -> None:
    raise Terminated(signum)


class Terminating:
    """Within this block SIGTERM and SIGHUP raise ``Terminated``.

    Only signals left at their default action are taken over: one a caller ignores
    (``nohup`` ignores SIGHUP) or handles itself stays as it is. Blocks nest; outside
    the main thread (where Python cannot set handlers) nothing changes.
    """

    def __init__(self) -> None:
        self._previous: dict[int, object] = {}

    def __enter__(self) -> Terminating:
        for signum in SIGNALS:
            try:
                if signal.getsignal(signum) == signal.SIG_DFL:
                    self._previous[signum] = signal.signal(signum, _raise)
            except ValueError:  # not the main thread
                break
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        for signum, previous in self._previous.items():
            signal.signal(signum, previous)  # type: ignore[arg-type]
        self._previous.clear()
