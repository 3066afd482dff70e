"""The html page in a real browser: Debian's Chromium driven by Playwright.

Skipped, saying why, where Playwright or /usr/bin/chromium is missing (``.ci/run``
installs both, and fonts-noto-cjk so that Chinese is not drawn as boxes).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reportlint.cli import main
from tests.test_html import EXAMPLE, HOSTILE_TITLE, write_variants

pytest.importorskip("jinja2", reason="the html format needs the html extra (Jinja2)")
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright for Python is not installed"
)
CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)", allow_module_level=True)

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
MATRIX_SIZE = 120  # more than one page of rows (100 a page)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def matrix(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("matrix")
    write_variants(folder / "reports", MATRIX_SIZE, hostile=1)
    out = folder / "matrix.html"
    assert (
        main(
            [
                "check",
                "--lang",
                "zh",
                "--format",
                "html",
                "--output",
                str(out),
                str(folder / "reports"),
            ]
        )
        == 1
    )
    return out


class Opened:
    """A page opened from file:// with what went wrong on it recorded."""

    def __init__(self, browser: Any, path: Path, width: int = 1280) -> None:
        self.page = browser.new_page(viewport={"width": width, "height": 1000})
        self.problems: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.problems.append(f"pageerror {error}"))
        self.page.on("dialog", self._dialog)
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")

    def _console(self, message: Any) -> None:
        if message.type in ("error", "warning"):
            self.problems.append(f"{message.type} {message.text}")

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def rows(self) -> list[list[str]]:
        cells: list[list[str]] = self.page.eval_on_selector_all(
            "#grid-body tr.row",
            "rows => rows.map(r => Array.from(r.cells, c => c.textContent))",
        )
        return cells


def not_blank(browser: Any, png: bytes) -> bool:
    """Larger by far than a screenshot of an empty page of the same size."""
    blank = browser.new_page(viewport={"width": 1280, "height": 1000})
    blank.set_content("<html><body></body></html>")
    empty = blank.screenshot()
    blank.close()
    return len(png) > 5 * len(empty)


def test_one_report_loads_cleanly_and_draws_chinese(browser: Any, tmp_path: Path) -> None:
    out = tmp_path / "one.html"
    main(["check", "--lang", "zh", "--format", "html", "--output", str(out), str(EXAMPLE)])
    opened = Opened(browser, out)
    assert opened.problems == []
    assert opened.requests == [out.as_uri()]
    page = opened.page
    assert page.locator("article h1").inner_text() == "云冈区2023年法治政府建设年度报告"
    assert page.locator(".verdict").inner_text().startswith("✓ 可以签发")
    # A Chinese font is used: text in the headline is as wide as CJK glyphs, not boxes.
    families = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "Noto Sans CJK SC" in families
    desktop = page.screenshot(path=str(tmp_path / "one-desktop.png"))
    assert not_blank(browser, desktop)
    # A red-pen mark leads to its finding.
    page.locator("mark.pen >> text=截至11月份").locator("a").click()
    assert page.evaluate("location.hash").startswith("#r0-f")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 794, "height": 1123})
    printed = page.screenshot(path=str(tmp_path / "one-print.png"))
    assert not_blank(browser, printed)
    assert page.pdf(format="A4")[:5] == b"%PDF-"
    page.close()


def test_matrix_sorts_filters_and_pages(browser: Any, matrix: Path) -> None:
    opened = Opened(browser, matrix)
    page = opened.page
    assert opened.problems == []
    data = json.loads(page.locator("#matrix-data").text_content())
    rows = data["rows"]
    assert len(rows) == MATRIX_SIZE
    assert len(opened.rows()) == 100
    page.click("#next")
    assert len(opened.rows()) == MATRIX_SIZE - 100
    assert "第 2 / 2 页" in page.locator("#page-info").inner_text()
    page.click("#prev")

    page.check("#only-not-ready")
    not_ready = sum(not row["ready"] for row in rows)
    assert 0 < not_ready < MATRIX_SIZE
    shown = opened.rows()
    assert len(shown) == not_ready
    assert all(row[4].startswith("✗") for row in shown)
    page.uncheck("#only-not-ready")

    page.select_option("#rule-filter", "RL304")
    assert len(opened.rows()) == sum("RL304" in row["rules"] for row in rows)
    page.select_option("#rule-filter", "")

    page.fill("#text-filter", "太原市")
    shown = opened.rows()
    assert len(shown) == sum("太原市" in row["issuer"] for row in rows)
    assert all("太原市" in row[1] for row in shown)
    page.fill("#text-filter", "")

    errors = page.locator("th button[data-sort=errors]")
    errors.click()
    counts = [int(row[-2]) for row in opened.rows()]
    assert counts == sorted(counts) and counts[0] < counts[-1]
    errors.click()
    counts = [int(row[-2]) for row in opened.rows()]
    assert counts == sorted(counts, reverse=True)
    # Each row links to its report's section.
    first = page.locator("#grid-body tr.row a").first
    target = first.get_attribute("href")
    first.click()
    assert page.evaluate("location.hash") == target
    # The report's section is scrolled to the top of the window.
    assert abs(page.locator(f"article{target}").bounding_box()["y"]) < 2
    assert opened.problems == []
    page.close()


def test_hostile_text_runs_nothing(browser: Any, matrix: Path) -> None:
    opened = Opened(browser, matrix)
    page = opened.page
    page.fill("#text-filter", "平城区2020")
    page.locator("#grid-body tr.row a").first.click()
    for link in page.locator("article#r1 a").all()[:20]:
        link.click()
    assert opened.dialogs == []
    assert page.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert page.evaluate("document.scripts.length") == 2
    assert HOSTILE_TITLE in page.locator("article#r1 h1").inner_text()
    assert "onerror=alert(1)" in page.locator("article#r1 .paper").inner_text()
    assert opened.problems == []
    page.close()


def test_matrix_screenshots_are_not_blank(browser: Any, matrix: Path, tmp_path: Path) -> None:
    opened = Opened(browser, matrix)
    page = opened.page
    assert not_blank(browser, page.screenshot(path=str(tmp_path / "matrix-desktop.png")))
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 794, "height": 1123})
    assert not_blank(browser, page.screenshot(path=str(tmp_path / "matrix-print.png")))
    page.close()


def test_chinese_fonts_are_installed() -> None:
    """The CJK fonts the tests rely on are installed (fonts-noto-cjk)."""
    if shutil.which("fc-list") is None:
        pytest.skip("fc-list is missing")
    import subprocess

    fonts = subprocess.run(
        ["fc-list", ":lang=zh"], capture_output=True, text=True, check=True
    ).stdout
    assert "Noto Sans CJK" in fonts or "Noto Serif CJK" in fonts
