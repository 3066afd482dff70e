"""``expected-value``: a value captured as ``value`` stands in relation ``op`` to a template;
the finding points at the value."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPORT_META, lint_with, make_rule


def rule(**options: object) -> dict[str, object]:
    return make_rule(
        "TS101",
        "expected-value",
        path="report.title",
        options={"pattern": r"(?P<value>\d{4})年", "expected": "${report.year}", **options},
        message="{value} vs {expected} does not hold ({match})",
    )


def report(title: str) -> str:
    return REPORT_META.replace("示例县2023年法治政府建设年度报告", title)


@pytest.mark.parametrize(
    ("options", "title", "expected"),
    [
        # No op: the documented default, ==.
        ({}, "示例县2023年法治政府建设年度报告", []),
        ({}, "示例县2022年法治政府建设年度报告", [(3, 13, "TS101", "2022 vs 2023 does not hold (2022年)")]),
        ({"op": ">="}, "示例县2024年法治政府建设年度报告", []),
        ({"op": "<"}, "示例县2023年法治政府建设年度报告", [(3, 13, "TS101", "2023 vs 2023 does not hold (2023年)")]),
        ({}, "示例县2023年至2024年法治政府建设年度报告", [(3, 19, "TS101", "2024 vs 2023 does not hold (2024年)")]),
        ({"limit": 1}, "示例县2023年至2024年法治政府建设年度报告", []),
        ({"op": "in", "expected": "${report.issuer}", "pattern": "^(?P<value>.{2,3}县)"},
         "某某县2023年法治政府建设年度报告", [(3, 10, "TS101", "某某县 vs 示例县人民政府 does not hold (某某县)")]),
    ],
)  # fmt: skip
def test_values_against_the_template(
    tmp_path: Path,
    options: dict[str, object],
    title: str,
    expected: list[tuple[int, int, str, str]],
) -> None:
    assert lint_with(tmp_path, report(title), rule(**options)) == expected


def test_a_missing_field_skips_the_rule(tmp_path: Path) -> None:
    text = report("示例县2022年法治政府建设年度报告").replace("  year: 2023\n", "")
    assert lint_with(tmp_path, text, rule()) == []
