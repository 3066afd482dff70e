"""The pre-commit hook, run by the real pre-commit the way a report repository runs it.

``try-repo`` clones a git repository and installs the hook's environment from it with
pip. The project under test is copied (its working-tree files, committed in a temporary
repository), so the test checks this tree's code whatever the project's HEAD holds.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "rules" / "baseline" / "report.yaml"
# What `pip install .` of the project needs, and the hook manifest.
PROJECT_FILES = ("pyproject.toml", "README.md", "LICENSE", ".pre-commit-hooks.yaml")
PROJECT_FOLDERS = ("src", "rules", "schemas")
GIT = ("git", "-c", "user.name=reportlint tests", "-c", "user.email=tests@example.invalid")


def git(folder: Path, *args: str) -> None:
    subprocess.run([*GIT, *args], cwd=folder, check=True, capture_output=True)


def new_repository(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    git(folder, "init", "-q", "-b", "main")
    return folder


def commit_all(folder: Path) -> None:
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "--no-verify", "-m", "snapshot")


def pre_commit(folder: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(home),
        "PRE_COMMIT_COLOR": "never",
        # `language: unsupported` hooks run the reportlint of the environment under test.
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
    }
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_the_hook_manifest_and_the_project_config_validate(tmp_path: Path) -> None:
    manifest = pre_commit(ROOT, tmp_path, "validate-manifest", ".pre-commit-hooks.yaml")
    assert (manifest.returncode, manifest.stderr) == (0, "")
    config = pre_commit(ROOT, tmp_path, "validate-config", ".pre-commit-config.yaml")
    assert (config.returncode, config.stderr) == (0, "")


def test_the_hook_is_the_one_interface_md_promises() -> None:
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(hook for hook in hooks if hook["id"] == "reportlint")
    assert {key: hook[key] for key in ("entry", "language", "types_or", "require_serial")} == {
        "entry": "reportlint check --reports-only",
        "language": "python",
        "types_or": ["yaml"],
        "require_serial": True,
    }


@pytest.fixture(scope="module")
def hook_repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository holding this working tree's reportlint, committed."""
    folder = new_repository(tmp_path_factory.mktemp("reportlint-repo"))
    for name in PROJECT_FILES:
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, folder / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".mypy_cache", ".ruff_cache")
    for name in PROJECT_FOLDERS:
        shutil.copytree(ROOT / name, folder / name, ignore=ignore)
    commit_all(folder)
    return folder


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.mark.network
def test_try_repo_fails_a_report_with_an_error_and_passes_a_clean_one(
    hook_repository: Path, pre_commit_home: Path, tmp_path: Path
) -> None:
    reports = new_repository(tmp_path / "office")
    (reports / "reports").mkdir()
    clean = BASELINE.read_text(encoding="utf-8")
    faulty = clean.replace("法制审核率达到100%", "法制审核率达到110%")
    assert faulty != clean
    (reports / "reports" / "2023.yaml").write_text(clean, encoding="utf-8")
    (reports / "reports" / "2024.yaml").write_text(faulty, encoding="utf-8")
    commit_all(reports)

    def hook(*files: str) -> subprocess.CompletedProcess[str]:
        args = ("try-repo", str(hook_repository), "reportlint", "--verbose", "--files", *files)
        return pre_commit(reports, pre_commit_home, *args)

    failed = hook("reports/2024.yaml")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "reportlint" in failed.stdout and "Failed" in failed.stdout
    assert "reports/2024.yaml:" in failed.stdout
    assert "RL401 error [rate-range]" in failed.stdout

    passed = hook("reports/2023.yaml")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
    assert " error " not in passed.stdout


# What a report repository holds besides its reports: none of it is linted by the hook.
REPOSITORY_FILES = {
    ".gitlab-ci.yml": "reportlint:\n  script: [reportlint check reports]\n",
    ".github/workflows/reports.yml": "on: push\njobs: {}\n",
    "reports/.reportlint.yaml": "profile: six-section\nfail-on: error\n",
    "mkdocs.yml": "site_name: reports\n",
}


@pytest.mark.network
def test_try_repo_all_files_lints_only_the_reports(
    hook_repository: Path, pre_commit_home: Path, tmp_path: Path
) -> None:
    reports = new_repository(tmp_path / "office")
    for name, text in REPOSITORY_FILES.items():
        (reports / name).parent.mkdir(parents=True, exist_ok=True)
        (reports / name).write_text(text, encoding="utf-8")
    clean = BASELINE.read_text(encoding="utf-8")
    (reports / "reports" / "2023.yaml").write_text(clean, encoding="utf-8")
    commit_all(reports)
    args = ("try-repo", str(hook_repository), "reportlint", "--verbose", "--all-files")
    passed = pre_commit(reports, pre_commit_home, *args)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert " error " not in passed.stdout
    faulty = clean.replace("法制审核率达到100%", "法制审核率达到110%")
    (reports / "reports" / "2024.yaml").write_text(faulty, encoding="utf-8")
    commit_all(reports)
    failed = pre_commit(reports, pre_commit_home, *args)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "reports/2024.yaml:" in failed.stdout and "RL401 error [rate-range]" in failed.stdout
    for name in REPOSITORY_FILES:
        assert f"{name}:" not in failed.stdout


@pytest.mark.network
def test_the_project_dogfoods_its_hook(pre_commit_home: Path, tmp_path: Path) -> None:
    folder = new_repository(tmp_path / "project")
    shutil.copy2(ROOT / ".pre-commit-config.yaml", folder / ".pre-commit-config.yaml")
    shutil.copytree(ROOT / "examples", folder / "examples")
    commit_all(folder)
    result = pre_commit(folder, pre_commit_home, "run", "--all-files", "--verbose")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "reportlint (examples)" in result.stdout and "Passed" in result.stdout
