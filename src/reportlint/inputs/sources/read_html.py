"""HTML as government sites publish it: block elements become paragraphs.

The standard library's tokenizer (the one BeautifulSoup's ``html.parser`` builder drives)
reports the line and column of every piece of text and of every entity, which a parsed
tree no longer knows; so the paragraphs are cut from the token stream directly, and each
character keeps its place in the HTML file (as runs of characters written side by side:
a 10 MB paragraph on one line costs one place, not ten million). Navigation, scripts,
footers and blocks whose class or id names them as furniture (nav, share, QR code,
related links) are skipped here; furniture that is plain text (扫一扫…, 相关解读) is
left to the structure stage.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from reportlint.errors import InputError
from reportlint.inputs.sources.units import MAX_PARAGRAPHS, Place, PlacesBuilder, SourceText


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
# Tags and character references a page may hold. The standard tokenizer takes about 10 µs
# for each (a 10 MB page of "<b>" would take 30 s); a report page holds a few thousand,
# a Word export with a span per run some tens of thousands.
MAX_MARKUP = 200_000
_COLLAPSED = " \t\r\n\f"
_BLANK_RUN = re.compile(f"[{_COLLAPSED}]+")
# Words joined by single blanks other than a line break are written as they stand, each
# blank a space at its own column: one run of places. Such a stretch ends at a line break,
# or at a blank that another blank or the end of the data follows. (Searched for, not
# matched as a repeated group, which would keep backtracking state per word.)
_STRETCH_END = re.compile(r"\n|[ \t\r\f](?=[ \t\r\n\f]|\Z)")
_ODD_BLANK = re.compile(r"[\t\r\f]")


def read(text: str, path: str) -> tuple[list[SourceText], list[str]]:
    """The text blocks of an HTML page, in order, each character at its place in the file;
    and the lines of the file (the tokenizer counts lines at "\\n" only)."""
    stand_in, defused = _defuse(text)
    extractor = _Extractor(path, stand_in)
    try:
        extractor.feed(defused)
        extractor.close()
    except AssertionError as error:  # the tokenizer's way of saying it is lost
        raise InputError(
            f"{path}: not HTML that can be read ({error})", zh=f"{path}：无法读取的HTML（{error}）"
        ) from error
    return extractor.found, text.split("\n")


# Where what a "<" opens can end: a tag, an end tag, a declaration or a processing
# instruction at a ">", a comment at "-->", a marked section at "]]>" (or "]>" for Word's
# <![if …]> sections).
_COMMENT_END = re.compile(r"--\s*>")
_SECTION_END = re.compile(r"\]\s*\]\s*>")
_WORD_SECTION_END = re.compile(r"\]\s*>")
_SECTION_START = re.compile(r"<!\[\s*(if|else|endif)?", re.IGNORECASE)
# Noncharacters, never in text: one stands in for a "<" that opens nothing.
_STAND_INS = [chr(code) for code in range(0xFDD0, 0xFDF0)]


def _last_end(pattern: re.Pattern[str], text: str) -> int:
    """Where the last match of ``pattern`` in ``text`` starts, or -1."""
    last = -1
    for match in pattern.finditer(text):
        last = match.start()
    return last


def _defuse(text: str) -> tuple[str, str]:
    """``text`` with each "<" that opens what can never end replaced by a stand-in, of the
    same length (so every place is kept); and the stand-in, turned back into "<" as text.

    The standard tokenizer, meeting such a "<" at the end of its input, scans the rest of
    the page for the end before reading the "<" as text, and does that again for the next
    one: 60 KB of "<a " took 78 s, 80 KB of "<!--" 9 s. What could never end is text.
    """
    stand_in = next((char for char in _STAND_INS if char not in text), "")
    if not stand_in or "<" not in text:
        return stand_in, text
    chars: list[tuple[int, int]] = []  # (start, end) of the "<" to replace
    last_gt = text.rfind(">")
    comments_end = _last_end(_COMMENT_END, text)
    sections_end = _last_end(_SECTION_END, text)
    word_sections_end = _last_end(_WORD_SECTION_END, text)
    start = text.find("<!", 0, last_gt)
    while 0 <= start < last_gt:
        if text.startswith("<!--", start) and start > comments_end:
            chars.append((start, start + 1))
        elif text.startswith("<![", start):
            word = _SECTION_START.match(text, start)
            ends = word_sections_end if word and word.group(1) else sections_end
            if start > ends:
                chars.append((start, start + 1))
        start = text.find("<!", start + 2, last_gt)
    if not chars and "<" not in text[last_gt + 1 :]:
        return stand_in, text
    pieces, done = [], 0
    for begin, end in chars:
        pieces += [text[done:begin], stand_in]
        done = end
    head = text[done : last_gt + 1]
    pieces += [head, text[last_gt + 1 :].replace("<", stand_in)]
    return stand_in, "".join(pieces)


def _is_furniture(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    if tag not in _CONTAINERS:
        return False
    return any(
        name in ("class", "id") and value and _FURNITURE.search(value) for name, value in attrs
    )


class _Extractor(HTMLParser):
    def __init__(self, path: str, stand_in: str) -> None:
        super().__init__(convert_charrefs=False)
        self.path = path
        self._stand_in = stand_in  # a "<" that opens nothing (see _defuse)
        self.found: list[SourceText] = []
        self._pieces: list[str] = []
        self._length = 0
        self._places = PlacesBuilder()
        self._space: Place | None = None  # a collapsed run of white space, not yet written
        self._skipping: str | None = None
        self._depth = 0
        self._markup = 0

    # Tags -----------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._count()
        if self._skipping is not None:
            if tag == self._skipping and tag not in _VOID_TAGS:
                self._depth += 1
            return
        if (tag in _SKIPPED_TAGS or _is_furniture(tag, attrs)) and tag not in _VOID_TAGS:
            self._flush()
            self._skipping, self._depth = tag, 1
        elif tag in _BLOCK_TAGS:
            self._flush()
        elif tag in _CELL_TAGS and self._length:
            self._space = self._here()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._count()
        if self._skipping is None and tag in _BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        self._count()
        if self._skipping is not None:
            if tag == self._skipping:
                self._depth -= 1
                if self._depth == 0:
                    self._skipping = None
            return
        if tag in _BLOCK_TAGS:
            self._flush()
        elif tag in _CELL_TAGS and self._length:
            self._space = self._here()

    # Text -----------------------------------------------------------------------------

    def handle_data(self, data: str) -> None:
        if self._skipping is not None:
            return
        if self._stand_in and self._stand_in in data:
            data = data.replace(self._stand_in, "<")
        line, column = self._here()
        done = 0  # characters of data already placed
        while done < len(data):
            blank = _BLANK_RUN.match(data, done)
            if blank:
                # White space: one space, at its first character, if text follows.
                self._blank((line, column))
                end = blank.end()
                breaks = data.count("\n", done, end)
                if breaks:
                    line, column = line + breaks, end - data.rfind("\n", done, end)
                else:
                    column += end - done
            else:
                # Words with single blanks between them keep their columns: one run.
                stop = _STRETCH_END.search(data, done)
                end = stop.start() if stop else len(data)
                self._text(_ODD_BLANK.sub(" ", data[done:end]), line, column)
                column += end - done
            done = end

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name};")

    def _reference(self, written: str) -> None:
        self._count()
        if self._skipping is not None:
            return
        line, column = self._here()
        # Each character an entity stands for is at its "&".
        for char in html.unescape(written):
            if char in _COLLAPSED:
                self._blank((line, column))
            else:
                self._text(char, line, column)

    def close(self) -> None:
        super().close()
        self._flush()

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """``<![CDATA[…]]>``, ``<![if …]>``; a section the tokenizer does not know
        (``<![bogus[``), on which it would raise, is skipped like a bogus comment."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i + 3)
            return -1 if end < 0 else end + 1

    def _count(self) -> None:
        self._markup += 1
        if self._markup > MAX_MARKUP:
            raise InputError(
                f"{self.path}: more than {MAX_MARKUP:,} tags and character references (a"
                " report page holds a few thousand); the file is refused",
                zh=f"{self.path}：标签和字符引用超过{MAX_MARKUP:,}个"
                "（一个报告网页只有几千个），不予读取",
            )

    # Paragraphs -----------------------------------------------------------------------

    def _here(self) -> Place:
        line, offset = self.getpos()
        return line, offset + 1

    def _blank(self, place: Place) -> None:
        if self._length and self._space is None:
            self._space = place

    def _text(self, text: str, line: int, column: int) -> None:
        """``text`` (no collapsed white space in it) written from ``line:column`` on."""
        if self._space is not None:
            self._places.add(self._length, *self._space)
            self._pieces.append(" ")
            self._length += 1
            self._space = None
        self._places.add(self._length, line, column)
        self._pieces.append(text)
        self._length += len(text)

    def _flush(self) -> None:
        if self._length:
            value = "".join(self._pieces)
            paragraph = SourceText(value, self._places.build(len(value))).strip()
            if paragraph.value:
                if len(self.found) >= MAX_PARAGRAPHS:
                    raise InputError(
                        f"{self.path}: more than {MAX_PARAGRAPHS:,} paragraphs (a report has"
                        " a few hundred); the file is refused",
                        zh=f"{self.path}：段落超过{MAX_PARAGRAPHS:,}个（一篇报告只有几百段），"
                        "不予读取",
                    )
                self.found.append(paragraph)
        self._pieces, self._length, self._space = [], 0, None
