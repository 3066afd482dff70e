"""The reference report as published (.txt, .html, GB18030) through `import` and `check`."""

from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from reportlint.cli import main
from reportlint.reporters.json_format import findings_of

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TXT = HERE / "fixtures" / "corpus" / "yungang-2023.txt"
HTML = HERE / "fixtures" / "sources" / "yungang-2023.html"
EXAMPLE = ROOT / "examples" / "yungang-2023.yaml"

# The reference findings (rules.md), at their place in the .txt.
TXT_FINDINGS = [
    ("RL211", 16, 1),  # 一、本年度推进法治政府建设的主要举措和成效 (no lawsuit count)
    ("RL107", 26, 1),  # 2,深化
    ("RL305", 28, 126),  # 截至11月份
    ("RL305", 36, 81),  # 今年以来
    ("RL305", 50, 184),  # 今年截至目前
    ("RL504", 52, 170),  # 行政负责人出庭率
    ("RL210", 90, 1),  # 四、下一年度推进法治政府建设的主要安排
    ("RL302", 123, 1),  # 2023年12月29日
]
# The same places in the HTML page (tags and entities before them count as written).
HTML_FINDINGS = [
    ("RL211", 25, 12),
    ("RL107", 31, 3),
    ("RL305", 33, 129),
    ("RL305", 37, 84),
    ("RL305", 44, 187),
    ("RL504", 45, 211),
    ("RL210", 64, 12),
    ("RL302", 80, 30),
]


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, Any]]]:
    code = main(["check", "--format", "json", *args])
    out = capsys.readouterr().out
    return code, findings_of(json.loads(out))


def places(findings: list[dict[str, Any]]) -> list[tuple[str, int, int]]:
    return [(f["rule"], f["line"], f["column"]) for f in findings]


def imported(capsys: pytest.CaptureFixture[str], source: Path) -> tuple[str, str]:
    assert main(["import", str(source)]) == 0
    captured = capsys.readouterr()
    return captured.out, captured.err


def test_import_of_the_text_matches_the_example(capsys: pytest.CaptureFixture[str]) -> None:
    out, _ = imported(capsys, TXT)
    data = yaml.safe_load(out)
    example = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    assert list(data) == ["format", "report", "preamble", "sections", "closing"]
    for key in ("format", "preamble", "sections", "closing"):
        assert data[key] == example[key], key
    # kind and level are not written in the text; everything else it shows is read.
    assert set(example["report"]) - set(data["report"]) == {"kind", "level"}
    assert data["report"] == {key: example["report"][key] for key in data["report"]}


def test_import_is_stable_readable_and_tells_what_it_stripped(
    capsys: pytest.CaptureFixture[str],
) -> None:
    first, err = imported(capsys, TXT)
    second, _ = imported(capsys, TXT)
    assert first == second
    assert err == f'{TXT}:26:1: RL107 heading number "2," is malformed; write "2."\n'
    lines = first.splitlines()
    assert lines[:4] == [
        "# Imported by reportlint from yungang-2023.txt.",
        "format: reportlint/1",
        "report:",
        "  title: 云冈区2023年法治政府建设年度报告",
    ]
    assert "  signed_on: 2023-12-29" in lines
    assert "      - 本年度全区各级政府及部门无不履行法院生效裁判情况。" in lines
    # One paragraph per line: every paragraph of the data is a line of the text.
    data = yaml.safe_load(first)
    written = {line.strip().removeprefix("- ") for line in lines}
    assert all(text in written for text in data["preamble"] + data["closing"])


def test_checking_the_text_gives_the_reference_findings(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, findings = check(capsys, str(TXT))
    assert code == 0
    assert places(findings) == TXT_FINDINGS
    assert {f["rule"]: f["section"] for f in findings}["RL210"] == "plans"


def test_the_imported_yaml_gives_the_same_verdict(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "report.yaml"
    assert main(["import", str(TXT), "-o", str(out)]) == 0
    capsys.readouterr()
    yaml_code, yaml_findings = check(capsys, str(out))
    txt_code, txt_findings = check(capsys, str(TXT))
    example_code, example_findings = check(capsys, str(EXAMPLE))
    assert yaml_code == txt_code == example_code == 0
    rules = sorted(f["rule"] for f in yaml_findings)
    assert rules == sorted(f["rule"] for f in example_findings)
    assert rules == sorted(f["rule"] for f in txt_findings if f["rule"] != "RL107")
    assert not any(f["rule"].startswith("RL0") for f in yaml_findings)


def test_checking_the_html_page_points_into_the_html(capsys: pytest.CaptureFixture[str]) -> None:
    code, findings = check(capsys, str(HTML))
    assert code == 0
    # No RL501 from the footer's XX and 【】, nor from the related-links list.
    assert places(findings) == HTML_FINDINGS


def test_the_html_page_imports_as_the_text_does(capsys: pytest.CaptureFixture[str]) -> None:
    from_html, _ = imported(capsys, HTML)
    from_txt, _ = imported(capsys, TXT)
    assert yaml.safe_load(from_html) == yaml.safe_load(from_txt)


def test_verbose_import_lists_the_furniture_dropped(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(HTML), "--verbose", "-o", "-"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f'{HTML}:31:3: RL107 heading number "2," is malformed; write "2."',
        f"{HTML}:83:17: dropped: 扫一扫在手机上查看当前页面",
        f"{HTML}:85:5: dropped: 相关解读",
        f"{HTML}:86:30: dropped: 图解:云冈区2023年法治政府建设年度报告",
        f"{HTML}:86:85: dropped: 关于XX的解读",
        f"{HTML}:87:5: dropped: 相关政策",
        f"{HTML}:88:30: dropped: 【】XX区法治政府建设实施方案",
        f"{HTML}:90:21: dropped: 【打印本页】 【关闭窗口】",
        f"{HTML}:92:19: dropped: 版权所有:XX区人民政府 地址:【】 电话:XXXX-XXXXXXX 晋ICP备XXXXXXXX号",
    ]


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-8-sig"])
def test_encodings_read_the_same(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, encoding: str
) -> None:
    copy = tmp_path / f"yungang-{encoding}.txt"
    copy.write_bytes(TXT.read_text(encoding="utf-8").encode(encoding))
    code, findings = check(capsys, str(copy))
    assert code == 0
    assert places(findings) == TXT_FINDINGS


def test_an_html_page_in_gbk_declared_in_its_meta(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page = HTML.read_text(encoding="utf-8").replace('charset="utf-8"', 'charset="gb2312"')
    copy = tmp_path / "page.html"
    copy.write_bytes(page.encode("gb18030"))
    code, findings = check(capsys, str(copy))
    assert code == 0
    assert places(findings) == HTML_FINDINGS


def test_a_utf16_text_with_its_bom(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    copy = tmp_path / "utf16.txt"
    copy.write_bytes(codecs.BOM_UTF16_LE + TXT.read_text(encoding="utf-8").encode("utf-16-le"))
    assert places(check(capsys, str(copy))[1]) == TXT_FINDINGS


def test_undecodable_bytes_are_an_error_naming_the_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(bytes(range(128, 256)) * 3)
    assert main(["check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"reportlint: error: {bad}: cannot decode the text")
    assert main(["import", str(bad)]) == 2
    assert capsys.readouterr().err.startswith(f"reportlint: error: {bad}: cannot decode")
