"""Shared test setup: a private home and cache, opt-in network tests, paths to the data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

# Hermetic: no .hypothesis folder in the checkout.
settings.register_profile("hermetic", database=None)
settings.load_profile("hermetic")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# The report block of a small clean report; tests add the sections they need after it.
REPORT_META = """\
format: reportlint/1
report:
  title: 示例县2023年法治政府建设年度报告
  issuer: 示例县人民政府
  year: 2023
  signed_on: 2024-01-20
"""

# The report block and the opening of a measures section; tests add its paragraphs.
MEASURES_HEAD = (
    REPORT_META
    + """\
sections:
  measures:
    heading: 2023年推进法治政府建设的主要举措和成效
    paragraphs:
"""
)

# Two paragraphs with a rate over 100% and partial-year figures (RL401, RL305).
FLAWED_FIGURES = (
    MEASURES_HEAD
    + """\
      - 全县重大执法决定法制审核率达到110%,行政机关负责人出庭应诉率达到98%。
      - 截至11月份共受理行政复议案件12件,审结11件。
"""
)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--run-network",
        action="store_true",
        help="also run the tests that install packages from the registry (pre-commit)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--run-network"):
        return
    skip = pytest.mark.skip(reason="installs from the package registry; run with --run-network")
    for item in items:
        if "network" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True, scope="session")
def _private_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    # Tests never read or write the user's home or cache; each session starts cold.
    home = tmp_path_factory.mktemp("home")
    patch = pytest.MonkeyPatch()
    patch.setenv("HOME", str(home))
    patch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    patch.setenv("PRE_COMMIT_HOME", str(home / ".cache" / "pre-commit"))
    patch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    patch.setenv("LANG", "C.UTF-8")
    patch.delenv("LC_ALL", raising=False)
    patch.delenv("LC_MESSAGES", raising=False)
    patch.delenv("GITHUB_ACTIONS", raising=False)
    patch.delenv("NO_COLOR", raising=False)
    yield
    patch.undo()


# A rule pack of a test's own ------------------------------------------------------------------


def make_rule(
    rule_id: str,
    check: str,
    *,
    path: str | list[str] = "",
    options: dict[str, Any] | None = None,
    message: str = "{match}",
    **fields: Any,
) -> dict[str, Any]:
    """A rule with every required field; ``message`` is the English (and Chinese) message."""
    return {
        "id": rule_id,
        "name": rule_id.lower(),
        "severity": "warning",
        "summary": {"zh": "测试", "en": "test"},
        "message": {"zh": message, "en": message},
        "rationale": {"zh": "测试", "en": "test"},
        "basis": "test",
        "check": check,
        "path": path,
        "options": options or {},
        "examples": {"pass": [{}], "fail": [{}]},
        **fields,
    }


def write_pack(folder: Path, *rules: dict[str, Any], name: str = "test") -> Path:
    """``folder/<name>.yaml``: a pack of ``rules``."""
    import yaml

    path = folder / f"{name}.yaml"
    text = yaml.safe_dump({"pack": name, "rules": list(rules)}, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path


def lint_with(
    folder: Path,
    report: str,
    *rules: dict[str, Any],
    profile: str = "six-section",
    select: tuple[str, ...] = (),
) -> list[tuple[int, int, str, str]]:
    """(line, column, rule, message) of what ``rules`` (and ``select``) find in ``report``."""
    from reportlint.linter import Linter, Settings

    pack = write_pack(folder, *rules)
    chosen = (*sorted({rule["id"] for rule in rules}), *select)
    linter = Linter(Settings(extra_packs=(pack,), select=chosen, lang="en", profile=profile))
    return [(f.line, f.column, f.rule, f.message) for f in linter.lint_text(report, "r.yaml")]
