"""Word drafts: a .docx written here with python-docx, read by `check` and `import`."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
import yaml

from reportlint.cli import main
from reportlint.reporters.json_format import findings_of

docx = pytest.importorskip("docx")

# (style, text); each is one paragraph, so its number is its "line".
PARAGRAPHS = [
    ("Title", "示例县2023年法治政府建设年度报告"),  # 1
    ("Normal", ""),  # 2
    ("Normal", "2023年,全县坚持依法行政……现将有关情况报告如下。"),  # 3
    ("Heading 1", "一、2023年推进法治政府建设的主要举措和成效"),  # 4
    ("Heading 2", "（一）加强党的领导"),  # 5
    ("Normal", "全年组织学法12次，截至11月份共培训300人次。"),  # 6
    ("Heading 2", "依法科学决策"),  # 7: numbered by Word, not in the text
    ("Normal", "重大行政决策全部经过合法性审查。"),  # 8
    ("Normal", "1,严格执法。全区重大执法决定法制审核率达到100%。"),  # 9
    ("Heading 1", "二、党政主要负责人履行推进法治建设第一责任人职责情况"),  # 10
    ("Normal", "开展年度述法。\n主要负责人带头学法XX次。"),  # 11: a line break inside
    ("Heading 1", "三、2023年法治政府建设存在的不足和原因"),  # 12
    ("Normal", "执法力量不足,主要原因是编制有限。"),  # 13
    ("Normal", "特此报告。"),  # 14
    ("Normal", "示例县人民政府"),  # 15
    ("Normal", "2024年1月20日"),  # 16
]


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    document = docx.Document()
    for style, text in PARAGRAPHS:
        document.add_paragraph(text, style=style)
    path = tmp_path / "draft.docx"
    document.save(str(path))
    return path


def test_a_draft_imports_with_its_styles(capsys: pytest.CaptureFixture[str], draft: Path) -> None:
    assert main(["import", str(draft)]) == 0
    captured = capsys.readouterr()
    data = yaml.safe_load(captured.out)
    assert data["report"] == {
        "title": "示例县2023年法治政府建设年度报告",
        "issuer": "示例县人民政府",
        "year": 2023,
        "signed_on": datetime.date(2024, 1, 20),
    }
    assert data["preamble"] == ["2023年,全县坚持依法行政……现将有关情况报告如下。"]
    assert data["sections"] == {
        "measures": {
            "heading": "2023年推进法治政府建设的主要举措和成效",
            "subsections": [
                {
                    "heading": "加强党的领导",
                    "paragraphs": ["全年组织学法12次，截至11月份共培训300人次。"],
                },
                {
                    "heading": "依法科学决策",
                    "paragraphs": ["重大行政决策全部经过合法性审查。"],
                    "subsections": [
                        {
                            "heading": "严格执法",
                            "paragraphs": ["全区重大执法决定法制审核率达到100%。"],
                        }
                    ],
                },
            ],
        },
        "leadership": {
            "heading": "党政主要负责人履行推进法治建设第一责任人职责情况",
            "paragraphs": ["开展年度述法。", "主要负责人带头学法XX次。"],
        },
        "shortcomings": {
            "heading": "2023年法治政府建设存在的不足和原因",
            "paragraphs": ["执法力量不足,主要原因是编制有限。"],
        },
    }
    assert data["closing"] == ["特此报告。"]
    assert f"{draft}:9:1: RL107" in captured.err


def test_findings_give_paragraph_and_character(
    capsys: pytest.CaptureFixture[str], draft: Path
) -> None:
    assert main(["check", "--format", "json", "--select", "RL107,RL305,RL501", str(draft)]) == 1
    findings = findings_of(json.loads(capsys.readouterr().out))
    assert [(f["rule"], f["line"], f["column"]) for f in findings] == [
        ("RL305", 6, 11),  # 截至11月份
        ("RL107", 9, 1),  # 1,
        ("RL501", 11, 18),  # XX, after the line break (character 18 of the paragraph)
    ]


def test_a_file_that_is_not_a_docx(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    fake = tmp_path / "fake.docx"
    fake.write_text("not a zip", encoding="utf-8")
    assert main(["check", str(fake)]) == 2
    assert capsys.readouterr().err.startswith(f"reportlint: error: {fake}: not a Word .docx file")
