"""Word drafts (.docx): each paragraph, with its style, numbered as the "line".

A .docx has no lines; the place of a character is (paragraph number, character number),
both 1-based, counting every paragraph of the body in order (empty ones and those inside
tables too). A manual line break inside a paragraph starts a new text unit on the same
"line". Numbers that Word's list numbering draws are not in the text and are not read.
"""

from __future__ import annotations

import io
import re
import zipfile

from reportlint.errors import InputError
from reportlint.inputs.sources.units import SourceText


def paragraphs(raw: bytes, path: str) -> tuple[list[SourceText], list[str]]:
    """The non-blank paragraphs of a .docx file, and the text of every paragraph."""
    try:
        import docx
    except ImportError as error:
        raise InputError(
            f"{path}: reading .docx needs python-docx: pip install 'reportlint[sources]'"
        ) from error
    from docx.opc.exceptions import PackageNotFoundError
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise InputError(f"{path}: not a Word .docx file ({error})") from error
    found: list[SourceText] = []
    lines: list[str] = []
    for number, element in enumerate(document.element.body.iter(qn("w:p")), start=1):
        paragraph = Paragraph(element, document.part)
        text = paragraph.text
        lines.append(text)
        style = paragraph.style.name if paragraph.style is not None else None
        for piece in re.finditer(r"[^\n]+", text):
            unit = SourceText.at(piece.group(), number, piece.start() + 1, style).strip()
            if unit.value:
                found.append(unit)
    return found, lines
