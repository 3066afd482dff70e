"""One rule of a given check kind, run on a small report: what the check-kind tests share."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from reportlint.linter import Linter, Settings
from tests.conftest import REPORT_META, make_rule, write_pack

# The report block of a small clean report (the check-kind tests add what they need).
HEAD = REPORT_META

Found = tuple[int, int, str]


def lint_with(
    folder: Path,
    check: str,
    options: dict[str, Any],
    body: str,
    *,
    path: str | list[str] = "sections",
    message: str = "{match}",
    head: str = HEAD,
) -> list[Found]:
    """(line, column, message) of each finding of one rule ``check`` with ``options``.

    ``body`` is the YAML after the report block (dedented).
    """
    rule = make_rule("TT001", check, path=path, options=options, message=message)
    pack = write_pack(folder, rule, name="kit")
    linter = Linter(Settings(select=("TT001",), extra_packs=(pack,), lang="en"))
    text = head + textwrap.dedent(body)
    return [(f.line, f.column, f.message) for f in linter.lint_text(text, "r.yaml")]


SectionFound = tuple[int, int, str, str]


def lint_sections(
    paragraphs: dict[str, list[str]], select: str, *packs: Path
) -> list[SectionFound]:
    """(line, column, rule, message) of ``select`` on a report with these sections' paragraphs."""
    body = "sections:\n" + "".join(
        f"  {key}:\n    heading: 标题\n    paragraphs:\n"
        + "".join(f"      - {text}\n" for text in texts)
        for key, texts in paragraphs.items()
    )
    linter = Linter(Settings(select=(select,), lang="en", extra_packs=packs))
    found = linter.lint_text(REPORT_META + body, "r.yaml")
    return [(f.line, f.column, f.rule, f.message) for f in found]
