"""Writing files safely: a temporary file in the same folder, renamed into place."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from reportlint.errors import ReportlintError


def write_atomically(path: Path, produce: Callable[[TextIO], None]) -> None:
    """Write what ``produce`` writes to ``path``; an interrupted run leaves the old file whole."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise ReportlintError(f"{path}: cannot write: {error.strerror}") from error
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            # mkstemp makes the file 0600; it gets the old file's mode, or the umask's.
            os.chmod(temporary, _mode_for(path))
            produce(stream)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise ReportlintError(f"{path}: cannot write: {error.strerror}") from error
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
