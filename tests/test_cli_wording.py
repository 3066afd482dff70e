"""The command line's own words under a Chinese locale: help, usage and error lines."""

from __future__ import annotations

import argparse
import ast
import gettext
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from reportlint.cli import build_parser, main, wording
from tests.test_messages import _ASCII_MARK, _SPACE

COMMANDS = ["check", "rules", "explain", "schema", "test-rules", "init", "import", "render"]

# Names that are not translated: formats, products and the like, as a clerk meets them.
NAMES = (
    "JSON Schema",
    "GitHub Actions",
    "YAML",
    "JSON",
    "CPU",
    "git",
    "pre-commit",
    "MiB",
    "XX",
    "review-rate",
    "six-section",
    "national",
    "reportlint",
)


def _parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                yield from _parsers(child)


def _typed_words() -> set[str]:
    """What a user types as it is: option names, metavars, choices, command names."""
    words = set(COMMANDS)
    for parser in _parsers(build_parser()):
        for action in parser._actions:
            words.update(action.option_strings)
            metavar = action.metavar if isinstance(action.metavar, str) else None
            words.add(metavar or action.dest.upper())
            words.update(str(choice) for choice in action.choices or ())
    return words


def _help(command: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as done:
        main([*command, "--help"])
    assert done.value.code == 0
    return capsys.readouterr().out


def _english_left(text: str, typed: set[str]) -> list[str]:
    # A command shown as an example is typed as it is.
    text = re.sub(r"^ +reportlint .*$", " ", text, flags=re.MULTILINE)
    for name in NAMES:
        text = re.sub(rf"(?<![A-Za-z0-9_-]){re.escape(name)}(?![A-Za-z0-9_-])", " ", text)
    # Paths and suffixes (report.yaml, .docx), and rule IDs.
    text = re.sub(
        r"[A-Za-z0-9_.-]*\.(?:yaml|json|sarif|docx|html|txt)(?![A-Za-z0-9_])|RL\d+", " ", text
    )
    tokens = re.findall(r"(?<![A-Za-z0-9_-])-{0,2}[A-Za-z][A-Za-z0-9_-]*", text)
    return [token for token in tokens if token not in typed]


@pytest.mark.parametrize("command", [[], *([name] for name in COMMANDS)], ids=["", *COMMANDS])
def test_help_in_chinese_has_no_english_but_what_is_typed(
    command: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    text = _help(command, capsys)
    assert text.startswith(f"用法：reportlint {' '.join(command)}".rstrip())
    assert "选项：\n" in text
    assert _english_left(text, _typed_words()) == []
    prose = [line for line in text.splitlines() if re.search(r"[\u4e00-\u9fff]", line)]
    marks = [m.group() for line in prose for m in (*_ASCII_MARK.finditer(line),)]
    spaces = [m.group() for line in prose for m in _SPACE.finditer(line)]
    assert (marks, spaces) == ([], [])


@pytest.mark.parametrize("command", [[], *([name] for name in COMMANDS)], ids=["", *COMMANDS])
def test_help_in_english_is_complete(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    text = _help(command, capsys)
    assert text.startswith(f"usage: reportlint {' '.join(command)}".rstrip())
    assert re.search(r"[\u4e00-\u9fff]", text.replace("某某县人民政府", "")) is None
    for parser in _parsers(build_parser()):
        for action in parser._actions:
            assert action.help, (parser.prog, action.dest)


def _strings(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


def test_the_catalogue_has_only_words_the_code_says() -> None:
    from reportlint.cli.zh import CATALOGUE

    said = _strings(Path(argparse.__file__))
    for path in Path(wording.__file__).parent.glob("*.py"):
        if path.name != "zh.py":
            said |= _strings(path)
    assert [key for key in CATALOGUE if key not in said] == []


def _run(
    argv: list[str], capsys: pytest.CaptureFixture[str], lang: str = "zh_CN.UTF-8"
) -> tuple[int, str, str]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LANG", lang)
        code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_usage_errors_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["check", "--bogus"], capsys) == (
        2,
        "",
        "reportlint：错误：无法识别的参数：--bogus（用法见“reportlint check --help”）\n",
    )
    assert _run(["render", "r.yaml"], capsys) == (
        2,
        "",
        "reportlint：错误：缺少必需的参数：-o/--output（用法见“reportlint render --help”）\n",
    )
    assert _run(["check", "--max-findings", "0"], capsys) == (
        2,
        "",
        "reportlint：错误：参数--max-findings：应为正整数，而不是“0”"
        "（用法见“reportlint check --help”）\n",
    )
    code, _, err = _run(["check", "--fail-on", "fatal"], capsys)
    assert (code, err.startswith("reportlint：错误：参数--fail-on：无效的取值“fatal”（可选：")) == (
        2,
        True,
    )


def test_usage_errors_in_english_and_by_lang_option(capsys: pytest.CaptureFixture[str]) -> None:
    english = "reportlint: error: unrecognized arguments: --bogus (see 'reportlint check --help')\n"
    assert _run(["check", "--bogus"], capsys, lang="C.UTF-8") == (2, "", english)
    assert _run(["check", "--lang", "en", "--bogus"], capsys) == (2, "", english)
    code, _, err = _run(["check", "--lang=zh", "--bogus"], capsys, lang="C.UTF-8")
    assert (code, err) == (
        2,
        "reportlint：错误：无法识别的参数：--bogus（用法见“reportlint check --help”）\n",
    )


def test_file_errors_in_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert _run(["check", "gone.yaml"], capsys) == (
        2,
        "检查了0个文件，未发现问题。1个文件无法读取。\n",
        "reportlint：错误：gone.yaml：文件不存在\n",
    )
    Path("r.yaml").write_text("format: reportlint/1\n", encoding="utf-8")
    assert _run(["init", "r.yaml"], capsys) == (
        2,
        "",
        "reportlint：错误：r.yaml已存在；如要覆盖，请加--force\n",
    )
    assert _run(["explain", "RL999"], capsys) == (
        2,
        "",
        "reportlint：错误：没有规则“RL999”（全部规则见“reportlint rules”）\n",
    )
    assert _run(["schema", "-o", "s.json"], capsys) == (0, "已写入s.json\n", "")


def test_argparse_speaks_its_own_words_again_after_a_run(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _run(["check", "--bogus"], capsys)
    assert vars(argparse)["_"] is gettext.gettext
    assert vars(argparse)["ngettext"] is gettext.ngettext
    assert wording._("usage: ") == "usage: "


def test_chinese_lines_break_by_width_and_never_before_a_closing_mark() -> None:
    lines = wording.wrap("每个文件至多报告的问题数，其余的合为一个问题计数（默认：1000）", 24)
    # 24 columns hold 12 characters; "，" may not begin a line, so "数，" goes down whole.
    assert lines == ["每个文件至多报告的问题", "数，其余的合为一个问题计", "数（默认：1000）"]
    assert wording.wrap("写到文件FILE，而不是--output", 12) == [
        "写到文件",
        "FILE，而不是",
        "--output",
    ]
