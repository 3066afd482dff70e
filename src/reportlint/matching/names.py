"""Names of documents as written in book-title marks, compared with the names they should be.

A title inside 《》 or 〈〉 is a document's name, so a title one character away from a
known name (《中华人民共和国行政复意法》, 〈法治政府建设与责任落实督查工作规定〉) is that
name misspelt. Dashes in year ranges compare equal (the 纲要's own text has been printed with
－, - and —); the prefix 中华人民共和国 is set aside before comparing.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator


@functools.cache
def _title() -> re.Pattern[str]:
    """The innermost title: no book-title mark inside it."""
    return re.compile(r"[《〈](?P<title>[^《》〈〉\n]{1,80})[》〉]")


_DASH_FORMS = "-–—~－～"
_DASHES = str.maketrans({**dict.fromkeys(_DASH_FORMS, "—"), " ": None})


def comparable(name: str) -> str:
    return name.translate(_DASHES)


def within(one: str, other: str, distance: int, *, substitute_only: bool = False) -> bool:
    """Whether ``one`` becomes ``other`` by at most ``distance`` one-character edits."""
    start = 0
    while start < len(one) and start < len(other) and one[start] == other[start]:
        start += 1
    one, other = one[start:], other[start:]
    end = 0
    while end < len(one) and end < len(other) and one[-1 - end] == other[-1 - end]:
        end += 1
    if end:
        one, other = one[:-end], other[:-end]
    if not one and not other:
        return True
    if distance == 0:
        return False
    rest = distance - 1
    if one and other and within(one[1:], other[1:], rest, substitute_only=substitute_only):
        return True
    if substitute_only:
        return False
    dropped = bool(one) and within(one[1:], other, rest)
    return dropped or (bool(other) and within(one, other[1:], rest))


# A misnamed title: (start, end) in the text, the name as written, the name meant.
Misnamed = tuple[int, int, str, str]


class NameList:
    """Known names, bucketed by length so that a title is compared with few of them."""

    def __init__(
        self,
        names: Iterable[str],
        *,
        prefixes: Iterable[str],
        distance: int,
        min_length: int,
        substitute_below: int,
    ) -> None:
        self.prefixes = tuple(sorted(prefixes, key=len, reverse=True))
        self.distance = distance
        self.substitute_below = substitute_below
        self.exact = {comparable(name) for name in names}
        self.by_length: dict[int, list[tuple[str, str]]] = {}
        for name in names:
            key = comparable(name)
            if len(key) >= min_length:
                self.by_length.setdefault(len(key), []).append((key, name))

    def nearest(self, title: str) -> str | None:
        """The known name ``title`` misspells, or None (a right name, or no near one)."""
        key = comparable(title)
        if key in self.exact:
            return None
        for length in range(len(key) - self.distance, len(key) + self.distance + 1):
            for known, name in self.by_length.get(length, ()):
                short = len(known) < self.substitute_below
                if short and length != len(key):
                    continue
                if within(key, known, self.distance, substitute_only=short):
                    return name
        return None

    def misnamed(self, text: str) -> Iterator[Misnamed]:
        """Each title in ``text`` that is a known name misspelt, with the name it should be."""
        for match in _title().finditer(text):
            title = match.group("title")
            prefix = next((p for p in self.prefixes if title.startswith(p)), "")
            meant = self.nearest(title[len(prefix) :])
            if meant is not None:
                # Suggest the name with the writer's own dash: its form is not the fault.
                dash = next((char for char in title if char in _DASH_FORMS), "—")
                meant = prefix + meant.replace("—", dash)
                yield match.start("title"), match.end("title"), title, meant
