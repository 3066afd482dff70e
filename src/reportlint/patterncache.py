"""Compiled regular expressions kept between runs.

``re`` parses and compiles a pattern in Python; for the bundled packs' patterns (long
alternations of Chinese phrases, wide character classes) that takes longer than checking
a report does. What it produces is a list of integers, the program ``_sre`` runs. That
program is kept in the cache folder, under a name made of the exact Python build, and
handed straight to ``_sre`` by later runs.

The ``reportlint`` command does the same for the patterns its libraries compile while it
starts (PyYAML's reader and resolver, json, tokenize: about a tenth of a one-file run):
``prime()`` puts their stored programs into ``re``'s own cache of compiled patterns before
those modules load, and ``remember()`` stores the ones it did not have yet, once a second
run has compiled them too: a library may build a pattern from a set, whose order changes
with every process (tokenize's, when pydantic or jsonschema is imported), and such a
pattern is never met again, so storing it would only grow the file that every run reads.

A program is stored only after it proved equal to what ``re.compile`` gives on this
Python (patterns compare by their program), and anything unexpected (another Python, a
damaged or missing file, changed ``re`` internals) falls back to ``re.compile``.
"""

from __future__ import annotations

import importlib
import marshal
import os
import re
import sys
import zlib
from collections.abc import Collection
from pathlib import Path
from typing import Any

_sre: Any
_compiler: Any
_parser: Any
try:
    _sre = importlib.import_module("_sre")
    # The parser and compiler behind ``re`` (named sre_* up to 3.10; those warn from 3.11).
    _compiler = importlib.import_module(
        "re._compiler" if sys.version_info >= (3, 11) else "sre_compile"
    )
    _parser = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")
except ImportError:  # pragma: no cover - not CPython
    _sre = None

# Past this many entries the file is started afresh (user patterns change over time).
_MAX_ENTRIES = 1024
# The layout of the file: (_FORMAT, programs by key, digests of library patterns met once).
_FORMAT = 2

_programs: dict[str, tuple[Any, ...]] | None = None
_seen: set[int] = set()
_file: Path | None = None


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the cached program when there is one."""
    primed = getattr(re, "_cache", None)
    if _sre is None or (isinstance(primed, dict) and (str, pattern, int(flags)) in primed):
        return re.compile(pattern, flags)  # Compiled already: primed, or earlier in the run.
    key = f"{int(flags)}:{pattern}"
    program = _load().get(key)
    if program is not None:
        try:
            compiled: re.Pattern[str] = _sre.compile(pattern, *program)
            return compiled
        except Exception:  # A damaged entry: compile as usual (and store it again).
            pass
    compiled = re.compile(pattern, flags)
    program = _program(pattern, flags, compiled)
    if program is not None:
        _store({key: program})
    return compiled


def prime() -> None:
    """Put every stored program into ``re``'s cache, as if compiled earlier in this run."""
    cache = getattr(re, "_cache", None)
    if _sre is None or not isinstance(cache, dict):
        return
    for key, program in _load().items():
        flags, _, pattern = key.partition(":")
        try:
            cache.setdefault((str, pattern, int(flags)), _sre.compile(pattern, *program))
        except Exception:
            continue  # A damaged entry: re compiles that pattern as usual.


def remember() -> None:
    """Store the programs of the patterns ``re`` compiled in this run that are not stored.

    The file is read again first: workers of a parallel run may have added to it.
    """
    global _programs
    cache = getattr(re, "_cache", None)
    if _sre is None or not isinstance(cache, dict):
        return
    _programs = None
    programs = _load()
    new: dict[str, tuple[Any, ...]] = {}
    met: set[int] = set()
    for key, compiled in list(cache.items()):
        if not (isinstance(key, tuple) and len(key) == 3 and key[0] is str):
            continue
        name = f"{int(key[2])}:{key[1]}"
        if name in programs or not isinstance(compiled, re.Pattern):
            continue
        digest = _digest(name)
        if digest not in _seen:
            met.add(digest)  # Met for the first time: stored if a later run meets it again.
            continue
        program = _program(key[1], int(key[2]), compiled)
        if program is not None:
            new[name] = program
    if new or met:
        _store(new, met)


def _digest(name: str) -> int:
    return zlib.crc32(name.encode("utf-8", "surrogatepass")) ^ (len(name) << 32)


def _program(pattern: str, flags: int, compiled: re.Pattern[str]) -> tuple[Any, ...] | None:
    """The arguments ``re`` passes ``_sre.compile``, if rebuilding them gives ``compiled``."""
    try:
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        program = (
            int(flags | parsed.state.flags),
            [int(word) for word in code],
            parsed.state.groups - 1,
            groupindex,
            tuple(indexgroup),
        )
        rebuilt = _sre.compile(pattern, *program)
    except Exception:
        return None
    return program if rebuilt == compiled and rebuilt is not compiled else None


_ENVIRONMENT = ("REPORTLINT_NO_CACHE", "REPORTLINT_CACHE_DIR", "XDG_CACHE_HOME", "HOME")
_located: tuple[tuple[str | None, ...], Path | None] | None = None


def _path() -> Path | None:
    """The cache file for this Python build, in the folder the environment names now."""
    global _located
    environment = tuple(os.environ.get(name) for name in _ENVIRONMENT)
    if _located is None or _located[0] != environment:
        from reportlint.resources import cache_dir

        folder = cache_dir()
        build = zlib.crc32(f"{sys.version}|{sys.implementation.cache_tag}|{_sre.MAGIC}".encode())
        name = f"patterns-{sys.implementation.cache_tag}-{build:08x}.marshal"
        _located = (environment, None if folder is None else folder / name)
    return _located[1]


def _load() -> dict[str, tuple[Any, ...]]:
    global _programs, _seen, _file
    path = _path()  # Looked up each time: the cache folder may change (tests, the API).
    if _programs is None or path != _file:
        _programs, _seen = {}, set()
        _file = path
        if _file is not None:
            try:
                loaded = marshal.loads(_file.read_bytes())
            except (OSError, ValueError, EOFError, TypeError):
                loaded = None
            # Anything else (another layout, damage) is started afresh.
            if isinstance(loaded, tuple) and len(loaded) == 3 and loaded[0] == _FORMAT:
                _, programs, seen = loaded
                if isinstance(programs, dict) and isinstance(seen, (set, frozenset)):
                    _programs, _seen = programs, set(seen)
    return _programs


def _store(new: dict[str, tuple[Any, ...]], met: Collection[int] = ()) -> None:
    """Add programs and digests; rewrite the file (write and rename: readers never see half)."""
    programs = _load()
    if len(programs) + len(new) > _MAX_ENTRIES:
        programs.clear()
    if len(_seen) + len(met) > _MAX_ENTRIES:
        _seen.clear()
    programs.update(new)
    _seen.update(met)
    if _file is None:
        return
    temporary = _file.with_name(f".{_file.name}.{os.getpid()}.tmp")
    try:
        _file.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(marshal.dumps((_FORMAT, programs, _seen)))
        os.replace(temporary, _file)
    except (OSError, ValueError):
        pass  # A cache that cannot be written only costs speed.
