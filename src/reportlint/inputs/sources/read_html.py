"""HTML as government sites publish it: block elements become paragraphs.

The standard library's tokenizer (the one BeautifulSoup's ``html.parser`` builder drives)
reports the line and column of every piece of text and of every entity, which a parsed
tree no longer knows; so the paragraphs are cut from the token stream directly, and each
character keeps its place in the HTML file. Navigation, scripts, footers and blocks whose
class or id names them as furniture (nav, share, QR code, related links) are skipped here;
furniture that is plain text (扫一扫…, 相关解读) is left to the structure stage.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from reportlint.inputs.sources.units import Place, SourceText


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SKIPPED_TAGS = _names(
    "head title script style noscript template nav footer aside form select button "
    "iframe object svg canvas"
)
_BLOCK_TAGS = _names(
    "address article blockquote body caption center dd details dialog div dl dt fieldset "
    "figcaption figure h1 h2 h3 h4 h5 h6 header hr html li main ol p pre section summary "
    "table tbody tfoot thead tr ul br"
)
_CELL_TAGS = _names("td th")
_VOID_TAGS = _names("area base br col embed hr img input link meta param source track wbr")
# Containers skipped by their class or id; a <p> is not among them, since an unclosed one
# would swallow the rest of the page.
_CONTAINERS = _names("div ul ol dl section span a table header")
_FURNITURE = re.compile(
    r"(?:^|[-_\s])(?:nav|navbar|menu|breadcrumbs?|crumbs?|position|location|footer|foot|"
    r"share|qrcode|qr|ewm|erweima|related|xgjd|xgzc|xglj|print|toolbar|copyright|sidebar|"
    r"search|login|topbar)(?:$|[-_\s\d])",
    re.IGNORECASE,
)
_COLLAPSED = frozenset(" \t\r\n\f")


def paragraphs(text: str) -> list[SourceText]:
    """The text blocks of an HTML page, in order, each character at its place in the file."""
    extractor = _Extractor()
    extractor.feed(text)
    extractor.close()
    return extractor.found


def _is_furniture(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    if tag not in _CONTAINERS:
        return False
    return any(
        name in ("class", "id") and value and _FURNITURE.search(value) for name, value in attrs
    )


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found: list[SourceText] = []
        self._chars: list[str] = []
        self._places: list[Place] = []
        self._space: Place | None = None  # a collapsed run of white space, not yet written
        self._skipping: str | None = None
        self._depth = 0

    # Tags -----------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skipping is not None:
            if tag == self._skipping and tag not in _VOID_TAGS:
                self._depth += 1
            return
        if (tag in _SKIPPED_TAGS or _is_furniture(tag, attrs)) and tag not in _VOID_TAGS:
            self._flush()
            self._skipping, self._depth = tag, 1
        elif tag in _BLOCK_TAGS:
            self._flush()
        elif tag in _CELL_TAGS and self._chars:
            self._space = self._here()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skipping is None and tag in _BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if self._skipping is not None:
            if tag == self._skipping:
                self._depth -= 1
                if self._depth == 0:
                    self._skipping = None
            return
        if tag in _BLOCK_TAGS:
            self._flush()
        elif tag in _CELL_TAGS and self._chars:
            self._space = self._here()

    # Text -----------------------------------------------------------------------------

    def handle_data(self, data: str) -> None:
        if self._skipping is not None:
            return
        line, column = self._here()
        for char in data:
            self._add(char, (line, column))
            if char == "\n":
                line, column = line + 1, 1
            else:
                column += 1

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name};")

    def _reference(self, written: str) -> None:
        if self._skipping is not None:
            return
        place = self._here()
        for char in html.unescape(written):
            self._add(char, place)

    def close(self) -> None:
        super().close()
        self._flush()

    # Paragraphs -----------------------------------------------------------------------

    def _here(self) -> Place:
        line, offset = self.getpos()
        return line, offset + 1

    def _add(self, char: str, place: Place) -> None:
        if char in _COLLAPSED:
            if self._chars and self._space is None:
                self._space = place
            return
        if self._space is not None:
            self._chars.append(" ")
            self._places.append(self._space)
            self._space = None
        self._chars.append(char)
        self._places.append(place)

    def _flush(self) -> None:
        if self._chars:
            paragraph = SourceText("".join(self._chars), tuple(self._places)).strip()
            if paragraph.value:
                self.found.append(paragraph)
        self._chars, self._places, self._space = [], [], None
