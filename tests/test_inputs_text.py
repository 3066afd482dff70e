"""Text bookkeeping: NFKC folding with its origin, places as runs, line-start indexes."""

from __future__ import annotations

import re
import tracemalloc
import unicodedata

import pytest

from reportlint.inputs.lines import LineIndex
from reportlint.inputs.sources.units import PlacesBuilder, SourceText
from reportlint.matching.folding import fold, nfkc, nfkc_with_origin

# Folding ----------------------------------------------------------------------------------


def origin_list(text: str) -> list[int] | None:
    _, origin = nfkc_with_origin(text)
    return None if origin is None else [origin[i] for i in range(len(origin))]


def per_character(text: str) -> list[int]:
    """The origin the old per-character loop gave (right where no characters combine)."""
    return [i for i, char in enumerate(text) for _ in unicodedata.normalize("NFKC", char)]


@pytest.mark.parametrize(
    "text",
    [
        "㈠审核",
        "率达１００％㈡",
        "前" * 300 + "㈠" + "后" * 300,  # past one chunk
        ("法治" * 200 + "㍻") * 5,  # an expansion in every chunk
        "ﬁ" * 1000,  # no place to cut: one chunk
    ],
)
def test_the_origin_of_each_folded_character(text: str) -> None:
    normal, _ = nfkc_with_origin(text)
    assert normal == unicodedata.normalize("NFKC", text)
    assert origin_list(text) == per_character(text)


def test_one_for_one_folding_needs_no_origin() -> None:
    assert nfkc_with_origin("率达１００％") == ("率达100%", None)
    assert nfkc_with_origin("plain") == ("plain", None)


def test_combining_marks_fold_with_their_base() -> None:
    text = "ａ" + "e\u0301" + "㈠"  # é written as e and a combining accent
    normal, origin = nfkc_with_origin(text)
    assert normal == "aé(一)"
    assert origin is not None
    assert [origin[i] for i in range(len(origin))] == [0, 1, 3, 3, 3]


def test_characters_that_compose_across_clusters_map_to_their_chunk() -> None:
    # Hangul jamo compose although none combines: the chunk maps to its start.
    text = "ᄀ" + "ᅡ" + "㈠"
    normal, origin = nfkc_with_origin(text)
    assert normal == unicodedata.normalize("NFKC", text)
    assert origin is not None and all(origin[i] == 0 for i in range(len(origin)))


def test_folding_a_long_text_keeps_no_list_per_character() -> None:
    text = "法治政府建设" * 500_000 + "㈠"
    tracemalloc.start()
    try:
        _, origin = nfkc_with_origin(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert origin is not None and origin[len(origin) - 1] == len(text) - 1
    assert origin[len(text) - 1] == len(text) - 1
    # Normalising 3 million characters takes about 18 MB of buffers; an int per character
    # in a list would take 100 MB more.
    assert peak < 40 * 2**20


def test_fold_keeps_the_length() -> None:
    assert fold("（一）：１００％㈠") == "(一):100%㈠"
    assert fold("法治") == "法治"
    assert nfkc("（一）㈠") == "(一)(一)"


# Places -----------------------------------------------------------------------------------


def test_a_line_is_one_run_whatever_its_length() -> None:
    text = SourceText.at("法" * 10_000_000, 7, 3)
    assert (text.line, text.column) == (7, 3)
    piece = text.cut(9_999_990).strip()
    assert piece.span() == (7, 9_999_993, 7, 10_000_003)
    assert len(piece.places) == 10


def test_places_of_html_runs_and_cuts() -> None:
    builder = PlacesBuilder()
    value = "ab cd&é"
    builder.add(0, 3, 5)  # "ab cd" at 3:5 ..
    builder.add(5, 3, 11)  # "&" written as &amp; at 3:11
    builder.add(6, 4, 1)  # é on the next line
    text = SourceText(value, builder.build(len(value)))
    assert [text.places[i] for i in range(len(value))] == [
        (3, 5),
        (3, 6),
        (3, 7),
        (3, 8),
        (3, 9),
        (3, 11),
        (4, 1),
    ]
    cut = text.cut(3, -1)
    assert (cut.value, cut.span()) == ("cd&", (3, 8, 3, 12))
    assert cut == SourceText("cd&", text.places.cut(3, 6))
    assert text.cut(7).span() == (1, 1, 1, 2)  # nothing left: the start of the file
    assert SourceText.at(" \u3000x\xa0", 2, 1).strip().span() == (2, 3, 2, 4)


# Line-start index ----------------------------------------------------------------------------

_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def walk(text: str, index: int) -> tuple[int, int]:
    """Line and column by counting the breaks before ``index`` (the old way)."""
    before = text[:index]
    breaks = list(_BREAKS.finditer(before))
    return len(breaks) + 1, index - (breaks[-1].end() if breaks else 0) + 1


@pytest.mark.parametrize("text", ["", "a", "ab\ncd\r\nef\rg\x85h\u2028", "\r\n\r\n", "x\r"])
def test_the_index_agrees_with_walking_the_text(text: str) -> None:
    index = LineIndex(text, _BREAKS)
    for offset in range(len(text) + 1):
        assert index.position(offset) == walk(text, offset), offset
    assert index.position(len(text) + 5) == walk(text, len(text))  # past the end: at it
