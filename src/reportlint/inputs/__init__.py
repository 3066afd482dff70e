"""The only package that opens input files: a path in, a Document out.

``load`` dispatches on the suffix: a published source (.txt, .html, .htm, .docx) is read
as ``reportlint import`` reads it (``sources``); anything else is report YAML
(``document``). Every byte stream goes through the one decoder (``decoding``).
"""

from __future__ import annotations

from pathlib import Path

from reportlint.errors import InputError
from reportlint.inputs.document import Document, load_yaml
from reportlint.inputs.sources import is_source

__all__ = ["Document", "load", "load_text", "read_report"]


def load(path: Path, display: str | None = None, *, max_bytes: int) -> Document:
    """The Document of the file at ``path``, named ``display`` (default: the path) in
    findings; a file that cannot be read or decoded is an InputError naming it."""
    name = display or str(path)
    if is_source(path):
        from reportlint.inputs.sources import read_source

        return read_source(path, name, max_bytes=max_bytes).document
    return load_yaml(read_report(path, name, max_bytes=max_bytes), name)


def read_report(path: Path, display: str | None = None, *, max_bytes: int) -> str:
    """The text of a report YAML file, decoded."""
    from reportlint.files import read_bytes
    from reportlint.inputs.decoding import decode

    return decode(read_bytes(path, max_bytes), display or str(path), kind="report")


def load_text(text: str, path: str) -> Document:
    """The Document of text already in hand; ``path`` names it and its suffix says what
    it is (report YAML, or a .txt or .html source)."""
    suffix = Path(path).suffix.lower()
    if suffix in (".txt", ".html", ".htm"):
        from reportlint.inputs.sources import read_html_text, read_plain_text

        reader = read_plain_text if suffix == ".txt" else read_html_text
        return reader(text, path).document
    if suffix == ".docx":
        raise InputError(
            f"{path}: a .docx is read from its file, not from text",
            zh=f"{path}：.docx只能从文件读取，不能从文本读取",
        )
    return load_yaml(text, path)
