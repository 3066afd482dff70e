"""Reporters: each writes the findings of a run to a stream in one format.

``REPORTERS`` maps a format name to its module's ``write`` function and feeds the CLI's
``--format`` choices; modules are imported only when their format is asked for.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple, Protocol, TextIO

if TYPE_CHECKING:
    from reportlint.findings import Finding
    from reportlint.packs.records import RuleSpec


class RunSummary(NamedTuple):
    """What a reporter may need besides the findings."""

    files: Sequence[str]
    rules: Sequence[RuleSpec] = ()  # the rules that ran (SARIF's catalogue, JUnit's cases)
    lang: str = "en"
    color: bool = False
    quiet: bool = False
    statistics: bool = False
    errors: Sequence[str] = ()
    # The repository root, absolute: machine outputs name files from it (SARIF's %SRCROOT%).
    root: str | None = None
    # Where rule pages are (config ``docs-url``): SARIF's helpUri.
    docs_url: str | None = None


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
}
FORMATS = tuple(_MODULES)


def reporter(name: str) -> Reporter:
    module = importlib.import_module(f"reportlint.reporters.{_MODULES[name]}")
    write: Reporter = module.write
    return write
