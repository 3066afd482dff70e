"""``impossible-date``: dates no calendar has, in Arabic and Chinese numerals."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.matching.dates import find_impossible_dates
from tests.rulekit import lint_with


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("2024年4月31日印发", ["2024年4月31日"]),
        ("4月31日召开", ["4月31日"]),
        ("2023年2月29日", ["2023年2月29日"]),
        ("2100年2月29日", ["2100年2月29日"]),
        ("二〇二四年二月三十日", ["二〇二四年二月三十日"]),
        ("2024.4.31", ["2024.4.31"]),
        ("13月5日", ["13月5日"]),
        # Dates that exist, and things that are not dates.
        ("2024年2月29日", []),
        ("2000年2月29日", []),
        ("2月29日", []),
        ("十二月三十一日", []),
        ("1-10月31日前", []),
        ("2021-2025年", []),
    ],
)
def test_impossible_dates_are_found(text: str, found: list[str]) -> None:
    assert [text[start:end] for start, end in find_impossible_dates(text)] == found


def test_the_finding_points_at_the_date(tmp_path: Path) -> None:
    body = """\
        sections:
          measures:
            heading: 主要举措和成效
            paragraphs:
              - 2023年3月1日制定方案,2023年4月31日印发。
        """
    assert lint_with(tmp_path, "impossible-date", {}, body) == [(11, 23, "2023年4月31日")]
