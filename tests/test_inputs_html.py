"""The HTML reader: text blocks and the place of each character, in runs."""

from __future__ import annotations

import pytest

from reportlint.errors import InputError
from reportlint.inputs.sources import read_html


def blocks(page: str) -> list[tuple[str, list[tuple[int, int]]]]:
    units, _ = read_html.read(page, "p.html")
    return [(unit.value, [unit.places[i] for i in range(len(unit))]) for unit in units]


def test_white_space_collapses_to_a_space_at_its_first_character() -> None:
    assert blocks("<p>ab \t\n  cd\te</p>") == [
        ("ab cd e", [(1, 4), (1, 5), (1, 6), (2, 3), (2, 4), (2, 5), (2, 6)])
    ]


def test_an_entity_is_at_its_ampersand() -> None:
    assert blocks("<p>a&amp;b&#20320;&nbsp;c&unknown;</p>") == [
        (
            "a&b你\xa0c&unknown;",
            [(1, 4), (1, 5), (1, 10), (1, 11), (1, 19), (1, 25)] + [(1, 26)] * 9,
        )
    ]


def test_a_long_paragraph_is_one_run() -> None:
    units, _ = read_html.read("<p>" + "法 治" * 100_000 + "</p>", "p.html")
    (unit,) = units
    assert unit.places[len(unit) - 1] == (1, 3 + 300_000)
    assert unit.places._runs.index.tolist() == [0]  # one run for 300,000 characters


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("<![bogus[ x ]]>后文", ["后文"]),
        ("<p>甲<![ x</p>乙", ["甲<![ x", "乙"]),  # it opens nothing that ends: text
        ("<![if !supportLists]>一、<![endif]>举措", ["一、举措"]),
        ("<![CDATA[内]]>", []),
    ],
)
def test_marked_sections_the_tokenizer_does_not_know_are_skipped(
    page: str, expected: list[str]
) -> None:
    # The standard tokenizer raises AssertionError on these (found probing the reader).
    assert [value for value, _ in blocks(page)] == expected


def test_a_tokenizer_failure_is_an_input_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def lost(self: object, data: str) -> None:
        raise AssertionError("we should not get here!")

    monkeypatch.setattr(read_html._Extractor, "feed", lost)
    with pytest.raises(InputError) as raised:
        read_html.read("<p>x</p>", "p.html")
    assert str(raised.value) == "p.html: not HTML that can be read (we should not get here!)"
