"""Inline suppressions: ``# reportlint: disable=RL305`` comments in a report YAML.

At the end of a line, ``disable=`` silences the named rules for the findings on that line
and for the node that starts there (a block scalar's text runs on below its key);
``disable-file=`` anywhere silences them for the whole file. A suppression of a rule
that ran and found nothing there is returned as unused, for RL007 to report.
"""

import functools
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from typing import NamedTuple

from reportlint.findings import Finding
from reportlint.positions import Locator, Span

MARKER = "reportlint:"
UNUSED_RULE = "RL007"
_RULE = re.compile(r"[A-Za-z0-9]+")


@functools.cache
def _comment() -> re.Pattern[str]:
    # Compiled for the first line that holds the marker: most reports have none.
    return re.compile(
        r"(?:^|\s)#\s*reportlint:\s*(?P<kind>disable-file|disable)\s*=\s*"
        r"(?P<rules>[A-Za-z0-9]+(?:\s*,\s*[A-Za-z0-9]+)*)\s*$"
    )


class Suppression(NamedTuple):
    """One rule named in one comment; ``line`` is None for ``disable-file``."""

    rule: str
    line: int | None
    span: Span  # where the rule ID is written, for the unused-suppression finding


def parse(lines: Sequence[str]) -> list[Suppression]:
    """Every suppression written in the comments of ``lines``."""
    found: list[Suppression] = []
    for number, text in enumerate(lines, start=1):
        if MARKER not in text:
            continue
        match = _comment().search(text)
        if match is None:
            continue
        scope = None if match["kind"] == "disable-file" else number
        start = match.start("rules")
        for rule in _RULE.finditer(match["rules"]):
            column = start + rule.start() + 1
            span = Span(number, column, number, column + len(rule.group()))
            found.append(Suppression(rule.group().upper(), scope, span))
    return found


def _lines_of(finding: Finding, locator: Locator) -> set[int]:
    """The lines a ``disable=`` comment may stand on to silence ``finding``."""
    lines = {finding.line}
    if finding.pointer:
        lines.add(locator.span(finding.pointer).line)
        lines.add(locator.span(finding.pointer, key=True).line)
    return lines


def _split(
    findings: Iterable[Finding], suppressions: Sequence[Suppression], locator: Locator
) -> tuple[list[Finding], set[Suppression]]:
    """The findings no suppression silences, and the suppressions that silenced one."""
    kept: list[Finding] = []
    used: set[Suppression] = set()
    whole_file = {s.rule: s for s in suppressions if s.line is None}
    by_line = {(s.line, s.rule): s for s in suppressions if s.line is not None}
    for finding in findings:
        if finding.rule in whole_file:
            used.add(whole_file[finding.rule])
            continue
        matched = [
            by_line[(line, finding.rule)]
            for line in _lines_of(finding, locator)
            if (line, finding.rule) in by_line
        ]
        if matched:
            used.update(matched)
        else:
            kept.append(finding)
    return kept, used


def silence(
    findings: Iterable[Finding],
    lines: Sequence[str],
    locator: Locator,
    *,
    active: Collection[str],
    known: Collection[str],
    unused: Callable[[Suppression], Finding],
) -> list[Finding]:
    """``findings`` less those the comments in ``lines`` silence, plus an ``unused``
    finding (RL007) for each suppression that silenced nothing.

    A suppression of a known rule that did not run (not selected) is not called unused;
    one naming no rule at all is. RL007 findings can themselves be silenced.
    """
    suppressions = parse(lines)
    if not suppressions:
        return list(findings)
    kept, used = _split(findings, suppressions, locator)
    if UNUSED_RULE in active:
        reports = [
            unused(s)
            for s in suppressions
            if s not in used and s.rule != UNUSED_RULE and (s.rule in active or s.rule not in known)
        ]
        kept.extend(_split(reports, suppressions, locator)[0])
    return kept
