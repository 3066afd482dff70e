"""Unicode compatibility folding (NFKC): the one place text is folded for matching.

Rules and the source readers compare text in NFKC form (``２０２３`` and ``2023``, ``（一）``
and ``(一)`` are the same to them), while findings point at the characters as written.
Three forms, for three needs:

- ``nfkc``: NFKC of the whole string, where only the folded words matter.
- ``nfkc_with_origin``: the same, and where folding changed the length (``㈠`` becomes
  ``(一)``), an ``Origin`` that maps each folded character back to the one it came from.
- ``fold``: each character folded on its own, and only where it folds to one character,
  so the length never changes and an index into the result is an index into the original.

All three cost time linear in the text and no memory per character: a 10 MB paragraph
with one ``㈠`` in it is normalised in C, chunk by chunk, and only the chunk that holds the
``㈠`` is looked at character by character.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_right

# Characters before which a string can be cut without changing its NFKC form: they have
# no decomposition and are never the second half of a composition, so no character before
# them can combine with them or be reordered past them.
# Compiled on first use: only text that NFKC changes needs it, and a class of Chinese
# characters takes `re` about 2 ms to build.
_SAFE_CUT = r"[\x20-\x7e\u4e00-\u9fff]"
_CHUNK = 256
# Per-character folds are cached for the Basic Multilingual Plane only, so a text of rare
# characters cannot grow the cache without bound.
_CACHED_BELOW = 0x10000


def nfkc(text: str) -> str:
    """The NFKC form of ``text``."""
    if unicodedata.is_normalized("NFKC", text):
        return text
    return unicodedata.normalize("NFKC", text)


class Origin:
    """Where each character of a folded string came from in the original.

    Kept as runs, not a list per character: run ``k`` starts at folded index
    ``folded[k]``, whose source index is ``source[k]``; within a run the source index
    advances with the folded one (``step`` 1), or stays put (``step`` 0: the characters one
    source character folded into).
    """

    __slots__ = ("_folded", "_length", "_source", "_step")

    def __init__(self, length: int) -> None:
        self._folded = array("q")
        self._source = array("q")
        self._step = array("b")
        self._length = length

    def _add(self, folded: int, source: int, step: int) -> None:
        if self._folded:
            last = len(self._folded) - 1
            if self._folded[last] == folded:
                del self._folded[last], self._source[last], self._step[last]
            elif (
                step == 1
                and self._step[last] == 1
                and source - self._source[last] == folded - self._folded[last]
            ):
                return  # the run before goes on
        self._folded.append(folded)
        self._source.append(source)
        self._step.append(step)

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, index: int) -> int:
        """The source index of folded character ``index``."""
        if not 0 <= index < self._length:
            raise IndexError(index)
        run = bisect_right(self._folded, index) - 1
        return self._source[run] + self._step[run] * (index - self._folded[run])

    def __repr__(self) -> str:
        return f"Origin({[self[i] for i in range(min(self._length, 20))]})"


def nfkc_with_origin(text: str) -> tuple[str, Origin | None]:
    """NFKC of ``text`` and, where the length changed, each folded character's origin.

    ``None`` means one character for one: an index into the result is one into ``text``.
    """
    if unicodedata.is_normalized("NFKC", text):
        return text, None
    normal = unicodedata.normalize("NFKC", text)
    if len(normal) == len(text):
        return normal, None
    origin = Origin(len(normal))
    folded = 0
    start = 0
    while start < len(text):
        cut = re.compile(_SAFE_CUT).search(text, start + _CHUNK)
        end = cut.start() if cut else len(text)
        folded += _map_chunk(text, start, end, folded, origin)
        start = end
    return normal, origin


def _map_chunk(text: str, start: int, end: int, folded: int, origin: Origin) -> int:
    """Record the origin of ``text[start:end]``'s folded characters; their count."""
    chunk = text[start:end]
    if unicodedata.is_normalized("NFKC", chunk):
        origin._add(folded, start, 1)
        return len(chunk)
    normal = unicodedata.normalize("NFKC", chunk)
    if len(normal) == len(chunk):
        origin._add(folded, start, 1)
        return len(normal)
    # Character by character: a base character and the combining marks after it fold
    # together; a cluster that folds to another length maps all its pieces to its start.
    pieces: list[tuple[int, str]] = []
    cluster = start
    for index in range(start + 1, end + 1):
        if index == end or not unicodedata.combining(text[index]):
            pieces.append((cluster, unicodedata.normalize("NFKC", text[cluster:index])))
            cluster = index
    if "".join(piece for _, piece in pieces) != normal:
        # Folding joined characters across clusters (Hangul jamo): the chunk as one piece.
        origin._add(folded, start, 0)
        return len(normal)
    for source, piece in pieces:
        origin._add(folded, source, 1 if len(piece) == 1 else 0)
        folded += len(piece)
    return len(normal)


class _FoldTable(dict[int, int]):
    """Code point -> the code point it folds to alone (itself when it folds to several)."""

    def __missing__(self, code: int) -> int:
        folded = unicodedata.normalize("NFKC", chr(code))
        value = ord(folded) if len(folded) == 1 else code
        if code < _CACHED_BELOW:
            self[code] = value
        return value


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Full-width forms to their plain ones, character for character (（一） -> (一), ：-> :).

    Unlike NFKC on the whole string, the length never changes, so an index into the folded
    text is an index into the original.
    """
    if unicodedata.is_normalized("NFKC", text):
        return text
    return text.translate(_FOLD)
