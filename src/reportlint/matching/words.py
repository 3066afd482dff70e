"""Plain words found with ``str`` methods: word lists of the figure checks (其中, 采纳…).

A pattern holding Chinese characters takes ~0.3 ms to compile (``re`` builds a table for
the characters above U+00FF), paid by every run of the linter; ``str.find`` needs none.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable


class Words:
    """A list of words (or one string of them, apart by spaces), looked for longest first."""

    def __init__(self, choices: str | Iterable[str]) -> None:
        listed = choices.split() if isinstance(choices, str) else choices
        self.choices = tuple(sorted(dict.fromkeys(listed), key=len, reverse=True))

    def within(self, text: str) -> bool:
        return any(word in text for word in self.choices)

    def ending(self, text: str) -> bool:
        return text.endswith(self.choices)

    def first(self, text: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
        """The leftmost word in ``text[start:end]`` (the longest of those starting there)."""
        best: tuple[int, int] | None = None
        for word in self.choices:
            at = text.find(word, start, len(text) if end is None else end)
            if at >= 0 and (best is None or at < best[0]):
                best = (at, at + len(word))
        return best

    def spans(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Every word in ``text[start:end]``, left to right, not overlapping."""
        found: list[tuple[int, int]] = []
        while (hit := self.first(text, start, end)) is not None:
            found.append(hit)
            start = hit[1]
        return found

    def before_first(self, text: str) -> str:
        """``text`` (a few characters) up to its first word."""
        for index in range(len(text)):
            if text.startswith(self.choices, index):
                return text[:index]
        return text

    def prefix(self, text: str) -> str | None:
        """The word ``text`` starts with."""
        return next((word for word in self.choices if text.startswith(word)), None)


@functools.lru_cache(maxsize=128)
def words(choices: tuple[str, ...]) -> Words:
    """The Words of a rule's option, made once per run."""
    return Words(choices)


def strip_end(text: str, suffixes: Words, *, repeat: bool = False) -> str:
    """``text`` without one of ``suffixes`` at its end (as many as there are, with ``repeat``)."""
    while text.endswith(suffixes.choices):
        suffix = next(word for word in suffixes.choices if text.endswith(word))
        text = text[: -len(suffix)]
        if not repeat:
            break
    return text


def marks(text: str, characters: str) -> list[int]:
    """The positions just after each of ``characters`` in ``text``, in order."""
    found: list[int] = []
    for character in characters:
        position = text.find(character)
        while position >= 0:
            found.append(position + 1)
            position = text.find(character, position + 1)
    return sorted(found)
