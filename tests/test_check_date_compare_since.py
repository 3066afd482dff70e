"""``date-compare`` with ``since``: dates before it are left to another rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rulekit import HEAD, lint_with

OPTIONS = {"left": "report.signed_on", "op": ">", "right": "${report.year}-12-31"}


@pytest.mark.parametrize(
    ("signed", "since", "found"),
    [
        ("2023-12-29", None, [(6, 14, "2023-12-29")]),
        ("2022-12-28", None, [(6, 14, "2022-12-28")]),
        ("2023-12-29", "${report.year}-01-01", [(6, 14, "2023-12-29")]),
        ("2022-12-28", "${report.year}-01-01", []),
        ("2024-01-20", "${report.year}-01-01", []),
    ],
)
def test_since(tmp_path: Path, signed: str, since: str | None, found: list[object]) -> None:
    options = OPTIONS if since is None else {**OPTIONS, "since": since}
    head = HEAD.replace("2024-01-20", signed)
    assert lint_with(tmp_path, "date-compare", options, "", head=head, message="{date}") == found


def test_dates_in_the_text(tmp_path: Path) -> None:
    options = {"left": "text", "op": "<=", "right": "${report.signed_on}", "since": "2023-06-01"}
    body = "sections:\n  measures: {heading: 举措, paragraphs: ['2022年9月1日和2024年9月1日。']}\n"
    assert lint_with(tmp_path, "date-compare", options, body) == [(8, 51, "2024年9月1日")]
