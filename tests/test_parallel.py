"""``--jobs``: files linted on several processes give the same report as one process."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from reportlint.cli import main, parallel
from reportlint.findings import Finding, Severity
from reportlint.linter import Linter, Settings
from reportlint.reporters.json_format import findings_of

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "yungang-2023.yaml"


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    """Six reports (one broken, one not UTF-8 text) in a folder."""
    folder = tmp_path / "reports"
    folder.mkdir()
    text = EXAMPLE.read_text(encoding="utf-8")
    for index in range(4):
        (folder / f"r{index}.yaml").write_text(
            text.replace("year: 2023", f"year: {2020 + index}"), encoding="utf-8"
        )
    (folder / "broken.yaml").write_text("format: reportlint/1\nreport: [\n", encoding="utf-8")
    (folder / "binary.yaml").write_bytes(b"\x00\x01\x02")
    return folder


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", "--no-color", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_parallel_report_is_the_serial_report(
    reports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    serial = run(capsys, "--jobs", "1", str(reports))
    assert serial[0] == 2  # binary.yaml cannot be read
    assert serial[2] == f"reportlint: error: {reports / 'binary.yaml'}: binary file, not a report\n"
    assert "broken.yaml:3:1: RL001 error" in serial[1]
    assert run(capsys, "--jobs", "2", str(reports)) == serial
    assert (
        run(capsys, "--jobs", "3", "--format", "json", str(reports))[1]
        == (run(capsys, "--jobs", "1", "--format", "json", str(reports))[1])
    )
    assert run(capsys, str(reports)) == serial  # the default (one process for six files)


def test_lint_files_keeps_the_order_given(reports: Path) -> None:
    linter = Linter()
    paths = sorted(reports.iterdir(), reverse=True)
    results = list(parallel.lint_files(linter, paths, jobs=2))
    assert [path for path, _ in results] == paths
    by_path = dict(results)
    unread = by_path[reports / "binary.yaml"]
    assert (unread.status, unread.findings, unread.meta) == ("unreadable", (), None)
    assert unread.error == f"{reports / 'binary.yaml'}: binary file, not a report"
    for path, found in results:
        if path.name != "binary.yaml":
            assert (found.path, found.findings, found.error) == (
                str(path),
                linter.lint_file(path),
                None,
            )
    # What a worker sends back holds the report's own fields.
    assert by_path[reports / "r1.yaml"].meta == {
        "issuer": "大同市云冈区人民政府",
        "year": 2021,
        "level": "county",
        "kind": "government",
        "title": "云冈区2023年法治政府建设年度报告",
    }
    assert by_path[reports / "broken.yaml"].meta == {}


def test_spawned_workers_get_the_settings_and_config(
    reports: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Workers are spawned, not forked, on macOS, Windows and in a threaded process: the
    # settings then cross to them pickled, defaults and configured values alike.
    import multiprocessing

    monkeypatch.setattr(parallel, "_context", lambda: multiprocessing.get_context("spawn"))
    config = tmp_path / ".reportlint.yaml"
    config.write_text("severity:\n  RL305: error\nignore: [RL504]\n", encoding="utf-8")
    paths = sorted(reports.glob("r*.yaml"))
    for settings in (Settings(), Settings(severities={"RL305": Severity.ERROR})):
        linter = Linter(settings)
        results = list(parallel.lint_files(linter, paths, jobs=2))
        assert [found.findings for _, found in results] == [linter.lint_file(p) for p in paths]
    assert main(["check", "--quiet", "--jobs", "2", "--config", str(config), *map(str, paths)]) == 1


def test_job_count(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "cpu_count", lambda: 4)
    files = (0, 1, 2, 7, 8, 12, 16, 500)
    assert [parallel.job_count(None, count) for count in files] == [1, 1, 1, 1, 2, 3, 4, 4]
    assert parallel.job_count(8, 3) == 3
    assert parallel.job_count(2, 100) == 2
    assert parallel.job_count(1, 100) == 1


@pytest.mark.parametrize("jobs", ["0", "-2"])
def test_jobs_below_one_is_a_usage_error(
    jobs: str, reports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--jobs", jobs, str(reports))
    assert (code, out) == (2, "")
    assert err == f"reportlint: error: --jobs must be 1 or more, not {jobs}\n"


def test_many_copies_of_one_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for index in range(40):
        shutil.copy(EXAMPLE, tmp_path / f"copy-{index:02d}.yaml")
    one = run(capsys, "--quiet", str(tmp_path / "copy-00.yaml"))
    code, out, _ = run(capsys, "--jobs", "2", "--quiet", str(tmp_path))
    assert code == one[0]
    expected = [
        line.replace("copy-00", f"copy-{index:02d}")
        for index in range(40)
        for line in one[1].splitlines()
    ]
    assert out.splitlines() == expected


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs fork to patch workers")
def test_a_worker_that_dies_costs_only_its_file(
    reports: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = Linter.lint_report

    def dying(self: Linter, path: Path, *args: Any, **kwargs: Any) -> tuple[Any, list[Finding]]:
        if path.name == "r2.yaml":
            os._exit(9)  # as a worker that ended abruptly would
        return real(self, path, *args, **kwargs)

    monkeypatch.setattr(Linter, "lint_report", dying)
    code, out, err = run(capsys, "--jobs", "2", "--format", "json", str(reports))
    assert code == 2
    assert err.splitlines() == [
        f"reportlint: error: {reports / 'binary.yaml'}: binary file, not a report",
        f"reportlint: error: {reports / 'r2.yaml'}: not checked: the process checking it "
        "ended with exit code 9",
    ]
    checked = {Path(item["path"]).name for item in findings_of(json.loads(out))}
    assert checked == {"broken.yaml", "r0.yaml", "r1.yaml", "r3.yaml"}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs fork to patch workers")
def test_a_bug_in_a_worker_is_an_internal_error(
    reports: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def failing(self: Linter, path: Path, *args: Any, **kwargs: Any) -> tuple[Any, list[Finding]]:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(Linter, "lint_report", failing)
    code, _, err = run(capsys, "--jobs", "2", str(reports))
    assert code == 3
    assert err.startswith("reportlint: internal error: ZeroDivisionError: a bug. This is a bug")
