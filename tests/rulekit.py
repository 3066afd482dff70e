"""One rule of a given check kind, run on a small report: what the check-kind tests share."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

from reportlint.linter import Linter, Settings

HEAD = """\
format: reportlint/1
report:
  title: 示例县2023年法治政府建设年度报告
  issuer: 示例县人民政府
  year: 2023
  signed_on: 2024-01-20
"""

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

    ``body`` is the YAML after the report block (dedented). The pack is written to
    ``folder`` as JSON, which is YAML too.
    """
    rule = {
        "id": "TT001",
        "name": "under-test",
        "severity": "warning",
        "summary": {"zh": "测试", "en": "test"},
        "message": {"zh": message, "en": message},
        "rationale": {"zh": "测试", "en": "test"},
        "basis": "test",
        "check": check,
        "path": path,
        "options": options,
        "examples": {"pass": [{}], "fail": [{}]},
    }
    pack = folder / "pack.yaml"
    pack.write_text(json.dumps({"pack": "kit", "rules": [rule]}, ensure_ascii=False), "utf-8")
    linter = Linter(Settings(select=("TT001",), extra_packs=(pack,), lang="en"))
    text = head + textwrap.dedent(body)
    return [(f.line, f.column, f.message) for f in linter.lint_text(text, "r.yaml")]
