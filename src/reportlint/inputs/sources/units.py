"""Text taken from a source file, each character remembering where it stood.

Every reader (plain text, HTML, .docx) turns its file into a list of ``SourceText``
paragraphs. Whatever the structure stage cuts from them (a heading number, a run-in
heading, a date) keeps the places of its characters, so findings point into the source.

Places are kept as runs of characters written side by side on one line, not as a place
per character: a 10 MB line is one run, and a piece cut from a paragraph shares its runs.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from dataclasses import dataclass

from reportlint.matching.folding import fold
from reportlint.positions import Span

__all__ = ["BLANK", "MAX_PARAGRAPHS", "Place", "Places", "PlacesBuilder", "SourceText", "fold"]

# (line, column), both 1-based; for .docx the line is the paragraph number.
Place = tuple[int, int]

# Space, tab, no-break space, ideographic space: what indents and pads published text.
BLANK = " \t\r\n\f\v\xa0\u3000\ufeff"
# Paragraphs (lines of a .txt, blocks of a page, paragraphs of a .docx) a source may hold.
# A report has a few hundred (the reference report 128 lines); the structure stage and the
# rules take time for each one (20,000 paragraphs, each with a finding, take about 6 s).
MAX_PARAGRAPHS = 20_000


class _Runs:
    """Run ``k`` begins at character ``index[k]``, which stands at ``line[k]:column[k]``;
    the characters after it in the run stand one column further each."""

    __slots__ = ("column", "index", "line")

    def __init__(self) -> None:
        self.index = array("q")
        self.line = array("q")
        self.column = array("q")

    def add(self, index: int, line: int, column: int) -> None:
        """Character ``index`` stands at ``line:column``; a new run only where it must."""
        if self.index:
            last = len(self.index) - 1
            if self.line[last] == line and column - self.column[last] == index - self.index[last]:
                return
            if self.index[last] == index:
                self.line[last], self.column[last] = line, column
                return
        self.index.append(index)
        self.line.append(line)
        self.column.append(column)


class Places:
    """The places of ``length`` characters from character ``shift`` of a set of runs on.

    Cutting a string cuts its places by moving the window, never by copying the runs.
    """

    __slots__ = ("_length", "_runs", "_shift")

    def __init__(self, runs: _Runs, shift: int, length: int) -> None:
        self._runs = runs
        self._shift = shift
        self._length = length

    @classmethod
    def on_line(cls, line: int, column: int, length: int) -> Places:
        """``length`` characters side by side on ``line`` from ``column`` on."""
        runs = _Runs()
        runs.add(0, line, column)
        return cls(runs, 0, length)

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, index: int) -> Place:
        if not 0 <= index < self._length:
            raise IndexError(index)
        runs, at = self._runs, index + self._shift
        run = bisect_right(runs.index, at) - 1
        return runs.line[run], runs.column[run] + at - runs.index[run]

    def cut(self, start: int, end: int) -> Places:
        """The places of characters ``start:end`` (already clamped to ``0 <= start <= end``)."""
        return Places(self._runs, self._shift + start, max(0, min(end, self._length) - start))

    def _key(self) -> tuple[tuple[int, int, int], ...]:
        """The first place of each run in the window, for comparisons."""
        runs = self._runs
        first = bisect_right(runs.index, self._shift) - 1
        last = bisect_right(runs.index, self._shift + self._length - 1)
        starts = [0] + [runs.index[k] - self._shift for k in range(first + 1, last)]
        return tuple((start, *self[start]) for start in starts) if self._length else ()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Places):
            return NotImplemented
        return self._length == other._length and self._key() == other._key()

    def __hash__(self) -> int:
        return hash((self._length, self._key()))


class PlacesBuilder:
    """Collects the places of a string as its characters are read, one run at a time."""

    def __init__(self) -> None:
        self._runs = _Runs()

    def add(self, index: int, line: int, column: int) -> None:
        """Characters from ``index`` on stand side by side from ``line:column`` on."""
        self._runs.add(index, line, column)

    def build(self, length: int) -> Places:
        runs, self._runs = self._runs, _Runs()
        return Places(runs, 0, length)


@dataclass(frozen=True, slots=True)
class SourceText:
    """A string from the source and the place of each of its characters."""

    value: str
    places: Places
    style: str | None = None  # the paragraph style of a .docx paragraph

    @classmethod
    def at(cls, value: str, line: int, column: int, style: str | None = None) -> SourceText:
        """``value`` written on one line from ``column`` on."""
        return cls(value, Places.on_line(line, column, len(value)), style)

    def __len__(self) -> int:
        return len(self.value)

    def cut(self, start: int, end: int | None = None) -> SourceText:
        """Characters ``start:end``, with their places."""
        first, last, _ = slice(start, end).indices(len(self.value))
        last = max(first, last)
        return SourceText(self.value[first:last], self.places.cut(first, last), self.style)

    def strip(self, chars: str = BLANK) -> SourceText:
        start = len(self.value) - len(self.value.lstrip(chars))
        return self.cut(start, max(start, len(self.value.rstrip(chars))))

    @property
    def line(self) -> int:
        return self.places[0][0] if self.value else 1

    @property
    def column(self) -> int:
        return self.places[0][1] if self.value else 1

    def span(self) -> Span:
        """From the first character to just after the last."""
        return self.text_span(0, len(self.value))

    def text_span(self, start: int, end: int) -> Span:
        """The span of characters ``start:end`` (clamped to the text)."""
        if not self.value:
            return Span.point(1, 1)
        last = len(self.value) - 1
        first = self.places[min(max(start, 0), last)]
        final = self.places[min(max(end - 1, start, 0), last)]
        return Span(first[0], first[1], final[0], final[1] + 1)
