"""Paragraphs of a source -> the report data of format.md, its locator, and what was left.

The Document it gives is the one ``load_yaml`` gives for the YAML the importer would write,
except that its positions point into the source and its problems include the numbering
faults (RL107) and unplaced headings (RL104) that only a source shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from reportlint import positions
from reportlint.inputs.document import Document, LoadProblem
from reportlint.inputs.sources import furniture, outline, zones
from reportlint.inputs.sources.locator import Anchor, SourceLocator
from reportlint.inputs.sources.units import SourceText, fold
from reportlint.matching import dates
from reportlint.positions import Span

FORMAT = "reportlint/1"
SECTION_KEYS = ("measures", "leadership", "shortcomings", "plans", "suggestions", "other")
_FIELDS_ZH = {"title": "标题", "issuer": "报告机关", "year": "报告年度", "signed_on": "成文日期"}
_META_ORDER = ("title", "issuer", "year", "signed_on", "published_on", "publisher", "index_no")
_REQUIRED = ("title", "issuer", "year", "signed_on")
_YEAR = re.compile(r"((?:19|20)[0-9]{2})\s*年")
_ISSUER_IN_TITLE = re.compile(r"^(.{2,40}?(?:人民政府|政府|委员会|局|办公室|厅))(?=关于|[0-9])")


@dataclass(frozen=True, slots=True)
class Note:
    """Something the importer could not place or find, for the user to see."""

    span: Span | None
    message: str
    message_zh: str = ""

    def say(self, lang: str) -> str:
        return self.message_zh if lang == "zh" and self.message_zh else self.message


@dataclass
class Imported:
    """A source read as a report: the Document, what could not be placed, what was dropped."""

    document: Document
    notes: list[Note]
    dropped: list[SourceText]


@dataclass(frozen=True, slots=True)
class _Value:
    value: str | int
    text: SourceText
    exact: bool


def assemble(units: list[SourceText], path: str, lines: list[str]) -> Imported:
    """The report in ``units`` (the paragraphs of a source file named ``path``)."""
    parts = zones.split(units)
    body = outline.build(parts.body)
    notes: list[Note] = []
    meta = _metadata(parts, body, notes)
    anchors: dict[str, Anchor] = {"/format": Anchor(SourceText.at("", 1, 1), False)}
    problems: list[LoadProblem] = []
    data: dict[str, Any] = {"format": FORMAT}

    report: dict[str, Any] = {}
    for key in _META_ORDER:
        if key in meta:
            found = meta[key]
            report[key] = found.value
            anchors[f"/report/{key}"] = Anchor(found.text, found.exact)
    data["report"] = report
    # What the report block lacks is shown at its title, or at the top of the file.
    anchors["/report"] = anchors.get("/report/title", Anchor(SourceText.at("", 1, 1), False))
    missing = [key for key in _REQUIRED if key not in report]
    if missing:
        fields = ", ".join(f"report.{key}" for key in missing)
        named = "、".join(f"{_FIELDS_ZH[key]}（report.{key}）" for key in missing)
        notes.append(
            Note(
                None,
                f"not found in the source, fill in: {fields}",
                f"原文中未找到，请补填：{named}",
            )
        )

    if body.preamble:
        data["preamble"] = _texts(body.preamble, "/preamble", anchors)
    sections: dict[str, Any] = {}
    for key, block in body.sections:
        sections[key] = _block(block, f"/sections/{key}", anchors, problems)
    data["sections"] = sections
    if body.sections:
        anchors["/sections"] = anchors[f"/sections/{body.sections[0][0]}"]
    else:
        notes.append(
            Note(
                None,
                "no numbered section headings (一、 二、 …) found",
                "未找到带编号的部分标题（一、二、……）",
            )
        )
    absent = [key for key in SECTION_KEYS if key not in sections]
    if body.sections and absent:
        # A clerk knows the parts by their numbers in the mandated order.
        numbers = "、".join(f"第{'一二三四五六'[SECTION_KEYS.index(key)]}部分" for key in absent)
        notes.append(
            Note(
                None,
                f"sections not found: {', '.join(absent)}",
                f"未找到{numbers}（{'、'.join(absent)}）",
            )
        )
    if parts.closing:
        data["closing"] = _texts(parts.closing, "/closing", anchors)

    document = Document(path, data, SourceLocator(anchors), problems, lines)
    return Imported(document, notes, parts.dropped + parts.titles[:-1])


def _texts(texts: list[SourceText], pointer: str, anchors: dict[str, Anchor]) -> list[str]:
    anchors[pointer] = Anchor(texts[0], False)
    for index, text in enumerate(texts):
        anchors[positions.join(pointer, index)] = Anchor(text, True)
    return [text.value for text in texts]


def _block(
    block: outline.Block, pointer: str, anchors: dict[str, Anchor], problems: list[LoadProblem]
) -> dict[str, Any]:
    anchors[pointer] = Anchor(block.whole, False)
    anchors[f"{pointer}/heading"] = Anchor(block.heading, True)
    data: dict[str, Any] = {"heading": block.heading.value}
    for problem in block.problems:
        fault = problem.fault
        problems.append(
            LoadProblem(problem.rule, problem.span, f"{pointer}/heading", fault.en, fault.zh)
        )
    if block.paragraphs:
        data["paragraphs"] = _texts(block.paragraphs, f"{pointer}/paragraphs", anchors)
    if block.children:
        anchors[f"{pointer}/subsections"] = Anchor(block.children[0].whole, False)
        data["subsections"] = [
            _block(child, f"{pointer}/subsections/{index}", anchors, problems)
            for index, child in enumerate(block.children)
        ]
    return data


def _metadata(parts: zones.Zones, body: outline.Outline, notes: list[Note]) -> dict[str, _Value]:
    table: dict[str, tuple[int, SourceText]] = {}
    for entry in parts.metadata:
        spec = furniture.FIELDS.get(entry.label)
        if spec is None or not entry.value.value:
            continue
        key, priority = spec
        if key not in table or priority < table[key][0]:
            table[key] = (priority, entry.value)
    meta: dict[str, _Value] = {}
    for key in ("index_no", "publisher", "issuer", "title"):
        if key in table:
            meta[key] = _Value(table[key][1].value, table[key][1], True)
    for key in ("signed_on", "published_on"):
        if key in table:
            found = _first_date(table[key][1])
            if found:
                meta[key] = found
    if parts.titles:
        title = parts.titles[-1]
        meta["title"] = _Value(title.value, title, True)
    if parts.signed is not None:
        iso = zones.whole_date(parts.signed)
        if iso:
            meta["signed_on"] = _Value(iso, parts.signed, False)
    if parts.issuer is not None:
        meta["issuer"] = _Value(parts.issuer.value, parts.issuer, True)
    title_text = meta["title"].text if "title" in meta else None
    if title_text is not None:
        _from_title(title_text, meta, notes)
    if "year" not in meta:
        _year_from_text(body, meta, notes)
    return meta


def _first_date(text: SourceText) -> _Value | None:
    for start, end, date in dates.find_dates(fold(text.value)):
        return _Value(date.isoformat(), text.cut(start, end), False)
    return None


def _from_title(title: SourceText, meta: dict[str, _Value], notes: list[Note]) -> None:
    """The year the title names and, with no signature, the body it names."""
    plain = fold(title.value)
    year = _YEAR.search(plain)
    if year:
        meta["year"] = _Value(int(year.group(1)), title.cut(year.start(1), year.end(1)), False)
    if "issuer" not in meta:
        issuer = _ISSUER_IN_TITLE.match(plain)
        if issuer:
            meta["issuer"] = _Value(issuer.group(1), title.cut(0, issuer.end(1)), True)
            notes.append(
                Note(
                    title.span(),
                    f"no signature found; issuer read from the title: {issuer[1]}",
                    f"未找到落款，报告机关取自标题：{issuer[1]}",
                )
            )


def _year_from_text(body: outline.Outline, meta: dict[str, _Value], notes: list[Note]) -> None:
    """With no title, the first year the opening (or the first heading) names."""
    candidates = body.preamble[:1] + [block.heading for _, block in body.sections[:1]]
    for text in candidates:
        year = _YEAR.search(fold(text.value))
        if year:
            meta["year"] = _Value(int(year.group(1)), text.cut(year.start(1), year.end(1)), False)
            notes.append(
                Note(
                    text.span(),
                    f"no title found; year read from the text: {year[1]}",
                    f"未找到标题，报告年度取自正文：{year[1]}",
                )
            )
            return
