"""A small heuristic for regexes that backtrack catastrophically, checked when a pack loads.

A backtracking engine (Python's ``re``) can take exponential time when one part of the
text can be matched in many ways. The two shapes that cause nearly all such cases are
looked for in the parsed pattern:

- a repeated group that holds an unbounded repeat: ``(a+)+``, ``(\\w+\\s?)*``, ``(.*x){5}``;
- an unboundedly repeated alternation whose branches can start with the same character:
  ``(a|ab)*``, ``(\\d|\\d\\.)+``.

Possessive repeats and atomic groups (``a++``, ``(?>...)``) never backtrack and are
allowed. The heuristic misses polynomial shapes such as ``.*.*.*x``; the time limit on
patterns from outside the bundled packs (``matching.regex``) bounds those.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

# The parser behind ``re``; ``sre_parse`` (3.10) warns on import from 3.11 on.
_parser: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")

_REPEATS = frozenset({_parser.MAX_REPEAT, _parser.MIN_REPEAT})
_NO_BACKTRACK = frozenset(
    getattr(_parser, name)
    for name in ("POSSESSIVE_REPEAT", "ATOMIC_GROUP")
    if hasattr(_parser, name)
)
_UNBOUNDED = _parser.MAXREPEAT

# First characters a branch can start with: (low, high) code point ranges; None = any.
_Ranges = list[tuple[int, int]] | None


def catastrophic_shape(pattern: str) -> str | None:
    """Why ``pattern`` may backtrack catastrophically, or None when no known shape is found.

    ``pattern`` must compile; the caller reports compile errors itself.
    """
    return _scan(list(_parser.parse(pattern)), repeated=False, unbounded=False)


def _scan(items: list[tuple[Any, Any]], *, repeated: bool, unbounded: bool) -> str | None:
    """Walk parsed ``items``; ``repeated``/``unbounded``: inside a repeat of max > 1 / max ∞."""
    for op, av in items:
        found: str | None = None
        if op in _NO_BACKTRACK:
            continue
        if op in _REPEATS:
            _, high, body = av
            if repeated and high == _UNBOUNDED:
                return "a repeated group holds an unbounded repeat, as in (a+)+"
            found = _scan(
                list(body),
                repeated=repeated or high > 1,
                unbounded=unbounded or high == _UNBOUNDED,
            )
        elif op == _parser.SUBPATTERN:
            found = _scan(list(av[-1]), repeated=repeated, unbounded=unbounded)
        elif op == _parser.BRANCH:
            branches = [list(branch) for branch in av[1]]
            if unbounded and _overlapping(branches):
                return "a repeated alternation has branches that start alike, as in (a|ab)*"
            for branch in branches:
                found = found or _scan(branch, repeated=repeated, unbounded=unbounded)
        elif op in (_parser.ASSERT, _parser.ASSERT_NOT):
            found = _scan(list(av[1]), repeated=repeated, unbounded=unbounded)
        elif op == _parser.GROUPREF_EXISTS:
            for branch in av[1:]:
                if branch is not None:
                    found = found or _scan(list(branch), repeated=repeated, unbounded=unbounded)
        if found:
            return found
    return None


def _overlapping(branches: list[list[tuple[Any, Any]]]) -> bool:
    firsts = [_first(branch) for branch in branches]
    for index, one in enumerate(firsts):
        for other in firsts[index + 1 :]:
            if one is None or other is None:
                return True
            if any(lo <= o_hi and o_lo <= hi for lo, hi in one for o_lo, o_hi in other):
                return True
    return False


def _first(items: list[tuple[Any, Any]]) -> _Ranges:
    """The characters a branch can start with; None when unknown, any, or possibly empty."""
    if not items:
        return None
    op, av = items[0]
    if op == _parser.LITERAL:
        return [(av, av)]
    if op == _parser.IN:
        ranges: list[tuple[int, int]] = []
        for item_op, item_av in av:
            if item_op == _parser.LITERAL:
                ranges.append((item_av, item_av))
            elif item_op == _parser.RANGE:
                ranges.append(item_av)
            else:  # NEGATE, CATEGORY (\d, \w, ...): too wide to reason about here.
                return None
        return ranges
    if op == _parser.SUBPATTERN:
        return _first(list(av[-1]))
    if op in _REPEATS and av[0] >= 1:
        return _first(list(av[2]))
    return None
