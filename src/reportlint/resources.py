"""Where the bundled rule packs and schema live, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _data_path(name: str) -> Path:
    # A wheel carries the data inside the package; a checkout keeps it at the repo root.
    installed = _PACKAGE_DIR / "data" / name
    if installed.exists():
        return installed
    return _PACKAGE_DIR.parent.parent / name


def rules_dir() -> Path:
    """The folder of bundled rule packs (``rules/``)."""
    return _data_path("rules")


def profiles_dir() -> Path:
    """The folder of bundled section profiles (``rules/profiles/``)."""
    return rules_dir() / "profiles"


def schema_path() -> Path:
    """The JSON Schema of the report format."""
    return _data_path("schemas") / "report.schema.json"
