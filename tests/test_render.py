"""`reportlint render`: numbering from the order of the parts, the GB/T 9704 .docx, HTML."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from reportlint.cli import main
from reportlint.publish import layout

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE.parent / "examples" / "yungang-2023.yaml"

SMALL = """\
format: reportlint/1
report:
  title: 某县2024年法治政府建设年度报告
  issuer: 某县人民政府
  year: 2024
  signed_on: 2025-01-20
preamble:
  - 现将本年度法治政府建设情况报告如下。
sections:
  measures:
    heading: 主要举措和成效
    subsections:
      - heading: 深学笃行
        paragraphs: [学习<习近平法治思想>&宣传。]
        subsections:
          - heading: 三级
            subsections:
              - heading: 四级
                paragraphs: [第四级的段落。]
          - heading: 三级二
      - heading: 第二项
  leadership:
    heading: 第一责任人职责
    paragraphs:
      - |
        分两行
        写的段落。
closing:
  - 特此报告。
"""


def _lines(text: str) -> list[tuple[str, str, str]]:
    return [(line.kind, line.number, line.text) for line in layout.lines(yaml.safe_load(text))]


def test_numbers_follow_the_order_of_the_parts() -> None:
    assert _lines(SMALL) == [
        ("title", "", "某县2024年法治政府建设年度报告"),
        ("paragraph", "", "现将本年度法治政府建设情况报告如下。"),
        ("heading", "一、", "主要举措和成效"),
        ("heading", "（一）", "深学笃行"),
        ("paragraph", "", "学习<习近平法治思想>&宣传。"),
        ("heading", "1.", "三级"),
        ("heading", "（1）", "四级"),
        ("paragraph", "", "第四级的段落。"),
        ("heading", "2.", "三级二"),
        ("heading", "（二）", "第二项"),
        ("heading", "二、", "第一责任人职责"),
        ("paragraph", "", "分两行写的段落。"),
        ("closing", "", "特此报告。"),
        ("issuer", "", "某县人民政府"),
        ("date", "", "2025年1月20日"),
    ]


def _render(tmp_path: Path, text: str, name: str) -> Path:
    source = tmp_path / "report.yaml"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / name
    assert main(["render", str(source), "-o", str(out)]) == 0
    return out


def test_html_is_escaped_and_self_contained(tmp_path: Path) -> None:
    page = _render(tmp_path, SMALL, "report.html").read_text(encoding="utf-8")
    assert "<p>学习&lt;习近平法治思想&gt;&amp;宣传。</p>" in page
    assert "<h2>一、主要举措和成效</h2>" in page
    assert "<h3>（一）深学笃行</h3>" in page
    assert "<h5>（1）四级</h5>" in page
    assert '<p class="date">2025年1月20日</p>' in page
    assert "<script" not in page and "http" not in page and "<link" not in page


def _east_asian_font(style: Any) -> str:
    from docx.oxml.ns import qn

    fonts = style.element.rPr.find(qn("w:rFonts"))
    return str(fonts.get(qn("w:eastAsia")))


def test_docx_has_the_official_layout(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt

    document = docx.Document(str(_render(tmp_path, SMALL, "report.docx")))
    section = document.sections[0]
    # Word stores lengths in twentieths of a point: millimetres come back rounded.
    page = (section.page_width, section.page_height)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(length.mm, 1) for length in page] == [210, 297]
    assert [round(length.mm, 1) for length in margins] == [37, 35, 28, 26]
    styles = document.styles
    assert _east_asian_font(styles["Title"]) == "方正小标宋简体"
    assert styles["Title"].font.size == Pt(22)
    assert _east_asian_font(styles["Normal"]) == "仿宋_GB2312"
    assert styles["Normal"].font.size == Pt(16)
    body = styles["Normal"].paragraph_format
    assert body.first_line_indent == Pt(32)
    assert body.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert body.line_spacing == Pt(28.95)
    assert _east_asian_font(styles["Heading 1"]) == "黑体"
    assert _east_asian_font(styles["Heading 2"]) == "楷体_GB2312"
    texts = [(p.style.name, p.text) for p in document.paragraphs if p.text]
    assert texts[:4] == [
        ("Title", "某县2024年法治政府建设年度报告"),
        ("Normal", "现将本年度法治政府建设情况报告如下。"),
        ("Heading 1", "一、主要举措和成效"),
        ("Heading 2", "（一）深学笃行"),
    ]
    assert texts[-2:] == [("Normal", "某县人民政府"), ("Normal", "2025年1月20日")]


def _content(data: dict[str, Any]) -> dict[str, Any]:
    report = data["report"]
    return {
        "title": report["title"],
        "issuer": report["issuer"],
        "year": report["year"],
        "signed_on": str(report["signed_on"]),
        "preamble": data.get("preamble"),
        "sections": data["sections"],
        "closing": data.get("closing"),
    }


@pytest.mark.parametrize("name", ["report.docx", "report.html"])
def test_rendered_document_imports_back_to_the_same_report(tmp_path: Path, name: str) -> None:
    pytest.importorskip("docx")
    text = EXAMPLE.read_text(encoding="utf-8")
    rendered = _render(tmp_path, text, name)
    back = tmp_path / "back.yaml"
    assert main(["import", str(rendered), "-o", str(back)]) == 0
    assert _content(yaml.safe_load(back.read_text(encoding="utf-8"))) == _content(
        yaml.safe_load(text)
    )


def test_render_refuses_what_is_not_a_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "notes.yaml"
    source.write_text("- a list\n", encoding="utf-8")
    out = tmp_path / "out.html"
    assert main(["render", str(source), "-o", str(out)]) == 2
    assert "not a report that can be rendered" in capsys.readouterr().err
    assert not out.exists()
    assert main(["render", str(source), "-o", str(tmp_path / "out.pdf")]) == 2
    assert "render writes .docx or .html, not '.pdf'" in capsys.readouterr().err
