"""A report's data as the lines of the published document, numbered from their order.

The numbers are not stored in the YAML (format.md): here they follow from the order of
the parts, at the GB/T 9704 levels 一、 above （一） above 1. above （1）.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reportlint.matching import numerals

# The kinds of line a renderer lays out.
TITLE, HEADING, PARAGRAPH, CLOSING, ISSUER, DATE = (
    "title",
    "heading",
    "paragraph",
    "closing",
    "issuer",
    "date",
)


@dataclass(frozen=True, slots=True)
class Line:
    """One paragraph of the document: what it is, its number (headings) and its text."""

    kind: str
    text: str
    level: int = 0  # headings: 0 for 一、, 1 for （一）, 2 for 1., 3 for （1）
    number: str = ""


def heading_number(level: int, value: int) -> str:
    """The number a heading at ``level`` in position ``value`` (1-based) is written with."""
    if level == 0:
        return f"{numerals.chinese_numeral(value)}、"
    if level == 1:
        return f"（{numerals.chinese_numeral(value)}）"
    if level == 2:
        return f"{value}."
    return f"（{value}）"


def written_date(value: object) -> str | None:
    """An ISO date (a date or its text) as it stands under a signature: 2023年12月29日."""
    if isinstance(value, datetime.date):
        day = value
    elif isinstance(value, str):
        try:
            day = datetime.date.fromisoformat(value.strip())
        except ValueError:
            return None
    else:
        return None
    return f"{day.year}年{day.month}月{day.day}日"


def lines(data: Mapping[str, Any]) -> Iterator[Line]:
    """The lines of the document ``data`` (a report as loaded from its YAML) makes."""
    meta = data.get("report") or {}
    title = meta.get("title")
    if isinstance(title, str) and title.strip():
        yield Line(TITLE, title.strip())
    yield from _paragraphs(data.get("preamble"))
    sections = data.get("sections") or {}
    if isinstance(sections, Mapping):
        for position, block in enumerate(sections.values(), start=1):
            yield from _block(block, 0, position)
    for text in _texts(data.get("closing")):
        yield Line(CLOSING, text)
    issuer = meta.get("issuer")
    if isinstance(issuer, str) and issuer.strip():
        yield Line(ISSUER, issuer.strip())
    signed = written_date(meta.get("signed_on"))
    if signed is not None:
        yield Line(DATE, signed)


def _block(block: object, level: int, position: int) -> Iterator[Line]:
    if not isinstance(block, Mapping):
        return
    heading = block.get("heading")
    if isinstance(heading, str):
        yield Line(HEADING, heading.strip(), level, heading_number(level, position))
    yield from _paragraphs(block.get("paragraphs"))
    parts = block.get("subsections") or ()
    if isinstance(parts, Sequence):
        for inner, part in enumerate(parts, start=1):
            yield from _block(part, min(level + 1, 3), inner)


def _paragraphs(items: object) -> Iterator[Line]:
    for text in _texts(items):
        yield Line(PARAGRAPH, text)


def _texts(items: object) -> Iterator[str]:
    if isinstance(items, str):
        items = [items]
    if not isinstance(items, Sequence):
        return
    for item in items:
        if isinstance(item, str) and item.strip():
            # A block scalar's line breaks are not paragraph breaks; Chinese needs no space.
            yield "".join(part.strip() for part in item.strip().splitlines())
