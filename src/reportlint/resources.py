"""Where the bundled rule packs and schema live (installed or in a checkout), and the cache."""

from __future__ import annotations

import functools
import os
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@functools.cache
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


def cache_dir() -> Path | None:
    """Where validated packs, profiles and configurations are kept between runs (None: off).

    ``REPORTLINT_NO_CACHE=1`` turns the cache off; ``REPORTLINT_CACHE_DIR`` names the
    folder; else ``$XDG_CACHE_HOME/reportlint`` or ``~/.cache/reportlint``. Whether the
    folder is safe to use is ``packs.cache.folder``'s to decide.
    """
    if os.environ.get("REPORTLINT_NO_CACHE"):
        return None
    configured = os.environ.get("REPORTLINT_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "reportlint"
