"""JUnit output validated against the schema Jenkins reads (GitLab reads the same elements):
a clean report, a failing one, an unreadable file and a mix of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportlint.cli import main
from tests.conftest import FIXTURES, MEASURES_HEAD
from tests.test_config import REPORT
from tests.test_repo_discovery import write

etree = pytest.importorskip("lxml.etree")

CLEAN = MEASURES_HEAD + "      - 全县行政机关负责人出庭应诉率达到98%。\n"


@pytest.fixture(scope="module")
def schema() -> object:
    return etree.XMLSchema(etree.parse(str(FIXTURES / "junit" / "junit-10.xsd")))


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    write(root / ".reportlint.yaml", "select: [RL401, RL305]\n")
    write(root / "reports" / "clean.yaml", CLEAN)
    write(root / "reports" / "bad.yaml", REPORT)
    monkeypatch.chdir(root)
    return root


def junit(capsys: pytest.CaptureFixture[str], *paths: str) -> tuple[int, bytes]:
    code = main(["check", *paths, "--format", "junit", "--lang", "en"])
    return code, capsys.readouterr().out.encode("utf-8")


def problems(schema: object, document: bytes) -> list[str]:
    tree = etree.fromstring(document)
    valid = schema.validate(tree)  # type: ignore[attr-defined]
    messages = [entry.message for entry in schema.error_log]  # type: ignore[attr-defined]
    assert valid == (not messages)
    return messages


@pytest.mark.parametrize(
    ("paths", "code", "counts"),
    [
        (["reports/clean.yaml"], 0, ("2", "0", "0")),
        (["reports/bad.yaml"], 1, ("2", "1", "0")),
        (["reports/missing.yaml"], 2, ("1", "0", "1")),
        (["reports/clean.yaml", "reports/bad.yaml", "reports/missing.yaml"], 2, ("5", "1", "1")),
    ],
    ids=["clean", "failing", "unreadable", "mix"],
)
def test_junit_validates(
    repo: Path,
    schema: object,
    capsys: pytest.CaptureFixture[str],
    paths: list[str],
    code: int,
    counts: tuple[str, str, str],
) -> None:
    got, document = junit(capsys, *paths)
    assert got == code
    assert problems(schema, document) == []
    root = etree.fromstring(document)
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == counts
    assert [suite.get("name") for suite in root.iter("testsuite")] == paths


def test_a_broken_document_does_not_validate(
    repo: Path, schema: object, capsys: pytest.CaptureFixture[str]
) -> None:
    _, document = junit(capsys, "reports/bad.yaml", "reports/missing.yaml")
    broken = document.replace(b' errors="0"', b"", 1)  # a suite without its required count
    assert broken != document
    assert problems(schema, broken) == [
        "Element 'testsuite': The attribute 'errors' is required but missing."
    ]
    timed = document.replace(b'time="0.', b'time="-0.', 1)  # not seconds as Surefire writes
    assert len(problems(schema, timed)) == 1
    renamed = document.replace(b"<failure ", b"<fail ", 1).replace(b"</failure>", b"</fail>", 1)
    assert [message.split(":")[0] for message in problems(schema, renamed)] == ["Element 'fail'"]
