"""Dates written in report text.

2023年12月29日, 2023.12.29, 2023-12-29 and 二〇二三年十二月二十九日 all mean the same date.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Iterator
from typing import Any

from reportlint.matching import numerals

# The lookahead lets the search skip to the next digit: a pattern that starts with a
# lookbehind has no first character for ``re`` to look for, and is tried at every position.
_ARABIC = re.compile(
    r"(?=\d)(?:(?<!\d)(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*日)?"
    r"|(?<![\d.])(?P<y2>\d{4})[.\-/](?P<m2>\d{1,2})[.\-/](?P<d2>\d{1,2})(?![\d.]))"
)
_CHINESE = re.compile(
    r"(?P<y>[〇零一二三四五六七八九]{4})年(?P<m>[一二三四五六七八九十]{1,2})月"
    r"(?:(?P<d>[一二三四五六七八九十]{1,3})日)?"
)


# Where a date that cannot exist may be: "月" before a day (4月31日, 二月三十日), or a dotted
# date (2024.4.31). Each search starts with a literal or a class, so it skips the text fast;
# the month and the year are then read back from the text before it.
@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The day, the month before it, a dotted date, the year before it (built on first use)."""
    return (
        re.compile(r"月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日"),
        re.compile(r"(?:(?<!\d)(?P<y>\d{4})\s*年\s*)?(?<![\d.\-])(?P<m>\d{1,2})\s*\Z"),
        re.compile(r"[.\-/](?P<m>\d{1,2})[.\-/](?P<d>\d{1,2})(?![\d.])"),
        re.compile(r"(?<![\d.])\d{4}\Z"),
    )


_CHINESE_MONTH = "一二三四五六七八九十"
_CHINESE_YEAR = "〇零一二三四五六七八九"


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


_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _possible(year: int | None, month: int, day: int) -> bool:
    if not 1 <= month <= 12 or not 1 <= day <= _DAYS[month - 1]:
        return False
    # Without a year, 29 February may be right: only a day no year has is impossible.
    leap = year is None or (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0))
    return leap or month != 2 or day <= 28


def _month_before(text: str, end: int) -> tuple[int, int | None, int] | None:
    """(start, year, month) of the month (and year) written just before ``end``."""
    arabic = _patterns()[1].search(text, max(0, end - 12), end)
    if arabic is not None:
        year = int(arabic.group("y")) if arabic.group("y") else None
        return arabic.start(), year, int(arabic.group("m"))
    start = end
    while start > max(0, end - 2) and text[start - 1] in _CHINESE_MONTH:
        start -= 1
    if start == end:
        return None
    month = chinese_number(text[start:end])
    digits = text[max(0, start - 5) : start - 1]
    if start >= 5 and text[start - 1] == "年" and all(char in _CHINESE_YEAR for char in digits):
        return start - 5, chinese_number(digits), month
    return start, None, month


def find_impossible_dates(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each date in ``text`` that no calendar has: 4月31日, 2023年2月29日,
    二〇二四年二月三十日, 2024.4.31. ``find_dates`` leaves these out; they are typing errors.
    """
    day_pattern, _, dotted, year_before = _patterns()
    for match in day_pattern.finditer(text):
        before = _month_before(text, match.start())
        if before is None:
            continue
        start, year, month = before
        day_text = match.group()[1:-1].strip()
        day = int(day_text) if day_text.isdigit() else chinese_number(day_text)
        if not _possible(year, month, day):
            yield start, match.end()
    for match in dotted.finditer(text):
        year_match = year_before.search(text, max(0, match.start() - 5), match.start())
        if year_match is None:
            continue
        year, month, day = int(year_match.group()), int(match.group("m")), int(match.group("d"))
        if not _possible(year, month, day):
            yield year_match.start(), match.end()


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
