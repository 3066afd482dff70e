"""Compiling the patterns rules use: bundled ones on ``re``, others time-limited on ``regex``."""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Iterable, Iterator
from typing import Any, Protocol

from reportlint.errors import ReportlintError

# Longest one search of one text may take with a pattern from outside the bundled packs.
REGEX_TIMEOUT = 2.0

# Patterns of the bundled packs and profiles: run on ``re``, fast to import, no time limit.
_TRUSTED: set[str] = set()


class Matcher(Protocol):
    """What checks need of a compiled pattern (``re.Pattern`` or a time-limited one)."""

    def finditer(self, string: str) -> Iterator[re.Match[str]]: ...


class PatternError(ReportlintError):
    """A rule's pattern failed on a text: it timed out, or (expanded) it does not compile."""

    def __init__(self, pattern: str, problem: str) -> None:
        shown = pattern if len(pattern) <= 60 else pattern[:59] + "…"
        super().__init__(f"pattern {shown!r} {problem}")
        self.pattern = pattern


def trust(patterns: Iterable[str]) -> None:
    """Mark the bundled packs' patterns as safe to run without a time limit."""
    _TRUSTED.update(patterns)
    regex.cache_clear()


@functools.lru_cache(maxsize=512)
def regex(pattern: str) -> Matcher:
    """Compiled once per run, however many rules and files use it.

    A pattern not known to be bundled (a user's pack or profile, a config override, a
    template filled from the document) runs on the ``regex`` module with a time limit, so
    one that backtracks catastrophically stops with a PatternError instead of hanging.
    """
    if pattern in _TRUSTED:
        return re.compile(pattern, re.MULTILINE)
    return _TimedPattern(pattern)


class _TimedPattern:
    def __init__(self, pattern: str) -> None:
        module: Any = importlib.import_module("regex")
        self.pattern = pattern
        try:
            self._compiled = module.compile(pattern, module.MULTILINE | module.VERSION0)
        except module.error as error:
            raise PatternError(pattern, f"does not compile: {error}") from error

    def finditer(self, string: str) -> Iterator[re.Match[str]]:
        try:
            yield from self._compiled.finditer(string, timeout=REGEX_TIMEOUT)
        except TimeoutError as error:
            raise PatternError(
                self.pattern,
                f"took longer than {REGEX_TIMEOUT:g} s on one text and was stopped; "
                "rewrite it so it cannot backtrack catastrophically",
            ) from error
