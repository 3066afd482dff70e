"""The schema stage: the generated fast validator, the jsonschema path and the models.

Three things must give the same verdict on any document: the committed fastjsonschema
validator (``fast_validator``), the jsonschema library reading ``schemas/report.schema.json``
(the source of truth) and the pydantic models. Violations are checked exactly.
"""

from __future__ import annotations

import ast
import copy
import datetime as dt
import importlib.util
import json
import re
import subprocess
import sys
import textwrap
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import (  # type: ignore[import-untyped, unused-ignore]
    Draft202012Validator,
    FormatChecker,
)

from reportlint import schema
from reportlint.schema import SchemaViolation, fast_validator, load_schema, schema_violations

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT / "scripts" / "generate_validator.py"
GENERATED = ROOT / "src" / "reportlint" / "schema" / "fast_validator.py"
SCHEMA = ROOT / "schemas" / "report.schema.json"

DELETE = object()


def minimal() -> dict[str, Any]:
    return {
        "format": "reportlint/1",
        "report": {
            "title": "云冈区报告",
            "issuer": "云冈区人民政府",
            "year": 2023,
            "signed_on": "2023-12-29",
        },
        "sections": {},
    }


def full() -> dict[str, Any]:
    part = {"heading": "积极优化政府机构职能", "paragraphs": ["坚持……"]}
    block = {"heading": "主要举措", "paragraphs": ["认真贯彻……"], "subsections": [
        {"heading": "深学笃行", "subsections": [part, {"heading": "二"}]},
    ]}  # fmt: skip
    return {
        "format": "reportlint/1",
        "report": {
            "title": "云冈区2023年法治政府建设年度报告",
            "issuer": "大同市云冈区人民政府",
            "kind": "government",
            "level": "county",
            "year": 2023,
            "signed_on": "2023-12-29",
            "published_on": "2024-03-08",
            "publisher": "云冈区人民政府",
            "source": "https://example.gov.cn/a.html",
            "index_no": "035200009/2024-00013",
        },
        "preamble": ["2023年,云冈区……现将有关情况报告如下:"],
        "sections": {
            key: copy.deepcopy(block)
            for key in ("measures", "leadership", "shortcomings", "plans", "suggestions", "other")
        },
        "closing": ["特此报告。"],
    }


def changed(pointer: str, value: object = DELETE, *, base: dict[str, Any] | None = None) -> Any:
    """A copy of the minimal document with the node at ``pointer`` set (or deleted)."""
    doc: Any = copy.deepcopy(minimal() if base is None else base)
    if pointer == "":
        return value
    *parents, last = pointer[1:].split("/")
    node = doc
    for token in parents:
        node = node[int(token)] if isinstance(node, list) else node[token]
    if value is DELETE:
        del node[last]
    else:
        node[last] = value
    return doc


@cache
def reference_validator() -> Any:
    return Draft202012Validator(
        json.loads(SCHEMA.read_text("utf-8")), format_checker=FormatChecker()
    )


def verdicts(data: object) -> dict[str, bool]:
    """Whether each validator accepts ``data``."""
    try:
        fast_validator.validate(data)
        fast = True
    except fast_validator.JsonSchemaValueException:
        fast = False
    return {
        "jsonschema": bool(reference_validator().is_valid(data)),
        "fast": fast,
        "schema_violations": schema_violations(data) == [],
    }


# --- the generated module -------------------------------------------------------------


def test_generated_module_is_up_to_date() -> None:
    pytest.importorskip("fastjsonschema")
    spec = importlib.util.spec_from_file_location("generate_validator", GENERATOR)
    assert spec is not None and spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    assert generator.render() == GENERATED.read_text(encoding="utf-8"), (
        "src/reportlint/schema/fast_validator.py is stale: run python scripts/generate_validator.py"
    )


def test_generated_module_imports_only_the_standard_library() -> None:
    tree = ast.parse(GENERATED.read_text(encoding="utf-8"))
    imported = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    } | {
        (node.module or "").split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
    }
    assert imported == {"re"}


def test_a_valid_document_is_checked_without_jsonschema_or_pydantic() -> None:
    code = textwrap.dedent(
        f"""
        import json, sys
        from reportlint.schema import schema_violations
        assert schema_violations(json.loads({json.dumps(json.dumps(full()))})) == []
        print(sorted({{"jsonschema", "pydantic"}} & set(sys.modules)))
        """
    )
    src = str(Path(schema.__file__).resolve().parent.parent)
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": src, "PYTHONIOENCODING": "utf-8"},
    )
    assert result.stdout == "[]\n"


VALID: list[tuple[str, object]] = [
    ("minimal", minimal()),
    ("full", full()),
    ("year 1949", changed("/report/year", 1949)),
    ("year 2100", changed("/report/year", 2100)),
    ("year 2023.0", changed("/report/year", 2023.0)),
    ("29 February of a leap year", changed("/report/signed_on", "2024-02-29")),
    ("format version 2", changed("/format", "reportlint/2")),
    (
        "empty paragraph lists",
        changed("/sections/plans", {"heading": "h", "paragraphs": [], "subsections": []}),
    ),
    ("empty paragraph", changed("/preamble", [""])),
    ("no sections at all", changed("/sections", {})),
]

INVALID: list[tuple[str, object]] = [
    ("empty file", None),
    ("a list", []),
    ("a string", "format: reportlint/1"),
    ("no format", changed("/format")),
    ("format misspelt", changed("/format", "reportlint-1")),
    ("format a number", changed("/format", 1)),
    ("no report", changed("/report")),
    ("no sections", changed("/sections")),
    ("sections null", changed("/sections", None)),
    ("sections a list", changed("/sections", [])),
    ("no title", changed("/report/title")),
    ("empty title", changed("/report/title", "")),
    ("null title", changed("/report/title", None)),
    ("year a string", changed("/report/year", "2023")),
    ("year a bool", changed("/report/year", True)),
    ("year a fraction", changed("/report/year", 2023.5)),
    ("year 1948", changed("/report/year", 1948)),
    ("year 2101", changed("/report/year", 2101)),
    ("30 February", changed("/report/signed_on", "2023-02-30")),
    ("29 February of 1900", changed("/report/signed_on", "1900-02-29")),
    ("unpadded date", changed("/report/signed_on", "2023-2-3")),
    ("slashed date", changed("/report/signed_on", "2023/12/29")),
    ("date and time", changed("/report/signed_on", "2023-12-29T00:00:00")),
    ("compact date", changed("/report/signed_on", "20231229")),
    ("date as a number", changed("/report/signed_on", 20231229)),
    ("full-width digits", changed("/report/signed_on", "２０２３-１２-２９")),
    ("month 13", changed("/report/published_on", "2023-13-01")),
    ("kind city", changed("/report/kind", "city")),
    ("kind null", changed("/report/kind", None)),
    ("level village", changed("/report/level", "village")),
    ("empty source", changed("/report/source", "")),
    ("unknown meta key", changed("/report/titel", "x")),
    ("unknown top key", changed("/extra", 1)),
    ("misspelt section", changed("/sections/shortcomming", {"heading": "h"})),
    ("section a string", changed("/sections/measures", "text")),
    ("section without heading", changed("/sections/measures", {"paragraphs": []})),
    ("empty section heading", changed("/sections/measures", {"heading": ""})),
    ("paragraphs a string", changed("/sections/measures", {"heading": "h", "paragraphs": "t"})),
    ("paragraph a number", changed("/sections/measures", {"heading": "h", "paragraphs": [1]})),
    ("subsections a mapping", changed("/sections/other", {"heading": "h", "subsections": {}})),
    (
        "deep empty heading",
        changed("/sections/other/subsections/0/subsections/0/heading", "", base=full()),
    ),
    (
        "deep unknown key",
        changed("/sections/other/subsections/0/subsections/1/body", [], base=full()),
    ),
    ("preamble a string", changed("/preamble", "text")),
    ("closing with null", changed("/closing", [None])),
]


@pytest.mark.parametrize(
    ("data", "valid"),
    [pytest.param(data, True, id=name) for name, data in VALID]
    + [pytest.param(data, False, id=name) for name, data in INVALID],
)
def test_every_validator_gives_the_same_verdict(data: object, valid: bool) -> None:
    assert verdicts(data) == dict.fromkeys(("jsonschema", "fast", "schema_violations"), valid)


def _date_strings() -> list[str]:
    years = ["0000", "0001", "0004", "0100", "0400", "1900", "2000", "2023", "2024", "2100", "9999"]
    strings = [f"{y}-{m:02}-{d:02}" for y in years for m in range(14) for d in range(33)]
    return [*strings, "2023-12-29 ", " 2023-12-29", "2023-12-29\n", "2023-W52-5", "2023-363", ""]


def test_validators_agree_on_what_a_date_is() -> None:
    disagreements = []
    for text in _date_strings():
        expected = True
        try:
            dt.date.fromisoformat(text)
        except ValueError:
            expected = False
        expected = expected and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text) is not None
        got = verdicts(changed("/report/signed_on", text))
        if set(got.values()) != {expected}:
            disagreements.append((text, got))
    assert disagreements == []


# --- violations ------------------------------------------------------------------------

META = """\
format: reportlint/1
report:
  title: 云冈区2023年法治政府建设年度报告
  issuer: 大同市云冈区人民政府
  year: 2023
  signed_on: 2023-12-29
"""


class TextDates(yaml.SafeLoader):
    """Keeps dates as the text written, as reportlint's loader does."""


def keep_text(loader: TextDates, node: yaml.Node) -> str:
    return str(node.value)


TextDates.add_constructor("tag:yaml.org,2002:timestamp", keep_text)


def violations(text: str) -> list[tuple[str, str, str, str]]:
    data = yaml.load(textwrap.dedent(text), Loader=TextDates)
    return [(v.pointer, v.keyword, v.message_en, v.message_zh) for v in schema_violations(data)]


def test_a_minimal_valid_document_has_no_violations() -> None:
    assert violations(META + "sections:\n  measures:\n    heading: 主要举措\n") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            META.replace("  title: 云冈区2023年法治政府建设年度报告\n", "") + "sections: {}\n",
            [("/report", "required", "missing required key 'title'", "缺少必填项“title”")],
            id="missing title",
        ),
        pytest.param(
            META + "sections:\n  shortcomming:\n    heading: 存在的不足\n",
            [
                (
                    "/sections/shortcomming",
                    "additionalProperties",
                    "unknown key 'shortcomming'; did you mean 'shortcomings'?",
                    "未知的键“shortcomming”，是否应为“shortcomings”？",
                )
            ],
            id="misspelt section",
        ),
        pytest.param(
            META + "sections: {}\nsignature: 云冈区人民政府\n",
            [
                (
                    "/signature",
                    "additionalProperties",
                    "unknown key 'signature'; allowed keys: "
                    "format, report, preamble, sections, closing",
                    "未知的键“signature”；允许的键：format、report、preamble、sections、closing",
                )
            ],
            id="unknown key with nothing close",
        ),
        pytest.param(
            META.replace("year: 2023", 'year: "2023"') + "sections: {}\n",
            [("/report/year", "type", "expected integer, got string", "应为整数，实为字符串")],
            id="year quoted",
        ),
        pytest.param(
            META.replace("year: 2023", "year: 1900") + "sections: {}\n",
            [
                (
                    "/report/year",
                    "minimum",
                    "must be at least 1949, got 1900",
                    "不能小于1949，实为1900",
                )
            ],
            id="year too early",
        ),
        pytest.param(
            META.replace("2023-12-29", "2023-02-30") + "sections: {}\n",
            [
                (
                    "/report/signed_on",
                    "format",
                    "'2023-02-30' is not a valid date (YYYY-MM-DD)",
                    "“2023-02-30”不是真实存在的日期",
                )
            ],
            id="30 February",
        ),
        pytest.param(
            META + "  kind: city\nsections: {}\n",
            [
                (
                    "/report/kind",
                    "enum",
                    "must be one of 'government' (政府), 'department' (政府部门); got 'city'",
                    "应为government（政府）、department（政府部门）之一，实为“city”",
                )
            ],
            id="kind city",
        ),
        pytest.param(
            META + "  source:\nsections: {}\n",
            [("/report/source", "type", "expected string, got null", "应为字符串，实为空值")],
            id="empty optional key",
        ),
        pytest.param(
            META.replace("reportlint/1", "reportlint-1") + "sections: {}\n",
            [
                (
                    "/format",
                    "pattern",
                    "'reportlint-1' does not match the pattern '^reportlint/[0-9]+$'",
                    "“reportlint-1”的写法不符合要求（模式“^reportlint/[0-9]+$”）",
                )
            ],
            id="format misspelt",
        ),
        pytest.param(
            META
            + textwrap.dedent(
                """\
            sections:
              measures:
                heading: 主要举措
                subsections:
                  - paragraphs: [认真贯彻落实……]
                  - heading: ""
            """
            ),
            [
                (
                    "/sections/measures/subsections/0",
                    "required",
                    "missing required key 'heading'",
                    "缺少必填项“heading”",
                ),
                (
                    "/sections/measures/subsections/1/heading",
                    "minLength",
                    "must not be empty",
                    "不能为空",
                ),
            ],
            id="subsection without heading and empty heading",
        ),
    ],
)
def test_violation(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert violations(text) == expected


def test_every_violation_is_listed_in_pointer_order() -> None:
    text = """\
    format: reportlint/1
    report:
      year: "2023"
      signed_on: 2023-02-30
      kind: city
    sections:
      shortcomming: {heading: 不足}
      measures:
        heading: 主要举措
        subsections: [{heading: a}, {heading: b}, {heading: c}, {heading: d}, {heading: e},
                      {heading: f}, {heading: g}, {heading: h}, {heading: i}, {heading: j}, {}]
        paragraphs: [1]
    """
    assert [(pointer, keyword) for pointer, keyword, _, _ in violations(text)] == [
        ("/report", "required"),
        ("/report", "required"),
        ("/report/kind", "enum"),
        ("/report/signed_on", "format"),
        ("/report/year", "type"),
        ("/sections/measures/paragraphs/0", "type"),
        ("/sections/measures/subsections/10", "required"),
        ("/sections/shortcomming", "additionalProperties"),
    ]
    assert [message for pointer, _, message, _ in violations(text) if pointer == "/report"] == [
        "missing required key 'title'",
        "missing required key 'issuer'",
    ]


def test_long_values_are_shortened_in_messages() -> None:
    [violation] = schema_violations(changed("/report/level", "县" * 100))
    assert (
        violation.message_en
        == "must be one of 'province' (省级), 'city' (市级), 'county' (县级), 'township' (乡镇级); "
        "got '" + "县" * 39 + "…'"
    )
    assert (
        violation.message_zh
        == "应为province（省级）、city（市级）、county（县级）、township（乡镇级）之一，实为“"
        + "县" * 39
        + "…”"
    )


@pytest.mark.parametrize(
    ("typed", "english", "chinese"),
    [
        (
            "2026年1月20日",
            "'2026年1月20日' is not written as a date (YYYY-MM-DD): write 2026-01-20",
            "日期“2026年1月20日”的写法不对，应写作 2026-01-20",
        ),
        (
            "2026/1/20",
            "'2026/1/20' is not written as a date (YYYY-MM-DD): write 2026-01-20",
            "日期“2026/1/20”的写法不对，应写作 2026-01-20",
        ),
        (
            "2026-1-20",
            "'2026-1-20' is not written as a date (YYYY-MM-DD): write 2026-01-20",
            "日期“2026-1-20”的写法不对，应写作 2026-01-20",
        ),
        (
            "一月二十日",
            "'一月二十日' is not a valid date (YYYY-MM-DD)",
            "“一月二十日”不是有效日期，应按“年-月-日”写作，如 2026-01-20",
        ),
    ],
)
def test_a_date_typed_another_way_gets_the_form_to_write(
    typed: str, english: str, chinese: str
) -> None:
    [violation] = schema_violations(changed("/report/signed_on", typed))
    assert (violation.message_en, violation.message_zh) == (english, chinese)


def test_a_deep_document_within_the_limit_gets_its_real_violations() -> None:
    block: dict[str, Any] = {"heading": ""}
    for _ in range(400):
        block = {"heading": "h", "subsections": [block]}
    pointer = "/sections/measures" + "/subsections/0" * 400 + "/heading"
    assert schema_violations(changed("/sections/measures", block)) == [
        SchemaViolation(pointer, "minLength", "must not be empty", "不能为空")
    ]


def test_a_document_nested_past_the_limit_gives_one_violation() -> None:
    block: dict[str, Any] = {"heading": ""}
    for _ in range(1200):
        block = {"heading": "h", "subsections": [block]}
    assert schema_violations(changed("/sections/measures", block)) == [
        SchemaViolation(
            "/sections/measures" + "/subsections/0" * 1200 + "/heading",
            "depth",
            "the document nests 2403 levels deep, too deep to check against the schema",
            "文档嵌套2403层，过深，无法按报告格式校验",
        )
    ]


def test_load_schema_reads_the_bundled_schema() -> None:
    assert load_schema() == json.loads(SCHEMA.read_text("utf-8"))


def _schema_nodes(node: Any, pointer: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Every node of the schema that describes a value (the root, properties, $defs)."""
    found = [(pointer, node)]
    for key in ("properties", "$defs"):
        for name, child in node.get(key, {}).items():
            found.extend(_schema_nodes(child, f"{pointer}/{key}/{name}"))
    return found


def test_every_schema_node_is_described_in_chinese_and_english() -> None:
    schema = json.loads(SCHEMA.read_text("utf-8"))
    undescribed = []
    for pointer, node in _schema_nodes(schema):
        for field in ("title", "description"):
            text = node.get(field, "")
            if not (re.search(r"[\u4e00-\u9fff]", text) and re.search(r"[A-Za-z]{3}", text)):
                undescribed.append(f"{pointer or '/'} {field}")
    assert undescribed == []
    sections = schema["properties"]["sections"]["properties"]
    assert sections["shortcomings"]["title"].startswith("本年度法治政府建设存在的不足和原因")
