"""``figure-range`` (RL401): a figure a rule names lies within its bounds, however written."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.errors import RulePackError
from reportlint.linter import Linter, Settings
from tests.rulekit import lint_sections as lint


def test_rates_over_100_in_digits_and_in_words() -> None:
    found = lint(
        {
            "measures": [
                "全县重大执法决定法制审核率达到110%。",
                "网上可办率百分之一百零八。",
                "重大执法决定法制审核率：110%。",
            ]
        },
        "RL401",
    )
    assert found == [
        (11, 11, "RL401", '"重大执法决定法制审核率达到110%": a rate cannot exceed 100%'),
        (12, 9, "RL401", '"网上可办率百分之一百零八": a rate cannot exceed 100%'),
        # The quote is of the folded text (NFKC), as for full-width digits.
        (13, 9, "RL401", '"重大执法决定法制审核率:110%": a rate cannot exceed 100%'),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "法制审核率百分之百。",
        "案件数量增长率为120%。",  # a growth rate may exceed 100%
        "受理案件同比增长120%。",  # a change, not a rate
        "“审核率110%”的说法不准确。",  # quoted: not a figure of the report
    ],
)
def test_what_is_not_a_rate_over_100(text: str) -> None:
    assert lint({"measures": [text]}, "RL401") == []


PACK = """\
pack: shanxi
rules:
  - id: SX102
    name: cert-rate-floor
    severity: warning
    summary: {zh: 持证率不低于95%, en: the certificate rate is at least 95%}
    message: {zh: "{match}: 低于95%", en: "{name} is {value}%, below 95%"}
    rationale: {zh: 省级指引。, en: the provincial guide.}
    basis: example
    check: figure-range
    path: sections
    options: {pattern: 持证(?:上岗)?率, min: 95, roles: [current]}
    examples:
      pass: [{}]
      fail: [{sections: {measures: {paragraphs: [持证率为90%。]}}}]
"""


def test_a_provinces_floor_ignores_targets(tmp_path: Path) -> None:
    pack = tmp_path / "shanxi.yaml"
    pack.write_text(PACK, encoding="utf-8")
    found = lint(
        {
            "measures": ["全县行政执法人员持证率为百分之九十。"],
            "plans": ["力争持证率达到90%以上。"],
        },
        "SX102",
        pack,
    )
    assert found == [(11, 17, "SX102", "持证率 is 90%, below 95%")]


def test_units_are_checked_when_the_pack_loads(tmp_path: Path) -> None:
    pack = tmp_path / "bad.yaml"
    pack.write_text(PACK.replace("min: 95,", "min: 95, units: [斤],"), encoding="utf-8")
    with pytest.raises(RulePackError, match="unknown unit '斤'"):
        Linter(Settings(extra_packs=(pack,)))


def test_a_pattern_that_backtracks_is_refused(tmp_path: Path) -> None:
    pack = tmp_path / "bad.yaml"
    pack.write_text(PACK.replace("持证(?:上岗)?率", "(持+证+)+率"), encoding="utf-8")
    with pytest.raises(RulePackError, match="exponential"):
        Linter(Settings(extra_packs=(pack,)))
