"""What every check's options model builds on: its contract, checked when a pack loads.

- No unknown option.
- ``${…}`` templates name a field of the report (from its JSON Schema) or, in a rule with
  ``for_each``, of the section; ``+ N``/``- N`` only on a whole number (``report.year``).
- Options listed in a model's ``dates`` give a date once their templates are filled.
- A pattern compiles on the engine that will run it (``re`` for the bundled packs, the
  time-limited ``regex`` for every other), with no compile-time blow-up, no known
  catastrophic shape, and the named groups its check reads (a model's ``groups``).

The engine and the loop come from the validation context: ``{"bundled": bool, "loop":
bool}``; without one, a pattern is compiled as a user's (``regex``) and no loop is assumed.
"""

from __future__ import annotations

import functools
import importlib
import json
import re
from collections.abc import Iterator
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from reportlint import resources
from reportlint.checks.context import _TEMPLATE as TEMPLATE  # the form Context.expand fills
from reportlint.matching.backtracking import catastrophic_shape
from reportlint.matching.dates import parse_date

# A product of nested repeat counts above this makes ``regex`` build a huge program
# (``(?:a{65535}){65535}`` took 3 GB); no report pattern comes near it.
REPEAT_LIMIT = 100_000
LOOP_FIELDS = ("section.key", "section.title", "section.phrases")
# What a template stands for while its pattern or date is checked.
_SAMPLES = {"integer": "2023", "date": "2024-01-20", "section.key": "measures"}


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # Options that must give a date once their templates are filled (date-compare's right).
    dates: ClassVar[tuple[str, ...]] = ()

    @field_validator("*")
    @classmethod
    def _templates_fill(cls, value: Any, info: ValidationInfo) -> Any:
        if not isinstance(value, str) or "${" not in value:
            if (
                isinstance(value, str)
                and info.field_name in cls.dates
                and parse_date(value) is None
            ):
                raise ValueError(f"'{value}' is not a date (write YYYY-MM-DD)")
            return value
        problems = template_problems(value, loop=_context(info).get("loop", False))
        if problems:
            raise ValueError("; ".join(problems))
        if info.field_name in cls.dates and parse_date(fill(value)) is None:
            raise ValueError(
                f"'{value}' does not give a date once filled in (e.g. '{fill(value)}'); "
                "write YYYY-MM-DD, as in ${report.year}-12-31"
            )
        return value


class RegexOptions(Options):
    # The named groups the check reads from each match (number-range reads ``value``).
    groups: ClassVar[tuple[str, ...]] = ()

    pattern: str = Field(min_length=1)

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str, info: ValidationInfo) -> str:
        context = _context(info)
        if template_problems(value, loop=context.get("loop", False)):
            return value  # reported by _templates_fill
        problem = pattern_problem(
            fill(value), bundled=context.get("bundled", False), groups=cls.groups
        )
        if problem:
            raise ValueError(problem)
        return value


def _context(info: ValidationInfo) -> dict[str, Any]:
    return info.context if isinstance(info.context, dict) else {}


@functools.cache
def report_fields() -> dict[str, str]:
    """The fields a template may name, from the report's JSON Schema: ``report.year`` ->
    ``integer``, ``report.signed_on`` -> ``date``, ``report.title`` -> ``string``…"""
    schema = json.loads(resources.schema_path().read_text(encoding="utf-8"))
    fields: dict[str, str] = {}
    stack: list[tuple[str, Any]] = [("", schema)]
    while stack:
        name, node = stack.pop()
        if isinstance(node, dict) and "$ref" in node:
            node = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
        if not isinstance(node, dict):
            continue
        kind = node.get("type")
        if kind == "object":
            for key, child in node.get("properties", {}).items():
                stack.append((f"{name}.{key}" if name else key, child))
        elif kind in ("string", "integer", "number", "boolean"):
            fields[name] = "date" if node.get("format") == "date" else str(kind)
    return dict(sorted(fields.items()))


def _templates(text: str) -> Iterator[tuple[int, re.Match[str] | None]]:
    start = text.find("${")
    while start >= 0:
        match = TEMPLATE.match(text, start)
        yield start, match
        start = text.find("${", match.end() if match else start + 2)


def template_problems(text: str, *, loop: bool) -> list[str]:
    """What is wrong with the ``${…}`` templates in ``text`` (nothing: an empty list)."""
    fields = report_fields()
    problems: list[str] = []
    for start, match in _templates(text):
        if match is None:
            shown = text[start : text.find("}", start) + 1 or start + 12]
            problems.append(
                f"'{shown}' is not a template reportlint fills: write ${{report.year}}, "
                "${report.year + 1} or ${report.year - 1}"
            )
            continue
        name, sign, amount = match.groups()
        if name in LOOP_FIELDS:
            if not loop:
                problems.append(f"${{{name}}} is filled only in a rule with for_each")
            kind = "string"
        elif name in fields:
            kind = fields[name]
        else:
            known = ", ".join([*fields, *LOOP_FIELDS])
            problems.append(f"${{{name}}} names no field of the report (known: {known})")
            continue
        if sign and kind not in ("integer", "number"):
            problems.append(
                f"'{match.group(0)}': only a number can have {amount} added or taken away, "
                f"and {name} is a {kind}"
            )
    return problems


def fill(text: str) -> str:
    """``text`` with each template replaced by a value of its kind (to compile or parse it)."""

    def sample(match: re.Match[str]) -> str:
        name, sign, amount = match.groups()
        kind = report_fields().get(name, name)
        value = _SAMPLES.get(kind, "示例")
        if sign and value.isdigit():
            value = str(int(value) + int(amount) if sign == "+" else int(value) - int(amount))
        return value

    return TEMPLATE.sub(sample, text)


def pattern_problem(pattern: str, *, bundled: bool, groups: tuple[str, ...] = ()) -> str | None:
    """Why ``pattern`` cannot be run safely, or None.

    It is compiled with the engine that will run it: ``re`` (bundled) or ``regex``.
    """
    weight = repeat_weight(pattern)
    if weight > REPEAT_LIMIT:
        return (
            f"pattern repeats too much to compile: its repeat counts multiply to {weight:,}, "
            f"over the limit of {REPEAT_LIMIT:,}"
        )
    engine: Any = re if bundled else importlib.import_module("regex")
    flags = re.MULTILINE if bundled else engine.MULTILINE | engine.VERSION0
    try:
        compiled = engine.compile(pattern, flags)
    except engine.error as error:
        return f"pattern does not compile: {error}"
    except RecursionError:
        return "pattern nests too deeply to compile"
    except (OverflowError, MemoryError):
        return "pattern has a repeat count too large to compile"
    try:
        shape = catastrophic_shape(pattern)
    except (re.error, RecursionError, OverflowError):
        shape = None  # syntax only ``regex`` reads: its time limit guards it
    if shape:
        return (
            f"pattern may take exponential time on some texts: {shape}; rewrite it so each "
            "character can be matched one way only (e.g. (a+)+ as a+), or use a possessive "
            "repeat or atomic group"
        )
    missing = [name for name in groups if name not in compiled.groupindex]
    if missing:
        named = ", ".join(f"(?P<{name}>…)" for name in missing)
        return f"pattern has no group {named}, which this check reads"
    return None


def repeat_weight(pattern: str) -> int:
    """How many times the pattern's atoms are repeated at most, nested counts multiplied.

    ``a{3}b`` weighs 4, ``(?:a{100}){100}`` 10,000. Unbounded repeats count their minimum:
    an engine unrolls counts, not ``*``. Read from the text, so no engine is asked first.
    """
    # Per open group: (weight of everything in it, weight of its last item).
    frames: list[list[int]] = [[0, 0]]
    index = 0
    cap = REPEAT_LIMIT * REPEAT_LIMIT
    while index < len(pattern):
        char = pattern[index]
        count = 0
        if char == "\\":
            index = _escape_end(pattern, index)
            frames[-1][0] += 1
            frames[-1][1] = 1
            continue
        if char == "[":
            index = _class_end(pattern, index)
            frames[-1][0] += 1
            frames[-1][1] = 1
            continue
        if char == "(":
            if pattern.startswith(("(?#", "(?P="), index):  # a comment, a back-reference
                close = pattern.find(")", index)
                index = len(pattern) if close < 0 else close + 1
                frames[-1][0] += 1
                frames[-1][1] = 1
                continue
            frames.append([0, 0])
            index = _group_body(pattern, index)
            continue
        elif char == ")" and len(frames) > 1:
            inner = max(frames.pop()[0], 1)
            frames[-1][0] += inner
            frames[-1][1] = inner
        elif char == "{":
            found = re.match(r"\{(\d*)(?:,(\d*))?\}", pattern[index:])
            if found and (found.group(1) or found.group(2)):
                low, high = found.group(1), found.group(2)
                count = int(high) if high else int(low or 0)
                index += found.end()
                last = frames[-1][1]
                frames[-1][0] = min(frames[-1][0] + last * (max(count, 1) - 1), cap)
                frames[-1][1] = min(last * max(count, 1), cap)
                continue
            frames[-1][0] += 1
            frames[-1][1] = 1
        elif char not in "|*+?":
            frames[-1][0] += 1
            frames[-1][1] = 1
        index += 1
    while len(frames) > 1:
        inner = frames.pop()[0]
        frames[-1][0] += inner
    return frames[0][0]


_GROUP_OPENING = re.compile(r"\(\?(?:P?<[^>=!]*>|<[=!]|[=!>:]|[a-zA-Z-]+:?)?|\(")


def _group_body(pattern: str, index: int) -> int:
    """Where the body of the group opening at ``index`` starts (after ``(?:``, ``(?P<x>``…)."""
    opening = _GROUP_OPENING.match(pattern, index)
    return opening.end() if opening else index + 1


def _escape_end(pattern: str, index: int) -> int:
    """The index after the escape at ``index`` (``\\d``, ``\\x41``, ``\\p{Han}``…)."""
    code = pattern[index + 1 : index + 2]
    if code in ("p", "P", "N", "x", "u", "U", "g") and pattern[index + 2 : index + 3] in "{<":
        close = pattern.find("}" if pattern[index + 2] == "{" else ">", index + 3)
        return len(pattern) if close < 0 else close + 1
    return index + 2


def _class_end(pattern: str, index: int) -> int:
    """The index after the character class opening at ``index``."""
    position = index + 1
    if pattern[position : position + 1] == "^":
        position += 1
    if pattern[position : position + 1] == "]":
        position += 1
    while position < len(pattern) and pattern[position] != "]":
        position += 2 if pattern[position] == "\\" else 1
    return position + 1
