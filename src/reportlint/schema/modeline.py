"""The first line of a report ``init`` or ``import`` writes: where an editor finds its schema.

``# yaml-language-server: $schema=../schemas/report.schema.json`` makes VS Code's YAML
extension (and any editor on yaml-language-server) complete keys and show each key's
title and description in Chinese and English. The path is relative to the report and
names the schema file ``reportlint schema --output schemas/report.schema.json`` writes
into the repository: that works offline, for everyone who checks the repository out,
wherever they do. A URL would need the network; a path into the installed package would
hold only on the machine that wrote it.

The line is a YAML comment: ``check`` passes it over and the round trip of ``check
--fix`` and ``init --from`` keeps it.
"""

from __future__ import annotations

import os
from pathlib import Path

PREFIX = "# yaml-language-server: $schema="
# Where the repository keeps the schema: at its root, as the README's command writes it.
SCHEMA_FILE = Path("schemas") / "report.schema.json"


def place(report: Path) -> tuple[Path, bool]:
    """The schema file the modeline of a report written at ``report`` names, and whether
    it is still to be written.

    The nearest ``schemas/report.schema.json`` from the report's folder up to the
    repository root (as configuration is found); when there is none, a new one at the
    repository root, or beside the report outside a repository.
    """
    folder = Path(os.path.abspath(report)).parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent  # the report's folders may not be made yet
    from reportlint.config import folders_up

    for candidate, root in folders_up(folder):
        if (candidate / SCHEMA_FILE).is_file():
            return candidate / SCHEMA_FILE, False
        if root:
            return candidate / SCHEMA_FILE, True
    return Path(os.path.abspath(report)).parent / SCHEMA_FILE, True


def line_for(report: Path, schema: Path) -> str:
    """The line (with its newline) that points a report written at ``report`` to ``schema``."""
    folder = os.path.dirname(os.path.abspath(report))
    try:
        relative = Path(os.path.relpath(os.path.abspath(schema), folder)).as_posix()
    except ValueError:  # another drive (Windows): no relative path leads there
        relative = Path(os.path.abspath(schema)).as_posix()
    return f"{PREFIX}{relative}\n"


def with_line(text: str, line: str) -> str:
    """``text`` with ``line`` first, in place of the modeline it began with, if any."""
    first, newline, rest = text.partition("\n")
    if first.startswith(PREFIX):
        text = rest if newline else ""
    return line + text


def moved(text: str, source: Path, target: Path) -> str:
    """``text`` of the report at ``source``, written now at ``target``: a relative schema
    path in its modeline still leads to the same file."""
    first = text.partition("\n")[0]
    if not first.startswith(PREFIX):
        return text
    named = first.removeprefix(PREFIX).strip()
    if not named or "://" in named or os.path.isabs(named):
        return text
    schema = Path(os.path.dirname(os.path.abspath(source))) / named
    return with_line(text, line_for(target, schema))
