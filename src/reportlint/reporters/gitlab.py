"""``gitlab``: the Code Quality report GitLab shows in merge requests.

A JSON list of issues with ``description``, ``check_name``, ``fingerprint``, ``severity``
and ``location`` (path relative to the repository, first line). GitLab matches issues
between the source and target branch by fingerprint, so it is built from file, rule,
JSON Pointer and occurrence, never from the line.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from reportlint.findings import Finding, Severity
from reportlint.reporters import RunSummary
from reportlint.reporters.identity import fingerprints, relative_path

# Code Quality knows info < minor < major < critical < blocker.
SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def issues(findings: Sequence[Finding]) -> list[dict[str, Any]]:
    """The Code Quality issues of a run, in finding order."""
    return [
        {
            "type": "issue",
            "description": f"{finding.rule} [{finding.name}] {finding.message}",
            "check_name": finding.rule,
            "fingerprint": digest,
            "severity": SEVERITIES[finding.severity],
            "location": {
                "path": relative_path(finding.path),
                "lines": {"begin": finding.line, "end": finding.end_line},
            },
        }
        for finding, digest in zip(findings, fingerprints(findings), strict=True)
    ]


def write(findings: Sequence[Finding], stream: TextIO, summary: RunSummary) -> None:
    json.dump(issues(findings), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
