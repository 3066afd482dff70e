"""Text under a node, normalised for matching, with a way back to the original place.

Rules match against NFKC-normalised text (``２０２３`` and ``2023``, ``（一）`` and ``(一)``
are the same to them), while findings point at the characters as written.
"""

import bisect
from collections.abc import Iterator
from typing import Any, NamedTuple

from reportlint import positions
from reportlint.matching.folding import Origin, nfkc_with_origin

# Keys whose string values are report text; everything else is metadata or structure.
TEXT_KEYS = frozenset({"heading", "paragraphs", "preamble", "closing"})


class Segment(NamedTuple):
    """One string of the block: where it came from and where it starts in the joined text."""

    pointer: str
    start: int
    length: int
    origin: Origin | None


class Match(NamedTuple):
    """A place in the original text: a string's pointer and a character range in it."""

    pointer: str
    start: int
    end: int


class TextBlock:
    """The text strings under one node joined by newlines, ready for regex matching."""

    def __init__(
        self,
        strings: list[tuple[str, str]],
        normalised: dict[str, tuple[str, Origin | None]] | None = None,
    ) -> None:
        """``normalised`` keeps each string's NFKC form for the next block that holds it
        (the blocks of a section, its parts and their parts share their strings)."""
        pieces: list[str] = []
        self.segments: list[Segment] = []
        offset = 0
        for pointer, raw in strings:
            found = normalised.get(raw) if normalised is not None else None
            if found is None:
                found = nfkc_with_origin(raw)
                if normalised is not None:
                    normalised[raw] = found
            normal, origin = found
            self.segments.append(Segment(pointer, offset, len(normal), origin))
            pieces.append(normal)
            offset += len(normal) + 1
        self.text = "\n".join(pieces)
        # The strings as written, one per segment: where the width of a mark matters.
        self.raw = [raw for _, raw in strings]
        self._starts = [segment.start for segment in self.segments]

    def __bool__(self) -> bool:
        return bool(self.segments)

    @property
    def pointers(self) -> list[str]:
        return [segment.pointer for segment in self.segments]

    def locate(self, start: int, end: int) -> Match:
        """The original string and character range of joined-text range ``start:end``."""
        index = max(0, bisect.bisect_right(self._starts, start) - 1)
        segment = self.segments[index]
        local_start = start - segment.start
        local_end = min(end - segment.start, segment.length)
        if segment.origin is not None:
            origin = segment.origin
            first = origin[min(local_start, len(origin) - 1)] if origin else 0
            last = origin[min(max(local_end - 1, local_start), len(origin) - 1)] if origin else 0
            return Match(segment.pointer, first, last + 1)
        return Match(segment.pointer, local_start, max(local_end, local_start + 1))

    def body_length(self) -> int:
        """Characters of text, not counting white space."""
        # str.split() cuts at exactly the characters str.isspace() accepts, in C.
        return sum(map(len, self.text.split()))


def text_strings(
    value: Any, pointer: str, *, include_self: bool = True
) -> Iterator[tuple[str, str]]:
    """(pointer, string) for every report-text string at or under ``value``, in order.

    A string named directly counts as text (``report.title``); inside a structure only
    headings and paragraphs do. With ``include_self=False`` a block's own heading is left
    out (its body only).
    """
    if isinstance(value, str):
        if include_self:
            yield pointer, value
        return
    # A list named directly (``preamble``, ``paragraphs``) is a list of text strings.
    stack: list[tuple[str, Any, bool]] = [(pointer, value, isinstance(value, list))]
    while stack:
        here, node, is_text = stack.pop()
        if isinstance(node, str):
            if is_text:
                yield here, node
        elif isinstance(node, dict):
            entries = [
                (positions.join(here, key), child, key in TEXT_KEYS)
                for key, child in node.items()
                if include_self or here != pointer or key != "heading"
            ]
            stack.extend(reversed(entries))
        elif isinstance(node, list):
            stack.extend(
                reversed(
                    [(positions.join(here, i), child, is_text) for i, child in enumerate(node)]
                )
            )


class TextIndex:
    """Every text string of a document in order, and where each mapping's strings lie.

    The text under a mapping is then a slice of one list, not a walk of its subtree: rules
    read the text of the sections, of each section and of each of their parts.
    """

    def __init__(self, data: Any) -> None:
        self.strings: list[tuple[str, str]] = []
        # (id, pointer) of a mapping -> its strings' range; the pointer tells apart one
        # mapping that YAML aliases put in two places.
        self._ranges: dict[tuple[int, str], tuple[int, int]] = {}
        if not isinstance(data, dict):
            return
        # (pointer, node, is_text, start): start is None on the way down, else the way up.
        stack: list[tuple[str, Any, bool, int | None]] = [("", data, False, None)]
        while stack:
            here, node, is_text, start = stack.pop()
            if start is not None:
                self._ranges[(id(node), here)] = (start, len(self.strings))
            elif isinstance(node, str):
                if is_text:
                    self.strings.append((here, node))
            elif isinstance(node, dict):
                stack.append((here, node, is_text, len(self.strings)))
                stack.extend(
                    reversed(
                        [
                            (positions.join(here, key), child, key in TEXT_KEYS, None)
                            for key, child in node.items()
                        ]
                    )
                )
            elif isinstance(node, list):
                stack.extend(
                    reversed(
                        [
                            (positions.join(here, i), child, is_text, None)
                            for i, child in enumerate(node)
                        ]
                    )
                )

    def under(
        self, value: Any, pointer: str, *, include_self: bool = True
    ) -> list[tuple[str, str]] | None:
        """``text_strings(value, pointer)`` for a mapping of the document; None for others."""
        found = self._ranges.get((id(value), pointer)) if isinstance(value, dict) else None
        if found is None:
            return None
        strings = self.strings[found[0] : found[1]]
        if include_self or "heading" not in value:
            return strings
        heading = positions.join(pointer, "heading")
        return [
            (here, text)
            for here, text in strings
            if here != heading and not here.startswith(heading + "/")
        ]
