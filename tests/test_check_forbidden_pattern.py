"""``forbidden-pattern``: every match is a finding at the match, with named groups, the
matched text and a suggestion for its message."""

from __future__ import annotations

import textwrap
from pathlib import Path

from tests.conftest import REPORT_META, lint_with, make_rule

RULE = make_rule(
    "TS101",
    "forbidden-pattern",
    path=["preamble", "sections"],
    options={"pattern": "法制(?P<what>政府|建设)", "suggest": {"法制政府": "法治政府"}},
    message='"{match}" ({what}): write "{suggestion}"',
)


def report(*paragraphs: str) -> str:
    lines = "".join(f"      - {paragraph}\n" for paragraph in paragraphs)
    return (
        REPORT_META
        + "preamble:\n  - 推进法制政府建设。\n"
        + textwrap.dedent(
            """\
            sections:
              measures:
                heading: 主要举措
                paragraphs:
            """
        )
        + lines
    )


def test_every_match_is_a_finding_at_the_match(tmp_path: Path) -> None:
    assert lint_with(tmp_path, report("加强法制建设,深化法制政府。"), RULE) == [
        (8, 7, "TS101", '"法制政府" (政府): write "法治政府"'),
        (13, 11, "TS101", '"法制建设" (建设): write ""'),
        (13, 18, "TS101", '"法制政府" (政府): write "法治政府"'),
    ]


def test_nothing_matches(tmp_path: Path) -> None:
    text = report("建设法治政府。").replace("推进法制政府建设", "推进法治政府建设")
    assert lint_with(tmp_path, text, RULE) == []


def test_a_full_width_match_points_at_the_characters_as_written(tmp_path: Path) -> None:
    rule = make_rule("TS101", "forbidden-pattern", path="sections",
                     options={"pattern": r"\d+\s*%"}, message="{match}")  # fmt: skip
    assert lint_with(tmp_path, report("比例为（１２ ％）。"), rule) == [
        (13, 13, "TS101", "12 %"),
    ]
