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


def write_atomically(
    path: Path, produce: Callable[[TextIO], None], *, only_regular: bool = False
) -> None:
    """Write what ``produce`` writes to ``path``, never leaving half a file behind.

    A regular file (or a new one) is replaced atomically: the text goes to a temporary
    file in the same folder, renamed into place at the end, so an error, Ctrl-C, SIGTERM
    or SIGHUP leaves the old file whole and no temporary behind. Anything else is written
    by opening it and never replaced: a FIFO, a device (``/dev/null``, which as root
    would otherwise become a regular file), a symlink (the file it points to is written).
    With ``only_regular`` (the cache) anything but a regular file is refused instead.
    Text that UTF-8 cannot hold (a file name that was not UTF-8) is written escaped.
    """
    try:
        info: os.stat_result | None = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise _cannot_write(path, error) from error
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise ReportlintError(f"{path}: cannot write: is a directory")
    if info is None or stat.S_ISREG(info.st_mode):
        _replace(path, produce)
    elif only_regular:
        raise ReportlintError(f"{path}: cannot write: not a regular file")
    else:
        _write_through(path, produce)


def _text_stream(handle: int) -> TextIO:
    return os.fdopen(handle, "w", encoding="utf-8", errors="backslashreplace", newline="\n")


def _replace(path: Path, produce: Callable[[TextIO], None]) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    import tempfile  # only when a file is written

    from reportlint.termination import Terminating

    with Terminating():
        try:
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        except OSError as error:
            raise _cannot_write(path, error) from error
        try:
            with _text_stream(handle) as stream:
                # mkstemp makes the file 0600; it gets the old file's mode, or the umask's.
                os.chmod(temporary, _mode_for(path))
                produce(stream)
            os.replace(temporary, path)
        except OSError as error:
            Path(temporary).unlink(missing_ok=True)
            raise _cannot_write(path, error) from error
        except BaseException:  # an error, Ctrl-C, or SIGTERM/SIGHUP (Terminated)
            Path(temporary).unlink(missing_ok=True)
            raise


def _write_through(path: Path, produce: Callable[[TextIO], None]) -> None:
    # A FIFO blocks here until a reader opens it, as a shell's `> fifo` does.
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0)
    try:
        with _text_stream(os.open(path, flags, 0o666)) as stream:
            produce(stream)
    except OSError as error:
        raise _cannot_write(path, error) from error


def _cannot_write(path: Path, error: OSError) -> ReportlintError:
    return ReportlintError(f"{path}: cannot write: {error.strerror or error}")


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
