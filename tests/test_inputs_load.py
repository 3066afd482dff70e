"""One entry: ``inputs.load`` and ``inputs.load_text`` dispatch on the suffix."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reportlint import inputs
from reportlint.errors import InputError
from reportlint.files import is_folder, read_head
from reportlint.inputs.sources import looks_like_report
from tests.conftest import EXAMPLES, FIXTURES

REFERENCE_TEXT = (EXAMPLES / "yungang-2023.yaml").read_text(encoding="utf-8")
TXT_TEXT = (FIXTURES / "corpus" / "yungang-2023.txt").read_text(encoding="utf-8")
HTML_TEXT = (FIXTURES / "sources" / "yungang-2023.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["r.yaml", "r.YML", "report", "r.json"])
def test_anything_but_a_source_is_report_yaml(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(REFERENCE_TEXT.encode("gb18030"))
    doc = inputs.load(tmp_path / name, max_bytes=1 << 20)
    assert (doc.path, doc.data["report"]["year"]) == (str(tmp_path / name), 2023)
    assert doc.locator.span("/report/year")[:2] == (8, 9)


@pytest.mark.parametrize("name", ["r.txt", "r.TXT", "r.html", "r.htm"])
def test_a_source_is_read_as_import_reads_it(tmp_path: Path, name: str) -> None:
    text = TXT_TEXT if name.lower().endswith(".txt") else HTML_TEXT
    (tmp_path / name).write_text(text, encoding="utf-8")
    doc = inputs.load(tmp_path / name, "shown.txt", max_bytes=1 << 20)
    assert doc.path == "shown.txt"
    assert doc.data["report"]["title"] == "云冈区2023年法治政府建设年度报告"


def test_load_text_reads_what_the_name_says() -> None:
    assert inputs.load_text(REFERENCE_TEXT, "r.yaml").data["report"]["year"] == 2023
    assert inputs.load_text("a: [", "<text>").problems[0].rule == "RL001"
    plain = inputs.load_text(TXT_TEXT, "r.txt")
    assert plain.data["report"]["year"] == 2023
    assert plain.locator.span("/report/title")[:2] == (9, 1)
    page = inputs.load_text("<h1>2023年法治政府建设年度报告</h1>", "p.html")
    assert page.data["report"]["title"] == "2023年法治政府建设年度报告"
    with pytest.raises(InputError, match=r"^r\.docx: a \.docx is read from its file"):
        inputs.load_text("", "r.docx")


def test_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing\.txt: no such file$"):
        inputs.load(tmp_path / "missing.txt", max_bytes=100)
    (tmp_path / "big.yaml").write_text("a: 1\n" * 100, encoding="utf-8")
    with pytest.raises(InputError, match=r"big\.yaml: file is 500 bytes, over the limit of 100"):
        inputs.load(tmp_path / "big.yaml", max_bytes=100)
    with pytest.raises(InputError, match=r": is a directory$"):
        inputs.load(tmp_path, max_bytes=100)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_sniffing_a_fifo_never_opens_it_for_reading(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "x.txt")
    with pytest.raises(InputError) as raised:
        read_head(tmp_path / "x.txt", 100)
    assert str(raised.value).endswith("x.txt: not a regular file (a FIFO, socket or device)")
    assert looks_like_report(tmp_path / "x.txt")  # checked, so the check says why not


def test_sniffing_reads_the_head_of_regular_files_only(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("法治政府建设", encoding="gb18030")
    (tmp_path / "README.txt").write_text("notes", encoding="utf-8")
    assert looks_like_report(tmp_path / "a.txt")
    assert not looks_like_report(tmp_path / "README.txt")
    assert read_head(tmp_path / "README.txt", 3) == b"not"


def test_a_name_too_long_to_look_up_is_no_folder(tmp_path: Path) -> None:
    assert is_folder(tmp_path)
    assert not is_folder(tmp_path / ("a" * 300))
    assert not is_folder(tmp_path / "missing")
    with pytest.raises(InputError, match=r"cannot read: File name too long$"):
        inputs.load(tmp_path / ("a" * 300 + ".yaml"), max_bytes=100)
