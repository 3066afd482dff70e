"""What a check function is given (Context) and what it gives back (Hit)."""

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from reportlint.matching import paths
from reportlint.matching.text import TextBlock, TextIndex, text_strings

if TYPE_CHECKING:
    from reportlint.matching.figures import FigureText
    from reportlint.matching.folding import Origin
    from reportlint.packs.records import ProfileInfo

_TEMPLATE = re.compile(r"\$\{\s*([a-z_.]+)\s*(?:([+-])\s*(\d+)\s*)?\}")


class Hit(NamedTuple):
    """A place a check found: a node, or a character range of the string at ``pointer``.

    ``params`` fill the rule's message template; ``key`` points at the mapping key.
    """

    pointer: str
    start: int | None = None
    end: int | None = None
    key: bool = False
    # Mapping defaults: one shared empty dict, never written to (and picklable, for --jobs).
    params: Mapping[str, str] = {}


def _leaves_out(value: Any, body_only: bool) -> bool:
    """Whether ``body_only`` leaves anything out of ``value``: only a heading of its own
    (``sections`` has none, so its text and its body are one block, read once)."""
    return body_only and (
        isinstance(value, str) or (isinstance(value, dict) and "heading" in value)
    )


class Context:
    """The document a check looks at, with cached text blocks and template expansion."""

    def __init__(self, data: Any, profile: "ProfileInfo", variables: Mapping[str, str]) -> None:
        self.data = data
        self.profile = profile
        self.variables = variables
        self._blocks: dict[tuple[str, bool], TextBlock] = {}
        self._figures: dict[tuple[str, bool], FigureText] = {}
        self._selected: dict[str, list[tuple[str, Any]]] = {}
        self._index: TextIndex | None = None
        self._normalised: dict[str, tuple[str, Origin | None]] = {}

    def select(self, path: str) -> list[tuple[str, Any]]:
        """The nodes ``path`` names; many rules name the same paths, so each is walked once."""
        found = self._selected.get(path)
        if found is None:
            found = self._selected[path] = paths.select(self.data, path)
        return found

    def resolve(self, path: str) -> Any:
        """The single value at ``path``, or None when it names nothing."""
        found = self.select(path)
        return found[0][1] if found else None

    def text(self, pointer: str, value: Any, *, body_only: bool = False) -> TextBlock:
        """The text at or under a node (its own heading left out with ``body_only``)."""
        cache_key = (pointer, _leaves_out(value, body_only))
        block = self._blocks.get(cache_key)
        if block is None:
            if self._index is None:
                self._index = TextIndex(self.data)
            strings = self._index.under(value, pointer, include_self=not body_only)
            if strings is None:  # a string or list named directly
                strings = list(text_strings(value, pointer, include_self=not body_only))
            block = TextBlock(strings, self._normalised)
            self._blocks[cache_key] = block
        return block

    def figures(self, pointer: str, value: Any, *, body_only: bool = False) -> "FigureText":
        """The figures of the text at or under a node, read once per document."""
        cache_key = (pointer, _leaves_out(value, body_only))
        found = self._figures.get(cache_key)
        if found is None:
            from reportlint.matching.figures import FigureText

            year = self.resolve("report.year")
            block = self.text(pointer, value, body_only=body_only)
            known = isinstance(year, int) and not isinstance(year, bool)
            found = FigureText(block, year=year if known else None)
            self._figures[cache_key] = found
        return found

    def expand(self, template: str) -> str | None:
        """``${report.year + 1}-04-01`` with values from the document or the rule's loop.

        None when a value it names is missing (the schema stage reports that).
        """
        missing = False

        def substitute(match: re.Match[str]) -> str:
            nonlocal missing
            name, sign, amount = match.groups()
            value: Any = self.variables.get(name)
            if value is None:
                value = self.resolve(name)
            if value is None or isinstance(value, (dict, list)):
                missing = True
                return ""
            if sign:
                if not isinstance(value, int) or isinstance(value, bool):
                    missing = True
                    return ""
                value = value + int(amount) if sign == "+" else value - int(amount)
            return str(value)

        expanded = _TEMPLATE.sub(substitute, template)
        return None if missing else expanded
