"""What a check function is given (Context) and what it gives back (Hit)."""

from __future__ import annotations

import datetime
import functools
import importlib
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, NamedTuple, Protocol

from reportlint import paths
from reportlint.errors import ReportlintError
from reportlint.text import TextBlock, text_strings

_TEMPLATE = re.compile(r"\$\{\s*([a-z_.]+)\s*(?:([+-])\s*(\d+)\s*)?\}")


class Hit(NamedTuple):
    """A place a check found: a node, or a character range of the string at ``pointer``.

    ``params`` fill the rule's message template; ``key`` points at the mapping key.
    """

    pointer: str
    start: int | None = None
    end: int | None = None
    key: bool = False
    # Mapping defaults: one shared empty dict, never written to (and picklable, for --jobs).
    params: Mapping[str, str] = {}


class SectionInfo(NamedTuple):
    key: str
    required: bool
    title: str
    phrases: str


class ProfileInfo(NamedTuple):
    name: str
    description: str
    sections: tuple[SectionInfo, ...]

    @property
    def order(self) -> list[str]:
        return [section.key for section in self.sections]


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
        from reportlint import patterncache

        return patterncache.compile(pattern, re.MULTILINE)
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


class Context:
    """The document a check looks at, with cached text blocks and template expansion."""

    def __init__(self, data: Any, profile: ProfileInfo, variables: Mapping[str, str]) -> None:
        self.data = data
        self.profile = profile
        self.variables = variables
        self._blocks: dict[tuple[str, bool], TextBlock] = {}

    def select(self, path: str) -> list[tuple[str, Any]]:
        return paths.select(self.data, path)

    def text(self, pointer: str, value: Any, *, body_only: bool = False) -> TextBlock:
        """The text at or under a node (its own heading left out with ``body_only``)."""
        cache_key = (pointer, body_only)
        block = self._blocks.get(cache_key)
        if block is None:
            block = TextBlock(list(text_strings(value, pointer, include_self=not body_only)))
            self._blocks[cache_key] = block
        return block

    def expand(self, template: str) -> str | None:
        """``${report.year + 1}-04-01`` with values from the document or the rule's loop.

        None when a value it names is missing (the schema stage reports that).
        """
        missing = False

        def substitute(match: re.Match[str]) -> str:
            nonlocal missing
            name, sign, amount = match.groups()
            value: Any = self.variables.get(name)
            if value is None:
                value = paths.resolve(self.data, name)
            if value is None or isinstance(value, (dict, list)):
                missing = True
                return ""
            if sign:
                if not isinstance(value, int) or isinstance(value, bool):
                    missing = True
                    return ""
                value = value + int(amount) if sign == "+" else value - int(amount)
            return str(value)

        expanded = _TEMPLATE.sub(substitute, template)
        return None if missing else expanded


def parse_date(value: Any) -> datetime.date | None:
    """A date from an ISO string or a date; None for anything else."""
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None
