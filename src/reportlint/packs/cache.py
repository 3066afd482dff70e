"""Validated packs, profiles and configuration kept as JSON between runs: data, never code.

Validating a pack imports pydantic, which costs more than checking a report, so what
validated once is kept. An entry can only ever stand for what validation would give now:

- its key is the cache format, the reportlint version, the kind, the file's bytes and a
  digest of the source of the code that validates it (a changed model or check is a miss);
- it holds a checksum of its payload, and the payload must fit the shape the caller
  gives (``fits``): a damaged, edited or wrongly shaped entry is a miss, never a crash;
- the folder is used only when it is the user's own and no one else can write to it.

A miss validates the file afresh and rewrites the entry. Nothing read from here is run:
which patterns are trusted is decided from the bundled files themselves (``written``).
"""

from __future__ import annotations

import functools
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlint import __version__, files, resources
from reportlint.errors import ReportlintError

try:
    # BLAKE2 is built into CPython; hashlib would first load OpenSSL, a tenth of a one-file run.
    from _blake2 import blake2b as _digest
except ImportError:  # pragma: no cover - another Python
    from hashlib import blake2b as _digest

FORMAT = 2
# Far above the largest entry (the bundled packs' is ~30 KB); a bigger file is not read.
ENTRY_LIMIT = 16 * 1024 * 1024

_PACKAGE = Path(__file__).resolve().parent.parent
# The code whose behaviour decides what validation gives, relative to the package.
VALIDATING_CODE = (
    "inputs/document.py",
    "packs/loading.py",
    "packs/rulemodel.py",
    "packs/problems.py",
    "packs/catalog.py",
    "checks/*.py",
    "config/model.py",
    "matching/backtracking.py",
    "matching/conditions.py",
    "matching/dates.py",
)


def folder() -> Path | None:
    """The cache folder, made ``0700`` if missing; None when off or not safe to use.

    A folder that another user owns, or that the group or others may write to, is not
    used: whoever can write there could make entries.
    """
    path = resources.cache_dir()
    return path if path is not None and _usable(path) else None


@functools.lru_cache(maxsize=8)
def _usable(path: Path) -> bool:
    """Whether ``path`` is (made) a folder of the user's own that no one else can write.

    Asked once per folder in a process: a run reads several entries."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.stat(path)
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode) or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    return not hasattr(os, "getuid") or info.st_uid == os.getuid()


@functools.cache
def code_digest() -> str | None:
    """A digest of the validating code's source; None when it cannot be read (no cache)."""
    return digest_of_code(_PACKAGE)


def digest_of_code(package: Path) -> str | None:
    """The digest of ``VALIDATING_CODE`` under ``package`` and of the report schema
    (templates are checked against its fields)."""
    # os, not pathlib: this runs in every process that reads the cache (~0.5 ms).
    digest = _digest()
    root = str(package)
    try:
        for pattern in VALIDATING_CODE:
            folder, _, name = pattern.rpartition("/")
            names = (
                sorted(
                    entry
                    for entry in os.listdir(os.path.join(root, folder))
                    if entry.endswith(".py")
                )
                if name == "*.py"
                else [name]
            )
            for entry in names:
                with open(os.path.join(root, folder, entry), "rb") as stream:
                    digest.update(f"{folder}/{entry}".encode() + b"\0" + stream.read() + b"\0")
        with open(resources.schema_path(), "rb") as stream:
            digest.update(stream.read())
    except OSError:
        return None
    return digest.hexdigest()


def checksum(payload: bytes) -> str:
    return _digest(payload, digest_size=20).hexdigest()


def entry_path(kind: str, content: bytes) -> Path | None:
    """Where the entry for ``content`` of ``kind`` is kept (None: no usable cache)."""
    where = folder()
    code = code_digest() if where is not None else None
    if where is None or code is None:
        return None
    header = f"{FORMAT}:{__version__}:{kind}:{code}:".encode()
    return where / f"{_digest(header + content).hexdigest()[:32]}.json"


def cached(
    kind: str,
    content: bytes,
    produce: Callable[[], Any],
    fits: Callable[[Any], bool],
    *,
    use: bool = True,
) -> Any:
    """What ``produce`` returns for ``content``, kept as JSON between runs.

    ``fits`` says whether data read back has the shape ``produce`` gives; an entry that
    does not is validated afresh. ``use=False`` (``--no-cache``) neither reads nor writes.
    """
    entry = entry_path(kind, content) if use else None
    if entry is None:
        return produce()
    found = _read(entry, kind)
    if found is not None and fits(found):
        return found
    data = produce()
    _write(entry, kind, data)
    return data


def _read(entry: Path, kind: str) -> Any:
    """The payload of an entry, or None when it is missing, damaged or of another kind."""
    raw = _entry_bytes(entry)
    if raw is None:
        return None
    head, _, payload = raw.partition(b"\n")
    try:
        header = json.loads(head)
        if not isinstance(header, dict) or header.get("format") != FORMAT:
            return None
        if header.get("kind") != kind or header.get("checksum") != checksum(payload):
            return None
        return json.loads(payload)
    except (ValueError, RecursionError):
        return None


def _entry_bytes(entry: Path) -> bytes | None:
    """The bytes of a regular file of at most ENTRY_LIMIT bytes, or None.

    ``files.read_bytes`` with fewer calls: it runs for every entry of every run.
    """
    try:
        handle = os.open(
            entry, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        )
    except OSError:
        return None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or info.st_size > ENTRY_LIMIT:
            return None
        return os.read(handle, info.st_size + 1)
    except OSError:
        return None
    finally:
        os.close(handle)


def _write(entry: Path, kind: str, data: Any) -> None:
    try:
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        header = {"format": FORMAT, "kind": kind, "checksum": checksum(payload.encode())}
        text = f"{json.dumps(header)}\n{payload}"
        files.write_atomically(
            entry, lambda stream: print(text, end="", file=stream), only_regular=True
        )
    except (ReportlintError, ValueError):
        pass  # A cache that cannot be written only costs speed.
