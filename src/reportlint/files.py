"""Files read and written safely: regular files only, bounded reads, atomic replaces."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TextIO

from reportlint.errors import InputError, ReportlintError


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; anything else is an InputError.

    Only regular files are read: a FIFO or a device named ``x.yaml`` would block or never
    end. At most ``max_bytes`` are read, even from a file that grows meanwhile.
    """
    stream, size = _open_regular(path)
    with stream:
        raw = _read(stream, max_bytes + 1, path) if size <= max_bytes else b""
    size = max(size, len(raw))
    if size > max_bytes:
        raise InputError(
            f"{path}: file is {size:,} bytes, over the limit of {max_bytes:,} bytes"
            " (raise it with --max-bytes)"
        )
    return raw


def read_head(path: Path, size: int) -> bytes:
    """The first ``size`` bytes of a regular file (to sniff it); else an InputError.

    The file-type check comes first, so sniffing a FIFO named ``x.txt`` never blocks.
    """
    stream, _ = _open_regular(path)
    with stream:
        return _read(stream, size, path)


def is_folder(path: Path) -> bool:
    """Whether ``path`` is a folder; a name the system cannot even look up is not one.

    ``Path.is_dir`` raises for a name over the system's limit (ENAMETOOLONG); such a name
    is then read as a file, and reading it gives the error that names it.
    """
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _open_regular(path: Path) -> tuple[BinaryIO, int]:
    """An open binary stream on a regular file, and its size; anything else is refused."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused below).
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        handle = os.open(path, flags)
    except ValueError as error:  # a NUL in the name
        raise InputError(f"{path!r}: cannot read: the name holds a NUL character") from error
    except OSError as error:
        raise _read_error(path, error) from error
    try:
        info = os.fstat(handle)
    except OSError as error:
        os.close(handle)
        raise _read_error(path, error) from error
    if not stat.S_ISREG(info.st_mode):
        os.close(handle)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{path}: is a directory")
        raise InputError(f"{path}: not a regular file (a FIFO, socket or device)")
    return os.fdopen(handle, "rb"), info.st_size


def _read(stream: BinaryIO, size: int, path: Path) -> bytes:
    try:
        return stream.read(size)
    except OSError as error:
        raise _read_error(path, error) from error


def _read_error(path: Path, error: OSError) -> InputError:
    if isinstance(error, IsADirectoryError):
        return InputError(f"{path}: is a directory")
    if isinstance(error, FileNotFoundError):
        return InputError(f"{path}: no such file")
    if isinstance(error, PermissionError):
        return InputError(f"{path}: cannot read: permission denied")
    return InputError(f"{path}: cannot read: {error.strerror or error}")


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
