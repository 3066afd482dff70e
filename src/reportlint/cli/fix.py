"""``reportlint check --fix`` and ``--diff``: fix the report files a check would read.

``--fix`` writes the fixes and then the check runs as usual, reporting what is left.
``--diff`` shows the fixes as a unified diff and writes nothing; it exits 1 when there is
something to fix. Only YAML reports are fixed: published sources and any file that does
not read as a report are never touched.
"""

from __future__ import annotations

import argparse
import sys

from reportlint.errors import ReportlintError


def run_fix(args: argparse.Namespace, *, lang: str, write: bool) -> int:
    """Fix (``write``) or show the fixes of the files ``args.paths`` names; 1: fixes shown."""
    from reportlint import config as configuration
    from reportlint.cli.check import declares_format, discover, settings_from
    from reportlint.linter import Linter
    from reportlint.packs import catalog
    from reportlint.publish.fixing import fix_file

    config = configuration.find(args.config, use_cache=not args.no_cache)
    settings = settings_from(args, lang, config)
    rules = catalog.load_rules(list(settings.extra_packs), use_cache=settings.use_cache)
    linter = Linter(settings, rules=rules)
    # As the check reads them: in folders only the files that declare the report format.
    files = [
        path
        for path, named in discover(args.paths, (".yaml", ".yml"))
        if path.suffix.lower() in (".yaml", ".yml")
        and (named or declares_format(path))
        and (config is None or not config.excluded(path))
    ]
    shown = False
    for path in files:
        try:
            ignored = tuple(config.ignored_rules(path)) if config is not None else ()
            outcome = fix_file(linter, path, write=write, ignored=ignored)
        except ReportlintError as error:
            sys.stderr.write(f"reportlint: error: {error}\n")
            continue
        if outcome.refused:
            sys.stderr.write(f"{path}: {outcome.refused}\n")
        if outcome.fixed is None:
            continue
        if write:
            count = len(outcome.edits)
            sys.stderr.write(f"{path}: fixed {count} finding{'s' if count != 1 else ''}\n")
        else:
            sys.stdout.write(outcome.diff())
            shown = True
    return 1 if shown else 0
