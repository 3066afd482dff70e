"""Property tests: mutated reference reports never make the linter raise or misplace a finding.

The reference report is changed the ways real files go wrong (keys deleted, duplicated and
swapped, scalars of another type, stray unicode in the text and in the YAML source, other
encodings and damaged bytes); whatever comes out, ``Linter.lint_text`` returns findings,
and each one points inside the file. Bounded so CI stays fast; ``scripts/fuzz.py`` runs the
same idea for minutes.
"""

from __future__ import annotations

import copy
import datetime
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportlint.errors import InputError
from reportlint.findings import Finding
from reportlint.linter import Linter
from tests.conftest import EXAMPLES

REFERENCE_TEXT = (EXAMPLES / "yungang-2023.yaml").read_text(encoding="utf-8")
REFERENCE_DATA = yaml.load(REFERENCE_TEXT, Loader=yaml.CSafeLoader)
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")

FUZZ = settings(
    max_examples=150,
    deadline=None,
    database=None,  # hermetic: no .hypothesis folder in the checkout
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Characters that break things: YAML indicators, line breaks of every kind, control
# characters, BOMs, full-width and combining forms, CJK, astral characters.
SPICE = st.sampled_from(
    [
        *":-?[]{},&*!|>'\"%@`#\t\n\r ",
        *("\x85", "\u2028", "\u2029", "\x0b", "\x0c", "\x00", "\x07", "\x7f", "\ufeff"),
        *("\u200b", "\u3000", "\uff10", "\u0301", "\u3220", "一", "、", "（", "\U0001f600"),
    ]
)
STRANGE_TEXT = st.text(st.one_of(SPICE, st.characters()), min_size=1, max_size=12)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["", "2023-02-30", "0000-01-01", "99999-12-31", "截至11月份"]),
    st.dates(min_value=datetime.date(1, 1, 1)),
    st.just([]),
    st.just({}),
    STRANGE_TEXT,
)


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


def yaml_lines(text: str) -> list[str]:
    """The lines as YAML counts them (the lines its marks number)."""
    return _LINE_BREAK.split(text.removeprefix("\ufeff"))


def assert_inside(findings: list[Finding], text: str) -> None:
    lines = yaml_lines(text)
    for finding in findings:
        where = f"{finding.rule} at {finding.line}:{finding.column}"
        assert 1 <= finding.line <= len(lines), where
        assert 1 <= finding.column <= len(lines[finding.line - 1]) + 1, where
        assert (finding.end_line, finding.end_column) >= (finding.line, finding.column), where


def _containers(data: Any) -> list[Any]:
    found, stack = [], [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict | list) and node:
            found.append(node)
            stack.extend(node.values() if isinstance(node, dict) else node)
    return found


@st.composite
def mutated_data(draw: st.DrawFn) -> Any:
    """The reference data after a few deletions, swaps, retypings and unicode insertions."""
    data = copy.deepcopy(REFERENCE_DATA)
    for _ in range(draw(st.integers(1, 5))):
        containers = _containers(data)
        if not containers:
            break
        node = containers[draw(st.integers(0, len(containers) - 1))]
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        key = keys[draw(st.integers(0, len(keys) - 1))]
        other = keys[draw(st.integers(0, len(keys) - 1))]
        kind = draw(st.sampled_from(["delete", "swap", "retype", "unicode", "duplicate"]))
        if kind == "delete":
            del node[key]
        elif kind == "swap":
            node[key], node[other] = node[other], node[key]
        elif kind == "retype":
            node[key] = draw(SCALARS)
        elif kind == "unicode" and isinstance(node[key], str):
            at = draw(st.integers(0, len(node[key])))
            node[key] = node[key][:at] + draw(STRANGE_TEXT) + node[key][at:]
        elif kind == "duplicate" and isinstance(node, list):
            node.insert(key, copy.deepcopy(node[key]))
    return data


@st.composite
def mutated_source(draw: st.DrawFn) -> str:
    """The reference YAML text with characters inserted, lines duplicated, swapped, cut."""
    text = REFERENCE_TEXT
    for _ in range(draw(st.integers(1, 4))):
        lines = text.split("\n")
        kind = draw(st.sampled_from(["insert", "delete", "duplicate", "swap", "indent"]))
        index = draw(st.integers(0, len(lines) - 1))
        if kind == "insert":
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(STRANGE_TEXT) + text[at:]
            continue
        if kind == "delete":
            at = draw(st.integers(0, len(text)))
            text = text[:at] + text[at + draw(st.integers(1, 300)) :]
            continue
        if kind == "duplicate":  # a duplicated key line, or a duplicated list item
            lines.insert(index, lines[index])
        elif kind == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        else:
            lines[index] = draw(st.sampled_from(["", " ", "\t", "   "])) + lines[index].lstrip()
        text = "\n".join(lines)
    return text


@FUZZ
@given(
    data=mutated_data(),
    flow=st.sampled_from([False, None, True]),
    width=st.sampled_from([40, 10_000]),
)
def test_mutated_data_never_raises(
    linter: Linter, data: Any, flow: bool | None, width: int
) -> None:
    text = yaml.safe_dump(
        data, allow_unicode=True, default_flow_style=flow, sort_keys=False, width=width
    )
    assert_inside(linter.lint_text(text, "r.yaml"), text)


@FUZZ
@given(text=mutated_source())
def test_mutated_source_never_raises(linter: Linter, text: str) -> None:
    assert_inside(linter.lint_text(text, "r.yaml"), text)


@FUZZ
@given(
    text=mutated_source(),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"]),
    flips=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=3),
)
def test_damaged_bytes_are_read_or_refused(
    linter: Linter,
    tmp_path_factory: pytest.TempPathFactory,
    text: str,
    encoding: str,
    flips: list[tuple[int, int]],
) -> None:
    raw = bytearray(text.encode(encoding, "surrogatepass" if "16" in encoding else "replace"))
    for at, value in flips:
        if raw:
            raw[at % len(raw)] = value
    path = Path(tmp_path_factory.mktemp("fuzz")) / "r.yaml"
    path.write_bytes(bytes(raw))
    try:
        decoded = linter.read(path)
    except InputError as error:
        assert str(error).startswith(f"{path}: ")
        return
    assert_inside(linter.lint_text(decoded, "r.yaml"), decoded)
