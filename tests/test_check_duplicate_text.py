"""``duplicate-text``: sibling parts with one heading, and a paragraph written twice."""

from __future__ import annotations

from pathlib import Path

from tests.rulekit import lint_with

BODY = """\
    sections:
      measures:
        heading: 主要举措
        paragraphs:
          - 全县重大执法决定法制审核率达到100%。
          - 无。
        subsections:
          - heading: 推进严格规范公正文明执法
            paragraphs: [全县重大执法决定法制审核率达到100%。]
          - heading: 推进严格规范公正文明执法。
            paragraphs: [无。]
      plans:
        heading: 主要安排
        subsections:
          - heading: 推进严格规范公正文明执法
            paragraphs: [开展案卷评查。]
    """


def test_sibling_headings(tmp_path: Path) -> None:
    options = {"within": "siblings"}
    found = lint_with(tmp_path, "duplicate-text", options, BODY, path="sections.**.subsections")
    # The plans part has the same heading, but it is not a sibling.
    assert found == [(16, 18, "推进严格规范公正文明执法。")]


def test_paragraphs_across_the_document(tmp_path: Path) -> None:
    options = {"within": "document", "min_length": 5}
    found = lint_with(tmp_path, "duplicate-text", options, BODY, message="{match} ({section})")
    assert found == [(15, 22, "全县重大执法决定法制审核率达到100%。 (measures)")]
