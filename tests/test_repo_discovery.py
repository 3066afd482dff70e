"""A report repository: only reports are linted in folders, and each file gets the config
of its own folder (nearest upward, stopping at the repository root)."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from reportlint import config
from reportlint.cli import main
from reportlint.cli.check import declares_format
from reportlint.reporters.json_format import findings_of
from tests.test_config import REPORT, RL305_A, RL305_B, RL401

# Files a report repository holds besides its reports; none of them is a report.
CI_FILES = {
    ".gitlab-ci.yml": "lint:\n  script: reportlint check reports\n",
    ".github/workflows/lint.yml": "on: push\njobs: {}\n",
    "mkdocs.yml": "site_name: reports\n",
    "reports/notes.yaml": "# format: reportlint/1 is only in a comment here\ntodo: []\n",
}


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository with ``reports/2023.yaml``, a config in ``reports/`` and CI files."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    for name, text in CI_FILES.items():
        write(root / name, text)
    write(root / "reports" / "2023.yaml", REPORT)
    write(root / "reports" / ".reportlint.yaml", "select: [RL401]\n")
    monkeypatch.chdir(root)
    return root


def run(
    capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, dict[str, list[tuple[int, int, str, str]]], str]:
    """Exit code, the findings per file, and stderr."""
    code = main(["check", *args, "--format", "json", "--lang", "en"])
    captured = capsys.readouterr()
    by_file: dict[str, list[tuple[int, int, str, str]]] = {}
    for f in findings_of(json.loads(captured.out)):
        by_file.setdefault(f["path"], []).append((f["line"], f["column"], f["rule"], f["severity"]))
    return code, by_file, captured.err


def test_only_reports_are_linted_from_the_root(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, ".") == (1, {"reports/2023.yaml": [RL401]}, "")


def test_the_same_verdict_from_the_reports_folder(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo / "reports")
    # Machine outputs name the file from the repository root, from any folder.
    assert run(capsys, ".") == (1, {"reports/2023.yaml": [RL401]}, "")
    assert run(capsys, "2023.yaml") == (1, {"reports/2023.yaml": [RL401]}, "")
    assert run(capsys, str(repo / "reports" / "2023.yaml")) == (
        1,
        {"reports/2023.yaml": [RL401]},
        "",
    )


def test_verbose_lists_the_files_passed_over(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repo / ".reportlint.yaml", "exclude: [old/]\n")
    write(repo / "old" / "2019.yaml", REPORT)
    code, found, err = run(capsys, ".", "--verbose")
    assert (code, found) == (1, {"reports/2023.yaml": [RL401]})
    assert err.splitlines() == [
        "reportlint: skipped .gitlab-ci.yml: not a report",
        "reportlint: skipped .reportlint.yaml: not a report",
        "reportlint: skipped mkdocs.yml: not a report",
        "reportlint: skipped reports/.reportlint.yaml: not a report",
        "reportlint: skipped reports/notes.yaml: not a report",
        "reportlint: skipped old/2019.yaml: excluded",
    ]


def test_a_named_file_is_always_checked(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, found, err = run(capsys, "mkdocs.yml", "reports/2023.yaml")
    assert (code, err) == (1, "")
    assert [rule for _, _, rule, _ in found["mkdocs.yml"]] == ["RL002", "RL002", "RL002", "RL003"]
    assert found["reports/2023.yaml"] == [RL401]
    # --reports-only (the pre-commit hook) applies the folders' rule to named files too.
    assert run(capsys, "--reports-only", "mkdocs.yml", "reports/2023.yaml") == (
        1,
        {"reports/2023.yaml": [RL401]},
        "",
    )


def test_include_names_reports_without_a_format_line(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    legacy = REPORT.replace("format: reportlint/1\n", "")
    write(repo / "legacy" / "2020.yaml", legacy)
    write(repo / "legacy" / "index.yaml", "files: []\n")
    write(repo / ".reportlint.yaml", "select: [RL401]\ninclude: ['legacy/20*.yaml']\n")
    code, found, _ = run(capsys, "legacy")
    assert code == 1
    assert sorted(found) == ["legacy/2020.yaml"]
    # Line 10, not 11: the report lost its first line.
    assert found["legacy/2020.yaml"] == [(10, 11, "RL401", "error")]


def test_each_folder_gets_its_own_config(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / "drafts" / "2024.yaml", REPORT)
    write(repo / "drafts" / ".reportlint.yaml", "select: [RL305]\nfail-on: error\n")
    assert run(capsys, "reports", "drafts") == (
        1,
        {"drafts/2024.yaml": [RL305_A, RL305_B], "reports/2023.yaml": [RL401]},
        "",
    )
    # Warnings alone do not fail the drafts' config.
    assert run(capsys, "drafts")[0] == 0
    # --config is the config of every file.
    write(repo / "all.yaml", "select: [RL305]\n")
    assert run(capsys, "reports", "drafts", "--config", "all.yaml") == (
        0,
        {"drafts/2024.yaml": [RL305_A, RL305_B], "reports/2023.yaml": [RL305_A, RL305_B]},
        "",
    )


def test_discovery_stops_at_the_repository_root(tmp_path: Path) -> None:
    write(tmp_path / ".reportlint.yaml", "select: [RL1]\n")
    inner = tmp_path / "repo" / "reports"
    inner.mkdir(parents=True)
    assert config.discover(inner) == tmp_path / ".reportlint.yaml"
    (tmp_path / "repo" / ".git").write_text("gitdir: elsewhere\n")  # a worktree's .git file
    assert config.discover(inner) is None
    assert config.repository_root(inner) == tmp_path / "repo"
    finder = config.Finder(None)
    assert finder.for_file(inner / "a.yaml") is None
    write(tmp_path / "repo" / "pyproject.toml", "[tool.reportlint]\nselect = ['RL2']\n")
    found = config.Finder(None).for_file(inner / "a.yaml")
    assert found is not None
    assert (found.path, found.select) == (tmp_path / "repo" / "pyproject.toml", ("RL2",))


def test_patterns_are_gitignore_patterns(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("reports/2024.yaml", "reports/sub/2022.yaml", "reports/keep.bak.yaml"):
        write(repo / name, REPORT)
    write(repo / "reports" / "old.bak.yaml", REPORT)
    write(
        repo / "reports" / ".reportlint.yaml",
        """\
        select: [RL401]
        exclude: ['*.bak.yaml', '!keep.bak.yaml', '/sub/']
        per-file-ignores: {'/20*.yaml': [RL401]}
        """,
    )
    assert run(capsys, "reports") == (1, {"reports/keep.bak.yaml": [RL401]}, "")


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"format: reportlint/1\n", True),
        (b"\xef\xbb\xbf# comment\nformat: 'reportlint/1'\n", True),
        (b"# comment\n" * 19 + b"format: reportlint/1\n", True),
        (b"# comment\n" * 20 + b"format: reportlint/1\n", False),
        (b"formats: reportlint/1\n", False),
        (b"  format: reportlint/1\n", False),
        (b"\x00\x01", True),  # binary: checked, so that its error is reported
        ("format: reportlint/1\n".encode("utf-16"), True),
    ],
)
def test_declares_format(tmp_path: Path, head: bytes, expected: bool) -> None:
    path = tmp_path / "r.yaml"
    path.write_bytes(head)
    assert declares_format(path) is expected
