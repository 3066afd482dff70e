"""The Python API: ``check_file`` and ``check_text`` return the findings the command reports."""

from __future__ import annotations

from pathlib import Path

from reportlint.findings import Finding
from reportlint.linter import Linter, Settings

__all__ = ["Finding", "Settings", "check_file", "check_text"]


def check_text(
    text: str, *, path: str = "<text>", settings: Settings | None = None
) -> list[Finding]:
    """Lint report YAML given as a string."""
    return Linter(settings).lint_text(text, path)


def check_file(path: str | Path, *, settings: Settings | None = None) -> list[Finding]:
    """Lint one report file; raises ``ReportlintError`` when it cannot be read."""
    return Linter(settings).lint_file(Path(path))
