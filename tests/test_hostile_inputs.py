"""Hostile inputs, round two: .docx and HTML bombs, giant lines, encodings, special files.

Each case builds its input here, small (a generator, never a big committed file), runs
``reportlint check`` in a child process under a 1 GiB address-space limit, and asserts the
exact outcome: the exit code, one stderr line naming the file (or the findings), the
child's own CPU time (at most 15 s) and peak memory, from ``wait4``'s rusage. CPU time,
not wall time, so that a busy machine does not fail a test; a child that hangs (blocked,
using no CPU) is killed after 60 s and fails on its exit code.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest

from reportlint.reporters.json_format import findings_of
from tests.conftest import EXAMPLES, FIXTURES

resource = pytest.importorskip("resource")  # POSIX: limits and per-child usage
if not hasattr(os, "wait4"):
    pytest.skip("needs os.wait4 for a child's own memory use", allow_module_level=True)

REFERENCE_TEXT = (EXAMPLES / "yungang-2023.yaml").read_text(encoding="utf-8")
TXT = FIXTURES / "corpus" / "yungang-2023.txt"
HTML = FIXTURES / "sources" / "yungang-2023.html"

GIB = 1 << 30
MIB = 1 << 20
SECONDS = 15.0

# The findings of the reference report as a .txt (rule, line, column), as
# tests/test_sources_reference.py has them.
TXT_FINDINGS = [
    ("RL211", 16, 1),
    ("RL107", 26, 1),
    ("RL305", 28, 126),
    ("RL305", 36, 81),
    ("RL305", 50, 184),
    ("RL504", 52, 170),
    ("RL210", 90, 1),
    ("RL302", 123, 1),
]
HTML_FINDINGS = [
    ("RL211", 25, 12),
    ("RL107", 31, 3),
    ("RL305", 33, 129),
    ("RL305", 37, 84),
    ("RL305", 44, 187),
    ("RL504", 45, 211),
    ("RL210", 64, 12),
    ("RL302", 80, 30),
]


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str
    seconds: float  # CPU time, user and system
    peak_mib: float

    def findings(self) -> list[tuple[str, int, int]]:
        document = json.loads(self.out) if self.out else {"files": []}
        return [(f["rule"], f["line"], f["column"]) for f in findings_of(document)]


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (GIB, GIB))


def run_check(folder: Path, *args: str, prelude: str = "") -> Outcome:
    """``reportlint check --format json ARGS`` in ``folder``, in a child limited to 1 GiB
    of address space and stopped after 60 s (a hang fails the time bound, not the run)."""
    code = prelude + "import sys\nfrom reportlint.cli import main\nsys.exit(main(sys.argv[1:]))"
    command = [sys.executable, "-c", code, "check", "--format", "json", "--lang", "en", *args]
    out_path, err_path = folder.parent / f"{folder.name}.out", folder.parent / f"{folder.name}.err"
    started = time.monotonic()
    with out_path.open("wb") as out, err_path.open("wb") as err:
        child = subprocess.Popen(
            command,
            cwd=folder,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            preexec_fn=_limit_memory,  # safe: the test process runs no threads
        )
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - started > 60:
                child.kill()
                pid, status, usage = os.wait4(child.pid, 0)
                break
            time.sleep(0.02)
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    return Outcome(
        child.returncode,
        out_path.read_text(encoding="utf-8"),
        err_path.read_text(encoding="utf-8"),
        usage.ru_utime + usage.ru_stime,
        usage.ru_maxrss / 1024,  # KiB on Linux
    )


def assert_refused(outcome: Outcome, message: str) -> None:
    """Exit 2, no findings on stdout, and exactly one error line."""
    assert (outcome.code, outcome.err) == (2, f"reportlint: error: {message}\n")
    assert findings_of(json.loads(outcome.out)) == []
    assert outcome.seconds <= SECONDS
    assert outcome.peak_mib <= 1024


# A .docx, written here -----------------------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.styles+xml"/></Types>'
)
_PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/></Relationships>'
)
STYLES = (
    f'<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W}">'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    '</w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'
    "</w:styles>"
)


def paragraph(text: str, style: str | None = None) -> str:
    properties = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{properties}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


BODY = (
    paragraph("示例县2023年法治政府建设年度报告", "Title")
    + paragraph("2023年,全县坚持依法行政。现将有关情况报告如下。")
    + paragraph("一、主要举措和成效")
    + paragraph("全年组织学法XX次。")
)
HEAD = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>'
TAIL = "</w:body></w:document>"


def document(body: str = BODY) -> str:
    return HEAD + body + TAIL


def write_docx(
    path: Path, main: str | bytes | Iterable[bytes], *, styles: str | None = STYLES
) -> None:
    """A .docx at ``path`` whose main part is ``main`` (chunks are streamed in)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("_rels/.rels", _PACKAGE_RELS)
        package.writestr("word/_rels/document.xml.rels", _DOCUMENT_RELS)
        if isinstance(main, str | bytes):
            package.writestr("word/document.xml", main)
        else:
            with package.open("word/document.xml", "w") as stream:
                for chunk in main:
                    stream.write(chunk)
        if styles is not None:
            package.writestr("word/styles.xml", styles)


def inflating(size: int) -> Iterable[bytes]:
    """A main part of ``size`` bytes: the small body, then one run of text."""
    yield (HEAD + BODY + "<w:p><w:r><w:t>").encode()
    block = b"a" * MIB
    for _ in range(size // MIB):
        yield block
    yield ("</w:t></w:r></w:p>" + TAIL).encode()


def declare_size(path: Path, part: str, size: int) -> None:
    """Make the zip's central directory say ``part`` inflates to ``size`` bytes."""
    data = bytearray(path.read_bytes())
    name = part.encode()
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + name_length] == name:
            struct.pack_into("<I", data, at + 24, size)
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))


def test_the_docx_written_here_is_a_report(tmp_path: Path) -> None:
    """The cases below change one thing in this one, which reads well."""
    write_docx(tmp_path / "r.docx", document())
    outcome = run_check(tmp_path, "--select", "RL501", "r.docx")
    assert (outcome.code, outcome.findings(), outcome.err) == (1, [("RL501", 4, 7)], "")


# .docx: XML the parser refuses ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("main", "styles", "message"),
    [
        pytest.param(
            document()[:-20],
            STYLES,
            "word/document.xml: unclosed token at line 1, column 449",
            id="malformed XML",
        ),
        pytest.param(
            document(BODY + "<w:sdt>" * 100_000 + "</w:sdt>" * 100_000),
            STYLES,
            "word/document.xml nests elements over 1,000 levels deep",
            id="100,000-deep nesting",
        ),
        pytest.param(
            '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
            + "".join(
                f'<!ENTITY {name} "{("&" + before + ";") * 10}">'
                for name, before in zip("bcdefghij", "abcdefghi", strict=True)
            )
            + f']><w:document xmlns:w="{W}"><w:body>{BODY}{paragraph("&j;")}{TAIL}',
            STYLES,
            "word/document.xml declares a DTD, which Word never writes; it is not read",
            id="entity expansion (a billion laughs)",
        ),
        pytest.param(
            '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            + f'<w:document xmlns:w="{W}"><w:body>{paragraph("&x;")}{TAIL}',
            STYLES,
            "word/document.xml declares a DTD, which Word never writes; it is not read",
            id="external entity",
        ),
        pytest.param(
            document(),
            "<w:styles><broken",
            "word/styles.xml: unbound prefix at line 1, column 1",
            id="broken styles part",
        ),
        pytest.param(
            f'<?xml version="1.0"?><w:document xmlns:w="{W}"></w:document>',
            STYLES,
            "word/document.xml has no document body",
            id="no body",
        ),
        pytest.param(
            document(paragraph("&nbsp;")),
            STYLES,
            "word/document.xml: undefined entity at line 1, column 166",
            id="an entity never declared",
        ),
    ],
)
def test_a_docx_whose_xml_is_refused_is_one_error_line(
    tmp_path: Path, main: str, styles: str, message: str
) -> None:
    write_docx(tmp_path / "r.docx", main, styles=styles)
    outcome = run_check(tmp_path, "r.docx")
    assert_refused(outcome, f"r.docx: not a Word .docx file: {message}")


# .docx: what a part may expand to -------------------------------------------------------------


def test_a_docx_that_inflates_past_the_limit_is_refused_before_inflating(tmp_path: Path) -> None:
    write_docx(tmp_path / "r.docx", inflating(100 * MIB))
    assert (tmp_path / "r.docx").stat().st_size < MIB
    outcome = run_check(tmp_path, "r.docx")
    assert_refused(
        outcome,
        "r.docx: its XML parts inflate to over 104,859,056 bytes, past the limit of"
        " 67,108,864 bytes for a .docx; the file is refused",
    )
    assert outcome.peak_mib < 160  # nothing was inflated (the whole part is 1 GiB)


def test_a_part_that_understates_its_size_is_read_no_further(tmp_path: Path) -> None:
    # The zip says 1 KiB; the part inflates to 100 MiB. Reading stops at what it says.
    write_docx(tmp_path / "r.docx", inflating(100 * MIB))
    declare_size(tmp_path / "r.docx", "word/document.xml", 1024)
    outcome = run_check(tmp_path, "r.docx")
    assert_refused(
        outcome, "r.docx: not a Word .docx file (Bad CRC-32 for file 'word/document.xml')"
    )
    assert outcome.peak_mib < 160


def test_one_long_token_is_parsed_in_linear_time(tmp_path: Path) -> None:
    # Expat before 2.6 parses a token spanning pieces again with each piece: a 60 MB
    # attribute read in 64 KiB pieces took 114 s. A 32 MB one, in a 40 KB file:
    def document_with_a_long_attribute() -> Iterable[bytes]:
        yield (HEAD + BODY + '<w:p w:rsidR="').encode()
        for _ in range(32):
            yield b"a" * MIB
        yield ('"/>' + TAIL).encode()

    write_docx(tmp_path / "r.docx", document_with_a_long_attribute())
    outcome = run_check(tmp_path, "--select", "RL501", "r.docx")
    assert (outcome.code, outcome.err, outcome.findings()) == (1, "", [("RL501", 4, 7)])
    assert outcome.seconds <= SECONDS
    assert outcome.peak_mib <= 1024


def test_two_hundred_thousand_empty_paragraphs_are_refused_fast(tmp_path: Path) -> None:
    write_docx(tmp_path / "r.docx", document(BODY + "<w:p/>" * 200_000))
    assert (tmp_path / "r.docx").stat().st_size < 50_000
    outcome = run_check(tmp_path, "r.docx")
    assert_refused(
        outcome,
        "r.docx: more than 20,000 paragraphs (a report has a few hundred); the file is refused",
    )
    assert outcome.seconds < 5


def test_docx_text_is_held_to_the_size_limit(tmp_path: Path) -> None:
    write_docx(tmp_path / "r.docx", document(BODY + paragraph("法" * 5000)))
    assert (tmp_path / "r.docx").stat().st_size < 2000
    outcome = run_check(tmp_path, "--max-bytes", "2000", "r.docx")
    assert_refused(
        outcome,
        "r.docx: its text is over 2,000 characters, the limit for a file"
        " (raise it with --max-bytes)",
    )


# .txt and .html: giant lines and many paragraphs ----------------------------------------------


def test_one_10_mb_line_costs_memory_per_line_not_per_character(tmp_path: Path) -> None:
    lines = TXT.read_text(encoding="utf-8").split("\n")
    lines.insert(60, "法" * 3_600_000)  # a paragraph of the body, after line 60
    text = "\n".join(lines)
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    assert (tmp_path / "r.txt").stat().st_size > 10 * MIB
    outcome = run_check(tmp_path, "--max-bytes", "20000000", "--select", "RL107,RL302", "r.txt")
    assert (outcome.code, outcome.err) == (0, "")  # warnings only
    assert outcome.findings() == [("RL107", 26, 1), ("RL302", 124, 1)]
    assert outcome.seconds <= SECONDS
    # A place per character took 405 MiB here; a run per line takes a tenth of it.
    assert outcome.peak_mib <= 200


def test_one_10_mb_paragraph_of_html_costs_memory_per_line(tmp_path: Path) -> None:
    page = HTML.read_text(encoding="utf-8")
    at = page.index("</h1>")
    (tmp_path / "r.html").write_text(
        page[:at] + "</h1><p>" + "法 治" * 1_500_000 + "</p>" + page[at + 5 :], encoding="utf-8"
    )
    assert (tmp_path / "r.html").stat().st_size > 10 * MIB
    outcome = run_check(tmp_path, "--max-bytes", "20000000", "--select", "RL107", "r.html")
    assert (outcome.code, outcome.err, outcome.findings()) == (0, "", [("RL107", 31, 3)])
    assert outcome.seconds <= SECONDS
    assert outcome.peak_mib <= 200  # a place per character: 789 MiB


@pytest.mark.parametrize("opening", ["<a ", "<!--", "<![CDATA[", "<?x ", "</a "])
def test_markup_that_never_ends_is_read_as_text_in_linear_time(
    tmp_path: Path, opening: str
) -> None:
    # The standard tokenizer rescanned the rest of the page for each: 60 KB of "<a " took
    # 78 s, 80 KB of "<!--" 9 s. Here 200,000 of them after the page are its last text.
    page = HTML.read_text(encoding="utf-8") + opening * 200_000
    (tmp_path / "r.html").write_text(page, encoding="utf-8")
    outcome = run_check(tmp_path, "r.html")
    assert (outcome.code, outcome.err, outcome.findings()) == (0, "", HTML_FINDINGS)
    assert outcome.seconds <= SECONDS


def test_a_page_of_too_much_markup_is_refused(tmp_path: Path) -> None:
    # Found by scripts/fuzz.py: 200,000 tags took over 10 s (about 10 µs each to tokenize).
    (tmp_path / "r.html").write_text("<b>x</b>" * 1_200_000, encoding="utf-8")
    outcome = run_check(tmp_path, "r.html")
    assert_refused(
        outcome,
        "r.html: more than 200,000 tags and character references (a report page holds a few"
        " thousand); the file is refused",
    )


@pytest.mark.parametrize(
    ("name", "content", "what"),
    [
        ("r.txt", "法治政府建设。\n" * 20_001, "lines"),
        ("r.html", "<p>法治政府建设。</p>\n" * 20_001, "paragraphs"),
    ],
)
def test_a_source_of_too_many_paragraphs_is_refused(
    tmp_path: Path, name: str, content: str, what: str
) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    outcome = run_check(tmp_path, name)
    assert_refused(
        outcome,
        f"{name}: more than 20,000 {what} (a report has a few hundred); the file is refused",
    )


# YAML: findings placed in O(log n) ------------------------------------------------------------


def test_eight_thousand_findings_in_one_paragraph_are_placed_fast(tmp_path: Path) -> None:
    marker = "深入推进依法行政。"
    text = REFERENCE_TEXT.replace(marker, marker + "XX件, " * 8000, 1)
    (tmp_path / "r.yaml").write_text(text, encoding="utf-8")
    outcome = run_check(tmp_path, "--select", "RL501", "--max-findings", "10000", "r.yaml")
    assert (outcome.code, outcome.err) == (1, "")
    found = outcome.findings()
    line = text[: text.index("XX件")].count("\n") + 1
    column = text.split("\n")[line - 1].index("XX件") + 1
    assert len(found) == 8000
    assert found[0] == ("RL501", line, column)
    assert found[-1] == ("RL501", line, column + 7999 * len("XX件, "))
    assert outcome.seconds <= SECONDS  # walking the text per finding: 91 s


# Encodings -----------------------------------------------------------------------------------

WITHOUT_DETECTOR = "import sys\nsys.modules['charset_normalizer'] = None  # not installed\n"


@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
def test_gbk_sources_and_reports_read_without_any_extra(tmp_path: Path, encoding: str) -> None:
    (tmp_path / "r.txt").write_bytes(TXT.read_text(encoding="utf-8").encode(encoding))
    (tmp_path / "r.yaml").write_bytes(REFERENCE_TEXT.encode(encoding))
    txt = run_check(tmp_path, "r.txt", prelude=WITHOUT_DETECTOR)
    assert (txt.code, txt.err, txt.findings()) == (0, "", TXT_FINDINGS)
    report = run_check(tmp_path, "--select", "RL302,RL504", "r.yaml", prelude=WITHOUT_DETECTOR)
    assert (report.code, report.err) == (0, "")
    assert report.findings() == [("RL302", 9, 14), ("RL504", 65, 172)]


def test_a_gb18030_page_that_declares_latin_1_is_read_as_gb18030(tmp_path: Path) -> None:
    page = HTML.read_text(encoding="utf-8").replace('charset="utf-8"', 'charset="iso-8859-1"')
    assert 'charset="iso-8859-1"' in page
    (tmp_path / "r.html").write_bytes(page.encode("gb18030"))
    outcome = run_check(tmp_path, "r.html", prelude=WITHOUT_DETECTOR)
    assert (outcome.code, outcome.err, outcome.findings()) == (0, "", HTML_FINDINGS)


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-be"])
def test_utf_32_with_its_mark_is_read_as_utf_32(tmp_path: Path, encoding: str) -> None:
    raw = TXT.read_text(encoding="utf-8").encode(encoding)
    if encoding == "utf-32-be":
        raw = b"\x00\x00\xfe\xff" + raw
    (tmp_path / "r.txt").write_bytes(raw)
    outcome = run_check(tmp_path, "r.txt")
    assert (outcome.code, outcome.err, outcome.findings()) == (0, "", TXT_FINDINGS)


# Special files and names ---------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_named_txt_in_a_folder_does_not_hang_the_check(tmp_path: Path) -> None:
    (tmp_path / "reports").mkdir()
    os.mkfifo(tmp_path / "reports" / "a.txt")
    (tmp_path / "reports" / "b.yaml").write_text(REFERENCE_TEXT, encoding="utf-8")
    outcome = run_check(tmp_path, "--select", "RL302", "reports")
    assert (outcome.code, outcome.findings()) == (2, [("RL302", 9, 14)])
    assert outcome.err == (
        "reportlint: error: reports/a.txt: not a regular file (a FIFO, socket or device)\n"
    )
    assert outcome.seconds <= SECONDS


@pytest.mark.parametrize("suffix", [".yaml", ".txt", ".docx"])
def test_a_300_byte_file_name_is_one_error_line(tmp_path: Path, suffix: str) -> None:
    name = "a" * 300 + suffix
    outcome = run_check(tmp_path, name)
    assert_refused(outcome, f"{name}: cannot read: File name too long")
