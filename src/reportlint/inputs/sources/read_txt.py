"""Plain text: each non-blank line is a paragraph, as reports are published and pasted."""

from __future__ import annotations

import re

from reportlint.inputs.sources.units import SourceText

_BREAK = re.compile(r"\r\n|\r|\n")


def lines(text: str) -> list[str]:
    """The lines of ``text`` as an editor numbers them."""
    return _BREAK.split(text)


def paragraphs(text: str) -> list[SourceText]:
    """The non-blank lines of ``text``, trimmed, each with its line and columns."""
    found: list[SourceText] = []
    # Only the breaks an editor counts (str.splitlines also splits at U+2028, U+0085 ...).
    for number, line in enumerate(lines(text), start=1):
        paragraph = SourceText.at(line, number, 1).strip()
        if paragraph.value:
            found.append(paragraph)
    return found
