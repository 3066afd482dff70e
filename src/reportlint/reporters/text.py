"""``text``: each finding as ``path:line:col: ID severity [name] message``, then a summary.

In full (the default), as ruff shows it, each finding is followed by the report's line with
the offending text marked, the part of the report it lies in, and how to fix it;
``--concise`` gives one line per finding (for pre-commit and grep).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from typing import TextIO

from reportlint.findings import Finding, Severity
from reportlint.reporters import RunSummary, excerpts

_COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_RESET = "\033[0m"
_ZH_NAMES = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}

# What must not reach a terminal as it is: C0 and C1 controls (ESC starts the sequences
# that move the cursor or rewrite the screen; CR and LF would start a forged finding
# line), DEL, line and paragraph separators, bidirectional overrides (which reorder what
# is shown), and lone surrogates (a file name that was not UTF-8). None is printable.
UNSAFE = r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"


@functools.cache
def _unsafe() -> re.Pattern[str]:
    # Compiled for the first text that is not all printable: the set costs ~1 ms to build.
    return re.compile(UNSAFE)


def escape(text: str) -> str:
    """``text`` with every character a terminal would act on written as ``\\x1b``, ``\\n``, …"""
    if text.isprintable() or _unsafe().search(text) is None:
        return text
    return _unsafe().sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), text)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_line(findings: Sequence[Finding], files: int, lang: str) -> str:
    by_severity = Counter(finding.severity for finding in findings)
    if lang == "zh":
        if not findings:
            return f"检查了{files}个文件，未发现问题。"
        parts = "、".join(
            f"{by_severity[s]}个{_ZH_NAMES[s]}"
            for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
            if by_severity[s]
        )
        return f"在{files}个文件中发现{len(findings)}个问题（{parts}）。"
    if not findings:
        return f"No problems found in {_plural(files, 'file')}."
    parts = ", ".join(
        _plural(by_severity[s], str(s))
        for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if by_severity[s]
    )
    return f"Found {_plural(len(findings), 'problem')} ({parts}) in {_plural(files, 'file')}."


def write(findings: Sequence[Finding], stream: TextIO, summary: RunSummary) -> None:
    context = None if summary.concise else excerpts.Context(summary)
    for finding in findings:
        severity = _ZH_NAMES[finding.severity] if summary.lang == "zh" else str(finding.severity)
        if summary.color:
            severity = f"{_COLORS[finding.severity]}{severity}{_RESET}"
        stream.write(
            f"{escape(finding.path)}:{finding.line}:{finding.column}: {finding.rule} {severity} "
            f"[{escape(finding.name)}] {escape(finding.message)}\n"
        )
        if context is not None:
            stream.writelines(escape(line) + "\n" for line in context.details(finding))
    if summary.statistics:
        from reportlint.reporters import statistics

        statistics.write_text(findings, stream, summary)
    if not summary.quiet:
        line = summary_line(findings, len(summary.files) - len(summary.errors), summary.lang)
        if summary.errors:
            unread = len(summary.errors)
            line += (
                f"{unread}个文件无法读取。"
                if summary.lang == "zh"
                else f" {_plural(unread, 'file')} could not be read."
            )
        stream.write(line + "\n")
