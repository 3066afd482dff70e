"""Bytes of a text or HTML source to a string: UTF-8 (BOM or not), GB18030/GBK, and others.

Files from Windows offices are often GB18030/GBK. A BOM or valid UTF-8 decides at once; an
HTML page's declared charset comes next; otherwise charset-normalizer judges the bytes.
"""

from __future__ import annotations

import codecs
import re

from reportlint.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
# GB2312 and GBK pages hold characters only their superset GB18030 decodes.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030"}


def decode(raw: bytes, path: str, *, html: bool = False) -> str:
    """The text of a source file; bytes no encoding explains are an InputError."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _strict(raw, encoding, path, skip=len(bom))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if html:
        declared = _DECLARED.search(raw[:4096])
        if declared:
            name = declared.group(1).decode("ascii").lower()
            try:
                return raw.decode(_SUPERSETS.get(name, name))
            except (LookupError, UnicodeDecodeError):
                pass  # A wrong declaration is common; let the bytes speak.
    return _detected(raw, path)


def _strict(raw: bytes, encoding: str, path: str, *, skip: int = 0) -> str:
    try:
        return raw[skip:].decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(
            f"{path}: not valid {encoding} text at byte {skip + error.start}"
            " (save it as UTF-8 or GB18030)"
        ) from error


def _detected(raw: bytes, path: str) -> str:
    try:
        from charset_normalizer import from_bytes
    except ImportError as error:
        raise InputError(
            f"{path}: not UTF-8 or GB18030; detecting other encodings needs charset-normalizer:"
            " pip install 'reportlint[sources]'"
        ) from error

    best = from_bytes(raw).best()
    if best is None:
        raise InputError(
            f"{path}: cannot decode the text: not UTF-8, GB18030 or another known encoding"
            " (save it as UTF-8)"
        )
    encoding = _SUPERSETS.get(best.encoding.lower(), best.encoding)
    return _strict(raw, encoding, path)
