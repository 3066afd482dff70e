"""``reportlint init`` in a report repository: the year, issuer, level and kind asked for,
missing folders made, one config at the repository root, nothing overwritten."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import yaml

from reportlint.cli import main


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_init_in_a_repository(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--year", "2024", "--issuer", "大同市人民政府", "--level", "city"]
    assert main(["init", "reports/2024/report.yaml", *args]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "wrote reports/2024/report.yaml",
        f"wrote {repo / '.reportlint.yaml'}",
        f"wrote {repo / 'schemas' / 'report.schema.json'}",
    ]
    data = yaml.safe_load((repo / "reports/2024/report.yaml").read_text(encoding="utf-8"))
    report = data["report"]
    assert (report["title"], report["issuer"], report["level"], report["kind"]) == (
        "大同市2024年法治政府建设年度报告",
        "大同市人民政府",
        "city",
        "government",
    )
    assert (report["year"], str(report["signed_on"])) == (2024, "2025-01-20")
    assert data["sections"]["plans"]["heading"] == "2025年推进法治政府建设的主要安排"
    # The next report finds the config at the root and writes none of its own.
    assert main(["init", "reports/2025/report.yaml", "--year", "2025"]) == 0
    assert capsys.readouterr().out == "wrote reports/2025/report.yaml\n"
    # Each names the schema at the root for editors, relative to itself.
    assert (
        Path("reports/2025/report.yaml")
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server: $schema=../../schemas/report.schema.json\n# ")
    )
    assert sorted(p.name for p in repo.rglob(".reportlint.yaml")) == [".reportlint.yaml"]
    # The template passes the input and schema rules as written.
    assert main(["check", "reports", "--select", "RL0", "--quiet"]) == 0


def test_init_defaults_to_last_year(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "r.yaml"]) == 0
    data = yaml.safe_load(Path("r.yaml").read_text(encoding="utf-8"))
    assert data["report"]["year"] == datetime.date.today().year - 1


def test_init_never_overwrites(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("r.yaml").write_text("keep\n", encoding="utf-8")
    assert main(["init", "r.yaml"]) == 2
    assert capsys.readouterr().err == (
        "reportlint: error: r.yaml already exists; use --force to overwrite it\n"
    )
    assert Path("r.yaml").read_text(encoding="utf-8") == "keep\n"
    assert not Path(".reportlint.yaml").exists()
    assert main(["init", "r.yaml", "--force"]) == 0
    assert (
        Path("r.yaml")
        .read_text(encoding="utf-8")
        .startswith(
            "# yaml-language-server: $schema=schemas/report.schema.json\n# 法治政府建设年度报告"
        )
    )


def test_init_comments_in_the_users_language_on_the_same_report(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.test_cli_wording import _english_left
    from tests.test_messages import _ASCII_MARK, _SPACE

    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert main(["init", "zh/r.yaml", "--year", "2024"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "已写入zh/r.yaml",
        f"已写入{repo / '.reportlint.yaml'}",
        f"已写入{repo / 'schemas' / 'report.schema.json'}",
    ]
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert main(["init", "en/r.yaml", "--year", "2024"]) == 0
    zh, en = (Path(f"{lang}/r.yaml").read_text(encoding="utf-8") for lang in ("zh", "en"))
    assert yaml.safe_load(zh) == yaml.safe_load(en)
    comments = [
        line.split("#", 1)[1]
        for text in (zh, (repo / ".reportlint.yaml").read_text(encoding="utf-8"))
        for line in text.splitlines()
        if "#" in line
        and not line.lstrip().startswith(("# ignore", "# severity", "# yaml-language-server"))
    ]
    assert len(comments) == 13
    # What is left in English is what a clerk types: keys, values, commands.
    typed = {"reportlint", "check", "--help", "published_on", "government", "department"}
    typed |= {"province", "city", "county", "township", "national", "error", "warning", "info"}
    assert [word for c in comments for word in _english_left(c, typed)] == []
    assert [
        m.group() for c in comments for m in (*_ASCII_MARK.finditer(c), *_SPACE.finditer(c))
    ] == []
    # Both are the same draft: the same findings, in either language.
    capsys.readouterr()
    assert main(["check", "zh/r.yaml", "en/r.yaml", "--concise", "--quiet"]) == 1
    found = [line.split(":", 1)[1] for line in capsys.readouterr().out.splitlines()]
    assert len(found) == 38 and sorted(found[:19]) == sorted(found[19:])
