"""Inline suppressions and the unused-suppression report (RL007)."""

from __future__ import annotations

import pytest

from reportlint.api import check_text
from reportlint.engine.suppressions import Suppression, parse
from reportlint.findings import Severity
from reportlint.linter import Settings
from reportlint.positions import Span
from tests.conftest import MEASURES_HEAD

HEAD = MEASURES_HEAD

Found = tuple[int, int, str, str]

P = "      - "  # a paragraph of measures, which starts on line 11


def lint(*lines: str, select: str = "RL007,RL305,RL401") -> list[Found]:
    text = HEAD + "".join(line + "\n" for line in lines)
    settings = Settings(select=tuple(select.split(",")))
    return [(f.line, f.column, f.rule, f.message) for f in check_text(text, settings=settings)]


def unused(line: int, text: str, rule: str) -> Found:
    """RL007 at ``rule`` as written in ``text``, the ``line``-th line of the report."""
    message = f"the suppression of {rule} silences nothing here; remove it"
    return (line, text.rindex(rule) + 1, "RL007", message)


PARTIAL = P + "截至11月份共受理行政复议案件12件。"
SINCE = P + "今年以来共办理案件3件。"
WHOLE = P + "全年共受理行政复议案件12件。"
RL305_PARTIAL = (11, 9, "RL305", 'figures "截至11月份" do not cover the whole year')


def since(line: int) -> Found:
    return (line, 9, "RL305", 'figures "今年以来" do not cover the whole year')


def test_without_suppressions() -> None:
    assert lint(PARTIAL, SINCE) == [RL305_PARTIAL, since(12)]


def test_disable_silences_the_rule_on_its_line_only() -> None:
    assert lint(PARTIAL + "  # reportlint: disable=RL305", SINCE) == [since(12)]


def test_disable_names_several_rules_and_leaves_others() -> None:
    second = P + "法制审核率达到120%。  # reportlint: disable=RL305"
    assert lint(
        P + "截至11月份,法制审核率达到110%。  # reportlint: disable=RL401, RL305", second
    ) == [
        (12, 9, "RL401", '"法制审核率达到120%": a rate cannot exceed 100%'),
        unused(12, second, "RL305"),
    ]


def test_disable_on_a_block_scalar_covers_its_text_below() -> None:
    block = [
        P + "|  # reportlint: disable=RL305",
        "        全年共受理案件12件,",
        "        截至11月份审结11件。",
    ]
    assert lint(*block, SINCE) == [since(14)]


def test_disable_file_silences_the_rule_everywhere() -> None:
    assert lint(PARTIAL, SINCE, "# reportlint: disable-file=RL305") == []
    assert lint("# reportlint: disable-file=RL305", PARTIAL, SINCE) == []


def test_a_suppression_that_silences_nothing_is_reported() -> None:
    first = WHOLE + "  # reportlint: disable=RL305"
    last = "# reportlint: disable-file=RL401,RL999"
    assert lint(first, SINCE, last) == [
        unused(11, first, "RL305"),
        since(12),
        unused(13, last, "RL401"),
        unused(13, last, "RL999"),
    ]


def test_a_rule_that_did_not_run_is_not_called_unused() -> None:
    assert lint(WHOLE + "  # reportlint: disable=RL210") == []


def test_unused_suppressions_can_be_silenced_too() -> None:
    second = P + "全年共办理案件3件。  # reportlint: disable=RL305"
    last = "# reportlint: disable-file=RL401"
    lines = [WHOLE + "  # reportlint: disable=RL305,RL007", second, last]
    assert lint(*lines) == [unused(12, second, "RL305"), unused(13, last, "RL401")]
    assert lint(*lines, "# reportlint: disable-file=RL007") == []


def test_unused_suppressions_are_not_reported_when_rl007_is_ignored() -> None:
    assert lint(WHOLE + "  # reportlint: disable=RL305", select="RL305") == []


def test_severity_of_rl007_can_be_changed() -> None:
    text = HEAD + WHOLE + "  # reportlint: disable=RL305\n"
    settings = Settings(select=("RL007", "RL305"), severities={"RL007": Severity.WARNING})
    [finding] = check_text(text, settings=settings)
    assert (finding.rule, finding.severity, finding.line) == ("RL007", Severity.WARNING, 11)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("a: b  # reportlint: disable=RL305", [Suppression("RL305", 1, Span(1, 29, 1, 34))]),
        (
            "#reportlint:disable-file=rl1,RL2 ",
            [
                Suppression("RL1", None, Span(1, 26, 1, 29)),
                Suppression("RL2", None, Span(1, 30, 1, 33)),
            ],
        ),
        ('a: "text # reportlint: disable=RL305"', []),
        ("a: b # reportlint: disable=RL305 and more", []),
        ("a: b # reportlint: enable=RL305", []),
        ("a: b#reportlint: disable=RL305", []),
    ],
)
def test_parse(line: str, expected: list[Suppression]) -> None:
    assert parse([line]) == expected
