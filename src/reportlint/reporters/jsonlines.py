"""``json-lines``: one finding per line, a JSON object with the fields of ``Finding``, for
tools that stream (the list form ``json`` gave before its envelope)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TextIO

from reportlint.findings import Finding
from reportlint.reporters import RunSummary


def write(findings: Sequence[Finding], stream: TextIO, summary: RunSummary) -> None:
    for finding in findings:
        stream.write(json.dumps(finding.as_dict(), ensure_ascii=False) + "\n")
