"""Compiling the patterns rules use: bundled ones on ``re``, others time-limited on ``regex``."""

from __future__ import annotations

import functools
import importlib
import re
import time
from collections.abc import Iterable, Iterator
from typing import Any, Protocol

from reportlint.errors import ReportlintError

# Longest one search of one text may take with a pattern from outside the bundled packs.
REGEX_TIMEOUT = 2.0
# Longest all such searches together may take on one file: a pattern a little under the
# limit on each of many paragraphs would otherwise take minutes.
FILE_BUDGET = 5.0

# Patterns of the bundled packs and profiles: run on ``re``, fast to import, no time limit.
_TRUSTED: set[str] = set()

# Seconds each time-limited pattern has spent searching the current file.
_spent: dict[str, float] = {}


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


def start_file() -> None:
    """A new file: the time-limited patterns start again with the whole ``FILE_BUDGET``."""
    _spent.clear()


@functools.lru_cache(maxsize=512)
def regex(pattern: str) -> Matcher:
    """Compiled once per run, however many rules and files use it.

    A pattern not known to be bundled (a user's pack or profile, a config override, a
    template filled from the document) runs on the ``regex`` module with a time limit per
    search and a budget per file, so one that backtracks catastrophically stops with a
    PatternError instead of hanging.
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
        # The regex module's timeout holds for each search (each match found) alone, so
        # the time is also added up here, for this pattern and for all of them on the file.
        left = FILE_BUDGET - sum(_spent.values())
        if left <= 0:
            raise self._over_budget()
        limit = min(REGEX_TIMEOUT, left)
        matches = self._compiled.finditer(string, timeout=limit)
        clock = time.perf_counter
        while True:
            started = clock()
            try:
                match = next(matches, None)
            except TimeoutError as error:
                self._charge(clock() - started)
                if limit < REGEX_TIMEOUT:
                    raise self._over_budget() from error
                raise PatternError(
                    self.pattern,
                    f"took longer than {REGEX_TIMEOUT:g} s on one text and was stopped; "
                    "rewrite it so it cannot backtrack catastrophically",
                ) from error
            self._charge(clock() - started)
            if match is None:
                return
            if sum(_spent.values()) > FILE_BUDGET:
                raise self._over_budget()
            yield match

    def _charge(self, seconds: float) -> None:
        _spent[self.pattern] = _spent.get(self.pattern, 0.0) + seconds

    def _over_budget(self) -> PatternError:
        # The budget is shared: name the pattern that used most of it.
        slowest = max(_spent, key=_spent.__getitem__, default=self.pattern)
        return PatternError(
            slowest,
            f"took {_spent.get(slowest, 0.0):.1f} s in all on this file, over the budget of "
            f"{FILE_BUDGET:g} s a file for patterns from outside the bundled packs, and was "
            "stopped; rewrite it so it cannot backtrack catastrophically",
        )
