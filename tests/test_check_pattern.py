"""``pattern``: the text of each node holds at least one match; the finding points at the
node's key."""

from __future__ import annotations

import textwrap
from pathlib import Path

from tests.conftest import REPORT_META, lint_with, make_rule

RULE = make_rule(
    "TS101",
    "pattern",
    path="sections.*",
    options={"pattern": r"持证率\d+%"},
    message="no certificate rate ({count} of {min})",
)


def report(measures: str, plans: str) -> str:
    return REPORT_META + textwrap.dedent(
        f"""\
        sections:
          measures:
            heading: 主要举措
            paragraphs:
              - {measures}
          plans:
            heading: 持证率100%的安排
            paragraphs:
              - {plans}
        """
    )


def test_a_match_anywhere_under_the_node_passes(tmp_path: Path) -> None:
    assert lint_with(tmp_path, report("全县持证率98%。", "继续推进。"), RULE) == []


def test_each_node_without_a_match_is_a_finding_at_its_key(tmp_path: Path) -> None:
    found = lint_with(tmp_path, report("全县均持证上岗。", "继续推进。"), RULE)
    assert found == [(8, 3, "TS101", "no certificate rate (0 of 1)")]


def test_full_width_text_matches_the_half_width_pattern(tmp_path: Path) -> None:
    assert lint_with(tmp_path, report("全县持证率９８％。", "继续推进。"), RULE) == []


def test_body_only_leaves_the_heading_out(tmp_path: Path) -> None:
    rule = {**RULE, "options": {**RULE["options"], "body_only": True}}
    assert lint_with(tmp_path, report("全县持证率98%。", "继续推进。"), rule) == [
        (12, 3, "TS101", "no certificate rate (0 of 1)"),
    ]
