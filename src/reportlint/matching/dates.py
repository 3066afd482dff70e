"""Dates written in report text.

2023年12月29日, 2023.12.29, 2023-12-29 and 二〇二三年十二月二十九日 all mean the same date.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from typing import Any

from reportlint.matching import numerals

_ARABIC = re.compile(
    r"(?<!\d)(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*日)?"
    r"|(?<![\d.])(?P<y2>\d{4})[.\-/](?P<m2>\d{1,2})[.\-/](?P<d2>\d{1,2})(?![\d.])"
)
_CHINESE = re.compile(
    r"(?P<y>[〇零一二三四五六七八九]{4})年(?P<m>[一二三四五六七八九十]{1,2})月"
    r"(?:(?P<d>[一二三四五六七八九十]{1,3})日)?"
)


def chinese_number(text: str) -> int:
    """十二 -> 12, 二十九 -> 29, 二〇二三 -> 2023 (digit by digit when there is no 十)."""
    value = numerals.chinese_integer(text)
    if value is None:
        raise ValueError(f"not a Chinese numeral: {text!r}")
    return value


def _date(year: int, month: int, day: int | None) -> datetime.date | None:
    try:
        return datetime.date(year, month, day or 1)
    except ValueError:
        return None


def find_dates(text: str) -> Iterator[tuple[int, int, datetime.date]]:
    """(start, end, date) for each date in ``text``; a month alone means its first day."""
    for match in _ARABIC.finditer(text):
        if match.group("y"):
            year, month, day = match.group("y", "m", "d")
        else:
            year, month, day = match.group("y2", "m2", "d2")
        found = _date(int(year), int(month), int(day) if day else None)
        if found:
            yield match.start(), match.end(), found
    for match in _CHINESE.finditer(text):
        day = match.group("d")
        found = _date(
            chinese_number(match.group("y")),
            chinese_number(match.group("m")),
            chinese_number(day) if day else None,
        )
        if found:
            yield match.start(), match.end(), found


def parse_date(value: Any) -> datetime.date | None:
    """A date from an ISO string or a date; None for anything else."""
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None
