"""Word drafts (.docx): each paragraph, with its style, numbered as the "line".

A .docx has no lines; the place of a character is (paragraph number, character number),
both 1-based, counting every paragraph of the body in order (empty ones and those inside
tables too). A manual line break inside a paragraph starts a new text unit on the same
"line". Numbers that Word's list numbering draws are not in the text and are not read.

The parts are read by ``docx_package``, under its limits; here paragraphs and text are
bounded (``MAX_PARAGRAPHS``, and ``max_chars`` characters of text).

A paragraph's text is that of its runs, with tabs, breaks and no-break hyphens as
characters, as python-docx reads it, and also the runs of tracked insertions, fields and
content controls inside it, which python-docx leaves out: a draft is checked as Word shows
it. A text box's paragraphs are numbered after the paragraph that holds it, once (Word's
second copy, for older readers, is skipped).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile

from reportlint.errors import InputError
from reportlint.inputs.sources.docx_package import Package, Refused, damaged_zip
from reportlint.inputs.sources.units import MAX_PARAGRAPHS, SourceText

_MAIN = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main}",
    "http://purl.oclc.org/ooxml/wordprocessingml/main}",  # Strict Open XML
)
_HEADING_ID = re.compile(r"Heading([1-9])")
# Style names Word writes in lower case and shows capitalised (python-docx's BabelFish).
_UI_NAMES = {"caption": "Caption", "footer": "Footer", "header": "Header"} | {
    f"heading {level}": f"Heading {level}" for level in range(1, 10)
}
_TRUE = ("1", "true", "on")


def paragraphs(raw: bytes, path: str, *, max_chars: int) -> tuple[list[SourceText], list[str]]:
    """The non-blank paragraphs of a .docx file, and the text of every paragraph.

    Anything that is not a readable .docx, or that passes a limit, is an InputError
    naming the file.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as package:
            return _read(package, path, max_chars)
    except Refused as error:
        raise InputError(
            f"{path}: not a Word .docx file: {error}", zh=f"{path}：不是Word .docx文件：{error}"
        ) from error
    except damaged_zip() as error:
        raise InputError(
            f"{path}: not a Word .docx file ({error})", zh=f"{path}：不是Word .docx文件（{error}）"
        ) from error
    except (NotImplementedError, RuntimeError) as error:
        # An unsupported compression method, or an encrypted part.
        raise InputError(
            f"{path}: cannot read the .docx file: {error}",
            zh=f"{path}：无法读取这个.docx文件：{error}",
        ) from error


def _read(
    package: zipfile.ZipFile, path: str, max_chars: int
) -> tuple[list[SourceText], list[str]]:
    parts = Package(package, path)
    main = parts.target("_rels/.rels", "", "/officeDocument") or "word/document.xml"
    if not parts.has(main):
        raise Refused("no main document part (word/document.xml)")
    folder, name = posixpath.split(main)
    styles_part = parts.target(posixpath.join(folder, "_rels", f"{name}.rels"), folder, "/styles")
    parts.reserve([main, styles_part])
    styles = _Styles()
    if styles_part is not None and parts.has(styles_part):
        parts.parse(styles_part, styles.start, styles.end)
    body = _Body(path, max_chars, styles)
    parts.parse(main, body.start, body.end, body.text)
    if not body.seen:
        raise Refused(f"{main} has no document body")
    return body.result()


class _Styles:
    """Paragraph style names by style ID, and the default paragraph style's name."""

    def __init__(self) -> None:
        # Style ID -> (a paragraph style?, its name); the first style of an ID counts.
        self.names: dict[str, tuple[bool, str | None]] = {}
        self.default: str | None = None
        self.present = False
        self._style: tuple[str, bool, bool] | None = None  # ID, is a paragraph style, default
        self._name: str | None = None
        self._depth = 0

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        self._depth += 1
        local = _local(tag)
        if self._depth == 1:
            self.present = local == "styles"
        elif self._depth == 2 and local == "style" and self.present:
            prefix = tag[: -len(local)]
            kind = attrs.get(f"{prefix}type", "paragraph")
            is_default = attrs.get(f"{prefix}default", "").lower() in _TRUE
            self._style = (attrs.get(f"{prefix}styleId", ""), kind == "paragraph", is_default)
            self._name = None
        elif self._depth == 3 and local == "name" and self._style and self._name is None:
            self._name = attrs.get(f"{tag[: -len(local)]}val")

    def end(self, tag: str) -> None:
        if self._depth == 2 and self._style is not None:
            style_id, is_paragraph, is_default = self._style
            name = _UI_NAMES.get(self._name, self._name) if self._name is not None else None
            self.names.setdefault(style_id, (is_paragraph, name))
            # The default is the last paragraph style marked so.
            if is_paragraph and is_default:
                self.default = name
            self._style = None
        self._depth -= 1

    def name(self, style_id: str | None) -> str | None:
        """The name of a paragraph's style, as python-docx gives it."""
        if not self.present:
            # No styles part: python-docx reads its own template's, which has these.
            heading = _HEADING_ID.fullmatch(style_id or "")
            if heading:
                return f"Heading {heading.group(1)}"
            return "Title" if style_id == "Title" else "Normal"
        # An ID that names no paragraph style gets the default one, as in Word.
        is_paragraph, name = self.names.get(style_id or "", (False, None))
        return name if is_paragraph and style_id else self.default


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


class _Paragraph:
    """A paragraph being read: its number, style ID and text so far."""

    __slots__ = ("number", "pieces", "style")

    def __init__(self, number: int) -> None:
        self.number = number
        self.style: str | None = None
        self.pieces: list[str] = []


# What an open element is, for the paragraph it belongs to.
_OTHER, _DOCUMENT, _BODY, _P, _PPR, _INLINE, _RUN, _TEXT, _SKIPPED = range(9)
# What holds runs inside a paragraph: hyperlinks, tracked insertions and moves (the text as
# Word shows it; deleted text is w:delText, never read), fields, tags, content controls.
_INLINE_WRAPPERS = frozenset(
    {"hyperlink", "ins", "moveTo", "fldSimple", "smartTag", "customXml", "sdt", "sdtContent"}
    | {"dir", "bdo"}
)
_FALLBACK = "http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_RUN_TEXT = {"tab": "\t", "ptab": "\t", "cr": "\n", "noBreakHyphen": "-"}


class _Body:
    """Reads paragraphs out of the main document part's start and end events."""

    def __init__(self, path: str, max_chars: int, styles: _Styles) -> None:
        self.path = path
        self.max_chars = max_chars
        self.styles = styles
        self.seen = False
        self.chars = 0
        self.texts: list[str] = []
        self.style_ids: list[str | None] = []
        # One frame per open element: what it is, and the paragraph it belongs to.
        self.stack: list[tuple[int, _Paragraph | None]] = []
        self.in_body = 0  # open body elements (only the first body is read)
        self.fallback = 0  # open mc:Fallback elements, whose paragraphs are not read
        self.collecting: _Paragraph | None = None  # the paragraph a <w:t> is adding to

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        self.collecting = None
        kind, paragraph = self.stack[-1] if self.stack else (_OTHER, None)
        local = _local(tag)
        namespace = tag[: -len(local)]
        role, owner = _OTHER, paragraph
        if tag == _FALLBACK:
            # Word writes a text box twice: for itself (mc:Choice) and for older readers.
            role = _SKIPPED
            self.fallback += 1
        elif namespace not in _MAIN:
            pass
        elif not self.stack:
            role = _DOCUMENT if local == "document" else _OTHER
        elif kind == _DOCUMENT and local == "body" and not self.seen:
            role, self.seen = _BODY, True
            self.in_body = 1
        elif local == "p" and self.in_body and not self.fallback:
            role, owner = _P, self._open_paragraph()
        elif kind == _P and local == "pPr":
            role = _PPR
        elif kind in (_P, _INLINE) and local in _INLINE_WRAPPERS:
            role = _INLINE
        elif kind in (_P, _INLINE) and local == "r":
            role = _RUN
        elif kind == _PPR and local == "pStyle" and paragraph is not None:
            if paragraph.style is None:
                paragraph.style = attrs.get(f"{namespace}val")
        elif kind == _RUN and paragraph is not None:
            if local == "t":
                role = _TEXT
                self.collecting = paragraph
            elif local == "br":
                kind_of_break = attrs.get(f"{namespace}type", "textWrapping")
                self._add(paragraph, "\n" if kind_of_break == "textWrapping" else "")
            elif local in _RUN_TEXT:
                self._add(paragraph, _RUN_TEXT[local])
        self.stack.append((role, owner if role != _OTHER else None))

    def end(self, tag: str) -> None:
        self.collecting = None
        role, paragraph = self.stack.pop()
        if role == _BODY:
            self.in_body = 0
        elif role == _SKIPPED:
            self.fallback -= 1
        elif role == _P and paragraph is not None:
            self.texts[paragraph.number - 1] = "".join(paragraph.pieces)
            self.style_ids[paragraph.number - 1] = paragraph.style

    def text(self, data: str) -> None:
        # Only a <w:t>'s own text counts, not what follows an element inside it.
        if self.collecting is not None:
            self._add(self.collecting, data)

    def _open_paragraph(self) -> _Paragraph:
        if len(self.texts) >= MAX_PARAGRAPHS:
            raise InputError(
                f"{self.path}: more than {MAX_PARAGRAPHS:,} paragraphs (a report has a few"
                " hundred); the file is refused",
                zh=f"{self.path}：段落超过{MAX_PARAGRAPHS:,}个（一篇报告只有几百段），不予读取",
            )
        self.texts.append("")
        self.style_ids.append(None)
        return _Paragraph(len(self.texts))

    def _add(self, paragraph: _Paragraph, text: str) -> None:
        self.chars += len(text)
        if self.chars > self.max_chars:
            raise InputError(
                f"{self.path}: its text is over {self.max_chars:,} characters, the limit"
                " for a file (raise it with --max-bytes)",
                zh=f"{self.path}：文字超过每个文件{self.max_chars:,}字的上限"
                "（可用--max-bytes调高）",
            )
        paragraph.pieces.append(text)

    def result(self) -> tuple[list[SourceText], list[str]]:
        found: list[SourceText] = []
        for number, text in enumerate(self.texts, start=1):
            if not text.strip():
                continue
            style = self.styles.name(self.style_ids[number - 1])
            for piece in re.finditer(r"[^\n]+", text):
                unit = SourceText.at(piece.group(), number, piece.start() + 1, style).strip()
                if unit.value:
                    found.append(unit)
        return found, self.texts
