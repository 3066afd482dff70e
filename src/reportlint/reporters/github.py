"""``github``: workflow commands that GitHub Actions shows as annotations on the diff.

``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RL201::message``; warnings are
``::warning`` and infos ``::notice``. Values are escaped as the runner expects: ``%``, CR
and LF everywhere, and ``:`` and ``,`` too inside properties.

GitHub shows only a few annotations of each kind per step, so errors come first and at
most ``ANNOTATIONS`` are written as annotations; the rest are plain lines of the log, and a
last notice says how many and where they are.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TextIO

from reportlint.findings import Finding, Severity
from reportlint.reporters import RunSummary

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
ANNOTATIONS = 50


def escape_data(text: str) -> str:
    """The message after ``::``."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (``file=``, ``title=``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(finding: Finding) -> str:
    """The workflow command for one finding."""
    properties = {
        "file": finding.path,
        "line": str(finding.line),
        "col": str(finding.column),
        "endLine": str(finding.end_line),
        "endColumn": str(finding.end_column),
        "title": f"{finding.rule} [{finding.name}]",
    }
    listed = ",".join(f"{name}={escape_property(value)}" for name, value in properties.items())
    return f"::{_COMMANDS[finding.severity]} {listed}::{escape_data(finding.message)}"


def _unreadable(summary: RunSummary) -> list[str]:
    """One error annotation per file the run could not read, on that file when known."""
    unread = [result for result in summary.results if result.error is not None]
    if not unread:  # a caller that gave only the errors' messages
        return [f"::error title=reportlint::{escape_data(error)}" for error in summary.errors]
    return [
        f"::error file={escape_property(result.path)},title=reportlint::"
        f"{escape_data(result.error or '')}"
        for result in unread
    ]


def write(findings: Sequence[Finding], stream: TextIO, summary: RunSummary) -> None:
    for line in _unreadable(summary):
        stream.write(line + "\n")
    room = max(0, ANNOTATIONS - len(summary.errors))
    ordered = sorted(findings, key=lambda finding: -finding.severity)  # stable: errors first
    for finding in ordered[:room]:
        stream.write(command(finding) + "\n")
    rest = ordered[room:]
    for finding in rest:
        stream.write(
            f"{finding.path}:{finding.line}:{finding.column}: {finding.rule} "
            f"{finding.severity} [{finding.name}] {escape_data(finding.message)}\n"
        )
    if rest:
        where = "above in this step's log" + (
            " and in the job summary" if os.environ.get("GITHUB_STEP_SUMMARY") else ""
        )
        stream.write(
            f"::notice title=reportlint::{len(rest)} more finding"
            f"{'' if len(rest) == 1 else 's'} not shown as annotations; they are listed "
            f"{where}\n"
        )
