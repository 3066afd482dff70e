"""The ``html`` format: one page per run, escaped, self-contained, with a CSP by hash."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from reportlint.cli import main

pytest.importorskip("jinja2", reason="the html format needs the html extra (Jinja2)")

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "yungang-2023.yaml"
HOSTILE_TITLE = "<script>alert('title')</script>"
HOSTILE_PARAGRAPH = '"><img src=x onerror=alert(1)> <a href="javascript:alert(2)">点我</a>'
_CITIES = ("大同市", "太原市", "晋中市", "长治市", "运城市")
_DISTRICTS = ("云冈区", "平城区", "新荣区", "阳高县", "天镇县", "广灵县", "灵丘县")
_LEVELS = ("county", "city", "county", "township")


def variant(index: int, *, hostile: bool = False) -> str:
    """The example report with another issuer, year and level, some with errors.

    Every third lacks the legal-review rate (RL201), every fourth is published late
    (RL304), every fifth is signed after the year ended (no RL302).
    """
    text = EXAMPLE.read_text(encoding="utf-8")
    year = 2019 + index % 5
    city, district = _CITIES[index % len(_CITIES)], _DISTRICTS[index % len(_DISTRICTS)]
    text = (
        text.replace("2024", "\0next").replace("2023", str(year)).replace("\0next", str(year + 1))
    )
    text = text.replace("大同市", city).replace("云冈区", district)
    text = text.replace("level: county", f"level: {_LEVELS[index % len(_LEVELS)]}")
    if index % 3 == 1:
        text = text.replace("全区重大执法决定法制审核率达到100%。", "")
    if index % 4 == 2:
        text = text.replace(f"published_on: {year + 1}-03-08", f"published_on: {year + 1}-05-08")
    if index % 5 == 3:
        text = text.replace(f"signed_on: {year}-12-29", f"signed_on: {year + 1}-01-10")
    if hostile:
        text = text.replace(
            f"  title: {district}{year}年法治政府建设年度报告",
            f'  title: "{district}{year}年法治政府建设年度报告{HOSTILE_TITLE}"',
        )
        text = text.replace(f"  - {year}年,", f"  - '{HOSTILE_PARAGRAPH}'\n  - {year}年,")
    return text


def write_variants(folder: Path, count: int, *, hostile: int | None = None) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"report-{index:04d}.yaml"
        path.write_text(variant(index, hostile=index == hostile), encoding="utf-8")
        paths.append(path)
    return paths


class Page(HTMLParser):
    """What a page holds: elements with attributes, text, and the inline scripts."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.scripts: list[tuple[dict[str, str], str]] = []
        self.styles: list[str] = []
        self._open: tuple[str, dict[str, str]] | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.elements.append((tag, attributes))
        if tag in ("script", "style"):
            self._open = (tag, attributes)

    def handle_data(self, data: str) -> None:
        if self._open is None:
            self.text.append(data)
        elif self._open[0] == "script":
            self.scripts.append((self._open[1], data))
        else:
            self.styles.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._open = None

    def tags(self, name: str) -> list[dict[str, str]]:
        return [attributes for tag, attributes in self.elements if tag == name]

    def csp(self) -> dict[str, list[str]]:
        (meta,) = [m for m in self.tags("meta") if m.get("http-equiv") == "Content-Security-Policy"]
        return {
            part.split()[0]: part.split()[1:] for part in meta["content"].split(";") if part.strip()
        }


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def render(tmp_path: Path, *paths: Path, lang: str = "zh", code: int | None = None) -> str:
    out = tmp_path / "out" / "report.html"
    out.parent.mkdir(exist_ok=True)
    result = main(
        ["check", "--lang", lang, "--format", "html", "--output", str(out), *map(str, paths)]
    )
    if code is not None:
        assert result == code
    return out.read_text(encoding="utf-8")


def test_one_report_has_verdict_checklist_findings_and_marked_text(tmp_path: Path) -> None:
    text = render(tmp_path, EXAMPLE, code=0)
    page = Page(text)
    body = "".join(page.text)
    assert page.tags("html")[0]["lang"] == "zh-CN"
    assert "云冈区2023年法治政府建设年度报告" in body
    assert "✓ 可以签发" in body
    # The checklist: signed before the year ended (a warning) marks one line, with its finding.
    assert '<li class="fail">' not in text
    (marked,) = re.findall(r'<li class="warn">.*?</li>', text, re.S)
    assert "年度结束后成文" in marked and "RL302" in marked
    assert text.count('<li class="pass">') == 7
    # Each red-pen mark links to its finding and the finding back to the mark.
    marks = re.findall(r'<mark class="pen sev-(\w+)" id="(r0-m\d+)">([^<]*)<sup', text)
    assert ("warning", "r0-m2", "截至11月份") in marks
    assert ("info", "r0-m5", "行政负责人出庭率") in marks
    assert ("warning", "r0-m0", "2023-12-29") in marks
    for _, mark, _ in marks:
        number = mark.split("-m")[1]
        assert f'href="#r0-f{number}"' in text
        assert f'<li id="r0-f{number}"' in text
        assert f'href="#{mark}"' in text
    # The finding quotes its sentence with the words highlighted.
    assert "<mark>截至11月份</mark>综合监管共涉及8个行业" in text


def test_one_report_page_loads_nothing_and_runs_no_script(tmp_path: Path) -> None:
    page = Page(render(tmp_path, EXAMPLE))
    csp = page.csp()
    assert csp["default-src"] == ["'none'"]
    assert csp["script-src"] == ["'none'"]
    assert page.scripts == []
    (style,) = page.styles
    assert csp["style-src"] == [sha256(style)]
    assert "@page { size: A4" in style
    for family in (
        "Microsoft YaHei",
        "SimSun",
        "PingFang SC",
        "Noto Sans CJK SC",
        "Noto Serif CJK SC",
    ):
        assert family in style
    for _, attributes in page.elements:
        assert "src" not in attributes
        for value in attributes.values():
            assert not re.match(r"\s*(https?:|//|javascript:)", value, re.I)


def test_hostile_text_is_shown_as_text(tmp_path: Path) -> None:
    paths = write_variants(tmp_path / "reports", 3, hostile=1)
    text = render(tmp_path, *paths, lang="en", code=1)
    page = Page(text)
    body = "".join(page.text)
    assert HOSTILE_TITLE in body
    assert '"><img src=x onerror=alert(1)>' in body
    assert 'href="javascript:alert(2)"' in body
    assert page.tags("img") == []
    assert not [a for a in page.tags("a") if a.get("href", "").startswith("javascript")]
    # Two script elements: the matrix data (JSON, never run) and the page's own script.
    kinds = [attributes.get("type") for attributes, _ in page.scripts]
    assert len(kinds) == 2 and set(kinds) == {"application/json", None}
    (data,) = [content for attributes, content in page.scripts if attributes.get("type")]
    assert "<" not in data
    assert HOSTILE_TITLE in json.loads(data)["rows"][1]["title"]


def test_matrix_csp_allows_the_page_script_by_its_hash(tmp_path: Path) -> None:
    paths = write_variants(tmp_path / "reports", 4)
    page = Page(render(tmp_path, *paths, code=1))
    (script,) = [content for attributes, content in page.scripts if not attributes]
    csp = page.csp()
    assert csp["script-src"] == [sha256(script)]
    assert csp["default-src"] == ["'none'"]


def test_matrix_rows_say_which_requirement_each_report_misses(tmp_path: Path) -> None:
    paths = write_variants(tmp_path / "reports", 6)
    page = Page(render(tmp_path, *paths, lang="en", code=1))
    (data,) = [json.loads(c) for a, c in page.scripts if a.get("type") == "application/json"]
    rows = {row["id"]: row for row in data["rows"]}
    assert data["columns"][1] == "Legal-review rate of major decisions"
    # report-0001 and -0004 lack the review rate; -0002 is published late; -0003 is
    # signed after the year ended (no RL302 cross), the others are not.
    assert [rows[f"r{i}"]["cells"][1] for i in range(6)] == [0, 1, 0, 0, 1, 0]
    assert [rows[f"r{i}"]["cells"][6] for i in range(6)] == [0, 0, 1, 0, 0, 0]
    assert [rows[f"r{i}"]["cells"][5] for i in range(6)] == [1, 1, 1, 0, 1, 1]
    # RL302 is a warning: its column is marked, not crossed, at --fail-on error.
    assert not any(rows[f"r{i}"]["failed"][5] for i in range(6))
    assert [rows[f"r{i}"]["failed"][1] for i in range(6)] == [
        False,
        True,
        False,
        False,
        True,
        False,
    ]
    assert [rows[f"r{i}"]["ready"] for i in range(6)] == [True, False, False, True, False, True]
    assert rows["r1"]["rules"] == ["RL201"]
    body = "".join(page.text)
    assert "Ready to sign 3" in body and "Not ready 3" in body
    assert "RL201 the legal-review rate of major enforcement decisions is stated: 2" in " ".join(
        body.split()
    )


def test_unreadable_file_is_a_report_not_ready(tmp_path: Path) -> None:
    binary = tmp_path / "broken.yaml"
    binary.write_bytes(b"\x00\x01binary")
    text = render(tmp_path, EXAMPLE, binary, lang="en", code=2)
    page = Page(text)
    (data,) = [json.loads(c) for a, c in page.scripts if a.get("type") == "application/json"]
    assert [row["ready"] for row in data["rows"]] == [True, False]
    assert "Cannot be read: " + f"{binary}: binary file, not a report" in " ".join(
        "".join(page.text).split()
    )


def test_jinja2_is_imported_only_for_html(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys; from reportlint.cli import main; "
        f"main(['check', '--quiet', {str(EXAMPLE)!r}]); "
        "sys.exit('jinja2' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_requirements_whose_rules_did_not_run_are_not_checked(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    args = ["check", "--lang", "en", "--select", "RL3", "--format", "html", "--output", str(out)]
    assert main([*args, str(EXAMPLE)]) == 0
    text = out.read_text(encoding="utf-8")
    skipped = re.findall(r'<li class="skip">.*?</li>', text, re.S)
    assert len(skipped) == 5
    assert all("not checked" in item for item in skipped)
    assert "Signed after the year ended" in re.findall(r'<li class="warn">.*?</li>', text, re.S)[0]


def test_a_rule_hint_is_shown_escaped(tmp_path: Path) -> None:
    from reportlint.api import check_file
    from reportlint.packs import catalog
    from reportlint.reporters import RunSummary
    from reportlint.reporters.html import render as render_page

    hint = {"zh": "写明全年数据<b>", "en": "give the whole year's figures <b>"}
    rules = [
        rule._replace(hint=hint) if rule.id == "RL305" else rule for rule in catalog.load_rules([])
    ]
    findings = check_file(EXAMPLE)
    page = render_page(findings, RunSummary(files=[str(EXAMPLE)], rules=rules, lang="zh"))
    assert page.count("<strong>修改建议：</strong>写明全年数据&lt;b&gt;</p>") == 3
    assert "<b>" not in page


def test_a_run_over_no_reports_is_an_empty_page(tmp_path: Path) -> None:
    (tmp_path / "none").mkdir()
    page = Page(render(tmp_path, tmp_path / "none", lang="en", code=0))
    assert "".join(page.text).strip() == "Annual rule-of-law report check"
