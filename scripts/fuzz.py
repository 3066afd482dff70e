"""Mutation fuzzing of the linter, for minutes at a time (outside the normal test run).

    python scripts/fuzz.py --minutes 10 [--target yaml|docx|html ...] [--seed 1] [--out DIR]

``yaml`` (the default): each input is the reference report (examples/yungang-2023.yaml)
changed by a few random mutations: of its data (delete, duplicate or swap keys, scalars
replaced by other types, unicode inserted into text) re-dumped in a random style, of its
YAML source (characters inserted, lines duplicated, swapped or cut, indentation broken),
or of its bytes (another encoding, bytes flipped). Each goes through ``Linter.read`` and
``Linter.lint_text`` as a file would.

``docx`` and ``html``: the reference report as a Word file (written here from the .txt,
with a metadata table, heading styles, runs, breaks and a hyperlink) or as the published
page (tests/fixtures/sources), mutated at the XML or HTML level (elements, entities,
DTDs, deep nesting, many paragraphs, long runs of text, encodings and declared charsets)
and, for a .docx, at the zip level (parts dropped, duplicated, stored another way, header
fields and bytes changed, relationship targets pointed elsewhere). Each goes through
``inputs.load`` and ``Linter.lint_document`` as ``reportlint check`` reads it.

An escape is any exception other than the InputError a bad file is meant to give, a
finding whose position lies outside the file (``Document.lines``), or an input slower
than ``--slow`` seconds; the process runs under an address-space limit (``--memory``), so
a blow-up is a MemoryError escape, not a stalled machine. Each distinct escape is saved
with its traceback to ``--out``; the input file there reproduces it with
``reportlint check --debug FILE``.
"""

from __future__ import annotations

import argparse
import copy
import datetime
import hashlib
import io
import random
import re
import signal
import struct
import sys
import tempfile
import time
import traceback
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from reportlint import inputs  # noqa: E402
from reportlint.errors import InputError  # noqa: E402
from reportlint.findings import Finding  # noqa: E402
from reportlint.linter import Linter  # noqa: E402

REFERENCE = ROOT / "examples" / "yungang-2023.yaml"
REFERENCE_TXT = ROOT / "tests" / "fixtures" / "corpus" / "yungang-2023.txt"
REFERENCE_HTML = ROOT / "tests" / "fixtures" / "sources" / "yungang-2023.html"
MAX_BYTES = 10 * 1024 * 1024
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")

# Characters worth inserting: YAML indicators, line breaks YAML knows and Python splits on,
# control characters, BOMs, full-width and combining forms, CJK, astral, a lone surrogate.
_SPICE = (
    *":-?[]{},&*!|>'\"%@`#\t\n\r ",
    *("\x85", "\u2028", "\u2029", "\x0b", "\x0c", "\x1c", "\x00", "\x07", "\x7f"),
    *("\ufeff", "\u200b", "\u3000", "\uff10", "\uff1a", "\u0301", "\u3220", "\ufffd"),
    *("一", "、", "。", "（", "）", "年", "月", "日", "%", "\U0001f600", "\U00020000", "\ud800"),
)


class _Slow(Exception):
    pass


def yaml_lines(text: str) -> list[str]:
    """The lines of ``text`` as YAML counts them (its marks' line numbers)."""
    return _LINE_BREAK.split(text)


def position_problem(finding: Finding, lines: list[str]) -> str | None:
    """Why a finding's position is not inside the file, or None."""
    line, column = finding.line, finding.column
    if not 1 <= line <= len(lines):
        return f"line {line} outside 1..{len(lines)}"
    if not 1 <= column <= len(lines[line - 1]) + 1:
        return f"column {column} outside 1..{len(lines[line - 1]) + 1} on line {line}"
    if (finding.end_line, finding.end_column) < (line, column):
        return f"end {finding.end_line}:{finding.end_column} before start {line}:{column}"
    return None


# Mutations of the data -------------------------------------------------------------------


def _containers(data: Any) -> list[Any]:
    found, stack = [], [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict | list) and node:
            found.append(node)
            stack.extend(node.values() if isinstance(node, dict) else node)
    return found


def _random_scalar(rng: random.Random) -> Any:
    return rng.choice(
        [
            None,
            True,
            0,
            -1,
            2023,
            10**30,
            3.5,
            float("inf"),
            "",
            "2023-02-30",
            "0000-01-01",
            datetime.date(2023, 12, 31),
            [],
            {},
            ["x"],
            {"heading": "x"},
            "截至11月份" * rng.randint(1, 50),
            "".join(rng.choice(_SPICE) for _ in range(rng.randint(1, 20))),
        ]
    )


def _key(rng: random.Random, node: Any) -> Any:
    return rng.choice(list(node)) if isinstance(node, dict) else rng.randrange(len(node))


def mutate_data(rng: random.Random, data: Any) -> Any:
    """One change to the loaded data (in place where possible); returns the new root."""
    containers = _containers(data)
    if not containers:
        return _random_scalar(rng)
    node = rng.choice(containers)
    key = _key(rng, node)
    kind = rng.randrange(5)
    if kind == 0:  # delete
        del node[key]
    elif kind == 1:  # swap two values
        other = _key(rng, node)
        node[key], node[other] = node[other], node[key]
    elif kind == 2:  # another type
        node[key] = _random_scalar(rng)
    elif kind == 3 and isinstance(node[key], str):  # unicode into text
        text = node[key]
        at = rng.randint(0, len(text))
        spice = "".join(rng.choice(_SPICE) for _ in range(rng.randint(1, 5)))
        node[key] = text[:at] + spice.replace("\ud800", "") + text[at:]
    elif isinstance(node, dict):  # rename a key, maybe to a sibling's
        node[rng.choice([*node, "shortcomming", "", "0", "format"])] = node.pop(key)
    else:  # duplicate an item
        node.insert(key, node[key])
    return data


def dump(rng: random.Random, data: Any) -> str:
    """YAML text of ``data`` in a random style."""
    return yaml.safe_dump(
        data,
        allow_unicode=rng.random() < 0.8,
        default_flow_style=rng.choice([False, None, True]),
        sort_keys=False,
        width=rng.choice([40, 80, 10_000]),
        indent=rng.choice([2, 4]),
    )


# Mutations of the text and the bytes ------------------------------------------------------


def mutate_text(rng: random.Random, text: str) -> str:
    lines = text.split("\n")
    kind = rng.randrange(7)
    if kind == 0:  # insert characters
        at = rng.randint(0, len(text))
        spice = "".join(rng.choice(_SPICE) for _ in range(rng.randint(1, 8)))
        return text[:at] + spice + text[at:]
    if kind == 1:  # delete a slice
        at = rng.randint(0, len(text))
        return text[:at] + text[at + rng.randint(1, 200) :]
    if kind == 2:  # duplicate a line (duplicate keys)
        index = rng.randrange(len(lines))
        lines.insert(index, lines[index])
    elif kind == 3:  # swap two lines
        one, two = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[one], lines[two] = lines[two], lines[one]
    elif kind == 4:  # break the indentation of a line
        index = rng.randrange(len(lines))
        lines[index] = rng.choice(["", " ", "\t", "   "]) + lines[index].lstrip(" ")
    elif kind == 5:  # truncate
        return text[: rng.randint(0, len(text))]
    else:  # YAML features: anchors, aliases, tags, documents
        index = rng.randrange(len(lines))
        lines.insert(
            index,
            rng.choice(
                [
                    "---",
                    "...",
                    "x: &a [1, 2]",
                    "y: *a",
                    "z: !!python/object/apply:os.system ['true']",
                    "<<: {a: 1}",
                    "? [complex, key]\n: 1",
                    "%YAML 1.1",
                    "k: !custom x",
                ]
            ),
        )
    return "\n".join(lines)


def encode(rng: random.Random, text: str) -> bytes:
    """``text`` as a file might hold it, sometimes damaged."""
    codec = rng.choice(["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "gb18030"])
    raw = text.encode(codec, "replace" if codec != "utf-16-be" else "surrogatepass")
    if codec == "utf-16-be":
        raw = b"\xfe\xff" + raw
    if rng.random() < 0.3 and raw:
        damaged = bytearray(raw)
        for _ in range(rng.randint(1, 4)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        raw = bytes(damaged)
    return raw


# Word files: the reference report as a .docx, mutated as XML and as a zip ---------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{_W}">'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    '</w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'
    + "".join(
        f'<w:style w:type="paragraph" w:styleId="Heading{n}"><w:name w:val="heading {n}"/>'
        "</w:style>"
        for n in (1, 2)
    )
    + '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/></w:style>'
    "</w:styles>"
)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _paragraph(text: str, style: str | None = None) -> str:
    properties = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{properties}<w:r><w:t xml:space="preserve">{_escape(text)}</w:t></w:r></w:p>'


def reference_docx_parts() -> dict[str, str]:
    """The parts of the reference report as a .docx: metadata table, title, headings."""
    lines = REFERENCE_TXT.read_text(encoding="utf-8").split("\n")
    cells = "".join(
        f"<w:tr><w:tc>{_paragraph(label)}</w:tc><w:tc>{_paragraph(value)}</w:tc></w:tr>"
        for label, _, value in (line.partition(":") for line in lines[:7])
    )
    body = [f"<w:tbl>{cells}</w:tbl>"]
    for line in lines[7:]:
        style = None
        if "年度报告" in line and len(line) < 30:
            style = "Title"
        elif re.match("^[一二三四五六七八九]、", line):
            style = "Heading1"
        elif line.startswith(("(", "（")):
            style = "Heading2"
        if "。" in line and len(line) > 60:
            # A run with a tab and a line break, and a hyperlink, as Word writes them.
            cut = len(line) // 2
            body.append(
                f'<w:p><w:r><w:t xml:space="preserve">{_escape(line[:cut])}</w:t><w:tab/>'
                f"<w:br/><w:t>{_escape(line[cut:])}</w:t></w:r>"
                f'<w:hyperlink r:id="rId9"><w:r><w:t>链接</w:t></w:r></w:hyperlink></w:p>'
            )
        else:
            body.append(_paragraph(line, style))
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}"'
        f' xmlns:r="{_REL}"><w:body>{"".join(body)}<w:sectPr/></w:body></w:document>'
    )
    return {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
            '.org/package/2006/content-types"><Default Extension="xml" ContentType="application/'
            'xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<?xml version="1.0"?><Relationships xmlns="{_RELS_NS}"><Relationship Id="rId1"'
            f' Type="{_REL}/officeDocument" Target="word/document.xml"/></Relationships>'
        ),
        "word/_rels/document.xml.rels": (
            f'<?xml version="1.0"?><Relationships xmlns="{_RELS_NS}"><Relationship Id="rId1"'
            f' Type="{_REL}/styles" Target="styles.xml"/><Relationship Id="rId9"'
            f' Type="{_REL}/hyperlink" Target="http://example.org/" TargetMode="External"/>'
            "</Relationships>"
        ),
        "word/document.xml": document,
        "word/styles.xml": _STYLES,
    }


_XML_SNIPPETS = (
    "<w:p/>",
    "<w:p>",
    "</w:p>",
    "<w:r><w:t>一、</w:t></w:r>",
    '<w:r><w:br w:type="page"/><w:cr/><w:tab/><w:ptab/><w:noBreakHyphen/></w:r>',
    "<w:r><w:t>XX</w:t><w:t>法治<w:b/>尾</w:t></w:r>",
    '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>',
    '<w:pPr><w:pStyle w:val="Strong"/></w:pPr>',
    '<w:pPr><w:pStyle w:val="Title"/><w:pStyle w:val="Heading2"/></w:pPr>',
    "<w:pPr><w:pStyle/></w:pPr>",
    "<w:hyperlink><w:r><w:t>链</w:t></w:r><w:hyperlink><w:r><w:t>x</w:t></w:r>"
    "</w:hyperlink></w:hyperlink>",
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>格</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
    "<w:r><w:pict><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></w:pict></w:r>",
    "<w:body><w:p><w:r><w:t>第二个正文</w:t></w:r></w:p></w:body>",
    "<w:sdt><w:sdtContent><w:p><w:r><w:t>控件</w:t></w:r></w:p></w:sdtContent></w:sdt>",
    "<![CDATA[<w:p>]]>",
    "<!-- comment -->",
    "<?pi data?>",
    "&amp;&lt;&#12288;&#x3000;",
    "&#0;",
    "&#xD800;",
    "&#1114112;",
    "&nbsp;",
    "&undefined;",
    '<x:y xmlns:x="urn:other"><w:p><w:r><w:t>别的命名空间</w:t></w:r></w:p></x:y>',
    '<w:p xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:r><w:t>严格</w:t>'
    "</w:r></w:p>",
    "\x00",
    "\ufeff",
    "\ud800",
    "<",
    "&",
    '"',
    "]]>",
)
_DOCTYPES = (
    '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>',
    '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE w:document SYSTEM "http://127.0.0.1:9/x.dtd">',
    '<!DOCTYPE w:document [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p.dtd"> %p;]>',
    "<!DOCTYPE w:document>",
)


def mutate_xml(rng: random.Random, xml: str) -> str:
    """One change to an XML part, at a tag boundary where it can keep it well-formed."""
    boundaries = [m.end() for m in re.finditer(">", xml)] or [0]
    at = rng.choice(boundaries)
    kind = rng.randrange(10)
    if kind < 3:  # an element or a stray piece of markup
        return xml[:at] + rng.choice(_XML_SNIPPETS) + xml[at:]
    if kind == 3:  # cut out a stretch between two tags
        end = rng.choice(boundaries)
        return xml[: min(at, end)] + xml[max(at, end) :]
    if kind == 4:  # the same stretch twice
        end = rng.choice(boundaries)
        return xml[: max(at, end)] + xml[min(at, end) : max(at, end)] + xml[max(at, end) :]
    if kind == 5:  # a DTD, an encoding, or the declaration gone
        head, _, rest = xml.partition("?>")
        choice = rng.randrange(3)
        if choice == 0:
            return head + "?>" + rng.choice(_DOCTYPES) + rest
        if choice == 1:
            encoding = rng.choice(["UTF-16", "GB2312", "latin-1", "bogus", "UTF-8"])
            return re.sub('encoding="[^"]*"', f'encoding="{encoding}"', xml, count=1)
        return rest
    if kind == 6:  # deep nesting
        depth = rng.choice([10, 200, 999, 1001, 5000])
        tag = rng.choice(["w:sdt", "w:r", "w:p", "w:tbl", "x"])
        return xml[:at] + f"<{tag}>" * depth + f"</{tag}>" * depth + xml[at:]
    if kind == 7:  # many paragraphs, or one long run of text
        if rng.random() < 0.5:
            return xml[:at] + "<w:p/>" * rng.choice([100, 5000, 21000]) + xml[at:]
        text = rng.choice(["法", "XX", "a ", "\t", "(一)"]) * rng.choice([1000, 100_000])
        return xml[:at] + f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" + xml[at:]
    if kind == 8:  # attributes and names changed
        return xml.replace(
            rng.choice(["w:val", "w:type", "w:styleId", "w:default", "w:name", "Target", "Type"]),
            rng.choice(["w:vaI", "val", "w:type", "x:val", "w:default", ""]),
            1,
        )
    spice = "".join(rng.choice(_SPICE) for _ in range(rng.randint(1, 8)))  # characters
    at = rng.randint(0, len(xml))
    return xml[:at] + spice + xml[at:]


def _encode_part(rng: random.Random, text: str) -> bytes:
    if rng.random() < 0.9:
        return text.encode("utf-8", "surrogatepass")
    return text.encode(rng.choice(["utf-16", "gb18030", "latin-1"]), "replace")


def build_zip(rng: random.Random, parts: dict[str, bytes]) -> bytes:
    """A zip of ``parts``, each stored or compressed a random way (sometimes twice)."""
    buffer = io.BytesIO()
    warnings.filterwarnings("ignore", "Duplicate name", UserWarning)
    with zipfile.ZipFile(buffer, "w") as package:
        for name, data in parts.items():
            method = rng.choice(
                [zipfile.ZIP_DEFLATED] * 6
                + [zipfile.ZIP_STORED, zipfile.ZIP_BZIP2]
                + [zipfile.ZIP_LZMA]
            )
            package.writestr(zipfile.ZipInfo(name), data, compress_type=method)
            if rng.random() < 0.02:
                package.writestr(zipfile.ZipInfo(name), data[: len(data) // 2])
    return buffer.getvalue()


def mutate_zip(rng: random.Random, raw: bytes) -> bytes:
    """A change to the zip itself: header fields, bytes, length."""
    data = bytearray(raw)
    kind = rng.randrange(4)
    if kind == 0:  # a field of a header: sizes, CRC, method, flags, name length
        headers = [m.start() for m in re.finditer(b"PK\x01\x02|PK\x03\x04", raw)]
        if headers:
            at = rng.choice(headers)
            central = data[at : at + 4] == b"PK\x01\x02"
            field = rng.choice([8, 10, 16, 20, 24, 28] if central else [6, 8, 14, 18, 22, 26])
            value = rng.choice([0, 1, 8, 12, 14, 99, 0xFFFF, 0xFFFFFFFF, rng.randrange(1 << 32)])
            width = 4 if field in (16, 20, 24, 14, 18, 22) else 2
            if at + field + width <= len(data):
                struct.pack_into(
                    "<I" if width == 4 else "<H", data, at + field, value % (1 << (8 * width))
                )
    elif kind == 1:  # flipped bytes
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif kind == 2:  # cut short
        del data[rng.randrange(len(data)) :]
    else:  # something after or before
        extra = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
        data = data + extra if rng.random() < 0.5 else bytearray(extra) + data
    return bytes(data)


def make_docx(rng: random.Random, parts: dict[str, str]) -> bytes:
    changed = dict(parts)
    for _ in range(rng.randint(1, 4)):
        name = rng.choice(
            ["word/document.xml"] * 6
            + ["word/styles.xml", "_rels/.rels", "word/_rels/document.xml.rels"]
        )
        if name in changed:
            changed[name] = mutate_xml(rng, changed[name])
    if rng.random() < 0.1:  # a part missing
        changed.pop(rng.choice(list(changed)), None)
    if rng.random() < 0.1:  # a relationship that points elsewhere
        target = rng.choice(["../../etc/passwd", "/word/document.xml", "", "word/styles.xml"])
        changed["_rels/.rels"] = parts["_rels/.rels"].replace("word/document.xml", target)
    raw = build_zip(rng, {name: _encode_part(rng, text) for name, text in changed.items()})
    if rng.random() < 0.25:
        raw = mutate_zip(rng, raw)
    return raw


# Web pages: the published page, mutated as HTML and as bytes ----------------------------------

_HTML_SNIPPETS = (
    "<p>",
    "</p>",
    "</div>",
    "<div class='nav'>",
    "<div class='share'>",
    "<td>",
    "</td>",
    "<br/>",
    "<br>",
    "<script>",
    "</script>",
    "<style>",
    "<!--",
    "-->",
    "<![CDATA[",
    "<![if !supportLists]>",
    "<![endif]>",
    "<![bogus[",
    "<![ ",
    "<!ELEMENT x>",
    "<!DOCTYPE html SYSTEM 'http://127.0.0.1:9/x.dtd'>",
    "<?xml version='1.0'?>",
    "&#0;",
    "&#x110000;",
    "&#99999999999999;",
    "&amp",
    "&ldquo",
    "&nbsp;&nbsp;",
    "&#10;&#32;",
    "&unknown;",
    "<p>一、</p>",
    "<p>(一)</p>",
    "<h1>2024年法治政府建设年度报告</h1>",
    "<img src='http://127.0.0.1:9/x.png'>",
    "<iframe src='file:///etc/passwd'></iframe>",
    "<a href='x' class=\"",
    "\r",
    "\n\n\n",
    "  \t  ",
    "\u3000",
    "\x0c",
    "<",
    "&",
)


def mutate_html(rng: random.Random, page: str) -> str:
    kind = rng.randrange(6)
    at = rng.randint(0, len(page))
    if kind < 2:
        snippet = "".join(rng.choice(_HTML_SNIPPETS) for _ in range(rng.randint(1, 6)))
        return page[:at] + snippet + page[at:]
    if kind == 2:
        return page[:at] + page[at + rng.randint(1, 400) :]
    if kind == 3:  # long lines, long paragraphs, many paragraphs
        piece = rng.choice(["法", "法 治", "a\tb ", "&amp;", "<b>x</b>", "\n", "<p>x</p>"])
        return page[:at] + piece * rng.choice([1000, 100_000, 21_000]) + page[at:]
    if kind == 4:  # nesting
        tag = rng.choice(["div", "p", "span", "nav", "table"])
        depth = rng.choice([100, 10_000])
        return page[:at] + f"<{tag}>" * depth + "文" + f"</{tag}>" * depth + page[at:]
    spice = "".join(rng.choice(_SPICE) for _ in range(rng.randint(1, 8)))
    return page[:at] + spice + page[at:]


def make_html(rng: random.Random, page: str) -> bytes:
    for _ in range(rng.randint(1, 5)):
        page = mutate_html(rng, page)
    if rng.random() < 0.3:
        charset = rng.choice(
            ["iso-8859-1", "gb2312", "gbk", "big5", "shift_jis", "utf-16", "rot13", "bogus", ""]
        )
        page = page.replace('charset="utf-8"', f'charset="{charset}"', 1)
    codec = rng.choice(["utf-8"] * 5 + ["gb18030", "gbk", "utf-16", "utf-32", "big5", "utf-8-sig"])
    raw = page.encode(codec, "replace" if codec not in ("utf-16", "utf-32") else "surrogatepass")
    if rng.random() < 0.2 and raw:
        damaged = bytearray(raw)
        for _ in range(rng.randint(1, 4)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        raw = bytes(damaged)
    return raw


# The loop --------------------------------------------------------------------------------


def make_input(rng: random.Random, reference: str, reference_data: Any) -> bytes:
    text = reference
    if rng.random() < 0.5:
        data = copy.deepcopy(reference_data)
        for _ in range(rng.randint(1, 4)):
            data = mutate_data(rng, data)
        text = dump(rng, data)
    for _ in range(rng.randint(0 if text != reference else 1, 4)):
        text = mutate_text(rng, text)
    return encode(rng, text)


def run_one(linter: Linter, raw: bytes, scratch: Path, slow: float) -> str | None:
    """What went wrong linting ``raw`` as a file, or None."""
    scratch.write_bytes(raw)
    signal.alarm(int(slow) + 1)
    started = time.perf_counter()
    try:
        try:
            text = linter.read(scratch)
        except InputError:
            return None
        findings = linter.lint_text(text, str(scratch))
    except _Slow:
        return f"slow: over {slow:g} s"
    except Exception:
        return traceback.format_exc()
    finally:
        signal.alarm(0)
    if time.perf_counter() - started > slow:
        return f"slow: {time.perf_counter() - started:.1f} s"
    lines = yaml_lines(text)
    for finding in findings:
        problem = position_problem(finding, lines)
        if problem:
            return f"bad position: {finding.rule} at {finding.line}:{finding.column}: {problem}"
    return None


# How source inputs ended: refused with an InputError, or read and linted.
OUTCOMES: dict[str, int] = {"refused": 0, "linted": 0}


def run_source(linter: Linter, raw: bytes, scratch: Path, slow: float) -> str | None:
    """What went wrong checking ``raw`` as a source file (.docx, .html), or None."""
    scratch.write_bytes(raw)
    signal.alarm(int(slow) + 1)
    started = time.perf_counter()
    try:
        try:
            doc = inputs.load(scratch, max_bytes=MAX_BYTES)
        except InputError as error:
            OUTCOMES["refused"] += 1
            if "\n" in str(error):
                return f"error of more than one line: {error!r}"
            return None
        OUTCOMES["linted"] += 1
        findings = linter.lint_document(doc)
    except _Slow:
        return f"slow: over {slow:g} s"
    except Exception:
        return traceback.format_exc()
    finally:
        signal.alarm(0)
    if time.perf_counter() - started > slow:
        return f"slow: {time.perf_counter() - started:.1f} s"
    for finding in findings:
        problem = position_problem(finding, doc.lines)
        if problem:
            return f"bad position: {finding.rule} at {finding.line}:{finding.column}: {problem}"
    return None


def _signature(problem: str) -> str:
    """Escapes with the same exception and place are one escape."""
    lines = problem.strip().splitlines()
    places = [line for line in lines if line.strip().startswith("File ")]
    # "bad position: RL504 at ..." -> "bad position: RL504"; a traceback -> its exception.
    head = lines[-1].split(":")[0] if places else " ".join(problem.split(" ")[:3])
    return hashlib.sha1(f"{head}|{places[-1] if places else ''}".encode()).hexdigest()[:12]


def _alarm(signum: int, frame: Any) -> None:
    raise _Slow


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--out", type=Path, default=Path("fuzz-failures"))
    parser.add_argument("--slow", type=float, default=10.0, help="seconds one input may take")
    parser.add_argument(
        "--target",
        action="append",
        choices=("yaml", "docx", "html"),
        help="what to fuzz (repeatable; default: yaml)",
    )
    parser.add_argument(
        "--memory", type=int, default=1536, help="MiB of address space the process may use"
    )
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    rng = random.Random(seed)
    signal.signal(signal.SIGALRM, _alarm)
    _limit_memory(args.memory)
    linter = Linter()
    targets = _targets(args.target or ["yaml"])
    deadline = time.monotonic() + args.minutes * 60
    tried: dict[str, int] = dict.fromkeys(targets, 0)
    escapes, seen = 0, set[str]()
    report_at = time.monotonic() + 60
    print(f"fuzzing {', '.join(targets)} for {args.minutes:g} min, seed {seed}", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        while time.monotonic() < deadline:
            target = rng.choice(list(targets))
            make, suffix = targets[target]
            raw = make(rng)
            scratch = Path(folder) / f"input{suffix}"
            if target == "yaml":
                problem = run_one(linter, raw, scratch, args.slow)
            else:
                problem = run_source(linter, raw, scratch, args.slow)
            tried[target] += 1
            if problem is not None:
                escapes += 1
                signature = _signature(problem)
                if signature not in seen:
                    seen.add(signature)
                    _save(args.out, signature, raw, problem, suffix)
            if time.monotonic() >= report_at:
                report_at += 60
                counts = ", ".join(f"{name} {count}" for name, count in tried.items())
                print(f"  {counts} inputs, {escapes} escapes ({len(seen)} distinct)", flush=True)
    counts = ", ".join(f"{name} {count}" for name, count in tried.items())
    print(
        f"tried {sum(tried.values())} inputs ({counts}): {escapes} escapes,"
        f" {len(seen)} distinct (seed {seed})"
    )
    if set(targets) - {"yaml"}:
        print(f"  sources: {OUTCOMES['linted']} read and linted, {OUTCOMES['refused']} refused")
    return 1 if escapes else 0


def _targets(names: list[str]) -> dict[str, tuple[Callable[[random.Random], bytes], str]]:
    """Each target's input maker and file suffix."""
    found: dict[str, tuple[Callable[[random.Random], bytes], str]] = {}
    if "yaml" in names:
        reference = REFERENCE.read_text(encoding="utf-8")
        reference_data = yaml.safe_load(reference)
        found["yaml"] = (lambda rng: make_input(rng, reference, reference_data), ".yaml")
    if "docx" in names:
        parts = reference_docx_parts()
        found["docx"] = (lambda rng: make_docx(rng, parts), ".docx")
    if "html" in names:
        page = REFERENCE_HTML.read_text(encoding="utf-8")
        found["html"] = (lambda rng: make_html(rng, page), ".html")
    return found


def _limit_memory(mebibytes: int) -> None:
    try:
        import resource
    except ImportError:  # not POSIX: no limit
        return
    limit = mebibytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _save(out: Path, signature: str, raw: bytes, problem: str, suffix: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{signature}{suffix}").write_bytes(raw)
    (out / f"{signature}.txt").write_text(problem, encoding="utf-8")
    first = problem.strip().splitlines()[-1]
    print(f"  escape {signature}: {first} -> {out / signature}{suffix}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
