"""``json``: a list of findings with the fields of ``Finding``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TextIO

from reportlint.findings import Finding
from reportlint.reporters import RunSummary


def write(findings: Sequence[Finding], stream: TextIO, summary: RunSummary) -> None:
    json.dump([finding.as_dict() for finding in findings], stream, ensure_ascii=False, indent=2)
    stream.write("\n")
