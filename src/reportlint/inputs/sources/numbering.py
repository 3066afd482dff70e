"""Heading numbers of Chinese official documents: 一、 (一) 1. (1) ①, and their faults.

The levels follow GB/T 9704: 一、 above (一) above 1. above (1). Published texts also write
"一)" for "(一)" and "2," for "2."; those are read at their level and reported (RL107), as
are numbers that skip, repeat or go back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlint.inputs.sources.units import fold
from reportlint.matching import numerals

_CN = r"(?:[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_ARABIC = r"(?:[1-9][0-9]?)"

# (kind, rank, pattern, well formed); the pattern's group 1 is the number.
_FORMS: tuple[tuple[str, int, re.Pattern[str], bool], ...] = (
    ("cn-paren", 1, re.compile(rf"\(\s*({_CN})\s*\)"), True),
    ("cn-paren", 1, re.compile(rf"({_CN})\)"), False),
    ("cn", 0, re.compile(rf"({_CN})\s*、"), True),
    ("cn", 0, re.compile(rf"({_CN})\s*[,.](?![0-9])"), False),
    ("arabic-paren", 3, re.compile(rf"\(\s*({_ARABIC})\s*\)"), True),
    ("arabic-paren", 3, re.compile(rf"({_ARABIC})\)"), False),
    ("arabic", 2, re.compile(rf"({_ARABIC})\s*[.、](?![0-9.])"), True),
    ("arabic", 2, re.compile(rf"({_ARABIC})\s*,(?![0-9])"), False),
)
_CIRCLED = re.compile("[\u2460-\u2473]")  # ① .. ⑳


@dataclass(frozen=True, slots=True)
class Number:
    """The number that opens a heading, as written, and what it stands for."""

    kind: str
    rank: int  # 0 for 一、, deeper levels higher
    value: int
    end: int  # where the number (and its separator) ends in the paragraph
    written: str
    well_formed: bool

    @property
    def spelled(self) -> str:
        """The well-formed spelling of this number."""
        return spell(self.kind, self.value)


def cn_value(numeral: str) -> int:
    """一 .. 九十九 as an int."""
    value = numerals.chinese_integer(numeral)
    if value is None:
        raise ValueError(f"not a Chinese numeral: {numeral!r}")
    return value


def cn_numeral(value: int) -> str:
    """1 .. 99 in Chinese numerals (十, 十一, 二十)."""
    return numerals.chinese_numeral(value)


def spell(kind: str, value: int) -> str:
    """The well-formed number of ``kind`` for ``value``."""
    if kind == "cn":
        return f"{cn_numeral(value)}、"
    if kind == "cn-paren":
        return f"({cn_numeral(value)})"
    if kind == "arabic":
        return f"{value}."
    if kind == "arabic-paren":
        return f"({value})"
    return chr(0x2460 + value - 1)


def read_number(text: str) -> Number | None:
    """The heading number at the start of ``text`` (already stripped), if there is one."""
    if _CIRCLED.match(text):
        return Number("circled", 4, ord(text[0]) - 0x2460 + 1, 1, text[0], True)
    head = fold(text[:12])
    for kind, rank, pattern, well_formed in _FORMS:
        match = pattern.match(head)
        if match is None:
            continue
        digits = match.group(1)
        value = int(digits) if digits.isdigit() else cn_value(digits)
        written = text[: match.end()]
        return Number(kind, rank, value, match.end(), written, well_formed)
    return None


@dataclass(frozen=True, slots=True)
class Fault:
    """A numbering fault, in English and Chinese."""

    en: str
    zh: str


def _zh(spelled: str) -> str:
    # A number a Chinese message asks for is written as a 公文 writes it: （一）, （1）.
    return spelled.replace("(", "（").replace(")", "）")


def malformed(number: Number) -> Fault:
    return Fault(
        f'heading number "{number.written}" is malformed; write "{number.spelled}"',
        f"标题编号“{number.written}”格式不正确，应为“{_zh(number.spelled)}”",
    )


def out_of_sequence(number: Number, previous: int | None, continued: int | None) -> Fault | None:
    """The fault of ``number`` after its previous sibling's value (None: it comes first).

    A first number may restart at 1 or continue the count of the part before (some
    reports number their 1. 2. 3. straight through a section); both are accepted.
    """
    value, kind, written = number.value, number.kind, number.written.strip()
    if previous is None:
        if value == 1 or (continued is not None and value == continued + 1):
            return None
        first = spell(kind, 1)
        return Fault(
            f'heading number "{written}" should start at "{first}"',
            f"标题编号“{written}”应从“{_zh(first)}”开始",
        )
    if value == previous + 1:
        return None
    before = spell(kind, previous)
    if value == previous:
        return Fault(
            f'heading number "{written}" repeats the one before it',
            f"标题编号“{written}”与上一个编号重复",
        )
    if value > previous + 1:
        missing = spell(kind, previous + 1)
        return Fault(
            f'heading number "{written}" follows "{before}": "{missing}" is skipped',
            f"标题编号“{written}”排在“{_zh(before)}”之后，跳过了“{_zh(missing)}”",
        )
    return Fault(
        f'heading number "{written}" follows "{before}": out of sequence',
        f"标题编号“{written}”排在“{_zh(before)}”之后，顺序错误",
    )
