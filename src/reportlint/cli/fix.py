"""``reportlint check --fix`` and ``--diff``: fix the report files a check would read.

``--fix`` writes the fixes and then the check runs as usual, reporting what is left.
``--diff`` shows the fixes as a unified diff and writes nothing; it exits 1 when there is
something to fix. Only YAML reports are fixed: published sources and any file that does
not read as a report are never touched.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reportlint.cli.wording import _ as tr
from reportlint.errors import ReportlintError

if TYPE_CHECKING:
    from reportlint.config import Config
    from reportlint.linter import Linter


def run_fix(args: argparse.Namespace, *, lang: str, write: bool) -> int:
    """Fix (``write``) or show the fixes of the files ``args.paths`` names; 1: fixes shown."""
    from reportlint.cli.check import YAML_SUFFIXES, linter_for, select_files
    from reportlint.config import Finder

    # The files the check reads, each with its own configuration and Linter.
    groups, _, _ = select_files(args, Finder(args.config, use_cache=not args.no_cache))
    shown = False
    for group in groups:
        linter, _ = linter_for(args, lang, group.config)
        for path in group.files:
            if path.name.lower().endswith(YAML_SUFFIXES):
                shown = _fix(linter, path, group.config, write=write, lang=lang) or shown
    return 1 if shown else 0


def _fix(linter: Linter, path: Path, config: Config | None, *, write: bool, lang: str) -> bool:
    """Fix ``path`` (``write``) or print its fixes; whether fixes were shown."""
    from reportlint.cli.check import note
    from reportlint.publish.fixing import fix_file

    zh = lang == "zh"
    try:
        ignored = tuple(config.ignored_rules(path)) if config is not None else ()
        outcome = fix_file(linter, path, write=write, ignored=ignored)
    except ReportlintError as error:
        note(tr("error: {message}").format(message=error.say(lang)))
        return False
    if outcome.refused:
        refused = outcome.refused_zh if zh and outcome.refused_zh else outcome.refused
        sys.stderr.write(f"{path}{tr(': ')}{refused}\n")
    if outcome.fixed is None:
        return False
    if write:
        count = len(outcome.edits)
        plural = "" if count == 1 else "s"
        said = f"已修改{count}个问题" if zh else f"fixed {count} finding{plural}"
        sys.stderr.write(f"{path}{tr(': ')}{said}\n")
        return False
    sys.stdout.write(outcome.diff())
    return True
