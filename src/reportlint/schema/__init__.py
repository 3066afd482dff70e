"""The schema stage: where a document does not match schemas/report.schema.json.

A generated validator (``fast_validator``, standard library only) says whether the document
is valid; only when it is not do we import jsonschema-rs, which lists every violation (its
import takes about a tenth of the jsonschema library's). Most documents are valid, so most
runs never pay for that import.
"""

import json
import re
from functools import lru_cache
from typing import Any, NamedTuple

from reportlint import positions, resources
from reportlint.errors import ReportlintError

# Deepest nesting given to jsonschema-rs, which recurses on the native stack (it crashes
# somewhere past 3,000 levels); YAML documents stop at 1,000 (the reader's limit).
MAX_DEPTH = 1000

# Longest string shown in a message; longer ones are cut with an ellipsis.
_SHOWN_CHARS = 40

_TYPE_NAMES_ZH = {
    "object": "对象",
    "array": "数组",
    "string": "字符串",
    "integer": "整数",
    "number": "数值",
    "boolean": "布尔值",
    "null": "空值",
}


class SchemaViolation(NamedTuple):
    """One place where the data does not match the schema.

    ``pointer`` is the RFC 6901 JSON Pointer of the offending node ("" for the root): the
    object that lacks a required key, the unknown key itself, or the value that is wrong.
    ``keyword`` is the JSON Schema keyword that failed (``required``, ``type``, ...).
    """

    pointer: str
    keyword: str
    message_en: str
    message_zh: str
    key: str | None = None  # the key a ``required`` violation names as missing


def load_schema() -> dict[str, object]:
    """The report schema as parsed JSON (a fresh copy on each call)."""
    path = resources.schema_path()
    schema = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(schema, dict):
        raise ReportlintError(f"{path} is not a JSON Schema object; reinstall reportlint")
    return schema


def schema_violations(data: object) -> list[SchemaViolation]:
    """Every violation of the report schema in ``data``, sorted by pointer then keyword.

    ``data`` is the document as loaded (dates kept as the text written). A valid document
    gives [].
    """
    from reportlint.schema import fast_validator

    try:
        fast_validator.validate(data)
    except (fast_validator.JsonSchemaValueException, RecursionError):
        pass
    else:
        return []
    return _all_violations(data)


@lru_cache(maxsize=1)
def _validator() -> tuple[Any, dict[str, Any]]:
    import jsonschema_rs

    from reportlint.schema import fast_validator

    schema = load_schema()
    # The date format as the fast validator reads it, so the two agree on every document.
    date = fast_validator.REGEX_PATTERNS["date_re_pattern"]
    formats = {"date": lambda value: date.match(value) is not None}
    return jsonschema_rs.validator_for(schema, formats=formats, validate_formats=True), schema


def _all_violations(data: object) -> list[SchemaViolation]:
    deepest, depth = _deepest(data)
    if depth > MAX_DEPTH:
        return [_too_deep(deepest, depth)]
    validator, schema = _validator()
    errors = list(validator.iter_errors(data))
    found: dict[SchemaViolation, None] = {}
    for error in errors:
        for violation in _convert(error, schema):
            found.setdefault(violation)
    return sorted(found, key=_sort_key)


def _sort_key(violation: SchemaViolation) -> tuple[list[tuple[int, int, str]], str]:
    # Array indexes sort as numbers, so /subsections/2 comes before /subsections/10.
    tokens = [
        (0, int(token), "") if token.isascii() and token.isdigit() else (1, 0, token)
        for token in positions.split(violation.pointer)
    ]
    return tokens, violation.keyword


def _at(schema: Any, path: list[str | int]) -> Any:
    """The part of the schema at ``path`` (a keyword's location, $refs already followed)."""
    for token in path:
        schema = schema[int(token)] if isinstance(schema, list) else schema[token]
    return schema


def _convert(error: Any, schema: dict[str, Any]) -> list[SchemaViolation]:
    pointer = "".join(f"/{positions.escape(str(token))}" for token in error.instance_path)
    location = list(error.schema_path)
    keyword = str(location[-1]) if location else ""
    expected, instance = _at(schema, location), error.instance
    if keyword == "required" and isinstance(instance, dict):
        # One error per missing key; each becomes all of them, deduplicated.
        return [
            SchemaViolation(
                pointer,
                keyword,
                f"missing required key {_show(key)}",
                f"缺少必填项{_show_zh(key)}",
                key=str(key),
            )
            for key in expected
            if key not in instance
        ]
    if keyword == "additionalProperties" and expected is False and isinstance(instance, dict):
        allowed = [str(key) for key in _at(schema, location[:-1]).get("properties", {})]
        return [
            _unknown_key(positions.join(pointer, str(key)), str(key), allowed)
            for key in instance
            if str(key) not in allowed
        ]
    english, chinese = _messages(keyword, expected, instance, str(error.message))
    return [SchemaViolation(pointer, keyword, english, chinese)]


def _unknown_key(pointer: str, key: str, allowed: list[str]) -> SchemaViolation:
    import difflib  # Only for a document with an unknown key.

    english, chinese = f"unknown key {_show(key)}", f"未知的键{_show_zh(key)}"
    close = difflib.get_close_matches(key, allowed, n=1)
    if close:
        english += f"; did you mean {_show(close[0])}?"
        chinese += f"，是否应为{_show_zh(close[0])}？"
    elif allowed:
        english += "; allowed keys: " + ", ".join(allowed)
        chinese += "；允许的键：" + "、".join(allowed)
    return SchemaViolation(pointer, "additionalProperties", english, chinese)


# Dates as a clerk types them: 2026年1月20日, 2026/1/20, 2026.1.20, 2026-1-20.
@lru_cache(maxsize=1)
def _typed_date() -> re.Pattern[str]:
    # Compiled for an invalid document only.
    return re.compile(r"\s*(\d{4})\s*[年/.\-]\s*(\d{1,2})\s*[月/.\-]\s*(\d{1,2})\s*日?\s*")


# The Chinese of each allowed value of ``kind`` and ``level``, shown beside it.
_ENUM_ZH = {
    "government": "政府",
    "department": "政府部门",
    "province": "省级",
    "city": "市级",
    "county": "县级",
    "township": "乡镇级",
}


def _date_suggestion(value: object) -> str | None:
    """The ISO form of a date typed another way (2026年1月20日 -> 2026-01-20), if it is one."""
    import datetime

    match = _typed_date().fullmatch(value) if isinstance(value, str) else None
    if match is None:
        return None
    try:
        day = datetime.date(*(int(group) for group in match.groups()))
    except ValueError:
        return None
    return day.isoformat()


def _messages(keyword: str, expected: Any, instance: Any, fallback: str) -> tuple[str, str]:
    shown, shown_zh = _show(instance), _show_zh(instance)
    if keyword == "type":
        names = [expected] if isinstance(expected, str) else [str(name) for name in expected]
        got = _json_type(instance)
        return (
            f"expected {' or '.join(names)}, got {got}",
            f"应为{'或'.join(_TYPE_NAMES_ZH.get(name, name) for name in names)}，"
            f"实为{_TYPE_NAMES_ZH.get(got, got)}",
        )
    if keyword == "format" and expected == "date":
        suggestion = _date_suggestion(instance)
        if suggestion is not None:
            return (
                f"{shown} is not written as a date (YYYY-MM-DD): write {suggestion}",
                f"日期{shown_zh}的写法不对，应写作 {suggestion}",
            )
        typed = isinstance(instance, str) and _typed_date().fullmatch(instance) is not None
        return (
            f"{shown} is not a valid date (YYYY-MM-DD)",
            f"{shown_zh}不是真实存在的日期"
            if typed
            else f"{shown_zh}不是有效日期，应按“年-月-日”写作，如 2026-01-20",
        )
    if keyword == "format":
        return f"{shown} is not a valid {expected}", f"{shown_zh}不符合{expected}格式"
    if keyword == "enum":
        allowed_en = ", ".join(
            f"{_show(item)} ({_ENUM_ZH[item]})" if item in _ENUM_ZH else _show(item)
            for item in expected
        )
        allowed_zh = "、".join(
            f"{item}（{_ENUM_ZH[item]}）" if item in _ENUM_ZH else _show_zh(item)
            for item in expected
        )
        return (
            f"must be one of {allowed_en}; got {shown}",
            f"应为{allowed_zh}之一，实为{shown_zh}",
        )
    if keyword == "minLength" and expected == 1:
        return "must not be empty", "不能为空"
    if keyword == "minLength":
        return f"must be at least {expected} characters long", f"长度不能少于{expected}个字符"
    if keyword == "maxLength":
        return f"must be at most {expected} characters long", f"长度不能超过{expected}个字符"
    if keyword == "minimum":
        return f"must be at least {expected}, got {shown}", f"不能小于{expected}，实为{shown_zh}"
    if keyword == "maximum":
        return f"must be at most {expected}, got {shown}", f"不能大于{expected}，实为{shown_zh}"
    if keyword == "pattern":
        return (
            f"{shown} does not match the pattern {_show(expected)}",
            f"{shown_zh}的写法不符合要求（模式{_show_zh(expected)}）",
        )
    return fallback, f"不符合报告格式的“{keyword}”要求"


def _deepest(data: object) -> tuple[str, int]:
    """The pointer of the deepest node and its depth (the root is 0)."""
    deepest, depth = "", 0
    stack: list[tuple[object, str, int]] = [(data, "", 0)]
    while stack:
        node, pointer, level = stack.pop()
        if level > depth:
            deepest, depth = pointer, level
        if isinstance(node, dict):
            stack.extend(
                (value, positions.join(pointer, str(key)), level + 1) for key, value in node.items()
            )
        elif isinstance(node, list):
            stack.extend(
                (value, positions.join(pointer, index), level + 1)
                for index, value in enumerate(node)
            )
    return deepest, depth


def _too_deep(deepest: str, depth: int) -> SchemaViolation:
    """A violation at the deepest node, for a document nested past ``MAX_DEPTH``."""
    return SchemaViolation(
        deepest,
        "depth",
        f"the document nests {depth} levels deep, too deep to check against the schema",
        f"文档嵌套{depth}层，过深，无法按报告格式校验",
    )


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list | tuple):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def _show_zh(value: object) -> str:
    """A short rendering of a value for a Chinese message: strings in “”."""
    if isinstance(value, str):
        cut = value if len(value) <= _SHOWN_CHARS else value[: _SHOWN_CHARS - 1] + "…"
        return f"“{cut}”"
    return _show(value)


def _show(value: object) -> str:
    """A short rendering of a value for a message."""
    if isinstance(value, str):
        cut = value if len(value) <= _SHOWN_CHARS else value[: _SHOWN_CHARS - 1] + "…"
        return repr(cut)
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, int | float):
        return repr(value)
    return _json_type(value)
