"""``date-compare``: a date field, or every date written in the text, stands in relation
``op`` to a date made from a template; each date that does not is a finding."""

from __future__ import annotations

import textwrap
from pathlib import Path

from tests.conftest import REPORT_META, lint_with, make_rule

PUBLISHED = make_rule(
    "TS101",
    "date-compare",
    options={"left": "report.published_on", "op": "<", "right": "${report.year + 1}-04-01"},
    message="published {date}, not before {limit}",
)
IN_TEXT = make_rule(
    "TS102",
    "date-compare",
    path="sections",
    options={"left": "text", "op": "<=", "right": "${report.signed_on}"},
    message="{match} ({date}) is after {limit}",
)


def report(published: str, paragraph: str = "全年推进。") -> str:
    return (
        REPORT_META
        + f"  published_on: {published}\n"
        + textwrap.dedent(
            f"""\
        sections:
          measures:
            heading: 主要举措
            paragraphs:
              - {paragraph}
        """
        )
    )


def test_a_date_field_in_time(tmp_path: Path) -> None:
    assert lint_with(tmp_path, report("2024-03-31"), PUBLISHED) == []


def test_a_date_field_too_late_is_a_finding_at_its_value(tmp_path: Path) -> None:
    assert lint_with(tmp_path, report("2024-04-01"), PUBLISHED) == [
        (7, 17, "TS101", "published 2024-04-01, not before 2024-04-01"),
    ]


def test_dates_in_the_text_in_every_form(tmp_path: Path) -> None:
    paragraph = "2023年12月29日召开,2024.1.20印发,二〇二四年二月一日通报,2024年3月总结。"
    assert lint_with(tmp_path, report("2024-03-01", paragraph), IN_TEXT) == [
        (12, 35, "TS102", "二〇二四年二月一日 (2024-02-01) is after 2024-01-20"),
        (12, 47, "TS102", "2024年3月 (2024-03-01) is after 2024-01-20"),
    ]


def test_a_missing_field_skips_the_rule(tmp_path: Path) -> None:
    text = report("2024-04-02").replace("  signed_on: 2024-01-20\n", "")
    assert lint_with(tmp_path, text, IN_TEXT) == []
