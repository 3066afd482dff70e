"""``markdown``: a summary for people, per report ready or not, with counts and the rules
found most; written to ``$GITHUB_STEP_SUMMARY`` too under the ``github`` format."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TextIO

from reportlint.findings import Finding, Severity
from reportlint.reporters import FileResult, RunSummary

TOP_RULES = 10
_STATUS = {"passed": "✅ ready", "failed": "❌ not ready", "unreadable": "⚠️ unreadable"}


def cell(text: str) -> str:
    """``text`` as one table cell: no line break, ``|`` and markup escaped."""
    text = " ".join(text.split())
    for mark in ("\\", "|", "*", "_", "`", "<", ">", "[", "]"):
        text = text.replace(mark, "\\" + mark)
    return text


def _about(result: FileResult) -> str:
    meta = result.meta or {}
    parts = [str(meta[key]) for key in ("issuer", "year") if key in meta]
    return f"{cell(result.path)} ({cell(' '.join(parts))})" if parts else cell(result.path)


def summary_markdown(findings: Sequence[Finding], summary: RunSummary) -> str:
    from reportlint.reporters.statistics import file_results, rule_counts

    results = file_results(findings, summary)
    ready = sum(result.status == "passed" for result in results)
    lines = [
        "## reportlint",
        "",
        f"**{ready} of {len(results)} report{'' if len(results) == 1 else 's'} ready** "
        f"(no finding at {summary.fail_on} or above).",
        "",
        "| Report | Status | Errors | Warnings | Infos |",
        "|---|---|---:|---:|---:|",
    ]
    for result in results:
        counts = Counter(finding.severity for finding in result.findings)
        status = _STATUS[result.status]
        if result.error is not None:
            status += f": {cell(result.error)}"
        lines.append(
            f"| {_about(result)} | {status} | {counts[Severity.ERROR]} | "
            f"{counts[Severity.WARNING]} | {counts[Severity.INFO]} |"
        )
    rows = rule_counts(findings)[:TOP_RULES]
    if rows:
        lines += ["", "### Rules found most", "", "| Rule | Severity | Findings | Reports |"]
        lines.append("|---|---|---:|---:|")
        lines += [
            f"| {cell(row.rule)} {cell(row.name)} | {row.severity} | {row.findings} | {row.files} |"
            for row in rows
        ]
    return "\n".join(lines) + "\n"


def write(findings: Sequence[Finding], stream: TextIO, summary: RunSummary) -> None:
    stream.write(summary_markdown(findings, summary))
