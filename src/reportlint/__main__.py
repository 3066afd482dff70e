"""``python -m reportlint``: the same entry as the ``reportlint`` command."""

from __future__ import annotations

from reportlint.cli import entry

entry()
