"""``github``: workflow commands that GitHub Actions shows as annotations on the diff.

``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RL201::message``; warnings are
``::warning`` and infos ``::notice``. Values are escaped as the runner expects: ``%``, CR
and LF everywhere, and ``:`` and ``,`` too inside properties.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from reportlint.findings import Finding, Severity
from reportlint.reporters import RunSummary

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


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


def write(findings: Sequence[Finding], stream: TextIO, summary: RunSummary) -> None:
    for finding in findings:
        stream.write(command(finding) + "\n")
    for error in summary.errors:
        stream.write(f"::error title=reportlint::{escape_data(error)}\n")
