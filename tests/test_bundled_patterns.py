"""The bundled packs' and profiles' patterns stay linear on pathological text.

Bundled patterns run on ``re`` with no time limit (they are trusted), so each must be safe
by construction: no branch that starts with an unbounded ``.*`` (a search then rescans
the rest of the text from every position), and no repeat that overlaps what follows it.
Each is timed on 1 MB of long repeats of its own literal pieces, the input that makes a
quadratic search show itself (a 1 MB heading of repeated 不足 took 20 s before the
profiles' ``phrases`` were anchored; a line of digits never finished under RL210).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

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
    """Where each bundled pattern is written (``RL401``, ``national:plans``) -> the pattern.

    A template such as ``${section.phrases}`` is filled from the profile, whose patterns
    are here themselves.
    """
    found: dict[str, str] = {}
    for rule in catalog.load_rules([]):
        for index, run in enumerate(rule.runs):
            pattern = run.options.get("pattern")
            if isinstance(pattern, str) and "${" not in pattern:
                found[rule.id if index == 0 else f"{rule.id}/{index}"] = pattern
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


def _cpu_seconds(compiled: re.Pattern[str], text: str) -> float:
    started = time.process_time()
    for _ in compiled.finditer(text):
        pass
    return time.process_time() - started
