"""Numbers as reports write them: 86, ８６, 1.2万, 二十三, 两千三百, 九十五点六, 百分之百.

This is the project's one reader of Chinese numerals (dates, heading numbers and figures
all use it). A small parser of our own: cn2an does the same but takes ~0.3 s to import,
more than a whole ``reportlint check`` of one file.
"""

import functools
import re
import unicodedata
from collections.abc import Iterator
from typing import NamedTuple

DIGITS = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_LARGE_UNITS = {"万": 10_000, "亿": 100_000_000}
_SPELL = "一二三四五六七八九"

ARABIC = r"\d{1,3}(?:,\d{3})+(?![\d.])|\d+(?:\.\d+)?"
_CHINESE = "[〇零一二两三四五六七八九十百千万亿]"
# One number, as a pattern others can build on (the figure layer adds units): read a match
# with ``numeral``. The lookahead lets the many positions that hold no number fail at
# once. Few character classes: each class of Chinese characters takes ~0.2 ms to compile.
NUMBER = (
    r"(?=[\d〇零一二两三四五六七八九十百])"
    rf"(?:(?<![\d.])(?P<arabic>{ARABIC})(?P<large>万|亿)?"
    rf"|(?P<pct>百分之)?(?P<cn>{_CHINESE}+(?:点{_CHINESE}+)?))"
)
_CHINESE_CHARACTERS = "〇零一二两三四五六七八九十百千万亿点"


@functools.cache
def _number() -> re.Pattern[str]:
    # Compiled on first use: dates and heading numbers never need it.
    return re.compile(NUMBER)


class Numeral(NamedTuple):
    """A number in a text: where it is, its value, and how it was written."""

    start: int
    end: int
    value: float
    step: float  # the value of one in the last place written: 0.1 for 96.2, 1000 for 1.2万
    percent: bool  # written 百分之…
    chinese: bool  # written in Chinese numerals (or with 万/亿 after Arabic digits)


def _below_10000(text: str) -> int | None:
    """一 .. 九千九百九十九 (also 十二 and the spoken 两千三 = 2300); None if malformed."""
    total = 0
    digit: int | None = None
    last_unit = 10_000
    for char in text:
        if char in DIGITS:
            if digit is not None and digit != 0:
                return None  # two digits in a row: 十四五
            digit = DIGITS[char]
        else:
            unit = _SMALL_UNITS[char]
            if unit >= last_unit:
                return None
            if digit is None and unit != 10 and total:
                return None  # 千百
            total += (1 if digit is None else digit) * unit
            last_unit, digit = unit, None
    if digit:
        # 两千三 is 2300 and 一百五 is 150: a last digit after a unit counts a tenth of it.
        total += digit * (last_unit // 10 if last_unit < 10_000 and text[-2] != "零" else 1)
    return total


def chinese_integer(text: str) -> int | None:
    """The value of a Chinese integer; digit strings without units (二〇二三) read digit by
    digit. None when ``text`` is not a well-formed numeral."""
    if not text:
        return None
    if not any(char in _SMALL_UNITS or char in _LARGE_UNITS for char in text):
        if any(char not in DIGITS for char in text):
            return None
        return int("".join(str(DIGITS[char]) for char in text))
    for large in ("亿", "万"):
        head, found, tail = text.rpartition(large)
        if found:
            high = chinese_integer(head) if head else 1
            if high is None:
                return None
            if not tail:
                return high * _LARGE_UNITS[large]
            # 一万五 is 15000: a lone digit after 万 counts thousands.
            if len(tail) == 1 and tail in DIGITS:
                low: int | None = DIGITS[tail] * _LARGE_UNITS[large] // 10
            else:
                low = chinese_integer(tail.removeprefix("零"))
            return None if low is None else high * _LARGE_UNITS[large] + low
    if any(char not in DIGITS and char not in _SMALL_UNITS for char in text):
        return None
    return _below_10000(text)


def chinese_value(text: str) -> float | None:
    """A Chinese numeral with an optional decimal part (九十五点六 -> 95.6); 百 alone is 100."""
    if text == "百":
        return 100.0
    whole, point, fraction = text.partition("点")
    integer = chinese_integer(whole)
    if integer is None:
        return None
    if not point:
        return float(integer)
    if not fraction or any(char not in DIGITS or char == "两" for char in fraction):
        return None
    return float(f"{integer}.{''.join(str(DIGITS[char]) for char in fraction)}")


def chinese_numeral(value: int) -> str:
    """1 .. 99 in Chinese numerals (十, 十一, 二十), as heading numbers are written."""
    tens, ones = divmod(value, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _SPELL[tens - 1] + "十")
    return head + (_SPELL[ones - 1] if ones else "")


def parse(text: str) -> float | None:
    """The value of one number as written, Arabic (half- or full-width), Chinese or mixed:
    ``96.2``, ``９６．２``, ``1.2万``, ``二十三``, ``百分之九十五点六`` (95.6).

    None if ``text`` is not one number.
    """
    match = _number().fullmatch(unicodedata.normalize("NFKC", text).strip())
    found = None if match is None else numeral(match)
    return None if found is None else found.value


def find(text: str) -> Iterator[Numeral]:
    """Every number in ``text``, NFKC-normalised as report text is for matching (８６ is
    86 there); Chinese numerals that do not parse (十四五) are left out.

    Callers decide what a number is a number of: ``一`` in 进一步 is found here too.
    """
    for match in _number().finditer(text):
        found = numeral(match)
        if found is not None:
            yield found


def numeral(match: re.Match[str]) -> Numeral | None:
    """The number a match of ``NUMBER`` (or of a pattern holding it) found; None if it
    does not parse (十四五), or is part of a longer numeral or a word (百姓, 千方百计)."""
    scale = 1
    if match.group("arabic"):
        start, end = match.start("arabic"), match.end("large" if match.group("large") else "arabic")
        digits = match.group("arabic").replace(",", "")
        large = match.group("large")
        scale = _LARGE_UNITS[large] if large else 1
        value: float | None = float(digits) * scale
        written, percent, chinese = digits, False, large is not None
    else:
        written = match.group("cn")
        percent, chinese = match.group("pct") is not None, True
        start, end = match.start("pct" if percent else "cn"), match.end("cn")
        if not percent and (
            written[0] in "百千万亿" or (start and match.string[start - 1] in _CHINESE_CHARACTERS)
        ):
            return None  # a numeral starts with a digit or 十, and is not inside another
        value = chinese_value(written)
    if value is None:
        return None
    _, _, fraction = written.replace("点", ".").partition(".")
    return Numeral(start, end, value, scale / 10 ** len(fraction), percent, chinese)
