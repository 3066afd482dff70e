"""reportlint: a compliance linter for annual rule-of-law government reports."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from reportlint.api import Finding, check_file, check_text
    from reportlint.findings import Severity

__all__ = ["Finding", "Severity", "__version__", "check_file", "check_text"]


def __getattr__(name: str) -> Any:
    # The API is imported on first use so that `reportlint --version` stays instant.
    if name in ("Finding", "check_file", "check_text"):
        from reportlint import api

        return getattr(api, name)
    if name == "Severity":
        from reportlint import findings

        return findings.Severity
    raise AttributeError(name)
