"""Published reports (.txt, .html, .docx) read into the same Document a report YAML gives.

``reportlint check report.html`` and ``reportlint import report.html`` share this path.
Nothing heavy is imported here: HTML, .docx and encoding detection load only when a
source is read.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportlint.inputs.document import Document
    from reportlint.inputs.sources.assemble import Imported

SOURCE_SUFFIXES = (".txt", ".html", ".htm", ".docx")
# What a report says early on; a .txt or .html in a folder without it is not a report.
_REPORT_WORDS = ("法治政府", "法制政府", "依法行政")


def is_source(path: Path) -> bool:
    """Whether ``path`` is read as a published source rather than as report YAML."""
    return path.suffix.lower() in SOURCE_SUFFIXES


def read_source(path: Path, display: str | None = None, *, max_bytes: int) -> Imported:
    """Read a source file into a report; an unreadable or undecodable file is an InputError.

    A .docx may hold at most ``max_bytes`` characters of text, as a .txt may hold bytes.
    """
    from reportlint.files import read_bytes
    from reportlint.inputs import decoding

    name = display or str(path)
    raw = read_bytes(path, max_bytes)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from reportlint.inputs.sources import read_docx
        from reportlint.inputs.sources.assemble import assemble

        units, lines = read_docx.paragraphs(raw, name, max_chars=max_bytes)
        return assemble(units, name, lines)
    if suffix in (".html", ".htm"):
        return read_html_text(decoding.decode(raw, name, kind="html"), name)
    return read_plain_text(decoding.decode(raw, name, kind="text"), name)


def read_plain_text(text: str, path: str) -> Imported:
    """A plain-text report, already decoded."""
    from reportlint.inputs.sources import read_txt
    from reportlint.inputs.sources.assemble import assemble

    units, lines = read_txt.read(text, path)
    return assemble(units, path, lines)


def read_html_text(text: str, path: str) -> Imported:
    """An HTML page holding a report, already decoded."""
    from reportlint.inputs.sources import read_html
    from reportlint.inputs.sources.assemble import assemble

    units, lines = read_html.read(text, path)
    return assemble(units, path, lines)


def load_source_text(text: str, path: str) -> Document:
    """The Document of a plain-text report given as a string (rule examples use this)."""
    return read_plain_text(text, path).document


def looks_like_report(path: Path) -> bool:
    """Whether a source found in a folder is worth checking (README.txt is not).

    A .docx always is; a .txt or .html must name the subject in its first 64 KiB. A file
    that cannot be sniffed (a FIFO, a device, unreadable) is checked, so that the check
    says why it cannot be read; the sniff itself never opens anything but a regular file.
    """
    if path.suffix.lower() == ".docx":
        return not path.name.startswith("~$")  # Word's lock file beside an open draft
    from reportlint.errors import InputError
    from reportlint.files import read_head

    try:
        head = read_head(path, 65536)
    except InputError:
        return True
    for encoding in ("utf-8", "gb18030", "utf-16"):
        text = head.decode(encoding, errors="ignore")
        if any(word in text for word in _REPORT_WORDS):
            return True
    return False
