"""``reportlint check``: find the files, lint each, report, and decide the exit code."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from reportlint.errors import ReportlintError
from reportlint.findings import Finding, Severity
from reportlint.linter import DEFAULT_MAX_BYTES, Linter, Settings
from reportlint.reporters import RunSummary, reporter

REPORT_SUFFIXES = (".yaml", ".yml")


def discover(paths: list[str], suffixes: tuple[str, ...] = REPORT_SUFFIXES) -> Iterator[Path]:
    """Files named on the command line, and report files found under folders (sorted).

    Symlinked folders are not followed, so a link loop cannot make the walk endless.
    """
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found: list[Path] = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(Path(root) / f for f in files if f.lower().endswith(suffixes))
            yield from sorted(found)
        else:
            yield path


def settings_from(args: argparse.Namespace, lang: str) -> Settings:
    return Settings(
        profile=args.profile or "six-section",
        select=args.select or (),
        ignore=args.ignore or (),
        lang=lang,
        max_bytes=args.max_bytes or DEFAULT_MAX_BYTES,
    )


def _use_color(args: argparse.Namespace) -> bool:
    if args.no_color or os.environ.get("NO_COLOR") or args.output is not None:
        return False
    return sys.stdout.isatty()


def run_check(args: argparse.Namespace, *, lang: str) -> int:
    settings = settings_from(args, lang)
    fail_on = Severity.parse(args.fail_on or "error")
    linter = Linter(settings)
    files = list(discover(args.paths))
    findings: list[Finding] = []
    errors: list[str] = []
    for path in files:
        try:
            findings.extend(linter.lint_file(path))
        except ReportlintError as error:
            # One unreadable file never stops the others from being checked.
            errors.append(str(error))
            sys.stderr.write(f"reportlint: error: {error}\n")
    findings.sort(key=Finding.sort_key)
    fmt = args.format or (
        "github"
        if os.environ.get("GITHUB_ACTIONS") == "true" and "github" in _formats()
        else "text"
    )
    summary = RunSummary(
        files=[str(path) for path in files],
        rules=list(linter.catalogue.values()),
        lang=lang,
        color=_use_color(args),
        quiet=args.quiet,
        statistics=args.statistics,
        errors=errors,
    )
    write = reporter(fmt)
    if args.output is None:
        write(findings, sys.stdout, summary)
    else:
        from reportlint.output import write_atomically

        write_atomically(args.output, lambda stream: write(findings, stream, summary))
    if errors:
        return 2
    return 1 if any(finding.severity >= fail_on for finding in findings) else 0


def _formats() -> tuple[str, ...]:
    from reportlint.reporters import FORMATS

    return FORMATS
