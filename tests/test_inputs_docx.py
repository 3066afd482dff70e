"""The .docx reader: paragraph text and styles as python-docx gives them, and its limits."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest

from reportlint.errors import InputError
from reportlint.inputs.sources import docx_package, read_docx
from tests.test_hostile_inputs import BODY, STYLES, W, document, paragraph, write_docx

MIB = 1 << 20


def read(path: Path) -> tuple[list[tuple[str, int, int, str | None]], list[str]]:
    units, lines = read_docx.paragraphs(path.read_bytes(), path.name, max_chars=MIB)
    return [(unit.value, unit.line, unit.column, unit.style) for unit in units], lines


def test_runs_hyperlinks_revisions_tabs_and_breaks(tmp_path: Path) -> None:
    body = (
        "<w:p><w:r><w:t>一、</w:t><w:tab/><w:t>举措</w:t></w:r>"
        '<w:hyperlink r:id="x" xmlns:r="urn:r"><w:r><w:t>链接</w:t></w:r></w:hyperlink>'
        '<w:r><w:noBreakHyphen/><w:br/><w:t>第二行</w:t><w:br w:type="page"/><w:cr/>'
        "<w:t>末</w:t><w:ptab/></w:r>"
        # Tracked changes as Word shows them: the insertion in, the deletion out.
        "<w:ins><w:r><w:t>插入</w:t></w:r></w:ins><w:del><w:r><w:delText>删除</w:delText>"
        "</w:r></w:del><w:fldSimple><w:r><w:t>域</w:t></w:r></w:fldSimple>"
        # Not text: a t element that is not a run's child, and what follows one inside a t.
        "<w:r><w:rPr><w:t>样式</w:t></w:rPr><w:t>甲<w:x/>乙</w:t></w:r>"
        "</w:p>"
    )
    write_docx(tmp_path / "r.docx", document(body))
    units, lines = read(tmp_path / "r.docx")
    assert lines == ["一、\t举措链接-\n第二行\n末\t插入域甲"]
    assert units == [
        ("一、\t举措链接-", 1, 1, "Normal"),
        ("第二行", 1, 10, "Normal"),
        ("末\t插入域甲", 1, 14, "Normal"),
    ]


def test_every_paragraph_of_the_body_is_numbered_in_order(tmp_path: Path) -> None:
    cell = "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    body = (
        paragraph("甲")
        + "<w:p/>"
        + f"<w:tbl><w:tr>{cell.format('乙')}{cell.format('丙')}</w:tr></w:tbl>"
        # A text box: its paragraph inside the run of another is numbered after it.
        + "<w:p><w:r><w:t>丁</w:t><w:pict><w:txbxContent>"
        + paragraph("戊")
        + "</w:txbxContent></w:pict></w:r></w:p>"
        + paragraph("己", "Title")
    )
    write_docx(tmp_path / "r.docx", document(body))
    units, lines = read(tmp_path / "r.docx")
    assert lines == ["甲", "", "乙", "丙", "丁", "戊", "己"]
    assert [(value, line) for value, line, _, _ in units] == [
        ("甲", 1),
        ("乙", 3),
        ("丙", 4),
        ("丁", 5),
        ("戊", 6),
        ("己", 7),
    ]
    assert units[-1][3] == "Title"


def test_a_text_box_is_read_once(tmp_path: Path) -> None:
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    box = f"<w:txbxContent>{paragraph('框内')}</w:txbxContent>"
    body = (
        f'<w:p><w:r><w:t>框外</w:t><mc:AlternateContent xmlns:mc="{mc}">'
        f"<mc:Choice>{box}</mc:Choice><mc:Fallback><w:pict>{box}</w:pict></mc:Fallback>"
        f"</mc:AlternateContent></w:r></w:p>{paragraph('其后')}"
    )
    write_docx(tmp_path / "r.docx", document(body))
    assert read(tmp_path / "r.docx")[1] == ["框外", "框内", "其后"]


@pytest.mark.parametrize(
    ("styles", "expected"),
    [
        (
            STYLES.replace(
                "</w:styles>",
                '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
                '</w:style><w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/>'
                "</w:style></w:styles>",
            ),
            ["Title", "Heading 1", "Normal", "Normal"],
        ),
        # No styles part: python-docx's own template names Word's built-in IDs.
        (None, ["Title", "Heading 1", "Normal", "Normal"]),
    ],
)
def test_styles_by_id_with_the_default_for_the_rest(
    tmp_path: Path, styles: str | None, expected: list[str]
) -> None:
    body = (
        paragraph("题", "Title")
        + paragraph("一", "Heading1")
        + paragraph("强", "Strong")  # a character style: the paragraph default
        + paragraph("无", "Missing")
    )
    write_docx(tmp_path / "r.docx", document(body), styles=styles)
    units, _ = read(tmp_path / "r.docx")
    assert [style for *_, style in units] == expected


def test_the_same_paragraphs_as_python_docx(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    from docx.enum.text import WD_BREAK

    draft = docx.Document()
    draft.add_paragraph("示例县2023年法治政府建设年度报告", style="Title")
    draft.add_paragraph("一、主要举措", style="Heading 1")
    run = draft.add_paragraph("正文", style="List Paragraph").add_run("续")
    run.add_tab()
    run.add_break()
    run.add_text("新行")
    run.add_break(WD_BREAK.PAGE)
    table = draft.add_table(rows=2, cols=2)
    for index, cell in enumerate(table._cells):
        cell.text = f"格{index}"
    table.cell(0, 0).add_table(rows=1, cols=1).cell(0, 0).text = "内"
    draft.add_paragraph("")
    draft.add_paragraph("  两端空白\u3000")
    draft.save(str(tmp_path / "d.docx"))
    expected = [
        (paragraph.text, paragraph.style.name)
        for paragraph in (
            docx.text.paragraph.Paragraph(element, draft.part)
            for element in draft.element.body.iter(docx.oxml.ns.qn("w:p"))
        )
    ]
    _, lines = read(tmp_path / "d.docx")
    units, _ = read(tmp_path / "d.docx")
    assert lines == [text for text, _ in expected]
    styled = {line: style for line, (_, style) in enumerate(expected, start=1)}
    assert all(style == styled[line] for _, line, _, style in units)


# Refusals ----------------------------------------------------------------------------------


def test_a_part_of_too_many_elements_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 2,000,000 elements take about 3 s to refuse; the check is the same at 1,000.
    monkeypatch.setattr(docx_package, "MAX_ELEMENTS", 1000)
    write_docx(tmp_path / "r.docx", document(BODY + "<w:p>" + "<x/>" * 1000 + "</w:p>"))
    with pytest.raises(InputError) as raised:
        read(tmp_path / "r.docx")
    assert str(raised.value) == (
        "r.docx: not a Word .docx file: word/document.xml holds over 1,000 XML elements"
    )


def _damaged(path: Path, part: str, field: str, value: bytes) -> None:
    """Overwrite a field of ``part``'s entry (in its local header and the central
    directory, which zipfile compares), or the start of its compressed data."""
    with zipfile.ZipFile(path) as package:
        info = package.getinfo(part)
    data = bytearray(path.read_bytes())
    local = info.header_offset
    name_length, extra_length = struct.unpack_from("<HH", data, local + 26)
    if field == "data":
        at = local + 30 + name_length + extra_length
        data[at : at + len(value)] = value
    else:
        # (offset in the local header, offset in the central directory entry)
        offsets = {"flags": (6, 8), "method": (8, 10)}[field]
        data[local + offsets[0] : local + offsets[0] + len(value)] = value
        entry = data.find(b"PK\x01\x02")
        while entry >= 0:
            length = struct.unpack_from("<H", data, entry + 28)[0]
            if data[entry + 46 : entry + 46 + length] == part.encode():
                data[entry + offsets[1] : entry + offsets[1] + len(value)] = value
            entry = data.find(b"PK\x01\x02", entry + 4)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("data", b"\xff" * 8, "r.docx: not a Word .docx file (Error -3 while decompressing data:"),
        ("method", struct.pack("<H", 99), "r.docx: cannot read the .docx file: That compression"),
        ("flags", struct.pack("<H", 1), "r.docx: cannot read the .docx file: File 'word/document"),
    ],
    ids=["damaged deflate data", "unknown compression", "encrypted part"],
)
def test_a_damaged_zip_is_an_error_naming_the_file(
    tmp_path: Path, field: str, value: bytes, message: str
) -> None:
    write_docx(tmp_path / "r.docx", document())
    _damaged(tmp_path / "r.docx", "word/document.xml", field, value)
    with pytest.raises(InputError) as raised:
        read(tmp_path / "r.docx")
    assert str(raised.value).startswith(message)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"not a zip", "r.docx: not a Word .docx file (File is not a zip file)"),
        (b"", "r.docx: not a Word .docx file (File is not a zip file)"),
    ],
)
def test_what_is_not_a_zip(raw: bytes, message: str) -> None:
    with pytest.raises(InputError) as raised:
        read_docx.paragraphs(raw, "r.docx", max_chars=MIB)
    assert str(raised.value) == message


def test_a_zip_without_a_document(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("word/other.xml", f'<w:document xmlns:w="{W}"/>')
    with pytest.raises(InputError) as raised:
        read_docx.paragraphs(buffer.getvalue(), "r.docx", max_chars=MIB)
    assert str(raised.value) == (
        "r.docx: not a Word .docx file: no main document part (word/document.xml)"
    )


def test_a_part_in_an_encoding_nobody_knows(tmp_path: Path) -> None:
    write_docx(tmp_path / "r.docx", document().replace('encoding="UTF-8"', 'encoding="bogus"'))
    with pytest.raises(InputError) as raised:
        read(tmp_path / "r.docx")
    assert str(raised.value) == (
        "r.docx: not a Word .docx file: word/document.xml: unknown encoding: bogus"
    )


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
def test_damaged_data_of_every_compression_method(method: int) -> None:
    # Found by scripts/fuzz.py: bzip2 raises OSError, lzma its own error.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method) as package:
        package.writestr("word/document.xml", document() * 3)
    raw = bytearray(buffer.getvalue())
    raw[60:70] = b"\x00" * 10  # inside the compressed data of the only part
    with pytest.raises(InputError, match=r"^r\.docx: not a Word \.docx file \("):
        read_docx.paragraphs(bytes(raw), "r.docx", max_chars=MIB)
