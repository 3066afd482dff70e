"""Cut a page into what is around the report and the report itself.

From the top: the metadata table, the title and other page furniture (the header); then
the body, from the first paragraph of text or the first numbered heading; then, after the
signature or the first trailer line (扫一扫…, 相关解读), the trailer. The body's end gives
the signature (issuer and date) and the closing formula (特此报告).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reportlint.inputs.sources import furniture
from reportlint.inputs.sources.numbering import read_number
from reportlint.inputs.sources.units import SourceText
from reportlint.matching import dates
from reportlint.matching.folding import nfkc

_TITLE = re.compile(r"(?:报告|情况)\s*(?:[(（][^)）]*[)）])?$")
_TITLE_SUBJECT = re.compile(r"法治|法制|依法行政")
_CLOSING = re.compile(r"^(?:特此报告|专此报告|以上报告|特此汇报)\s*[。.!！]?$")
_ORG = re.compile(
    r"(?:人民政府|政府|委员会|委|局|办公室|办|厅|院|处|中心|办事处|管委会|司法所|所|站|队)$"
)
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_TITLE_STYLE = re.compile(r"^(?:title|标题)$", re.IGNORECASE)


@dataclass
class Zones:
    """The parts of a source, in reading order."""

    metadata: list[furniture.Entry] = field(default_factory=list)
    titles: list[SourceText] = field(default_factory=list)
    body: list[SourceText] = field(default_factory=list)
    closing: list[SourceText] = field(default_factory=list)
    issuer: SourceText | None = None
    signed: SourceText | None = None  # the date under the signature, as written
    dropped: list[SourceText] = field(default_factory=list)


def heading_level(unit: SourceText) -> int | None:
    """The outline level (0 = top) a .docx heading style gives, if any."""
    match = _HEADING_STYLE.match(unit.style or "")
    return int(match.group(1)) - 1 if match else None


def _is_title(unit: SourceText) -> bool:
    if _TITLE_STYLE.match(unit.style or ""):
        return True
    text = unit.value
    return (
        len(text) <= 80
        and "。" not in text
        and _TITLE.search(text) is not None
        and _TITLE_SUBJECT.search(text) is not None
    )


def _is_text(unit: SourceText) -> bool:
    """Running text, the first sign of the body: a sentence, or a long line."""
    return "。" in unit.value or len(unit.value) >= 40 or heading_level(unit) is not None


def whole_date(unit: SourceText) -> str | None:
    """The ISO date when ``unit`` is a date and nothing else (二〇二三年十二月二十九日 too)."""
    # A white circle (○) often stands in for the numeral zero (〇).
    text = nfkc(unit.value).replace("○", "〇").strip()
    for start, end, date in dates.find_dates(text):
        if start == 0 and end == len(text) and re.search(r"[日0-9]$", text):
            return date.isoformat()
    return None


def _is_org(unit: SourceText) -> bool:
    text = unit.value
    return len(text) <= 40 and not re.search(r"[。，,；;：:]", text) and bool(_ORG.search(text))


def split(units: list[SourceText]) -> Zones:
    """Header, body and trailer of a source's paragraphs; signature and closing found."""
    zones = Zones()
    state = "header"
    for unit in units:
        if state == "header":
            entries = furniture.metadata_row(unit)
            if entries:
                zones.metadata.extend(entries)
            elif furniture.is_trailer(unit) or furniture.is_residue(unit):
                zones.dropped.append(unit)
            elif _is_title(unit):
                zones.titles.append(unit)
            elif read_number(unit.value) is not None or _is_text(unit):
                state = "body"
                zones.body.append(unit)
            else:
                zones.dropped.append(unit)
        elif state == "body" and not furniture.is_trailer(unit):
            zones.body.append(unit)
        else:
            # Some sites put the metadata table under the text.
            state = "trailer"
            entries = furniture.metadata_row(unit)
            if entries:
                zones.metadata.extend(entries)
            else:
                zones.dropped.append(unit)
    _signature(zones)
    _closing(zones)
    return zones


def _signature(zones: Zones) -> None:
    """Issuer and date at the end of the body: "大同市云冈区人民政府" / "2023年12月29日"."""
    body = zones.body
    if len(body) < 2:
        return
    last = body[-1]
    if whole_date(last):
        zones.signed = last
        body.pop()
        if len(body) > 1 and _is_org(body[-1]):
            zones.issuer = body.pop()
        return
    # Both on one line: "大同市云冈区人民政府 2023年12月29日".
    match = re.match(r"^(.*\S)\s+(\S+)$", last.value)
    if match:
        org = last.cut(0, match.end(1))
        date = last.cut(match.start(2))
        if _is_org(org) and whole_date(date):
            zones.issuer, zones.signed = org, date
            body.pop()
            return
    # An issuer with no date, right after the closing formula.
    if _is_org(last) and _CLOSING.match(body[-2].value):
        zones.issuer = body.pop()


def _closing(zones: Zones) -> None:
    """特此报告 and whatever stands after it in the body."""
    for index in range(len(zones.body) - 1, -1, -1):
        if _CLOSING.match(zones.body[index].value):
            zones.closing = zones.body[index:]
            del zones.body[index:]
            return
