"""The one decoder: marks, binary files, UTF-8, declared charsets, GB18030, the detector."""

from __future__ import annotations

import sys

import pytest

from reportlint.errors import InputError
from reportlint.inputs.decoding import Kind, decode
from reportlint.installation import extra_command

TEXT = "2023年法治政府建设年度报告：全县坚持依法行政。㐀𠀀"


@pytest.fixture
def no_detector(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if the [sources] extra were not installed."""
    monkeypatch.setitem(sys.modules, "charset_normalizer", None)


PLAIN = TEXT[:-2]  # without the two characters only GB18030 (not GBK) encodes


@pytest.mark.parametrize(
    ("raw", "kind", "expected"),
    [
        (TEXT.encode("utf-8"), "report", TEXT),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "report", TEXT),
        (TEXT.encode("utf-16"), "report", TEXT),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "text", TEXT),
        (TEXT.encode("utf-32"), "text", TEXT),  # its mark begins with UTF-16 LE's
        (b"\x00\x00\xfe\xff" + TEXT.encode("utf-32-be"), "html", TEXT),
        (TEXT.encode("gb18030"), "report", TEXT),
        (TEXT.encode("gb18030"), "text", TEXT),
        (PLAIN.encode("gbk"), "html", PLAIN),
        (PLAIN.encode("gbk"), "report", PLAIN),
    ],
)
def test_every_kind_of_input_reads_without_the_detector(
    no_detector: None, raw: bytes, kind: Kind, expected: str
) -> None:
    assert decode(raw, "f", kind=kind) == expected


def test_a_mark_decides_and_bytes_it_does_not_explain_are_an_error() -> None:
    with pytest.raises(InputError) as raised:
        decode(b"\xef\xbb\xbf" + "报告".encode("gb18030"), "r.txt", kind="text")
    assert str(raised.value) == (
        "r.txt: not valid utf-8 text at byte 3 (save it as UTF-8 or GB18030)"
    )
    with pytest.raises(InputError, match=r"^r\.txt: not valid utf-32-le text at byte 4 "):
        decode(b"\xff\xfe\x00\x00" + b"\x00\x00\x11\x00", "r.txt", kind="text")


@pytest.mark.parametrize("kind", ["report", "text", "html"])
def test_nul_bytes_without_a_mark_are_a_binary_file(kind: Kind) -> None:
    with pytest.raises(InputError) as raised:
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "logo", kind=kind)
    assert str(raised.value) == "logo: binary file, not a report"
    with pytest.raises(InputError, match="binary file"):
        decode(b"\xef\xbb\xbfa\x00b", "logo", kind=kind)


def test_a_report_is_never_guessed_at() -> None:
    # The detector calls these two bytes cp1006; a report says it is damaged instead.
    with pytest.raises(InputError) as raised:
        decode(b"format: \xff\xff\n", "r.yaml", kind="report")
    assert str(raised.value) == "r.yaml: not UTF-8, UTF-16 or GB18030 text"


def _page(charset: str, body: bytes) -> bytes:
    return f'<html><head><meta charset="{charset}"></head><body><p>'.encode() + body


@pytest.mark.parametrize("charset", ["iso-8859-1", "latin1", "windows-1252", "koi8-r"])
def test_a_single_byte_declaration_waits_until_gb18030_failed(
    no_detector: None, charset: str
) -> None:
    raw = _page(charset, TEXT.encode("gb18030"))
    assert decode(raw, "p.html", kind="html").endswith(TEXT)


def test_a_single_byte_declaration_is_used_when_gb18030_fails(no_detector: None) -> None:
    raw = _page("iso-8859-1", b"caf\xe9</p>")  # "\xe9<" is no GB18030 character
    assert decode(raw, "p.html", kind="html").endswith("café</p>")


def test_a_multi_byte_declaration_comes_before_gb18030(no_detector: None) -> None:
    big5 = "法治政府".encode("big5")
    assert big5.decode("gb18030") != "法治政府"  # GB18030 would "succeed" with other words
    assert decode(_page("big5", big5), "p.html", kind="html").endswith("法治政府")


def test_a_wrong_multi_byte_declaration_falls_through_to_gb18030(no_detector: None) -> None:
    raw = _page("shift_jis", "法治政府建设年度报告".encode("gb18030"))
    assert decode(raw, "p.html", kind="html").endswith("法治政府建设年度报告")


@pytest.mark.parametrize("charset", ["rot13", "zlib", "base64", "x-user-defined", "utf-16"])
def test_declarations_that_name_no_charset_are_ignored(no_detector: None, charset: str) -> None:
    raw = _page(charset, b"\x80\x80")  # neither UTF-8 nor GB18030
    with pytest.raises(InputError) as raised:
        decode(raw, "p.html", kind="html")
    assert str(raised.value) == (
        "p.html: not UTF-8 or GB18030; detecting other encodings needs charset-normalizer:"
        f" {extra_command('sources')}"  # the install's own command (tests/test_installation.py)
    )


def test_the_detector_comes_last_for_sources() -> None:
    pytest.importorskip("charset_normalizer")
    with pytest.raises(InputError, match=r"^bad\.txt: cannot decode the text"):
        decode(bytes(range(128, 256)) * 3, "bad.txt", kind="text")
    russian = "Это простой русский текст для проверки кодировки. " * 10
    with pytest.raises(UnicodeDecodeError):
        russian.encode("cp1251").decode("gb18030")
    assert decode(russian.encode("cp1251"), "r.txt", kind="text") == russian
