"""The Locator of a source file: each node of the report data knows its source text."""

from __future__ import annotations

from dataclasses import dataclass

from reportlint import positions
from reportlint.inputs.sources.units import SourceText
from reportlint.positions import Span


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a node came from; ``exact`` when the node's string is that text verbatim."""

    text: SourceText
    exact: bool


class SourceLocator:
    """Resolves JSON Pointers to the places their text was read from."""

    def __init__(self, anchors: dict[str, Anchor]) -> None:
        self._anchors = anchors

    def _nearest(self, pointer: str) -> Anchor | None:
        while True:
            anchor = self._anchors.get(pointer)
            if anchor is not None or not pointer:
                return anchor
            pointer = positions.parent(pointer)

    def span(self, pointer: str, *, key: bool = False) -> Span:
        # A source has no keys: a key is shown where its node's text is.
        anchor = self._nearest(pointer)
        return anchor.text.span() if anchor else Span.point(1, 1)

    def text_span(self, pointer: str, start: int, end: int) -> Span:
        anchor = self._anchors.get(pointer)
        if anchor is None or not anchor.exact:
            return self.span(pointer)
        return anchor.text.text_span(start, end)
