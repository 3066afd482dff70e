"""Last year's published .docx to this year's checked, fixed and rendered .docx: four commands."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.cli import main

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE.parent / "examples" / "yungang-2023.yaml"
NOTE = "# 法制科: 2024年报告由张三起草\n"


def test_import_init_from_fix_render(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docx = pytest.importorskip("docx")
    published = tmp_path / "2023.docx"
    assert main(["render", str(EXAMPLE), "-o", str(published)]) == 0
    last = tmp_path / "2023.yaml"
    assert main(["import", str(published), "-o", str(last)]) == 0
    last.write_text(NOTE + last.read_text(encoding="utf-8"), encoding="utf-8")

    this = tmp_path / "2024.yaml"
    assert main(["init", str(this), "--from", str(last)]) == 0
    assert main(["check", "--no-cache", "--fix", str(this)]) == 1
    text = this.read_text(encoding="utf-8")
    assert text.startswith(NOTE)
    assert "    # 2023年报告的安排 (逐项报告落实情况):\n" in text
    # The example's 行政负责人出庭率 was fixed; its figures wait as XX placeholders.
    assert "出庭应诉率" in text and "出庭率" not in text.replace("出庭应诉率", "")
    out = capsys.readouterr().out
    assert "RL504" not in out and "RL501" in out

    rendered = tmp_path / "2024.docx"
    assert main(["render", str(this), "-o", str(rendered)]) == 0
    paragraphs = [p.text for p in docx.Document(str(rendered)).paragraphs if p.text]
    assert paragraphs[0] == "云冈区2024年法治政府建设年度报告"
    assert "四、下一年度推进法治政府建设的主要安排" in paragraphs
    assert paragraphs[-1] == "大同市云冈区人民政府"  # no signing date yet: none is printed
