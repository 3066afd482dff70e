"""The zip package of a .docx: its parts found, bounded, and streamed through expat.

A hostile .docx can inflate a megabyte to gigabytes, nest elements a hundred thousand deep
or declare entities that expand without end. So the parts are read with the standard
library's zip reader and expat, under limits: the parts read (the document, its styles and
two relationship lists) may inflate to ``MAX_INFLATED`` bytes together, checked against the
sizes the zip declares before any is inflated and counted again while reading (the zip
reader never yields more than a part declares); a part that declares a DTD is refused
(Word never writes one, and entities live only there), so no entity is expanded and
nothing outside the file is ever fetched; nesting and elements are bounded.
"""

from __future__ import annotations

import posixpath
import sys
import zipfile
import zlib
from collections.abc import Callable
from xml.parsers import expat

from reportlint.errors import InputError

# What the XML parts of a report may inflate to, together. A 300-page report's
# document.xml is a few MiB; a zip bomb's is gigabytes.
MAX_INFLATED = 64 * 1024 * 1024
# Elements in one part: a report has some tens of thousands (a 300-page book with a few
# runs a paragraph, a few hundred thousand); each costs one to two microseconds to parse,
# so this bounds the time a part made of empty elements takes.
MAX_ELEMENTS = 2_000_000
# Nesting depth, as YAML is read (tables in tables reach a few dozen levels).
MAX_DEPTH = 1000
# The first piece of a part handed to expat; each next piece is as long as all before it.
# Expat (before 2.6) parses a token that spans pieces again from its start with each new
# piece: in 64 KiB pieces, a 60 MB attribute took 114 s; doubling pieces make it linear.
_FIRST_PIECE = 64 * 1024

_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


class Refused(Exception):
    """A part is not what Word writes; the message says how."""


def damaged_zip() -> tuple[type[Exception], ...]:
    """What the zip reader raises on damaged data, by compression method: zlib.error
    (deflate), OSError (bzip2), LZMAError (lzma, imported by zipfile only when a part
    needs it); ValueError for a part name that is not the UTF-8 its flag says."""
    errors: list[type[Exception]] = [zipfile.BadZipFile, zipfile.LargeZipFile, EOFError]
    errors += [zlib.error, OSError, ValueError]
    lzma = sys.modules.get("lzma")
    if lzma is not None:
        errors.append(lzma.LZMAError)
    return tuple(errors)


class Package:
    """The parts of one .docx, read under one budget of inflated bytes."""

    def __init__(self, package: zipfile.ZipFile, path: str) -> None:
        self._zip = package
        self._budget = _Budget(package, path)

    def has(self, name: str | None) -> bool:
        return _info(self._zip, name) is not None

    def target(self, rels: str, folder: str, kind: str) -> str | None:
        """The part relationship list ``rels`` names for a relationship of ``kind``."""
        return _target(self._zip, self._budget, rels, folder, kind)

    def reserve(self, names: list[str | None]) -> None:
        """Refuse, before inflating any, parts whose declared sizes pass the budget."""
        self._budget.reserve(names)

    def parse(
        self,
        name: str,
        start: Callable[[str, dict[str, str]], None],
        end: Callable[[str], None],
        text: Callable[[str], None] | None = None,
    ) -> None:
        """Stream part ``name`` through expat, calling ``start``, ``end`` and ``text``."""
        _parse(self._zip, name, self._budget, start, end, text)


class _Budget:
    """Bytes the parts read may still inflate to."""

    def __init__(self, package: zipfile.ZipFile, path: str) -> None:
        self.left = MAX_INFLATED
        self.package = package
        self.path = path
        self.reserved: set[str] = set()

    def reserve(self, names: list[str | None]) -> None:
        """Refuse, before inflating any, parts whose declared sizes pass what is left."""
        declared = 0
        for name in names:
            info = _info(self.package, name) if name and name not in self.reserved else None
            if info is not None:
                declared += info.file_size
                self.reserved.add(info.filename)
        if declared > self.left:
            self.refuse(declared + MAX_INFLATED - self.left)

    def spend(self, size: int) -> None:
        self.left -= size
        if self.left < 0:
            self.refuse(MAX_INFLATED - self.left)

    def refuse(self, size: int) -> None:
        raise InputError(
            f"{self.path}: its XML parts inflate to over {size:,} bytes, past the limit of"
            f" {MAX_INFLATED:,} bytes for a .docx; the file is refused",
            zh=f"{self.path}：XML部分解压后超过{size:,}字节，超出.docx文件{MAX_INFLATED:,}字节"
            "的上限，不予读取",
        )


def _info(package: zipfile.ZipFile, name: str | None) -> zipfile.ZipInfo | None:
    if name is None:
        return None
    try:
        return package.getinfo(name)
    except KeyError:
        return None


def _target(
    package: zipfile.ZipFile, budget: _Budget, rels: str, folder: str, kind: str
) -> str | None:
    """The part a relationship list names for a relationship of ``kind``, if any."""
    if _info(package, rels) is None:
        return None
    found: list[str] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        if (
            name == _RELATIONSHIPS
            and attrs.get("Type", "").endswith(kind)
            and attrs.get("TargetMode") != "External"
        ):
            found.append(attrs.get("Target", ""))

    budget.reserve([rels])
    _parse(package, rels, budget, start, lambda name: None, None)
    if not found:
        return None
    target = found[0]
    joined = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
    return posixpath.normpath(joined)


def _parse(
    package: zipfile.ZipFile,
    name: str,
    budget: _Budget,
    start: Callable[[str, dict[str, str]], None],
    end: Callable[[str], None],
    text: Callable[[str], None] | None,
) -> None:
    """Stream part ``name`` through expat, under the budget and the nesting limits."""
    parser = expat.ParserCreate(namespace_separator="}")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    depth = 0
    elements = 0

    def refuse_dtd(*args: object) -> None:
        raise Refused(f"{name} declares a DTD, which Word never writes; it is not read")

    def on_start(tag: str, attrs: dict[str, str]) -> None:
        nonlocal depth, elements
        depth += 1
        elements += 1
        if depth > MAX_DEPTH:
            raise Refused(f"{name} nests elements over {MAX_DEPTH:,} levels deep")
        if elements > MAX_ELEMENTS:
            raise Refused(f"{name} holds over {MAX_ELEMENTS:,} XML elements")
        start(tag, attrs)

    def on_end(tag: str) -> None:
        nonlocal depth
        depth -= 1
        end(tag)

    parser.StartDoctypeDeclHandler = refuse_dtd
    parser.EntityDeclHandler = refuse_dtd
    parser.StartElementHandler = on_start
    parser.EndElementHandler = on_end
    if text is not None:
        parser.buffer_text = True
        parser.CharacterDataHandler = text
    with package.open(name) as stream:
        try:
            size = 0
            while chunk := stream.read(max(_FIRST_PIECE, size)):
                size += len(chunk)
                budget.spend(len(chunk))
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
        except expat.ExpatError as error:
            reason = expat.errors.messages[error.code]
            raise Refused(
                f"{name}: {reason} at line {error.lineno}, column {error.offset + 1}"
            ) from error
        except LookupError as error:  # the encoding its XML declaration names
            raise Refused(f"{name}: {error}") from error
