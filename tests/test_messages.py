"""Messages a clerk reads: Chinese punctuation (GB/T 15834), parts named by their titles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reportlint import parts
from reportlint.linter import Linter, Settings
from reportlint.packs import catalog
from tests.conftest import REPORT_META

LINTER = Linter(Settings())
RULES = sorted(LINTER.catalogue.values(), key=lambda rule: rule.id)

_CJK = "\u3400-\u9fff\uf900-\ufaff"
# Chinese on one side of a mark: a character, a full-width mark or quote, or a field such
# as {value} (what it stands for sits inside a Chinese sentence).
_SIDE = rf"(?:[{_CJK}\u3000-\u303f\uff01-\uff5e“”‘’…]|\{{[^{{}}]*\}})"
_ASCII_MARK = re.compile(rf"{_SIDE}[,;:()\"'?!]+{_SIDE}")
_SPACE = re.compile(
    rf"[{_CJK}\u3000-\u303f\uff01-\uff5e“”‘’] +[{_CJK}\u3000-\u303f\uff01-\uff5e“”‘’]"
)


# A mark quoted on its own (“!”, “.”) is named, not used.
_QUOTED_MARK = re.compile(r"“[,;:()\"'?!.]+”")


def _texts(rule: object) -> list[tuple[str, str]]:
    found = []
    for field in ("summary", "message", "rationale", "hint"):
        assert getattr(rule, field) is not None, field
        found.append((field, getattr(rule, field)["zh"]))
    for index, run in enumerate(rule.runs):  # type: ignore[attr-defined]
        found.append((f"runs[{index}].message", run.message["zh"]))
    return found


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_chinese_text_uses_chinese_punctuation(rule: object) -> None:
    problems = [
        f"{field}: {match.group()!r}"
        for field, text in _texts(rule)
        for pattern in (_ASCII_MARK, _SPACE)
        for match in pattern.finditer(_QUOTED_MARK.sub("“”", text))
    ]
    assert problems == []


@pytest.mark.parametrize(
    "text",
    ["部分“{key}”, 见(下)", "缺少 部分", "“{a}”:{b}年", "这是'键'", "用了{x};应为"],
)
def test_the_scan_finds_ascii_marks_and_spaces(text: str) -> None:
    assert _ASCII_MARK.search(text) or _SPACE.search(text)


PROFILE = catalog.load_profile("six-section", use_cache=False)


@pytest.mark.parametrize(
    ("pointer", "zh", "en"),
    [
        ("", "全文", "the document"),
        ("/report/signed_on", "报告信息的成文日期", "report.signed_on"),
        (
            "/sections/shortcomings",
            "第三部分“本年度法治政府建设存在的不足和原因”",
            "section 3 (shortcomings)",
        ),
        (
            "/sections/measures/subsections/2/paragraphs/0",
            "第一部分“本年度推进法治政府建设的主要举措和成效”第（三）项第1段",
            "section 1 (measures), part 3, paragraph 1",
        ),
        (
            "/sections/measures/subsections/0/subsections/11/heading",
            "第一部分“本年度推进法治政府建设的主要举措和成效”第（一）项第12项的标题",
            "section 1 (measures), part 1, part 12, heading",
        ),
    ],
)
def test_parts_are_named_by_number_and_title(pointer: str, zh: str, en: str) -> None:
    assert parts.describe(pointer, PROFILE, "zh") == zh
    assert parts.describe(pointer, PROFILE, "en") == en


def test_parts_are_numbered_as_the_document_orders_them() -> None:
    order = ["measures", "shortcomings"]
    assert parts.describe("/sections/shortcomings", PROFILE, "zh", order) == (
        "第二部分“本年度法治政府建设存在的不足和原因”"
    )


REPORT = (
    REPORT_META
    + """\
sections:
  measures:
    heading: 主要举措和成效
    paragraphs: [全面推进依法行政，重大执法决定法制审核率100%。]
  shortcomings:
    heading: 存在的不足和原因
    paragraphs: [执法力量不足。]
    shortcomming: 1
"""
)


def test_chinese_findings_name_the_part_by_its_title() -> None:
    linter = Linter(Settings(select=("RL002", "RL106"), lang="zh"))
    found = [(f.line, f.rule, f.message) for f in linter.lint_text(REPORT, "r.yaml")]
    assert found == [
        (
            11,
            "RL106",
            "第二部分“本年度法治政府建设存在的不足和原因”内容过少（7字，至少应有80字）",
        ),
        (
            14,
            "RL002",
            "第二部分“本年度法治政府建设存在的不足和原因”："
            "未知的键“shortcomming”；允许的键：heading、paragraphs、subsections",
        ),
    ]


def test_a_user_pack_may_leave_out_the_hint_a_bundled_one_may_not() -> None:
    from reportlint.packs.rulemodel import validate_pack

    rule = {
        "id": "SX101",
        "name": "under-test",
        "severity": "warning",
        "summary": {"zh": "测试", "en": "test"},
        "message": {"zh": "测试", "en": "test"},
        "rationale": {"zh": "测试", "en": "test"},
        "basis": "test",
        "check": "forbidden-pattern",
        "options": {"pattern": "XX"},
        "examples": {"pass": [{}], "fail": [{}]},
    }
    assert validate_pack({"pack": "p", "rules": [rule]}, bundled=False)[1] == []
    bundled = {**rule, "id": "RL999"}
    problems = validate_pack({"pack": "p", "rules": [bundled]}, bundled=True)[1]
    assert [(problem.steps, problem.message) for problem in problems] == [
        (("rules", 0), "a bundled rule needs a hint {zh, en}: how to fix a finding")
    ]


def test_width_counts_wide_characters_as_two_columns() -> None:
    from reportlint.reporters.excerpts import width

    assert (width("abc"), width("截至11月份"), width("（，）"), width("é")) == (3, 10, 6, 1)


def test_a_long_line_is_cut_around_the_span() -> None:
    from reportlint.reporters.excerpts import excerpt

    source = "甲" * 50 + "截至11月份" + "乙" * 50
    text, offset, marked = excerpt(source, 50, 56)
    assert text == "…" + "甲" * 30 + "截至11月份" + "乙" * 30 + "…"
    assert (offset, marked) == (61, 10)
    assert excerpt("  - 短句。", 4, 6) == ("  - 短句。", 4, 4)


FULL = (
    REPORT_META
    + """\
sections:
  measures:
    heading: 主要举措和成效
    subsections:
      - heading: 推进严格规范公正文明执法
        paragraphs: [全年共办理案件12件，截至11月份，已办结10件。]
"""
)


def test_full_text_output_shows_the_line_marked_the_part_and_the_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from reportlint.cli import main

    monkeypatch.chdir(tmp_path)
    Path("r.yaml").write_text(FULL, encoding="utf-8")
    assert main(["check", "--lang", "zh", "--no-color", "--select", "RL305", "r.yaml"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "r.yaml:12:33: RL305 警告 [partial-year-data] “截至11月份”的数据未涵盖全年",
        "   |",
        "12 | …      paragraphs: [全年共办理案件12件，截至11月份，已办结10件。]",
        "   |                                         ^^^^^^^^^^",
        "   = 位置：第一部分“本年度推进法治政府建设的主要举措和成效”第（一）项第1段",
        "   = 修改建议：换成全年数据，删去“截至11月份”“今年以来”等字样。",
        "",
        "在1个文件中发现1个问题（1个警告）。",
    ]
    assert main(["check", "--lang", "zh", "--concise", "--select", "RL305", "r.yaml"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "r.yaml:12:33: RL305 警告 [partial-year-data] “截至11月份”的数据未涵盖全年",
        "在1个文件中发现1个问题（1个警告）。",
    ]


def test_the_part_is_named_from_the_profile_that_ran(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from reportlint.cli import main

    monkeypatch.chdir(tmp_path)
    Path("r.yaml").write_text(REPORT.replace("    shortcomming: 1\n", ""), encoding="utf-8")
    Path("s.yaml").write_text(REPORT.replace("    shortcomming: 1\n", ""), encoding="utf-8")
    # The national profile titles the part 上一年度…; the message and the place agree, also
    # when the files are checked on worker processes.
    part = "第二部分“上一年度推进法治政府建设存在的不足和原因”"
    for jobs in ("1", "2"):
        args = ["check", "--lang", "zh", "--no-color", "--select", "RL106", "--jobs", jobs]
        assert main([*args, "--profile", "national", "r.yaml", "s.yaml"]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert [line for line in lines if "RL106" in line or "位置" in line] == [
            f"r.yaml:11:3: RL106 警告 [section-thin] {part}内容过少（7字，至少应有80字）",
            f"   = 位置：{part}",
            f"s.yaml:11:3: RL106 警告 [section-thin] {part}内容过少（7字，至少应有80字）",
            f"   = 位置：{part}",
        ]


def test_explain_names_parts_from_the_configured_profile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from reportlint.cli import main

    monkeypatch.chdir(tmp_path)
    Path(".reportlint.yaml").write_text("profile: national\n", encoding="utf-8")
    assert main(["explain", "RL209", "--lang", "zh"]) == 0
    [check] = [line for line in capsys.readouterr().out.splitlines() if "检查方式" in line]
    assert check == (
        "检查方式：在第三部分“上一年度党政主要负责人履行推进法治建设第一责任人职责，"
        "加强法治政府建设的有关情况”中数出某种写法出现的次数"
    )


TRAP_HEAD = """\
format: reportlint/1
report: {title: 示例县2023年法治政府建设年度报告, issuer: 示例县人民政府, year: 2023, signed_on: 2024-01-20}
sections:
  measures:
    heading: 主要举措和成效
    paragraphs:
"""


def _trap_findings(paragraph: str, lang: str) -> list[tuple[int, int, str, str]]:
    linter = Linter(Settings(lang=lang))
    found = linter.lint_text(TRAP_HEAD + f"      - {paragraph}\n", "r.yaml")
    return [(f.line, f.column, f.rule, f.message) for f in found if f.rule in ("RL001", "RL002")]


def test_a_paragraph_with_an_ascii_colon_is_one_finding_and_still_read() -> None:
    assert _trap_findings("重大执法决定法制审核率: 100%", "zh") == [
        (7, 9, "RL001", "段落中的英文冒号加空格会被当作键值对：请改用全角冒号“：”，或给整段加引号")
    ]
    assert _trap_findings("重大执法决定法制审核率: 100%", "en") == [
        (
            7,
            9,
            "RL001",
            "YAML syntax error: a colon and a space in a paragraph make it a key and a value: "
            "use the full-width colon “：”, or put the whole paragraph in quotes",
        )
    ]
    from reportlint.inputs.document import load_yaml

    doc = load_yaml(TRAP_HEAD + "      - 重大执法决定法制审核率: 100%\n", "r.yaml")
    assert doc.data["sections"]["measures"]["paragraphs"] == ["重大执法决定法制审核率: 100%"]
    assert doc.locator.text_span("/sections/measures/paragraphs/0", 13, 17) == (7, 22, 7, 26)


@pytest.mark.parametrize("key", ["preamble", "closing"])
def test_a_colon_in_the_preamble_or_closing_is_the_same_one_finding(key: str) -> None:
    text = TRAP_HEAD.replace("sections:", f"{key}:\n  - 全年办结率: 98%\nsections:")
    linter = Linter(Settings(lang="zh"))
    found = [
        (f.line, f.column, f.rule) for f in linter.lint_text(text + "      - 一段。\n", "r.yaml")
    ]
    assert [item for item in found if item[2] in ("RL001", "RL002")] == [(4, 5, "RL001")]
    from reportlint.inputs.document import load_yaml

    assert load_yaml(text + "      - 一段。\n", "r.yaml").data[key] == ["全年办结率: 98%"]


def test_a_rate_written_with_an_ascii_colon_is_one_finding_and_still_stated() -> None:
    # The reference report, its review-rate paragraph written as a clerk might: the trap
    # is the one finding more; RL201 (review rate not stated) reads the rate as stated.
    example = Path(__file__).resolve().parent.parent / "examples" / "yungang-2023.yaml"
    lines = example.read_text(encoding="utf-8").splitlines()
    assert "法制审核率达到100%" in lines[53]
    lines[53] = lines[53][: lines[53].index("- ")] + "- 全区重大执法决定法制审核率: 100%"
    linter = Linter(Settings(lang="zh"))
    found = [(f.line, f.column, f.rule) for f in linter.lint_text("\n".join(lines), "r.yaml")]
    assert found == [
        (9, 14, "RL302"),
        (15, 1, "RL211"),
        (32, 129, "RL305"),
        (43, 75, "RL305"),
        (54, 17, "RL001"),
        (62, 183, "RL305"),
        (65, 172, "RL504"),
        (110, 3, "RL210"),
    ]


@pytest.mark.parametrize("char", list("[{*@`%"))
def test_a_paragraph_starting_with_a_yaml_indicator_says_to_quote_it(char: str) -> None:
    assert _trap_findings(f"{char}2025]3号文件印发", "zh") == [
        (
            7,
            9,
            "RL001",
            f"YAML中段落不能以“{char}”开头：请给整段加引号，文件编号请用六角括号“〔〕”（如〔2025〕3号）",
        )
    ]


def test_an_unclosed_quote_and_a_tab_are_explained_in_chinese() -> None:
    assert _trap_findings('"全年出庭应诉率100%。\n      - 其他', "zh") == [
        (7, 9, "RL001", '英文引号"开始的引用没有结束：请补上另一半，段落中的引号请用中文引号“”')
    ]
    linter = Linter(Settings(lang="zh"))
    [finding] = linter.lint_text(TRAP_HEAD + "\t- 全年\n", "r.yaml")
    assert finding.message == "这里有制表符（Tab）：YAML只能用空格缩进，请把它换成空格"


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_the_basis_cites_documents_a_clerk_can_find_not_internal_notes(rule: object) -> None:
    basis: str = rule.basis  # type: ignore[attr-defined]
    assert not re.search(r"\.md\b|practice|guide|bounded|safe loading", basis), basis


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_explain_in_chinese_describes_the_check_in_words(rule: object) -> None:
    import io

    from reportlint.cli.explain import explain_rule

    stream = io.StringIO()
    explain_rule(stream, RULES, rule.id, lang="zh")  # type: ignore[attr-defined]
    lines = stream.getvalue().splitlines()
    assert lines[0].startswith(f"{rule.id} {rule.name}（")  # type: ignore[attr-defined]
    [check] = [line for line in lines if line.startswith("检查方式：")]
    assert re.search(r"[A-Za-z]", check) is None, check
    assert any(line.startswith("怎样改：") for line in lines)


def test_numbering_faults_of_a_source_use_chinese_punctuation() -> None:
    from reportlint.inputs.sources import numbering

    number = numbering.read_number("(三)加强执法")
    assert number is not None
    faults = [
        numbering.malformed(number),
        numbering.out_of_sequence(number, None, None),
        numbering.out_of_sequence(number, 3, None),
        numbering.out_of_sequence(number, 1, None),
        numbering.out_of_sequence(number, 5, None),
    ]
    texts = [fault.zh for fault in faults if fault is not None]
    assert len(texts) == 5
    problems = [
        m.group()
        for text in texts
        for pattern in (_ASCII_MARK, _SPACE)
        # The number as the clerk wrote it is quoted as it is.
        for m in pattern.finditer(re.sub("“[^”]*”", "“”", text))
    ]
    assert problems == []
    assert texts[3] == "标题编号“(三)”排在“（一）”之后，跳过了“（二）”"
