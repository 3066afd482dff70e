"""``number-range``: a number captured as ``value`` lies between ``min`` and ``max``; each
number outside is a finding at its match."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.conftest import REPORT_META, lint_with, make_rule


def rule(**bounds: float) -> dict[str, object]:
    return make_rule(
        "TS101",
        "number-range",
        path="sections",
        options={"pattern": r"(?P<name>[\u4e00-\u9fff]{2}率)(?P<value>\d+(?:\.\d+)?)%", **bounds},
        message="{name} {value}% is out of range ({match})",
    )


def report(paragraph: str) -> str:
    return REPORT_META + textwrap.dedent(
        f"""\
        sections:
          measures:
            heading: 主要举措
            paragraphs:
              - {paragraph}
        """
    )


@pytest.mark.parametrize(
    ("bounds", "paragraph", "expected"),
    [
        ({"max": 100}, "审核率100%,纠错率99.5%。", []),
        ({"max": 100}, "审核率110%,纠错率100.5%。", [
            (11, 9, "TS101", "审核率 110% is out of range (审核率110%)"),
            (11, 17, "TS101", "纠错率 100.5% is out of range (纠错率100.5%)"),
        ]),
        ({"min": 95}, "持证率94.9%,审核率95%。", [
            (11, 9, "TS101", "持证率 94.9% is out of range (持证率94.9%)"),
        ]),
        ({"min": 90, "max": 100}, "出庭率89%,结案率101%。", [
            (11, 9, "TS101", "出庭率 89% is out of range (出庭率89%)"),
            (11, 16, "TS101", "结案率 101% is out of range (结案率101%)"),
        ]),
        ({}, "审核率1000%。", []),
    ],
)  # fmt: skip
def test_numbers_outside_the_range(
    tmp_path: Path,
    bounds: dict[str, float],
    paragraph: str,
    expected: list[tuple[int, int, str, str]],
) -> None:
    assert lint_with(tmp_path, report(paragraph), rule(**bounds)) == expected
