"""``reportlint check``: find the files, lint each, report, and decide the exit code."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from reportlint.errors import ReportlintError
from reportlint.files import is_folder
from reportlint.findings import Finding, Severity
from reportlint.inputs.sources import SOURCE_SUFFIXES, is_source, looks_like_report
from reportlint.linter import DEFAULT_MAX_BYTES, DEFAULT_MAX_FINDINGS, Linter, Settings
from reportlint.packs import catalog
from reportlint.reporters import RunSummary, reporter
from reportlint.reporters.text import escape

if TYPE_CHECKING:
    from reportlint.config import Config

# Published sources are checked too; in a folder only those that look like a report
# (sources.looks_like_report), so a README.txt beside the YAML reports is left alone.
REPORT_SUFFIXES = (".yaml", ".yml", *SOURCE_SUFFIXES)


def discover(paths: list[str], suffixes: tuple[str, ...] = REPORT_SUFFIXES) -> Iterator[Path]:
    """Files named on the command line, and report files found under folders (sorted).

    Symlinked folders are not followed, so a link loop cannot make the walk endless.
    """
    for name in paths:
        path = Path(name)
        if is_folder(path):
            found: list[Path] = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(
                    Path(root) / f
                    for f in files
                    if f.lower().endswith(suffixes)
                    and (not is_source(Path(f)) or looks_like_report(Path(root) / f))
                )
            yield from sorted(found)
        else:
            yield path


def settings_from(args: argparse.Namespace, lang: str, config: Config | None = None) -> Settings:
    """Options win over the configuration; extra rule packs from both are used."""
    use_cache = not getattr(args, "no_cache", False)
    if config is None:
        return Settings(
            profile=args.profile or "six-section",
            select=args.select or (),
            ignore=args.ignore or (),
            lang=lang,
            extra_packs=tuple(getattr(args, "rules", None) or ()),
            max_bytes=args.max_bytes or DEFAULT_MAX_BYTES,
            use_cache=use_cache,
            max_findings=getattr(args, "max_findings", None) or DEFAULT_MAX_FINDINGS,
        )
    return Settings(
        profile=args.profile or config.profile or "six-section",
        select=args.select or config.select or (),
        ignore=args.ignore or config.ignore or (),
        lang=lang,
        extra_packs=(*config.rules, *(getattr(args, "rules", None) or ())),
        severities={rule: Severity.parse(name) for rule, name in config.severity.items()},
        rule_options=config.options,
        max_bytes=args.max_bytes or config.max_bytes or DEFAULT_MAX_BYTES,
        use_cache=use_cache,
        max_findings=getattr(args, "max_findings", None) or DEFAULT_MAX_FINDINGS,
    )


def destinations(args: argparse.Namespace, default: str) -> list[tuple[str, Path | None]]:
    """(format, file) pairs: each ``--format`` takes the ``--output`` that follows it.

    A lone ``--output`` before any ``--format`` goes with the first one (or with the
    default format); a ``--format`` with no ``--output`` writes to stdout, and only one may.
    """
    events = getattr(args, "destinations", None) or [
        *((("format", args.format),) if args.format else ()),
        *((("output", args.output),) if args.output is not None else ()),
    ]
    pairs: list[tuple[str, Path | None]] = []
    pending: Path | None = None
    for kind, value in events:
        if kind == "format":
            pairs.append((value, pending))
            pending = None
        elif pairs and pairs[-1][1] is None:
            pairs[-1] = (pairs[-1][0], value)
        elif not pairs and pending is None:
            pending = value
        else:
            raise ReportlintError(f"--output {value} has no --format of its own")
    if pending is not None or not pairs:
        pairs.append((default, pending))
    if sum(output is None for _, output in pairs) > 1:
        raise ReportlintError("only one --format can go to stdout; give the others --output FILE")
    return pairs


def _per_file_ignores(findings: list[Finding], path: Path, config: Config | None) -> list[Finding]:
    ignored = config.ignored_rules(path) if config is not None else ()
    if not ignored:
        return findings
    return [finding for finding in findings if not finding.rule.startswith(ignored)]


def _use_color(args: argparse.Namespace) -> bool:
    if args.no_color or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def run_check(args: argparse.Namespace, *, lang: str) -> int:
    from reportlint import config as configuration

    default_format = (
        "github"
        if os.environ.get("GITHUB_ACTIONS") == "true" and "github" in _formats()
        else "text"
    )
    outputs = destinations(args, default_format)
    config = configuration.find(args.config, use_cache=not args.no_cache)
    settings = settings_from(args, lang, config)
    fail_on = Severity.parse(args.fail_on or (config and config.fail_on) or "error")
    rules = catalog.load_rules(list(settings.extra_packs), use_cache=settings.use_cache)
    if config is not None:
        # The config's own mistakes are named as its own, before the options' are.
        config.check_rules({rule.id: rule for rule in rules})
    linter = Linter(settings, rules=rules)
    files = [path for path in discover(args.paths) if config is None or not config.excluded(path)]
    # A report is never overwritten by the findings about it (realpath: a link loop is fine).
    checked = {os.path.realpath(path) for path in files}
    for _, output in outputs:
        if output is not None and os.path.realpath(output) in checked:
            raise ReportlintError(f"--output {output} is one of the files checked; choose another")
    findings: list[Finding] = []
    errors: list[str] = []
    from reportlint.cli.parallel import lint_files

    results = lint_files(linter, files, jobs=args.jobs)
    try:
        for path, result in results:
            if isinstance(result, ReportlintError):
                # One unreadable file never stops the others from being checked.
                errors.append(str(result))
                sys.stderr.write(f"reportlint: error: {escape(str(result))}\n")
            else:
                findings.extend(_per_file_ignores(result, path, config))
    finally:
        results.close()  # workers stop now, whatever ended the loop
    findings.sort(key=Finding.sort_key)
    summary = RunSummary(
        files=[str(path) for path in files],
        rules=list(linter.active),
        lang=lang,
        color=_use_color(args),
        quiet=args.quiet,
        statistics=args.statistics,
        errors=errors,
        concise=args.concise,
    )
    # Files first: a stdout that fails (a full disk) then costs no file its report.
    for fmt, output in sorted(outputs, key=lambda pair: pair[1] is None):
        write = reporter(fmt)
        if output is None:
            _to_stdout(partial(write, findings, sys.stdout, summary))
        else:
            from reportlint.files import write_atomically

            write_atomically(
                output, partial(write, findings, summary=summary._replace(color=False))
            )
    if errors:
        return 2
    return 1 if any(finding.severity >= fail_on for finding in findings) else 0


def _to_stdout(produce: Callable[[], None]) -> None:
    try:
        produce()
        sys.stdout.flush()  # so that a full disk is known now, not lost at exit
    except BrokenPipeError:
        raise  # a reader that stopped early (`| head`) has what it wanted
    except OSError as error:
        raise ReportlintError(f"cannot write to stdout: {error.strerror or error}") from error


def _formats() -> tuple[str, ...]:
    from reportlint.reporters import FORMATS

    return FORMATS
