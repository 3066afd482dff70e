"""Report data -> the YAML of format.md, readable and byte-for-byte stable.

Keys keep the format's order (format, report, preamble, sections, closing; heading,
paragraphs, subsections), every heading and paragraph stands on one line, sequences are
indented under their key, and dates are bare ISO dates. The text comes from ruamel.yaml's
round-trip emitter, the one ``check --fix`` and ``init --from`` write with, so a file
imported and then edited by reportlint keeps one layout.
"""

from __future__ import annotations

import contextlib
import datetime
from typing import Any

_DATE_KEYS = ("signed_on", "published_on")
_TOP_ORDER = ("format", "report", "preamble", "sections", "closing")


def dump(data: dict[str, Any], *, source: str | None = None, lang: str = "en") -> str:
    """The YAML text of report ``data``; the same data always gives the same text. A
    ``source`` is named in a first comment, in ``lang``."""
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
    from reportlint.publish import yamlrt

    body = yamlrt.dump(yamlrt.emitter(), ordered)
    said = (
        f"由reportlint从{source}导入。"
        if lang == "zh"
        else f"Imported by reportlint from {source}."
    )
    header = f"# {said}\n" if source else ""
    return header + body
