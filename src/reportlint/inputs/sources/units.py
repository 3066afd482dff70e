"""Text taken from a source file, each character remembering where it stood.

Every reader (plain text, HTML, .docx) turns its file into a list of ``SourceText``
paragraphs. Whatever the structure stage cuts from them (a heading number, a run-in
heading, a date) keeps the places of its characters, so findings point into the source.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from reportlint.positions import Span

# (line, column), both 1-based; for .docx the line is the paragraph number.
Place = tuple[int, int]

# Space, tab, no-break space, ideographic space: what indents and pads published text.
BLANK = " \t\r\n\f\v\xa0\u3000\ufeff"


@dataclass(frozen=True, slots=True)
class SourceText:
    """A string from the source and the place of each of its characters."""

    value: str
    places: tuple[Place, ...]
    style: str | None = None  # the paragraph style of a .docx paragraph

    @classmethod
    def at(cls, value: str, line: int, column: int, style: str | None = None) -> SourceText:
        """``value`` written on one line from ``column`` on."""
        return cls(value, tuple((line, column + i) for i in range(len(value))), style)

    def __len__(self) -> int:
        return len(self.value)

    def cut(self, start: int, end: int | None = None) -> SourceText:
        """Characters ``start:end``, with their places."""
        return SourceText(self.value[start:end], self.places[start:end], self.style)

    def strip(self, chars: str = BLANK) -> SourceText:
        start, end = 0, len(self.value)
        while start < end and self.value[start] in chars:
            start += 1
        while end > start and self.value[end - 1] in chars:
            end -= 1
        return self.cut(start, end)

    @property
    def line(self) -> int:
        return self.places[0][0] if self.places else 1

    @property
    def column(self) -> int:
        return self.places[0][1] if self.places else 1

    def span(self) -> Span:
        """From the first character to just after the last."""
        return self.text_span(0, len(self.value))

    def text_span(self, start: int, end: int) -> Span:
        """The span of characters ``start:end`` (clamped to the text)."""
        if not self.places:
            return Span.point(1, 1)
        last = len(self.places) - 1
        first = self.places[min(max(start, 0), last)]
        final = self.places[min(max(end - 1, start, 0), last)]
        return Span(first[0], first[1], final[0], final[1] + 1)


def fold(text: str) -> str:
    """Full-width forms to their plain ones, character for character (（一） -> (一), ：-> :).

    Unlike NFKC on the whole string, the length never changes, so an index into the folded
    text is an index into the original.
    """
    if unicodedata.is_normalized("NFKC", text):
        return text
    return "".join(
        folded if len(folded := unicodedata.normalize("NFKC", char)) == 1 else char for char in text
    )
