"""The report as a Word document in the GB/T 9704-2012 layout of official documents.

A4 with margins of 37 mm (top), 35 mm (bottom), 28 mm (left) and 26 mm (right); the
title in 方正小标宋简体 2号 (22 pt), centred; the body in 仿宋_GB2312 3号 (16 pt) with
a first-line indent of two characters and a fixed line pitch that gives 22 lines a
page; first-level headings in 黑体, second-level in 楷体_GB2312. The fonts are named
for the East Asian script (``w:eastAsia``), which is what Word uses for Chinese; where
they are not installed, Word and LibreOffice substitute a font of the same kind.

The paragraphs carry Word's "Title" and "Heading N" styles (restyled to the layout), so
the navigation pane shows the outline and ``reportlint import`` reads it back.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from reportlint.errors import ReportlintError
from reportlint.publish.layout import CLOSING, DATE, HEADING, ISSUER, PARAGRAPH, TITLE, Line

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONTS = ("黑体", "楷体_GB2312", BODY_FONT, BODY_FONT)
LATIN_FONT = "Times New Roman"
TITLE_SIZE = 22.0  # 2号
BODY_SIZE = 16.0  # 3号
# The type area is 225 mm high: 22 lines of 225 mm / 22 = 28.95 pt.
LINE_PITCH = 28.95
MARGINS_MM = (37.0, 35.0, 28.0, 26.0)  # top, bottom, left, right


def render(lines: Iterable[Line]) -> bytes:
    """The .docx file of the document ``lines`` make."""
    try:
        import docx
    except ImportError as error:
        from reportlint.installation import extra_command

        command = extra_command("sources")
        raise ReportlintError(
            f"rendering .docx needs python-docx: {command}",
            zh=f"生成.docx文件需要python-docx：{command}",
        ) from error
    document = docx.Document()
    _page(document)
    _styles(document)
    _page_numbers(document)
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    for line in lines:
        if line.kind == TITLE:
            paragraph = document.add_paragraph(line.text, style="Title")
            # One empty line between the title and the text, as the standard lays it out.
            document.add_paragraph("", style="Normal")
        elif line.kind == HEADING:
            style = f"Heading {line.level + 1}"
            document.add_paragraph(f"{line.number}{line.text}", style=style)
        elif line.kind in (PARAGRAPH, CLOSING):
            document.add_paragraph(line.text, style="Normal")
        elif line.kind == ISSUER:
            document.add_paragraph("", style="Normal")
            paragraph = document.add_paragraph(line.text, style="Normal")
            _signature(paragraph, WD_ALIGN_PARAGRAPH.RIGHT, Pt(BODY_SIZE * 2))
        elif line.kind == DATE:
            paragraph = document.add_paragraph(line.text, style="Normal")
            _signature(paragraph, WD_ALIGN_PARAGRAPH.RIGHT, Pt(BODY_SIZE * 4))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _signature(paragraph: Paragraph, alignment: Any, right_indent: Any) -> None:
    fmt = paragraph.paragraph_format
    fmt.alignment = alignment
    fmt.first_line_indent = 0
    fmt.right_indent = right_indent


def _page(document: Document) -> None:
    from docx.shared import Mm

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    top, bottom, left, right = MARGINS_MM
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)


def _page_numbers(document: Document) -> None:
    """ "— 1 —" under the text in 4号 (14 pt), Word's PAGE field between the dashes."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Pt

    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.first_line_indent = Pt(0)
    paragraph.add_run("— ").font.size = Pt(14)
    field = parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:rPr><w:sz w:val="28"/></w:rPr>'
        "<w:t>1</w:t></w:r></w:fldSimple>"
    )
    paragraph._p.append(field)
    paragraph.add_run(" —").font.size = Pt(14)


def _styles(document: Document) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Pt, RGBColor

    def shape(name: str, font: str, size: float, *, indent: bool) -> None:
        style = document.styles[name]
        style.font.size = Pt(size)
        style.font.bold = False
        style.font.italic = False
        style.font.color.rgb = RGBColor(0, 0, 0)
        _east_asian(style.element, font)
        fmt = style.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(LINE_PITCH if size == BODY_SIZE else size * 1.6)
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(0)
        fmt.first_line_indent = Pt(size * 2) if indent else Pt(0)
        fmt.keep_with_next = name.startswith("Heading")
        fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    shape("Normal", BODY_FONT, BODY_SIZE, indent=True)
    shape("Title", TITLE_FONT, TITLE_SIZE, indent=False)
    title = document.styles["Title"]
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _no_border(title.element)
    for level, font in enumerate(HEADING_FONTS, start=1):
        shape(f"Heading {level}", font, BODY_SIZE, indent=True)
    # 1. headings of the third level stand out in bold, as most offices write them.
    document.styles["Heading 3"].font.bold = True


def _east_asian(element: Any, font: str) -> None:
    """Name ``font`` for Chinese and Times New Roman for Latin text and digits."""
    from docx.oxml.ns import qn

    properties = element.get_or_add_rPr()
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = properties.makeelement(qn("w:rFonts"), {})
        properties.insert(0, fonts)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), font)
    # Quotation marks and dashes are shared by both scripts: the hint gives them the
    # Chinese font (and its full width), as Chinese text wants.
    fonts.set(qn("w:hint"), "eastAsia")
    language = properties.find(qn("w:lang"))
    if language is None:
        language = properties.makeelement(qn("w:lang"), {})
        properties.append(language)
    language.set(qn("w:eastAsia"), "zh-CN")


def _no_border(element: Any) -> None:
    """The default template's Title has a rule under it; an official title has none."""
    from docx.oxml.ns import qn

    properties = element.find(qn("w:pPr"))
    if properties is None:
        return
    for border in properties.findall(qn("w:pBdr")):
        properties.remove(border)
