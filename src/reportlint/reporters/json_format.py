"""``json``: one document for a run, versioned.

``{"version": 1, "tool": {name, version}, "summary": {files, passed, failed, unreadable,
by_severity}, "files": [{path, status, error?, report, findings}]}``, and ``statistics``
with ``--statistics``. Every file checked is listed, unreadable ones with their error;
``report`` holds the report's issuer, year, level, kind and title as it states them.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any, TextIO

from reportlint import __version__
from reportlint.findings import Finding, Severity
from reportlint.reporters import FileResult, RunSummary
from reportlint.reporters.statistics import as_json, file_results

VERSION = 1


def _finding(finding: Finding, hints: dict[str, str]) -> dict[str, object]:
    item = finding.as_dict()
    if finding.rule in hints:
        item["hint"] = hints[finding.rule]
    return item


def _file(result: FileResult, hints: dict[str, str]) -> dict[str, Any]:
    item: dict[str, Any] = {"path": result.path, "status": result.status}
    if result.error is not None:
        item["error"] = result.error
    item["report"] = None if result.meta is None else dict(result.meta)
    item["findings"] = [
        _finding(finding, hints) for finding in sorted(result.findings, key=Finding.sort_key)
    ]
    return item


def document(findings: Sequence[Finding], summary: RunSummary) -> dict[str, Any]:
    """The JSON document of a run."""
    from reportlint.reporters.sarif import hint_of

    results = file_results(findings, summary)
    statuses = Counter(result.status for result in results)
    severities = Counter(finding.severity for finding in findings)
    hints = {
        rule.id: hint for rule in summary.rules if (hint := hint_of(rule, summary.lang)) is not None
    }
    out: dict[str, Any] = {
        "version": VERSION,
        "tool": {"name": "reportlint", "version": __version__},
        "summary": {
            "files": len(results),
            "passed": statuses["passed"],
            "failed": statuses["failed"],
            "unreadable": statuses["unreadable"],
            "by_severity": {str(s): severities[s] for s in reversed(Severity)},
        },
        "files": [_file(result, hints) for result in results],
    }
    if summary.statistics:
        out["statistics"] = as_json(findings, summary)
    return out


def findings_of(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Every finding of a JSON document, in file order (what ``json`` gave before version 1)."""
    return [finding for item in data["files"] for finding in item["findings"]]


def write(findings: Sequence[Finding], stream: TextIO, summary: RunSummary) -> None:
    json.dump(document(findings, summary), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
