"""The reference example ``examples/yungang-2023.yaml`` against its published source.

The example is the real report 大同市云冈区2023年法治政府建设年度报告
(``tests/fixtures/corpus/yungang-2023.txt``) converted to the reportlint format. These
tests read both files directly (no ``reportlint`` import) and check that the conversion
kept every paragraph of the published body, verbatim and in order, with its numbering
implied by position.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pytest
import yaml
from jsonschema import Draft202012Validator, FormatChecker  # type: ignore[import-untyped, unused-ignore]

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXAMPLE = ROOT / "examples" / "yungang-2023.yaml"
SOURCE = HERE / "fixtures" / "corpus" / "yungang-2023.txt"
SCHEMA = ROOT / "schemas" / "report.schema.json"

SECTION_KEYS = ["measures", "leadership", "shortcomings", "plans", "suggestions", "other"]

# The published body runs from the opening paragraph to 特此报告。 (inclusive); the
# metadata table above it, the signature and the page trailer below it are not body text.
BODY_FIRST = "2023年,云冈区政府"
BODY_LAST = "特此报告。"

# 一、 (section), (一) (part), 1. (item; the source once writes 2, for 2.).
NUMBER = re.compile(
    r"^(?:(?P<cn>[一二三四五六七八九十]+)、"
    r"|\((?P<paren>[一二三四五六七八九十]+)\)"
    r"|(?P<arabic>[0-9]+)[.,])"
)
CN_DIGITS = "一二三四五六七八九"

Number = tuple[int, int]  # (depth, position): depth 1 = 一、, 2 = (一), 3 = 1.


@dataclass(frozen=True)
class Unit:
    """One heading or paragraph of the example, in document order."""

    kind: Literal["heading", "paragraph"]
    text: str
    number: Number | None = None  # headings only: the number their position implies


def cn_int(numeral: str) -> int:
    """一 .. 九十九 as an int."""
    if "十" not in numeral:
        return CN_DIGITS.index(numeral) + 1
    tens, _, ones = numeral.partition("十")
    tens_value = CN_DIGITS.index(tens) + 1 if tens else 1
    ones_value = CN_DIGITS.index(ones) + 1 if ones else 0
    return tens_value * 10 + ones_value


def split_number(line: str) -> tuple[Number | None, str]:
    """The leading number of a source line (as depth and value) and the text after it."""
    match = NUMBER.match(line)
    if match is None:
        return None, line
    text = line[match.end() :]
    if match["cn"] is not None:
        return (1, cn_int(match["cn"])), text
    if match["paren"] is not None:
        return (2, cn_int(match["paren"])), text
    return (3, int(match["arabic"])), text


def source_lines() -> list[str]:
    """The non-empty lines of the published body, page furniture excluded."""
    lines = [line.strip() for line in SOURCE.read_text(encoding="utf-8").splitlines()]
    first = next(i for i, line in enumerate(lines) if line.startswith(BODY_FIRST))
    last = lines.index(BODY_LAST)
    return [line for line in lines[first : last + 1] if line]


def block_units(block: dict[str, Any], depth: int, position: int) -> list[Unit]:
    units = [Unit("heading", block["heading"], (depth, position))]
    units += [Unit("paragraph", text) for text in block.get("paragraphs", [])]
    for index, sub in enumerate(block.get("subsections", []), start=1):
        units += block_units(sub, depth + 1, index)
    return units


def document_units(doc: dict[str, Any]) -> list[Unit]:
    """Every heading and paragraph of the example, in document order."""
    units = [Unit("paragraph", text) for text in doc.get("preamble", [])]
    for position, key in enumerate(SECTION_KEYS, start=1):
        units += block_units(doc["sections"][key], 1, position)
    units += [Unit("paragraph", text) for text in doc.get("closing", [])]
    return units


def jsonable(value: Any) -> Any:
    """YAML-loaded data with dates as ISO strings, as JSON Schema sees them."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: jsonable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [jsonable(item) for item in value]
    return value


@pytest.fixture(scope="module")
def doc() -> dict[str, Any]:
    loaded = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def test_every_source_paragraph_is_in_the_example_in_order(doc: dict[str, Any]) -> None:
    units = document_units(doc)
    lines = source_lines()
    assert lines[0].startswith(BODY_FIRST)
    assert lines[-1] == BODY_LAST
    at = 0
    for line in lines:
        number, text = split_number(line)
        assert at < len(units), f"source line missing from the example: {line}"
        unit = units[at]
        if number is None:
            # An unnumbered source line is a paragraph, verbatim.
            assert unit == Unit("paragraph", text), f"expected paragraph {text!r}, got {unit}"
            at += 1
            continue
        # A numbered source line is a heading at the position its number gives ...
        assert unit.kind == "heading", f"expected heading for {line!r}, got {unit}"
        assert unit.number == number, f"{line!r} is numbered {number}, example has {unit}"
        if text == unit.text:
            at += 1
            continue
        # ... or a run-in heading: heading + 。 + the block's first paragraph.
        following = units[at + 1] if at + 1 < len(units) else None
        assert following is not None, f"run-in paragraph missing for {line!r}"
        assert following.kind == "paragraph", f"run-in paragraph missing for {line!r}"
        assert text == f"{unit.text}。{following.text}", f"{line!r} differs from {unit}"
        at += 2
    assert at == len(units), f"example has text not in the source: {units[at:]}"


def test_run_in_headings_were_split(doc: dict[str, Any]) -> None:
    # Headings never keep the 。 that ends a run-in heading, nor a number.
    for unit in document_units(doc):
        if unit.kind == "heading":
            assert "。" not in unit.text, unit
            assert NUMBER.match(unit.text) is None, unit


def test_sections_are_the_six_in_order_with_source_headings(doc: dict[str, Any]) -> None:
    assert list(doc["sections"]) == SECTION_KEYS
    headings = [doc["sections"][key]["heading"] for key in SECTION_KEYS]
    source_headings = [
        text for number, text in map(split_number, source_lines()) if number and number[0] == 1
    ]
    assert headings == source_headings
    assert headings[0] == "本年度推进法治政府建设的主要举措和成效"
    assert headings[-1] == "其他需要报告的重要事项"


def test_report_metadata(doc: dict[str, Any]) -> None:
    assert list(doc) == ["format", "report", "preamble", "sections", "closing"]
    assert doc["format"] == "reportlint/1"
    expected = {
        "title": "云冈区2023年法治政府建设年度报告",
        "issuer": "大同市云冈区人民政府",
        "kind": "government",
        "level": "county",
        "year": 2023,
        "signed_on": dt.date(2023, 12, 29),
        "published_on": dt.date(2024, 3, 8),
        "publisher": "云冈区人民政府",
        "index_no": "035200009/2024-00013",
    }
    assert doc["report"] == expected
    assert list(doc["report"]) == list(expected)


def test_metadata_agrees_with_the_source() -> None:
    text = SOURCE.read_text(encoding="utf-8")
    assert "索 引 号: 035200009/2024-00013" in text
    assert "发布机构: 云冈区人民政府" in text
    assert "发布日期: 2024-03-08" in text
    assert "标题: 云冈区2023年法治政府建设年度报告" in text
    # The signature and its date follow 特此报告。
    tail = [line.strip() for line in text.split(BODY_LAST, 1)[1].splitlines() if line.strip()]
    assert tail[:2] == ["大同市云冈区人民政府", "2023年12月29日"]


def test_example_is_valid_against_the_schema(doc: dict[str, Any]) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    errors = [error.message for error in validator.iter_errors(jsonable(doc))]
    assert errors == []


def test_each_heading_and_paragraph_is_on_one_line(doc: dict[str, Any]) -> None:
    item = re.compile(r"^ *(?:- )?(?:heading: )?(?P<value>.+)$")
    on_one_line: set[str] = set()
    for line in EXAMPLE.read_text(encoding="utf-8").splitlines():
        if not re.match(r"^ *(?:- |heading: )", line):
            continue
        match = item.match(line)
        assert match is not None
        value = yaml.safe_load(match["value"])
        if isinstance(value, str):
            on_one_line.add(value)
    for unit in document_units(doc):
        assert unit.text in on_one_line, f"not written on one line: {unit}"
