"""Bytes of an input file to text: the one decoder, for report YAML and for .txt/.html.

Files from Windows offices are often GBK or GB18030; web pages declare a charset, not
always the right one. In order:

1. a byte-order mark decides: UTF-32 before UTF-16 (UTF-32 LE's mark begins with UTF-16
   LE's), then UTF-8; bytes the marked encoding does not explain are an error;
2. NUL bytes near the start, with no mark, mean a binary file;
3. strict UTF-8;
4. for HTML, a multi-byte charset the page declares (GBK, Big5, Shift_JIS …): a strict
   multi-byte decoding that succeeds is strong evidence;
5. strict GB18030, the superset of GBK and GB2312 (no extra needed);
6. for HTML, a single-byte charset the page declares, only now: a single-byte charset
   decodes any bytes at all, and GB18030 pages often carry a template's ``iso-8859-1``;
7. for sources, charset-normalizer (the ``[sources]`` extra) judges the bytes.

Report YAML skips 4, 6 and 7: a report is kept by its authors in UTF-8 or GB18030, and a
detector's guess at a damaged one (cp1006 for ``\\xff\\xff``) would lint mojibake instead of
saying the file is damaged.
"""

from __future__ import annotations

import codecs
import functools
import re
from typing import Literal

from reportlint.errors import InputError

Kind = Literal["report", "text", "html"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BINARY_SNIFF = 8192
_DECLARED_WITHIN = 4096
# GB2312 and GBK pages hold characters only their superset GB18030 decodes.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030"}
# Declared charsets whose strict decoding can fail, so that success says something.
# (A declared UTF-16 or UTF-32 is wrong on a page whose bytes got this far.)
_MULTI_BYTE = frozenset(
    {
        *("gb18030", "big5", "big5hkscs", "cp950", "shift_jis", "cp932", "shift_jis_2004"),
        *("shift_jisx0213", "euc_jp", "euc_jis_2004", "euc_jisx0213", "euc_kr", "cp949"),
        "johab",
    }
)


# Compiled only for a file that is not UTF-8.
@functools.cache
def _declared_charset() -> re.Pattern[bytes]:
    return re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)


@functools.cache
def _single_byte() -> re.Pattern[str]:
    """The single-byte code pages (Python's names) tried after GB18030. Only these: a page
    may declare any codec name, and some (rot13, zlib) are not charsets."""
    return re.compile(
        r"iso8859-[0-9]+|cp(?!932|949|950)[0-9]+|koi8-[a-z]+|mac-[a-z]+|ascii|tis-620|kz1048|"
        r"ptcp154|hp-roman8"
    )


def decode(raw: bytes, path: str, *, kind: Kind) -> str:
    """The text of a file's bytes; bytes no encoding explains are an InputError."""
    marked = next(((bom, name) for bom, name in _BOMS if raw.startswith(bom)), None)
    if marked is not None and marked[1] != "utf-8":
        return _strict(raw, marked[1], path, skip=len(marked[0]))
    # Text in UTF-16 or UTF-32 is full of NULs, and came with its mark (above).
    if b"\x00" in raw[:_BINARY_SNIFF]:
        raise InputError(
            f"{path}: binary file, not a report", zh=f"{path}：这是二进制文件，不是报告"
        )
    if marked is not None:
        return _strict(raw, "utf-8", path, skip=len(marked[0]))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared(raw) if kind == "html" else None
    if declared in _MULTI_BYTE and declared != "gb18030":
        text = _attempt(raw, declared)
        if text is not None:
            return text
    text = _attempt(raw, "gb18030")
    if text is not None:
        return text
    if declared is not None and _single_byte().fullmatch(declared):
        text = _attempt(raw, declared)
        if text is not None:
            return text
    if kind == "report":
        raise InputError(
            f"{path}: not UTF-8, UTF-16 or GB18030 text",
            zh=f"{path}：不是UTF-8、UTF-16或GB18030编码的文本（请另存为UTF-8）",
        )
    return _detected(raw, path)


def _declared(raw: bytes) -> str | None:
    """The canonical name of the charset an HTML page declares, if Python knows it."""
    found = _declared_charset().search(raw[:_DECLARED_WITHIN])
    if found is None:
        return None
    name = found.group(1).decode("ascii").lower()
    try:
        name = codecs.lookup(_SUPERSETS.get(name, name)).name
    except LookupError:
        return None  # a charset Python does not know: let the bytes speak
    return _SUPERSETS.get(name, name)


def _attempt(raw: bytes, encoding: str) -> str | None:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        return None


def _strict(raw: bytes, encoding: str, path: str, *, skip: int = 0) -> str:
    try:
        return raw[skip:].decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(
            f"{path}: not valid {encoding} text at byte {skip + error.start}"
            " (save it as UTF-8 or GB18030)",
            zh=f"{path}：第{skip + error.start}字节处不是有效的{encoding}文本"
            "（请另存为UTF-8或GB18030）",
        ) from error


def _detected(raw: bytes, path: str) -> str:
    try:
        from charset_normalizer import from_bytes
    except ImportError as error:
        from reportlint.installation import extra_command

        raise InputError(
            f"{path}: not UTF-8 or GB18030; detecting other encodings needs charset-normalizer:"
            f" {extra_command('sources')}",
            zh=f"{path}：不是UTF-8或GB18030编码；识别其他编码需要charset-normalizer："
            f"{extra_command('sources')}",
        ) from error

    best = from_bytes(raw).best()
    if best is None:
        raise InputError(
            f"{path}: cannot decode the text: not UTF-8, GB18030 or another known encoding"
            " (save it as UTF-8)",
            zh=f"{path}：无法识别文本编码，不是UTF-8、GB18030或其他已知编码（请另存为UTF-8）",
        )
    encoding = _SUPERSETS.get(best.encoding.lower(), best.encoding)
    return _strict(raw, encoding, path)
