"""The bundled packs' and profiles' patterns stay linear on pathological text.

Bundled patterns run on ``re`` with no time limit (they are trusted), so each must be safe
by construction: no branch that starts with an unbounded ``.*`` (a search then rescans
the rest of the text from every position), and no repeat that overlaps what follows it.
Each is timed on 1 MB of long repeats of its own literal pieces, the input that makes a
quadratic search show itself (a 1 MB heading of repeated 不足 took 20 s before the
profiles' ``phrases`` were anchored; a line of digits never finished under RL210).

They must also be quick to skip through. ``re`` jumps to the next place a match can start
only when a pattern begins with a literal, a class, or an alternation of literals; one
that begins with a lookbehind, an optional part or a group of words is tried at every
position of every text, 2-4 times slower. Such a pattern starts with a lookahead of the
characters a match can start with, ``(?=[…])(?:…)``, and each such guard must name all of
them (or it would hide matches).
"""

from __future__ import annotations

import importlib
import re
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest

from reportlint import resources
from reportlint.matching import regex
from reportlint.packs import catalog

MEGABYTE = 1_000_000
# CPU seconds one search over 1 MB may take. Linear patterns take 0.01-1.7 s here (the
# most is RL401 on 1 MB of 率: ten name lengths times nine gaps at each place); a
# quadratic one takes minutes. CPU time, so that other work on the machine does not count.
LIMIT = 4.0
# Inputs whose 64 KB run takes less than this are done: even a quadratic search would
# then take about 2 s on 1 MB (16 times the text, 256 times the work at most).
SCREEN = 0.008


def _bundled() -> dict[str, str]:
    """Where each bundled pattern is written (``RL401``, ``RL206/1``, ``RL212.against_pattern``,
    ``national:plans``) -> the pattern.

    A template such as ``${section.phrases}`` is filled from the profile, whose patterns
    are here themselves.
    """
    found: dict[str, str] = {}
    for rule in catalog.load_rules([]):
        for index, run in enumerate(rule.runs):
            place = rule.id if index == 0 else f"{rule.id}/{index}"
            for key, pattern in run.options.items():
                if pattern in catalog.pattern_options(run.options) and "${" not in pattern:
                    found[place if key == "pattern" else f"{place}.{key}"] = pattern
    for path in sorted(resources.profiles_dir().glob("*.yaml")):
        for section in catalog.load_profile(str(path)).sections:
            found[f"{path.stem}:{section.key}"] = section.phrases
    return found


PATTERNS_BY_PLACE = _bundled()
# Each distinct pattern once, named by the places that write it.
PATTERNS = {
    pattern: ",".join(place for place, p in PATTERNS_BY_PLACE.items() if p == pattern)
    for pattern in dict.fromkeys(PATTERNS_BY_PLACE.values())
}
_NOT_LITERAL = re.compile(r"\(\?P<\w+>|\(\?<?[=!:]|\\[dDsSwWbBnt]|\{\d*,?\d*\}")


def pieces(pattern: str) -> list[str]:
    """The literal runs written in ``pattern`` (and in its character classes)."""
    text = _NOT_LITERAL.sub(" ", pattern)
    return sorted({piece for piece in re.findall(r"[^\[\](){}|?*+^$.\\\s]+", text)})


def inputs(pattern: str) -> Iterator[str]:
    """Units to repeat: each literal piece, all of them, digits, a year and a space."""
    parts = pieces(pattern)
    yield from parts
    yield "".join(parts)
    yield " ".join(parts) + " 1 "
    yield from ("1", "2023 ", "1.", " ", "X")


def top_level_branches(pattern: str) -> list[str]:
    """``pattern`` split at the ``|`` that are outside groups and classes."""
    branches, depth, start, index, in_class = [], 0, 0, 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[index + 1 : index + 2] == "]":
                index += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(pattern[start:index])
            start = index + 1
        index += 1
    return [*branches, pattern[start:]]


def test_the_bundled_patterns_are_found() -> None:
    assert len(PATTERNS) >= 25
    assert "${section.phrases}" not in PATTERNS
    assert {"RL210", "RL401", "six-section:shortcomings", "national:shortcomings"} <= set(
        PATTERNS_BY_PLACE
    )


def test_top_level_branches_respect_groups_and_classes() -> None:
    assert top_level_branches(r"a|(?:b|c)[|]\||d") == ["a", r"(?:b|c)[|]\|", "d"]


@pytest.mark.parametrize("pattern", sorted(PATTERNS), ids=lambda p: PATTERNS[p])
def test_no_branch_searches_with_an_unanchored_dot_star(pattern: str) -> None:
    # `.*`/`.+` in a branch that may start anywhere rescans the line from every start.
    for branch in top_level_branches(pattern):
        if re.search(r"(?<!\\)\.[*+]", branch):
            assert branch.startswith("^"), f"{PATTERNS[pattern]}: {branch!r}"


@pytest.mark.parametrize("pattern", sorted(PATTERNS), ids=lambda p: PATTERNS[p])
def test_pattern_is_linear_on_repeats_of_its_own_pieces(pattern: str) -> None:
    regex.trust([pattern])
    compiled = regex.regex(pattern)
    assert isinstance(compiled, re.Pattern)  # bundled: plain `re`, no time limit
    for unit in dict.fromkeys(inputs(pattern)):
        size = len(unit.encode("utf-8"))
        screened = _cpu_seconds(compiled, unit * max(1, 65_536 // size))
        if screened < SCREEN:
            continue
        spent = _cpu_seconds(compiled, unit * (MEGABYTE // size))
        assert spent < LIMIT, f"{PATTERNS[pattern]} took {spent:.1f} s on 1 MB of {unit!r}"


def test_the_slow_shapes_of_before_would_be_caught() -> None:
    # The unanchored phrase pattern the profiles had: quadratic on a line of 不足.
    old = "(?:不足|问题|短板|差距).*原因|原因.*(?:不足|问题|短板|差距)"
    assert not top_level_branches(old)[0].startswith("^")
    assert _cpu_seconds(re.compile(old, re.MULTILINE), "不足" * 8_000) > 10 * _cpu_seconds(
        re.compile(PATTERNS_BY_PLACE["six-section:shortcomings"], re.MULTILINE), "不足" * 8_000
    )


@pytest.mark.parametrize(
    ("heading", "matches"),
    [
        ("2023年法治政府建设存在的不足和原因", True),
        ("存在的问题及原因分析", True),
        ("原因与差距", True),
        ("存在的问题", False),
        ("原因", False),
        ("不足\n原因", False),  # one line: the old `.*` did not cross a line either
    ],
)
def test_the_anchored_phrases_match_as_before(heading: str, matches: bool) -> None:
    old = "(?:不足|问题|短板|差距).*原因|原因.*(?:不足|问题|短板|差距)"
    for place in ("six-section:shortcomings", "national:shortcomings"):
        new = re.compile(PATTERNS_BY_PLACE[place], re.MULTILINE)
        assert (new.search(heading) is not None) is matches
        assert (re.search(old, heading, re.MULTILINE) is not None) is matches


# The parser and opcodes of ``re`` (``sre_parse`` before Python 3.11).
_NEW = sys.version_info >= (3, 11)
codes: Any = importlib.import_module("re._constants" if _NEW else "sre_constants")
parser: Any = importlib.import_module("re._parser" if _NEW else "sre_parse")

# (?=[行出汇])(?:…) or (?=\d)(?:…)
_GUARD = re.compile(
    r"\(\?=(?:\[(?P<first>(?:\\.|[^\]\\])+)\]|(?P<digit>\\d))\)\(\?:(?P<rest>.*)\)", re.DOTALL
)
_ZERO_WIDTH = (codes.AT, codes.ASSERT, codes.ASSERT_NOT)
_REPEATS = (codes.MAX_REPEAT, codes.MIN_REPEAT, getattr(codes, "POSSESSIVE_REPEAT", None))


def first_characters(items: Any) -> tuple[set[str] | None, bool]:
    """The characters a match of the parsed ``items`` can start with (``\\d`` for any digit;
    None when they cannot be listed), and whether the items can match the empty string."""
    chars: set[str] = set()
    for op, argument in items:
        if op is codes.LITERAL:
            return chars | {chr(argument)}, False
        if op is codes.IN:
            for kind, value in argument:
                if kind is codes.LITERAL:
                    chars.add(chr(value))
                elif kind is codes.RANGE and value[1] - value[0] < 100:
                    chars.update(map(chr, range(value[0], value[1] + 1)))
                elif kind is codes.CATEGORY and value is codes.CATEGORY_DIGIT:
                    chars.add("\\d")
                else:
                    return None, False  # a negated class, \w, \s, a wide range
            return chars, False
        if op in _ZERO_WIDTH:
            continue
        if op is codes.SUBPATTERN:
            if argument[1] or argument[2]:
                return None, False  # inline flags such as (?i:…)
            found, empty = first_characters(argument[-1])
        elif op is codes.BRANCH:
            found, empty = set(), False
            for branch in argument[1]:
                branch_chars, branch_empty = first_characters(branch)
                if branch_chars is None:
                    return None, False
                found |= branch_chars
                empty = empty or branch_empty
        elif op in _REPEATS:
            found, empty = first_characters(argument[2])
            empty = empty or argument[0] == 0
        else:
            return None, False
        if found is None:
            return None, False
        chars |= found
        if not empty:
            return chars, False
    return chars, True


def skipped_through(items: Any) -> bool:
    """Whether ``re`` finds the start of a match by itself: the pattern begins with a
    literal, a class (also repeated: 。{2}), or an alternation of literals."""
    if not items:
        return False
    op, argument = items[0]
    if op in (codes.LITERAL, codes.IN):
        return True
    if op is codes.SUBPATTERN and not (argument[1] or argument[2]):
        return skipped_through(argument[-1])
    if op is codes.BRANCH:
        return all(branch and branch[0][0] is codes.LITERAL for branch in argument[1])
    if op in _REPEATS and argument[0] >= 1:
        return len(argument[2]) == 1 and argument[2][0][0] in (codes.LITERAL, codes.IN)
    return False


def _guard_set(text: str) -> set[str]:
    op, argument = parser.parse(f"[{text}]")[0]
    inside = [(op, argument)] if op is codes.LITERAL else argument  # [出] parses as 出
    return {"\\d" if kind is codes.CATEGORY else chr(value) for kind, value in inside}


@pytest.mark.parametrize("pattern", sorted(PATTERNS), ids=lambda p: PATTERNS[p])
def test_a_pattern_re_cannot_skip_through_starts_with_a_complete_guard(pattern: str) -> None:
    guarded = _GUARD.fullmatch(pattern)
    rest = guarded.group("rest") if guarded else pattern
    parsed = parser.parse(rest, re.MULTILINE)
    first, empty = first_characters(parsed)
    if guarded is not None:
        assert first is not None and not empty, f"{PATTERNS[pattern]}: nothing to guard"
        named = _guard_set(guarded.group("first") or guarded.group("digit"))
        missing = first - named
        assert not missing, f"{PATTERNS[pattern]}: the guard leaves out {sorted(missing)}"
    elif first is not None and not empty:
        assert skipped_through(parsed), (
            f"{PATTERNS[pattern]}: begins with neither a literal nor a class; put "
            f"(?=[{''.join(sorted(first))}]) in front"
        )


@pytest.mark.parametrize(
    ("pattern", "first"),
    [
        (r"(?<!\d)\d{4}年", {"\\d"}),
        (r"(?:行政(?:机关)?负责人)?出庭率|汇报如下", {"行", "出", "汇"}),
        (r"(?:未|没有)(?:制定)?规范", {"未", "没"}),
        (r"^\s*年", None),  # \s: not listed
        (r"[^。]{2}", None),
        (r"(?i:x)y", None),
        (r"a?b?", {"a", "b"}),  # but it may match nothing: never guarded
    ],
)
def test_first_characters(pattern: str, first: set[str] | None) -> None:
    found, empty = first_characters(parser.parse(pattern))
    assert found == first
    assert empty is (pattern == "a?b?")


def test_a_guard_that_leaves_a_character_out_is_caught() -> None:
    guarded = _GUARD.fullmatch(r"(?=[出])(?:(?:行政负责人)?出庭率|汇报如下)")
    assert guarded is not None
    first, _ = first_characters(parser.parse(guarded.group("rest")))
    assert first is not None and first - _guard_set(guarded.group("first")) == {"行", "汇"}


def _cpu_seconds(compiled: re.Pattern[str], text: str) -> float:
    started = time.process_time()
    for _ in compiled.finditer(text):
        pass
    return time.process_time() - started
