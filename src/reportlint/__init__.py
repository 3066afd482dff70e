"""reportlint: a compliance linter for annual rule-of-law government reports."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from reportlint.api import check_file, check_text
    from reportlint.findings import Finding, Severity

__all__ = ["Finding", "Severity", "__version__", "check_file", "check_text"]


def __getattr__(name: str) -> Any:
    # The API is imported on first use so that `reportlint --version` stays instant.
    if name in ("check_file", "check_text"):
        from reportlint import api

        return getattr(api, name)
    if name in ("Finding", "Severity"):
        from reportlint import findings

        return getattr(findings, name)
    raise AttributeError(name)
