"""The one reader of numbers: Arabic, full-width, Chinese and mixed, with their spans."""

from __future__ import annotations

import datetime

import pytest

from reportlint.inputs.sources.numbering import cn_numeral, cn_value, read_number
from reportlint.matching import numerals
from reportlint.matching.dates import chinese_number, find_dates


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("86", 86),
        ("８６", 86),
        ("96.2", 96.2),
        ("９６．２", 96.2),
        ("1,268", 1268),
        ("1.2万", 12_000),
        ("3万", 30_000),
        ("2.5亿", 250_000_000),
        ("二十三", 23),
        ("十", 10),
        ("十二", 12),
        ("一百零五", 105),
        ("一百五", 150),
        ("两千三百", 2300),
        ("两千三", 2300),
        ("一万零五", 10_005),
        ("一万五", 15_000),
        ("三亿二千万", 320_000_000),
        ("九十五点六", 95.6),
        ("二〇二三", 2023),
        ("零", 0),
        ("百分之百", 100),
        ("百分之九十五点六", 95.6),
        ("百分之一百零八", 108),
    ],
)
def test_parse_reads_every_form(written: str, value: float) -> None:
    assert numerals.parse(written) == value


@pytest.mark.parametrize("written", ["十四五", "千百", "百", "abc", "", "十十", "五点"])
def test_parse_refuses_what_is_not_one_number(written: str) -> None:
    assert numerals.parse(written) is None


def test_find_gives_spans_precision_and_form() -> None:
    text = "受理86件,较上年的七十二件下降19.4%,百分之百,1.2万条,十四五"
    found = [
        (text[n.start : n.end], n.value, n.step, n.percent, n.chinese) for n in numerals.find(text)
    ]
    assert found == [
        ("86", 86, 1, False, False),
        ("七十二", 72, 1, False, True),
        ("19.4", 19.4, 0.1, False, False),
        ("百分之百", 100, 1, True, True),
        ("1.2万", 12_000, 1000, False, True),
    ]


def test_find_keeps_offsets_of_full_width_text() -> None:
    text = "出庭应诉率达到１０５％"
    [number] = numerals.find(text)
    assert (number.start, number.end, number.value) == (7, 10, 105)


@pytest.mark.parametrize(
    ("value", "spelled"), [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (99, "九十九")]
)
def test_chinese_numeral_spells_heading_numbers(value: int, spelled: str) -> None:
    assert numerals.chinese_numeral(value) == spelled
    assert numerals.chinese_integer(spelled) == value


def test_dates_and_heading_numbers_read_through_numerals() -> None:
    assert chinese_number("二〇二三") == 2023
    assert chinese_number("二十九") == 29
    assert list(find_dates("二〇二三年十二月二十九日")) == [(0, 12, datetime.date(2023, 12, 29))]
    assert (cn_value("二十三"), cn_numeral(23)) == (23, "二十三")
    number = read_number("(十二)加强队伍建设")
    assert number is not None and number.value == 12
    with pytest.raises(ValueError, match="not a Chinese numeral"):
        cn_value("十十")
