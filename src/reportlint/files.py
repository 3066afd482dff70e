"""Files read and written safely: regular files only, bounded reads, atomic replaces."""

from __future__ import annotations

import errno
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
            " (raise it with --max-bytes)",
            zh=f"{path}：文件有{size:,}字节，超过上限{max_bytes:,}字节（可用--max-bytes调高）",
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
        raise InputError(
            f"{path!r}: cannot read: the name holds a NUL character",
            zh=f"{path!r}：无法读取：文件名含有NUL字符",
        ) from error
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
            raise _folder_error(path)
        raise InputError(
            f"{path}: not a regular file (a FIFO, socket or device)",
            zh=f"{path}：不是普通文件（而是管道、套接字或设备）",
        )
    return os.fdopen(handle, "rb"), info.st_size


def _read(stream: BinaryIO, size: int, path: Path) -> bytes:
    try:
        return stream.read(size)
    except OSError as error:
        raise _read_error(path, error) from error


def _folder_error(path: Path) -> InputError:
    return InputError(f"{path}: is a directory", zh=f"{path}：是文件夹，不是文件")


def _read_error(path: Path, error: OSError) -> InputError:
    if isinstance(error, IsADirectoryError):
        return _folder_error(path)
    if isinstance(error, FileNotFoundError):
        return InputError(f"{path}: no such file", zh=f"{path}：文件不存在")
    if isinstance(error, PermissionError):
        return InputError(
            f"{path}: cannot read: permission denied", zh=f"{path}：无法读取：没有读取权限"
        )
    return InputError(
        f"{path}: cannot read: {error.strerror or error}",
        zh=f"{path}：无法读取：{reason_zh(error)}",
    )


# The system's reasons (strerror is English whatever the locale) that a clerk may meet.
_REASONS_ZH = {
    errno.ENOSPC: "磁盘空间不足",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.EROFS: "文件系统是只读的",
    errno.ENOENT: "文件或文件夹不存在",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.ENAMETOOLONG: "文件名过长",
    errno.EISDIR: "是文件夹，不是文件",
    errno.EIO: "读写设备出错",
}


def reason_zh(error: OSError) -> str:
    """Why ``error`` happened, in Chinese; the system's own words for a rarer reason."""
    return _REASONS_ZH.get(error.errno or 0, error.strerror or str(error))


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
        raise ReportlintError(
            f"{path}: cannot write: is a directory", zh=f"{path}：无法写入：这是一个文件夹"
        )
    if info is None or stat.S_ISREG(info.st_mode):
        _replace(path, produce)
    elif only_regular:
        raise ReportlintError(
            f"{path}: cannot write: not a regular file", zh=f"{path}：无法写入：不是普通文件"
        )
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
    return ReportlintError(
        f"{path}: cannot write: {error.strerror or error}",
        zh=f"{path}：无法写入：{reason_zh(error)}",
    )


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
