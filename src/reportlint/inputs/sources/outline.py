"""The body of a report as numbered blocks: preamble, sections and their parts.

A numbered paragraph opens a block at the level of its number (一、 above (一) above 1.
above (1)); a .docx heading style stands in where Word drew the number. A run-in heading
("1.积极优化政府机构职能。坚持……") is split at its first 。 into the heading and the
block's first paragraph. Other paragraphs belong to the last block opened. Top-level
blocks become sections by what their headings say; one that names no section is kept as a
part of ``measures`` (RL104).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlint.inputs.sources import numbering
from reportlint.inputs.sources.numbering import Fault, Number
from reportlint.inputs.sources.sections import measures_chapter, section_key
from reportlint.inputs.sources.units import SourceText
from reportlint.inputs.sources.zones import heading_level
from reportlint.positions import Span

_HEADING_END = "：:;；。 \t\xa0\u3000"


@dataclass(frozen=True, slots=True)
class Problem:
    """A fault found in the source, before its block has a pointer."""

    rule: str
    span: Span
    fault: Fault


@dataclass
class Block:
    """A heading, the paragraphs directly under it, and its numbered parts."""

    whole: SourceText  # the heading paragraph as written, number included
    heading: SourceText
    number: Number | None
    rank: int
    paragraphs: list[SourceText] = field(default_factory=list)
    children: list[Block] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class Outline:
    preamble: list[SourceText]
    sections: list[tuple[str, Block]]


def _rank(unit: SourceText, number: Number | None) -> int | None:
    if number is not None:
        return number.rank
    return heading_level(unit)


def _open_block(unit: SourceText, number: Number | None, rank: int) -> Block:
    rest = unit.cut(number.end).strip() if number else unit
    stop = rest.value.find("。")
    heading = rest if stop < 0 else rest.cut(0, stop)
    block = Block(unit, heading.strip(_HEADING_END), number, rank)
    if stop >= 0:
        first = rest.cut(stop + 1).strip()
        if first.value:
            block.paragraphs.append(first)
    return block


def build(body: list[SourceText]) -> Outline:
    """The preamble and the sections of a report body."""
    numbers = [numbering.read_number(unit.value) for unit in body]
    ranks = [_rank(unit, number) for unit, number in zip(body, numbers, strict=True)]
    present = [rank for rank in ranks if rank is not None]
    if not present:
        return Outline(list(body), [])
    top = min(present)
    first = ranks.index(top)
    tops: list[Block] = []
    stack: list[Block] = []
    continued: dict[str, int] = {}  # last value of each kind in this section
    for unit, number, rank in zip(body[first:], numbers[first:], ranks[first:], strict=True):
        if rank is None:
            stack[-1].paragraphs.append(unit)
            continue
        block = _open_block(unit, number, rank)
        while stack and stack[-1].rank >= rank:
            stack.pop()
        siblings = stack[-1].children if stack else tops
        if number is not None:
            _check_number(block, number, siblings, continued)
            if rank == top:
                continued.clear()
            continued[number.kind] = number.value
        siblings.append(block)
        stack.append(block)
    return Outline(list(body[:first]), _place(tops))


def _check_number(
    block: Block, number: Number, siblings: list[Block], continued: dict[str, int]
) -> None:
    span = block.whole.text_span(0, len(number.written.rstrip()))
    if not number.well_formed:
        block.problems.append(Problem("RL107", span, numbering.malformed(number)))
    previous = next(
        (b.number for b in reversed(siblings) if b.number and b.number.kind == number.kind),
        None,
    )
    fault = numbering.out_of_sequence(
        number,
        previous.value if previous else None,
        continued.get(number.kind) if previous is None else None,
    )
    if fault is not None:
        block.problems.append(Problem("RL107", span, fault))


def _place(tops: list[Block]) -> list[tuple[str, Block]]:
    """Sections by what their headings say; the rest become parts of a section."""
    sections: dict[str, Block] = {}
    for block in tops:
        key = section_key(block.heading.value)
        if key is not None and key not in sections:
            sections[key] = block
        elif key is None and "measures" not in sections:
            # A thematic first heading stands where "measures" should (RL104 says so).
            sections["measures"] = block
        elif key is None and measures_chapter(block.heading.value):
            # Measures organised by the 纲要's chapters: each chapter is a part of them.
            sections["measures"].children.append(block)
        else:
            host = key or "measures"
            sections[host].children.append(block)
            if key is None:
                fault = Fault(
                    f'heading "{block.heading.value}" names no mandated section;'
                    " it is kept as a part of 'measures'",
                    f'标题 "{block.heading.value}" 未对应任何规定部分; 已作为"measures"的子项保留',
                )
            else:
                fault = Fault(
                    f"heading \"{block.heading.value}\" repeats section '{key}';"
                    " it is kept as a part of it",
                    f'标题 "{block.heading.value}" 与部分 "{key}" 重复; 已作为其子项保留',
                )
            block.problems.append(Problem("RL104", block.whole.span(), fault))
    return list(sections.items())
