"""``gitlab``: the Code Quality report GitLab shows in merge requests.

A JSON list of issues with ``description``, ``check_name``, ``fingerprint``, ``severity``
and ``location`` (path relative to the repository, first line). GitLab matches issues
between the source and target branch by fingerprint, so it is built from file, rule,
JSON Pointer and occurrence, never from the line. A file that could not be read is an
issue too (``check_name`` ``unreadable``, at line 1), so the widget does not show it clean.
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


UNREADABLE = "unreadable"


def unreadable(summary: RunSummary) -> list[dict[str, Any]]:
    """One issue per file the run could not read, naming the error."""
    import hashlib

    return [
        {
            "type": "issue",
            "description": result.error,
            "check_name": UNREADABLE,
            "fingerprint": hashlib.sha256(
                f"{result.path}\0{UNREADABLE}".encode("utf-8", "surrogateescape")
            ).hexdigest()[:32],
            "severity": "critical",
            "location": {"path": relative_path(result.path), "lines": {"begin": 1, "end": 1}},
        }
        for result in summary.results
        if result.error is not None
    ]


def write(findings: Sequence[Finding], stream: TextIO, summary: RunSummary) -> None:
    json.dump([*issues(findings), *unreadable(summary)], stream, ensure_ascii=False, indent=2)
    stream.write("\n")
