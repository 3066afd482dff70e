"""Report data -> the YAML of format.md, readable and byte-for-byte stable.

Keys keep the format's order (format, report, preamble, sections, closing; heading,
paragraphs, subsections), every heading and paragraph stands on one line, sequences are
indented under their key, and dates are bare ISO dates.
"""

from __future__ import annotations

import contextlib
import datetime
from typing import Any

import yaml

_DATE_KEYS = ("signed_on", "published_on")
_TOP_ORDER = ("format", "report", "preamble", "sections", "closing")
# Wider than any paragraph: a paragraph is never folded over lines.
_NO_WRAP = 1_000_000


class _Dumper(yaml.SafeDumper):
    """Block style with sequences indented under their key, as the examples are written."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def dump(data: dict[str, Any], *, source: str | None = None) -> str:
    """The YAML text of report ``data``; the same data always gives the same text."""
    ordered = {key: data[key] for key in _TOP_ORDER if key in data}
    report = dict(ordered.get("report") or {})
    for key in _DATE_KEYS:
        value = report.get(key)
        if isinstance(value, str):
            # A malformed date is written as found; the schema stage reports it.
            with contextlib.suppress(ValueError):
                report[key] = datetime.date.fromisoformat(value)
    if "report" in ordered:
        ordered["report"] = report
    body = yaml.dump(
        ordered,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=_NO_WRAP,
        indent=2,
    )
    header = f"# Imported by reportlint from {source}.\n" if source else ""
    return header + body
