"""Hints to add an extra name a command that fits how reportlint was installed, read from
the distribution's direct_url.json (PEP 610) as pip writes it."""

from __future__ import annotations

import json
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest

from reportlint import installation
from reportlint.cli import main
from reportlint.installation import extra_command
from tests.conftest import EXAMPLES

WHEEL = "reportlint-0.1.0-py3-none-any.whl"


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Make reportlint look installed with a given direct_url.json (None: from an index)."""
    monkeypatch.setattr(sys, "prefix", str(tmp_path / "venv"))

    def install(direct_url: dict[str, Any] | None) -> None:
        info = tmp_path / "site-packages" / "reportlint-0.1.0.dist-info"
        info.mkdir(parents=True, exist_ok=True)
        (info / "METADATA").write_text("Name: reportlint\nVersion: 0.1.0\n", encoding="utf-8")
        record = info / "direct_url.json"
        record.unlink(missing_ok=True)
        if direct_url is not None:
            record.write_text(json.dumps(direct_url), encoding="utf-8")
        distribution = metadata.PathDistribution(info)
        monkeypatch.setattr(metadata, "distribution", lambda name: distribution)

    return install


def test_an_editable_checkout(tmp_path: Path, installed: Any) -> None:
    checkout = tmp_path / "src" / "report lint"  # a space: the argument is quoted
    installed({"url": checkout.as_uri(), "dir_info": {"editable": True}})
    assert extra_command("sources") == f"pip install -e '{checkout}[sources]'"


def test_a_checkout_installed_as_a_copy(tmp_path: Path, installed: Any) -> None:
    installed({"url": (tmp_path / "reportlint").as_uri(), "dir_info": {}})
    assert extra_command("html") == f"pip install '{tmp_path}/reportlint[html]'"


def test_a_wheel_file(tmp_path: Path, installed: Any) -> None:
    wheel = tmp_path / "dist" / WHEEL
    installed({"url": wheel.as_uri(), "archive_info": {"hashes": {"sha256": "0" * 64}}})
    assert extra_command("sources") == f"pip install '{wheel}[sources]'"


def test_a_wheel_at_a_url(installed: Any) -> None:
    url = f"https://files.example.org/tools/{WHEEL}"
    installed({"url": url, "archive_info": {}})
    assert extra_command("sources") == f"pip install 'reportlint[sources] @ {url}'"


def test_a_repository_url(installed: Any) -> None:
    url = "https://git.example.org/tools/reportlint.git"
    vcs = {"vcs": "git", "requested_revision": "v0.1.0", "commit_id": "a" * 40}
    installed({"url": url, "vcs_info": vcs})
    assert extra_command("sources") == f"pip install 'reportlint[sources] @ git+{url}@v0.1.0'"
    installed({"url": url, "vcs_info": {"vcs": "git", "commit_id": "a" * 40}})
    assert extra_command("sources") == f"pip install 'reportlint[sources] @ git+{url}@{'a' * 40}'"


def test_an_index(installed: Any) -> None:
    installed(None)
    assert extra_command("sources") == "pip install 'reportlint[sources]'"


def test_pipx_runs_pip_in_its_environment(tmp_path: Path, installed: Any) -> None:
    venv = tmp_path / "venv"
    venv.mkdir()
    (venv / "pipx_metadata.json").write_text("{}", encoding="utf-8")
    checkout = tmp_path / "reportlint"
    installed({"url": checkout.as_uri(), "dir_info": {"editable": True}})
    assert extra_command("sources") == f"pipx runpip venv install -e '{checkout}[sources]'"
    installed(None)
    assert extra_command("sources") == "pipx runpip venv install 'reportlint[sources]'"


def test_not_installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> metadata.Distribution:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "distribution", missing)
    monkeypatch.setattr(installation, "_CHECKOUT", tmp_path)
    # Run from a source tree (PYTHONPATH=src): install that checkout.
    (tmp_path / "pyproject.toml").write_text("[project]\n", encoding="utf-8")
    assert extra_command("html") == f"pip install -e '{tmp_path}[html]'"
    (tmp_path / "pyproject.toml").unlink()
    assert extra_command("html") == "pip install 'reportlint[html]'"


def test_the_hint_in_a_message(
    tmp_path: Path,
    installed: Any,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    wheel = tmp_path / WHEEL
    installed({"url": wheel.as_uri(), "archive_info": {}})
    monkeypatch.setitem(sys.modules, "docx", None)  # python-docx not installed
    report = EXAMPLES / "yungang-2023.yaml"
    assert main(["render", str(report), "-o", str(tmp_path / "r.docx")]) == 2
    assert capsys.readouterr().err == (
        f"reportlint: error: rendering .docx needs python-docx: pip install '{wheel}[sources]'\n"
    )
