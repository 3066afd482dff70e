"""``--statistics``: per rule, its severity, how many findings and how many files; and how
many reports fail. Shared by the text output (a table after the findings) and JSON (a
``statistics`` key)."""

from collections.abc import Sequence
from typing import Any, NamedTuple, TextIO

from reportlint.findings import Finding, Severity
from reportlint.reporters import FileResult, RunSummary


class RuleCount(NamedTuple):
    rule: str
    name: str
    severity: Severity  # the highest it was reported at (a config may change it per folder)
    findings: int
    files: int


def file_results(findings: Sequence[Finding], summary: RunSummary) -> list[FileResult]:
    """The run's per-file results; built from the findings and files when a caller gave
    none (the Python API, tests of one reporter), failing at ``summary.fail_on``."""
    if summary.results:
        return list(summary.results)
    by_path: dict[str, list[Finding]] = {path: [] for path in summary.files}
    for finding in findings:
        by_path.setdefault(finding.path, []).append(finding)
    return [FileResult(path, found, fail_on=summary.fail_on) for path, found in by_path.items()]


def rule_counts(findings: Sequence[Finding]) -> list[RuleCount]:
    """One row per rule that found something, the most frequent first (then by ID)."""
    rows: dict[str, tuple[str, Severity, int, set[str]]] = {}
    for finding in findings:
        name, severity, count, files = rows.get(
            finding.rule, (finding.name, finding.severity, 0, set())
        )
        files.add(finding.path)
        rows[finding.rule] = (name, max(severity, finding.severity), count + 1, files)
    counted = [
        RuleCount(rule, name, severity, count, len(files))
        for rule, (name, severity, count, files) in rows.items()
    ]
    return sorted(counted, key=lambda row: (-row.findings, row.rule))


def as_json(findings: Sequence[Finding], summary: RunSummary) -> dict[str, Any]:
    results = file_results(findings, summary)
    return {
        "rules": [
            {
                "rule": row.rule,
                "name": row.name,
                "severity": str(row.severity),
                "count": row.findings,
                "files": row.files,
            }
            for row in rule_counts(findings)
        ],
        "reports": len(results),
        "failing_reports": sum(result.status == "failed" for result in results),
    }


def write_text(findings: Sequence[Finding], stream: TextIO, summary: RunSummary) -> None:
    """The table the text output prints after the findings."""
    from reportlint.reporters.text import escape

    zh = summary.lang == "zh"
    rows = rule_counts(findings)
    if rows:
        stream.write(
            "  次数  规则   级别     文件数  名称\n"
            if zh
            else "count  rule   severity  files  name\n"
        )
    for row in rows:
        stream.write(
            f"{row.findings:5d}  {escape(row.rule):<6} {row.severity!s:<8} {row.files:6d}  "
            f"{escape(row.name)}\n"
        )
    results = file_results(findings, summary)
    failing = sum(result.status == "failed" for result in results)
    level = str(summary.fail_on)
    if zh:
        zh_level = {"error": "错误", "warning": "警告", "info": "提示"}[level]
        stream.write(
            f"未通过的报告: {len(results)} 份中 {failing} 份(有{zh_level}及以上级别的问题)。\n"
        )
    else:
        stream.write(
            f"Failing reports: {failing} of {len(results)} (a finding at {level} or above).\n"
        )
