"""Configuration: discovery, every key's effect on a run, and errors that name key and file."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reportlint import config
from reportlint.cli import main
from reportlint.reporters.json_format import findings_of
from tests.conftest import FLAWED_FIGURES

PACKS = Path(__file__).resolve().parent / "fixtures" / "packs"

REPORT = (
    FLAWED_FIGURES
    + """\
  shortcomings:
    heading: 2023年法治政府建设存在的不足和原因
    paragraphs:
      - 基层执法力量不足,主要原因是编制有限。
  plans:
    heading: 2024年推进法治政府建设的主要安排
    paragraphs:
      - 今年以来的工作将继续推进。
"""
)

RL401 = (11, 11, "RL401", "error")
RL305_A = (12, 9, "RL305", "warning")
RL106_A = (13, 3, "RL106", "warning")
RL106_B = (17, 3, "RL106", "warning")
RL210 = (17, 3, "RL210", "info")
RL305_B = (20, 9, "RL305", "warning")
FOUR_RULES = "RL305,RL401,RL106,RL210"

KEYS = (
    "profile, select, ignore, fail-on, severity, rules, include, exclude, per-file-ignores, "
    "max-bytes, options, docs-url"
)

Found = tuple[int, int, str, str]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A report repository: ``reports/2023.yaml``, run from its root."""
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "2023.yaml").write_text(REPORT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, list[Found]]]:
    """Exit code and, per file, (line, column, rule, severity) of each finding."""
    code = main(["check", *args, "--format", "json", "--lang", "en"])
    captured = capsys.readouterr()
    assert captured.err == ""
    by_file: dict[str, list[Found]] = {}
    for f in findings_of(json.loads(captured.out)):
        by_file.setdefault(f["path"], []).append((f["line"], f["column"], f["rule"], f["severity"]))
    return code, by_file


def error_of(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["check", *args]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    return captured.err


def test_without_config(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "reports", "--select", FOUR_RULES) == (
        1,
        {"reports/2023.yaml": [RL401, RL305_A, RL106_A, RL106_B, RL210, RL305_B]},
    )


def test_yaml_config_select(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project / ".reportlint.yaml", "select: RL305, rl401\n")
    assert run(capsys, "reports") == (1, {"reports/2023.yaml": [RL401, RL305_A, RL305_B]})


def test_pyproject_config(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(
        project / "pyproject.toml",
        """\
        [project]
        name = "reports"

        [tool.reportlint]
        select = ["RL305", "RL4", "RL106"]
        ignore = ["RL106"]
        """,
    )
    assert run(capsys, "reports") == (1, {"reports/2023.yaml": [RL401, RL305_A, RL305_B]})


def test_config_is_found_from_a_subfolder(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(project / ".reportlint.yaml", "select: [RL305]\n")
    monkeypatch.chdir(project / "reports")
    assert run(capsys, "2023.yaml") == (0, {"2023.yaml": [RL305_A, RL305_B]})


def test_options_win_over_the_config(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project / ".reportlint.yaml", "select: [RL305]\nfail-on: warning\n")
    assert run(capsys, "reports", "--select", "RL210") == (0, {"reports/2023.yaml": [RL210]})
    assert run(capsys, "reports", "--fail-on", "error") == (
        0,
        {"reports/2023.yaml": [RL305_A, RL305_B]},
    )


def test_fail_on_from_config(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project / ".reportlint.yaml", "select: [RL210]\nfail-on: info\n")
    assert run(capsys, "reports") == (1, {"reports/2023.yaml": [RL210]})


def test_severity_overrides(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(
        project / ".reportlint.yaml",
        "select: [RL305, RL401]\nseverity: {RL305: error, rl401: info}\n",
    )
    assert run(capsys, "reports") == (
        1,
        {
            "reports/2023.yaml": [
                (11, 11, "RL401", "info"),
                (12, 9, "RL305", "error"),
                (20, 9, "RL305", "error"),
            ]
        },
    )


def test_per_file_ignores(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project / "drafts" / "2024.yaml", REPORT)
    write(
        project / ".reportlint.yaml",
        """\
        select: [RL305, RL401, RL210]
        per-file-ignores:
          "drafts/*.yaml": [RL3, RL210]
          "2023.yaml": RL401
        """,
    )
    assert run(capsys, ".") == (
        1,
        {"drafts/2024.yaml": [RL401], "reports/2023.yaml": [RL305_A, RL210, RL305_B]},
    )


def test_exclude(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project / "drafts" / "2024.yaml", REPORT)
    write(project / "reports" / "old" / "2019.yaml", REPORT)
    write(project / ".reportlint.yaml", "select: [RL401]\nexclude: [drafts, reports/old/*]\n")
    assert run(capsys, ".") == (1, {"reports/2023.yaml": [RL401]})
    # Excluded files stay excluded when named, as pre-commit names every changed file.
    assert run(capsys, "drafts/2024.yaml", "reports/2023.yaml") == (
        1,
        {"reports/2023.yaml": [RL401]},
    )


def test_rule_options(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project / ".reportlint.yaml", "select: [RL106]\noptions: {RL106: {min: 15}}\n")
    assert run(capsys, "reports") == (0, {"reports/2023.yaml": [RL106_B]})


def test_rule_packs_relative_to_the_config(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(PACKS / "shanxi.yaml", project / "shanxi.yaml")
    write(
        project / ".reportlint.yaml",
        "rules: [shanxi.yaml]\nselect: [SX]\nseverity: {SX101: error}\n",
    )
    monkeypatch.chdir(project / "reports")
    assert run(capsys, "2023.yaml") == (1, {"2023.yaml": [(8, 3, "SX101", "error")]})


def test_max_bytes(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project / ".reportlint.yaml", "max-bytes: 100\n")
    size = len(REPORT.encode())
    assert main(["check", "reports"]) == 2
    assert capsys.readouterr().err == (
        f"reportlint: error: reports/2023.yaml: file is {size:,} bytes, over the limit of "
        "100 bytes (raise it with --max-bytes)\n"
    )


def test_profile_file_relative_to_the_config(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        project / "profiles" / "two.yaml",
        """\
        name: two
        description: measures and plans only
        sections:
          - {key: measures, title: 主要举措和成效, phrases: 举措}
          - {key: plans, title: 主要安排, phrases: 安排}
        """,
    )
    write(project / ".reportlint.yaml", "profile: profiles/two.yaml\nselect: [RL101]\n")
    assert run(capsys, "reports") == (0, {})
    write(project / ".reportlint.yaml", "select: [RL101]\n")
    code, found = run(capsys, "reports")
    assert (code, [rule for _, _, rule, _ in found["reports/2023.yaml"]]) == (1, ["RL101"] * 3)


def test_explicit_config(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project / ".reportlint.yaml", "select: [RL401]\n")
    other = write(project / "ci" / "strict.yaml", "select: [RL210]\nfail-on: info\n")
    assert run(capsys, "reports", "--config", str(other)) == (1, {"reports/2023.yaml": [RL210]})


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("selct: [RL305]\n", f"unknown key 'selct' (known: {KEYS})"),
        ("fail_on: warning\n", f"unknown key 'fail_on' (known: {KEYS})"),
        ("fail-on: fatal\n", "fail-on: should be 'error', 'warning' or 'info'"),
        ("severity: {RL999: error}\n", "severity: no rule RL999 (see 'reportlint rules')"),
        ("severity: {RL305: fatal}\n", "severity: RL305: should be 'error', 'warning' or 'info'"),
        ("select: [RL9]\n", "select: no rule ID starts with RL9 (see 'reportlint rules')"),
        ("ignore: [RL-1]\n", "ignore: 'RL-1' is not a rule ID or prefix (e.g. RL201, RL3)"),
        (
            "per-file-ignores: {'drafts/*': [XX1]}\n",
            "per-file-ignores: drafts/*: no rule ID starts with XX1 (see 'reportlint rules')",
        ),
        ("options: {RL777: {min: 1}}\n", "options: no rule RL777 (see 'reportlint rules')"),
        ("options: {RL106: {min: many}}\n", "options: RL106: min: should be a whole number"),
        ("options: {RL106: {minimum: 3}}\n", "options: RL106: minimum: unknown key"),
        ("max-bytes: 0\n", "max-bytes: should be greater than 0"),
        ("max-bytes: true\n", "max-bytes: should be a whole number"),
        ("max-bytes: 1.5e3\n", "max-bytes: should be a whole number"),
        ("max-bytes: '100'\n", "max-bytes: should be a whole number"),
        ("max-bytes: 100000000000000000000\n", "max-bytes: should be less than or equal to 1099511627776"),
        ("- select\n", "the configuration must be a mapping of keys"),
    ],
)  # fmt: skip
def test_config_errors_name_the_key_and_the_file(
    project: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    path = write(project / ".reportlint.yaml", text)
    assert error_of(capsys, "reports") == f"reportlint: error: {path}: {message}\n"


def test_pyproject_errors_name_the_table(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(project / "pyproject.toml", '[tool.reportlint]\nselct = ["RL1"]\n')
    assert error_of(capsys, "reports") == (
        f"reportlint: error: {path} [tool.reportlint]: unknown key 'selct' (known: {KEYS})\n"
    )


def test_unreadable_configs(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(project / ".reportlint.yaml", "select: [RL1\n")
    assert error_of(capsys, "reports") == (
        f"reportlint: error: {path}:2:1: not valid YAML: did not find expected ',' or ']' "
        "while parsing a flow sequence (started at 1:9)\n"
    )
    path.unlink()
    toml = write(project / "pyproject.toml", "[tool.reportlint\n")
    assert error_of(capsys, "reports").startswith(f"reportlint: error: {toml}: not valid TOML: ")
    missing = project / "nope.yaml"
    assert error_of(capsys, "reports", "--config", str(missing)) == (
        f"reportlint: error: {missing}: configuration file not found\n"
    )


def test_an_empty_config_is_the_defaults(project: Path) -> None:
    write(project / ".reportlint.yaml", "# nothing yet\n")
    loaded = config.find(None)
    assert loaded is not None
    assert (loaded.select, loaded.ignore, loaded.rules, loaded.options) == (None, None, (), {})


def test_discovery_stops_at_the_first_folder_with_a_config(tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    write(tmp_path / ".reportlint.yaml", "select: [RL1]\n")
    write(tmp_path / "a" / "pyproject.toml", "[tool.black]\nline-length = 100\n")
    assert config.discover(deep) == tmp_path / ".reportlint.yaml"
    write(tmp_path / "a" / "b" / "pyproject.toml", "[tool.reportlint]\nselect = ['RL2']\n")
    assert config.discover(deep) == tmp_path / "a" / "b" / "pyproject.toml"
    write(tmp_path / "a" / "b" / ".reportlint.yaml", "select: [RL3]\n")
    assert config.discover(deep) == tmp_path / "a" / "b" / ".reportlint.yaml"


START_UP = """
import sys
from reportlint.cli import main
code = main(["check", "report.yaml", "--quiet"])
print(code, "pydantic" in sys.modules)
"""


def start_up(folder: Path, cache: Path) -> str:
    env = {**os.environ, "REPORTLINT_CACHE_DIR": str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", START_UP], cwd=folder, env=env, capture_output=True, text=True
    )
    assert done.stderr == ""
    return done.stdout.splitlines()[-1]


@pytest.mark.parametrize("with_config", [False, True])
def test_a_warm_run_does_not_import_pydantic(tmp_path: Path, with_config: bool) -> None:
    (tmp_path / "report.yaml").write_text(REPORT, encoding="utf-8")
    if with_config:
        write(
            tmp_path / ".reportlint.yaml",
            "select: [RL106, RL401]\noptions: {RL106: {min: 15}}\nseverity: {RL401: info}\n",
        )
    cache = tmp_path / "cache"
    start_up(tmp_path, cache)  # the first run validates packs (and config) and fills the cache
    assert start_up(tmp_path, cache) == ("0 False" if with_config else "1 False")


def test_every_problem_of_a_config_at_once(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(
        project / ".reportlint.yaml",
        "selct: [RL1]\nfail-on: fatal\nmax-bytes: true\nseverity: {RL305: loud}\n",
    )
    assert error_of(capsys, "reports").splitlines() == [
        f"reportlint: error: {path}: fail-on: should be 'error', 'warning' or 'info'",
        f"reportlint: error: {path}: severity: RL305: should be 'error', 'warning' or 'info'",
        f"reportlint: error: {path}: max-bytes: should be a whole number",
        f"reportlint: error: {path}: unknown key 'selct' (known: {KEYS})",
    ]


def test_every_unknown_rule_of_a_config_at_once(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(
        project / ".reportlint.yaml",
        "select: [RL9]\nseverity: {RL999: error}\noptions: {RL106: {min: many, max: 1}}\n",
    )
    assert error_of(capsys, "reports").splitlines() == [
        f"reportlint: error: {path}: select: no rule ID starts with RL9 (see 'reportlint rules')",
        f"reportlint: error: {path}: severity: no rule RL999 (see 'reportlint rules')",
    ]
    write(project / ".reportlint.yaml", "options: {RL106: {min: many, max: 1}}\n")
    assert error_of(capsys, "reports").splitlines() == [
        f"reportlint: error: {path}: options: RL106: min: should be a whole number",
        f"reportlint: error: {path}: options: RL106: max: unknown key",
    ]


def test_a_config_that_is_not_good_yaml(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(project / ".reportlint.yaml", "select: [RL1]\nselect: [RL2]\n")
    assert error_of(capsys, "reports") == (
        f"reportlint: error: {path}:2:1: duplicate key 'select'\n"
    )
    write(project / ".reportlint.yaml", "select: !!python/object/apply:os.system [ls]\n")
    assert error_of(capsys, "reports") == (
        f"reportlint: error: {path}:1:9: YAML tags and merge keys ('<<') are not allowed\n"
    )


def test_config_errors_in_chinese(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / ".reportlint.yaml").write_text(
        "profil: six-section\nfail-on: [1]\nmax-bytes: abc\n", encoding="utf-8"
    )
    assert main(["check", "reports", "--lang", "zh"]) == 2
    where = project / ".reportlint.yaml"
    assert capsys.readouterr().err.splitlines() == [
        f"reportlint：错误：{where}：fail-on：应为“error”、“warning”或“info”",
        f"reportlint：错误：{where}：max-bytes：应为整数",
        f"reportlint：错误：{where}：未知的键“profil”（可用的键：profile、select、ignore、"
        "fail-on、severity、rules、include、exclude、per-file-ignores、max-bytes、options、"
        "docs-url）",
    ]
    (project / ".reportlint.yaml").write_text("select: [RL999]\n", encoding="utf-8")
    assert main(["check", "reports", "--lang", "zh"]) == 2
    assert capsys.readouterr().err == (
        f"reportlint：错误：{where}：select：没有以RL999开头的规则编号（见“reportlint rules”）\n"
    )
    assert main(["check", "reports", "--lang", "zh", "--config", "gone.yaml"]) == 2
    assert capsys.readouterr().err == "reportlint：错误：gone.yaml：找不到配置文件\n"
