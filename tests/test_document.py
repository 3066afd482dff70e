"""Loading: data, positions of nodes and of characters inside scalars, normalisation."""

from __future__ import annotations

import textwrap

import pytest
import yaml

from reportlint.inputs.document import _Alignment, load_yaml
from reportlint.matching import paths
from reportlint.matching.folding import nfkc_with_origin
from reportlint.matching.text import TextBlock, TextIndex, text_strings
from reportlint.positions import Span
from tests.conftest import ROOT


def doc(text: str):  # type: ignore[no-untyped-def]
    return load_yaml(textwrap.dedent(text), "t.yaml")


def test_dates_stay_as_written_and_numbers_are_numbers() -> None:
    d = doc("""\
        report:
          year: 2023
          signed_on: 2023-12-29
          title: '2023'
        """)
    assert d.data == {"report": {"year": 2023, "signed_on": "2023-12-29", "title": "2023"}}


def test_node_and_key_spans() -> None:
    d = doc("""\
        report:
          title: 示例县报告
        """)
    assert d.locator.span("/report/title") == Span(2, 10, 2, 15)
    assert d.locator.span("/report/title", key=True) == Span(2, 3, 2, 8)


def test_missing_pointer_points_at_the_parent_key() -> None:
    d = doc("""\
        sections:
          measures: {heading: 举措}
        """)
    assert d.locator.span("/sections/plans") == Span(1, 1, 1, 9)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("p: 甲乙丙截至目前丁\n", (1, 7)),
        ("p: '甲乙丙截至目前丁'\n", (1, 8)),
        ('p: "甲乙丙截至目前丁"\n', (1, 8)),
        ("p: |\n  甲乙\n  丙截至目前丁\n", (3, 4)),
        ("p: >\n  甲乙\n  丙截至目前丁\n", (3, 4)),
        ("p:\n  甲乙\n  丙截至目前丁\n", (3, 4)),
    ],
)
def test_character_positions_inside_scalars(source: str, expected: tuple[int, int]) -> None:
    d = load_yaml(source, "t.yaml")
    value = d.data["p"]
    start = value.index("截至")
    span = d.locator.text_span("/p", start, start + 4)
    assert (span.line, span.column) == expected
    assert source.splitlines()[span.line - 1][span.column - 1 :].startswith("截至目前")


def test_full_width_text_matches_half_width_patterns_at_original_places() -> None:
    normal, origin = nfkc_with_origin("率达１００％")
    assert normal == "率达100%"
    assert origin is None  # one character for one: offsets are unchanged
    normal, origin = nfkc_with_origin("㈠审核")
    assert normal == "(一)审核"
    assert origin is not None
    assert [origin[i] for i in range(len(origin))] == [0, 0, 0, 1, 2]


def test_text_block_maps_joined_offsets_back() -> None:
    block = TextBlock([("/a", "第一段"), ("/b", "第二段截至目前")])
    start = block.text.index("截至")
    place = block.locate(start, start + 4)
    assert (place.pointer, place.start, place.end) == ("/b", 3, 7)


def test_text_strings_are_headings_and_paragraphs_only() -> None:
    data = {
        "heading": "标题",
        "paragraphs": ["一段"],
        "subsections": [{"heading": "子标题", "paragraphs": ["二段"]}],
        "note": "不是正文",
    }
    assert list(text_strings(data, "/s")) == [
        ("/s/heading", "标题"),
        ("/s/paragraphs/0", "一段"),
        ("/s/subsections/0/heading", "子标题"),
        ("/s/subsections/0/paragraphs/0", "二段"),
    ]
    assert next(text_strings(data, "/s", include_self=False))[0] == "/s/paragraphs/0"


def test_path_syntax() -> None:
    data = {"sections": {"measures": {"subsections": [{"heading": "甲"}, {"heading": "乙"}]}}}
    assert paths.select(data, "sections.*") == [
        ("/sections/measures", data["sections"]["measures"])
    ]
    headings = paths.select(data, "sections.measures.subsections.**.heading")
    assert headings == [
        ("/sections/measures/subsections/0/heading", "甲"),
        ("/sections/measures/subsections/1/heading", "乙"),
    ]
    assert paths.select(data, "sections.plans") == []
    assert paths.to_pointer("sections.a/b") == "/sections/a~1b"


def test_duplicate_key_is_found_at_the_second_key() -> None:
    d = doc("""\
        report:
          title: 甲
          title: 乙
        """)
    assert d.data == {"report": {"title": "甲"}}
    assert [(p.rule, p.span.line, p.span.column) for p in d.problems] == [("RL004", 3, 3)]


def _mappings(value: object, pointer: str) -> list[tuple[str, dict[str, object]]]:
    found: list[tuple[str, dict[str, object]]] = []
    if isinstance(value, dict):
        found.append((pointer, value))
        children = [(f"{pointer}/{key}", child) for key, child in value.items()]
    elif isinstance(value, list):
        children = [(f"{pointer}/{index}", child) for index, child in enumerate(value)]
    else:
        children = []
    for here, child in children:
        found += _mappings(child, here)
    return found


@pytest.mark.parametrize(
    "path",
    ["examples/yungang-2023.yaml", "tests/fixtures/variants/base.yaml"],
)
def test_text_index_gives_the_strings_a_walk_gives_under_every_mapping(path: str) -> None:
    data = load_yaml((ROOT / path).read_text(encoding="utf-8"), path).data
    index = TextIndex(data)
    mappings = _mappings(data, "")
    assert len(mappings) > 30
    for pointer, value in mappings:
        for include_self in (True, False):
            walked = list(text_strings(value, pointer, include_self=include_self))
            assert index.under(value, pointer, include_self=include_self) == walked, pointer


def test_text_index_tells_apart_one_mapping_aliased_in_two_places() -> None:
    text = textwrap.dedent(
        """\
        a: &part
          heading: 标题
          paragraphs: [第一段]
        b: *part
        """
    )
    data = load_yaml(text, "t.yaml").data
    index = TextIndex(data)
    assert index.under(data["b"], "/b") == [("/b/heading", "标题"), ("/b/paragraphs/0", "第一段")]
    assert index.under(data["b"], "/b", include_self=False) == [("/b/paragraphs/0", "第一段")]
    assert index.under(data["b"], "/c") is None
    assert index.under("标题", "/a/heading") is None


def test_a_tag_problem_names_the_keys_it_stands_under() -> None:
    doc = load_yaml("a:\n  b: !custom x\n  c: [1, !foo y]\n", "t.yaml")
    assert sorted((p.rule, p.pointer, p.span.line, p.span.column) for p in doc.problems) == [
        ("RL005", "/a/b", 2, 6),
        ("RL005", "/a/c/1", 3, 10),
    ]


def _scalars(node: yaml.Node) -> list[yaml.ScalarNode]:
    if isinstance(node, yaml.ScalarNode):
        return [node]
    children = node.value if isinstance(node, yaml.SequenceNode) else []
    if isinstance(node, yaml.MappingNode):
        children = [part for pair in node.value for part in pair]
    return [scalar for child in children for scalar in _scalars(child)]


TRICKY = """\
plain: 甲乙丙截至目前丁
quoted: '它''s 截至'
escaped: "甲\\t乙\\u4e19 丁"
folded: >
  甲乙
  丙丁
literal: |
  甲乙
  丙丁
wrapped: 甲乙
  丙丁
"""


@pytest.mark.parametrize("path", ["examples/yungang-2023.yaml", "tricky"])
def test_a_scalar_written_as_it_reads_is_placed_as_the_alignment_places_it(path: str) -> None:
    text = TRICKY if path == "tricky" else (ROOT / path).read_text(encoding="utf-8")
    root = yaml.compose(text, Loader=yaml.CSafeLoader)
    assert root is not None
    scalars = _scalars(root)
    verbatim = 0
    for node in scalars:
        fast, aligned = _Alignment(text, node), _Alignment(text, node)
        verbatim += fast._verbatim
        aligned._verbatim = False
        for offset in range(len(node.value) + 1):
            assert fast.source_index(offset) == aligned.source_index(offset), node.value
    # Both ways are taken: every scalar of the example is written as it reads, and the
    # tricky ones (quotes doubled, escapes, folding, indentation) are not.
    assert 0 < verbatim <= len(scalars)
    assert (verbatim < len(scalars)) is (path == "tricky")
