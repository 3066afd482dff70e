"""Spans, JSON Pointers and the Locator protocol that turns a pointer into a place."""

from typing import NamedTuple, Protocol


class Span(NamedTuple):
    """A 1-based region of the source file (end is exclusive)."""

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def point(cls, line: int, column: int) -> "Span":
        return cls(line, column, line, column + 1)


class Locator(Protocol):
    """Where the nodes of a document stand in its source."""

    def span(self, pointer: str, *, key: bool = False) -> Span:
        """The span of the node at ``pointer`` (or of its key, for a mapping entry).

        A pointer that does not resolve gives the span of its nearest existing ancestor.
        """
        ...

    def text_span(self, pointer: str, start: int, end: int) -> Span:
        """The span of characters ``start:end`` of the string at ``pointer``."""
        ...


def escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def join(pointer: str, token: object) -> str:
    """The pointer of child ``token`` of the node at ``pointer``."""
    text = token if isinstance(token, str) else str(token)
    if "~" in text or "/" in text:  # the rare key that needs escaping
        text = escape(text)
    return f"{pointer}/{text}"


def split(pointer: str) -> list[str]:
    """The unescaped reference tokens of ``pointer`` ("" is the root)."""
    if not pointer:
        return []
    return [unescape(token) for token in pointer[1:].split("/")]


def parent(pointer: str) -> str:
    return pointer.rpartition("/")[0]


def section_of(pointer: str) -> str | None:
    """The section key a pointer lies in (``/sections/plans/...`` -> ``plans``)."""
    tokens = split(pointer)
    if len(tokens) >= 2 and tokens[0] == "sections":
        return tokens[1]
    return None
