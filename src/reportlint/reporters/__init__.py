"""Reporters: each writes the findings of a run to a stream in one format.

``REPORTERS`` maps a format name to its module's ``write`` function and feeds the CLI's
``--format`` choices; modules are imported only when their format is asked for.
"""

import importlib
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple, Protocol, TextIO

from reportlint.findings import Finding, Severity
from reportlint.packs.records import ProfileInfo, RuleSpec

# The report's own fields a reporter may group by (issuer, year…), from its ``report`` block.
META_KEYS = ("issuer", "year", "level", "kind", "title")


class FileResult(NamedTuple):
    """What linting one file gave: its findings, or the error that kept it unread."""

    path: str
    findings: Sequence[Finding] = ()
    error: str | None = None
    # The report's META_KEYS that it states (absent ones left out); None when unread.
    meta: Mapping[str, Any] | None = None
    # The severity that fails this file (its config's fail-on, or --fail-on).
    fail_on: Severity = Severity.ERROR
    seconds: float = 0.0  # time spent reading and checking it (JUnit's time)
    # The profile it was checked against, and its sections in the order it writes them:
    # the text output names a finding's part as the messages do (parts.describe).
    profile: ProfileInfo | None = None
    sections: tuple[str, ...] = ()

    @property
    def status(self) -> str:
        """``unreadable``, ``failed`` (a finding at or above fail_on) or ``passed``."""
        if self.error is not None:
            return "unreadable"
        failed = any(finding.severity >= self.fail_on for finding in self.findings)
        return "failed" if failed else "passed"


def section_order(data: Any) -> tuple[str, ...]:
    """The section keys of a loaded report, in the order it writes them."""
    sections = data.get("sections") if isinstance(data, dict) else None
    return tuple(str(key) for key in sections) if isinstance(sections, dict) else ()


def report_meta(data: Any) -> dict[str, Any]:
    """The META_KEYS a loaded report states with a plain value (text or number)."""
    report = data.get("report") if isinstance(data, dict) else None
    if not isinstance(report, dict):
        return {}
    return {
        key: report[key]
        for key in META_KEYS
        if isinstance(report.get(key), (str, int)) and not isinstance(report.get(key), bool)
    }


class RunSummary(NamedTuple):
    """What a reporter may need besides the findings."""

    files: Sequence[str]
    rules: Sequence[RuleSpec] = ()  # the rules that ran (SARIF's catalogue, JUnit's cases)
    lang: str = "en"
    color: bool = False
    quiet: bool = False
    statistics: bool = False
    errors: Sequence[str] = ()
    concise: bool = False  # text: one line per finding, no source line or hint
    # The repository root, absolute: machine outputs name files from it (SARIF's %SRCROOT%).
    root: str | None = None
    # Where rule pages are (config ``docs-url``): SARIF's helpUri.
    docs_url: str | None = None
    # Per file, in the order checked (unreadable ones too); paths as the findings name them.
    results: Sequence[FileResult] = ()
    fail_on: Severity = Severity.ERROR  # --fail-on, else the (first) config's, else error


class Reporter(Protocol):
    def __call__(
        self, findings: Sequence[Finding], stream: TextIO, summary: RunSummary
    ) -> None: ...


_MODULES = {
    "text": "text",
    "json": "json_format",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
    "gitlab": "gitlab",
    "json-lines": "jsonlines",
    "markdown": "markdown",
    "html": "html",
}
FORMATS = tuple(_MODULES)


def reporter(name: str) -> Reporter:
    module = importlib.import_module(f"reportlint.reporters.{_MODULES[name]}")
    write: Reporter = module.write
    return write
