"""Files read and written safely: regular files only, bounded reads, atomic replaces."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from reportlint.errors import InputError, ReportlintError


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; anything else is an InputError.

    Only regular files are read: a FIFO or a device named ``x.yaml`` would block or never
    end. At most ``max_bytes`` are read, even from a file that grows meanwhile.
    """
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused below).
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        with os.fdopen(os.open(path, flags), "rb") as stream:
            info = os.fstat(stream.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise InputError(f"{path}: is a directory")
            if not stat.S_ISREG(info.st_mode):
                raise InputError(f"{path}: not a regular file (a FIFO, socket or device)")
            raw = stream.read(max_bytes + 1) if info.st_size <= max_bytes else b""
            size = max(info.st_size, len(raw))
    except IsADirectoryError as error:
        raise InputError(f"{path}: is a directory") from error
    except FileNotFoundError as error:
        raise InputError(f"{path}: no such file") from error
    except PermissionError as error:
        raise InputError(f"{path}: cannot read: permission denied") from error
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror}") from error
    if size > max_bytes:
        raise InputError(
            f"{path}: file is {size:,} bytes, over the limit of {max_bytes:,} bytes"
            " (raise it with --max-bytes)"
        )
    return raw


def write_atomically(path: Path, produce: Callable[[TextIO], None]) -> None:
    """Write what ``produce`` writes to ``path``; an interrupted run leaves the old file whole."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        import tempfile  # only when a file is written

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
