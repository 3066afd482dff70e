"""The Python API: ``check_file`` and ``check_text`` return findings as frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlint import findings
from reportlint.findings import Severity
from reportlint.linter import Linter, Settings


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at one place; the fields are those of the JSON output, in its order.

    The command works with ``reportlint.findings.Finding``, a named tuple with the same
    fields (importing ``dataclasses`` costs a one-file run about a tenth).
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    name: str
    severity: Severity
    message: str
    section: str | None
    pointer: str

    def as_dict(self) -> dict[str, object]:
        """The finding as the JSON output writes it."""
        values = (getattr(self, name) for name in findings.Finding._fields)
        return findings.Finding(*values).as_dict()


def _public(found: list[findings.Finding]) -> list[Finding]:
    return [Finding(*finding) for finding in found]


def check_text(
    text: str, *, path: str = "<text>", settings: Settings | None = None
) -> list[Finding]:
    """Lint report YAML given as a string."""
    return _public(Linter(settings).lint_text(text, path))


def check_file(path: str | Path, *, settings: Settings | None = None) -> list[Finding]:
    """Lint one report file; raises ``ReportlintError`` when it cannot be read."""
    return _public(Linter(settings).lint_file(Path(path)))
