"""Plain text: each non-blank line is a paragraph, as reports are published and pasted."""

from __future__ import annotations

import re

from reportlint.errors import InputError
from reportlint.inputs.sources.units import MAX_PARAGRAPHS, SourceText

_BREAK = re.compile(r"\r\n|\r|\n")


def read(text: str, path: str) -> tuple[list[SourceText], list[str]]:
    """The non-blank lines of ``text``, trimmed, each with its line and columns; and the
    lines as an editor numbers them.

    Only the breaks an editor counts split lines (str.splitlines also splits at U+2028,
    U+0085 ...). A line costs one place whatever its length.
    """
    breaks = text.count("\n") + text.count("\r") - text.count("\r\n")
    if breaks >= MAX_PARAGRAPHS:
        raise InputError(
            f"{path}: more than {MAX_PARAGRAPHS:,} lines (a report has a few hundred);"
            " the file is refused",
            zh=f"{path}：超过{MAX_PARAGRAPHS:,}行（一篇报告只有几百行），不予读取",
        )
    lines = _BREAK.split(text)
    found: list[SourceText] = []
    for number, line in enumerate(lines, start=1):
        paragraph = SourceText.at(line, number, 1).strip()
        if paragraph.value:
            found.append(paragraph)
    return found, lines
