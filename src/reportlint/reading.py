"""Reading an input file's bytes without blocking, without reading past a limit."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from reportlint.errors import InputError


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
