"""``ended-period``: a plan or outline that ended before the report year, presented as current."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from reportlint.checks.ended_period import options_model
from tests.rulekit import HEAD, lint_with

PLANS = {
    "pattern": "(?:实施|落实)“?(?P<period>十[二三四]五|[六七八]五)”?(?:规划|普法)",
    "ends": {"十三五": 2020, "十四五": 2025, "七五": 2020, "八五": 2025},
}
OUTLINE = {"pattern": r"落实《[^《》\n]{0,30}?\(\d{4}[-—](?P<end>\d{4})年\)》"}
BODY = """\
    sections:
      measures:
        heading: 主要举措和成效
        paragraphs:
          - 回顾“十三五”,深入实施“七五”普法规划,深入实施“八五”普法规划。
          - 认真落实《法治政府建设实施纲要(2015—2020年)》。
    """


def test_a_period_named_in_the_text_is_looked_up(tmp_path: Path) -> None:
    message = "{period} ended {end}, report {year}"
    found = lint_with(tmp_path, "ended-period", PLANS, BODY, message=message)
    assert found == [(11, 19, "七五 ended 2020, report 2023")]


def test_the_last_year_can_come_from_the_text(tmp_path: Path) -> None:
    found = lint_with(tmp_path, "ended-period", OUTLINE, BODY, message="{end}: {match}")
    assert found == [(12, 11, "2020: 落实《法治政府建设实施纲要(2015—2020年)》")]


@pytest.mark.parametrize(("year", "count"), [(2020, 0), (2021, 1), (2025, 1), (2026, 2)])
def test_a_period_is_current_up_to_its_last_year(tmp_path: Path, year: int, count: int) -> None:
    head = HEAD.replace("2023", str(year))
    assert len(lint_with(tmp_path, "ended-period", PLANS, BODY, head=head)) == count


def test_the_pattern_must_name_a_period_or_its_end() -> None:
    with pytest.raises(ValidationError, match=r"\(\?P<period>…\) or \(\?P<end>…\)"):
        options_model().model_validate({"pattern": "十三五"})
    with pytest.raises(ValidationError, match="needs 'ends'"):
        options_model().model_validate({"pattern": "(?P<period>十三五)"})
