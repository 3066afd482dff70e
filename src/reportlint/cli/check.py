"""``reportlint check``: find the files, lint each, report, and decide the exit code."""

import argparse
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from reportlint.cli.wording import _ as tr
from reportlint.config import Config, Finder
from reportlint.errors import ReportlintError
from reportlint.files import is_folder
from reportlint.findings import Finding, Severity
from reportlint.inputs.sources import SOURCE_SUFFIXES, is_source, looks_like_report
from reportlint.linter import DEFAULT_MAX_BYTES, DEFAULT_MAX_FINDINGS, Linter, Settings
from reportlint.packs import catalog
from reportlint.reporters import FileResult, RunSummary, reporter
from reportlint.reporters.text import escape

if TYPE_CHECKING:
    from reportlint.packs.records import RuleSpec

# Published sources are checked too; in a folder only those that look like a report
# (sources.looks_like_report), so a README.txt beside the YAML reports is left alone.
REPORT_SUFFIXES = (".yaml", ".yml", *SOURCE_SUFFIXES)
YAML_SUFFIXES = (".yaml", ".yml")
# A YAML file found in a folder is a report when one of its first lines says so.
FORMAT_LINES = 20
_HEAD = 8192
# Formats whose paths are read by people, from the working folder; the others name files
# from the repository root, the same from any folder.
CWD_FORMATS = ("text", "html")
_FORMAT_PREFIX = re.compile(rb"""^format:[ \t]*["']?reportlint/""")


def discover(
    paths: list[str], suffixes: tuple[str, ...] = REPORT_SUFFIXES
) -> Iterator[tuple[Path, bool]]:
    """(file, named) for files named on the command line and files found under folders
    (sorted, ``named`` False). Symlinked folders are not followed, so a link loop cannot
    make the walk endless; hidden folders (``.git``) are not entered.
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
            yield from ((found_path, False) for found_path in sorted(found))
        else:
            yield path, True


def declares_format(path: Path) -> bool:
    """Whether a YAML file says ``format: reportlint/…`` in its first lines.

    A file that cannot be read, or whose start is not UTF-8 text (binary, UTF-16), counts
    as a report: its error is then reported rather than the file passed over in silence.
    """
    try:
        # A FIFO or device is never opened here (a FIFO would block): reading it says why.
        if not stat.S_ISREG(os.stat(path).st_mode):
            return True
        with open(path, "rb") as stream:
            head = stream.read(_HEAD)
    except OSError:
        return True
    if len(head) == _HEAD:  # a character cut at the end is no sign of binary
        head = head[: head.rfind(b"\n") + 1]
    if b"\0" in head or not _utf8(head):
        return True
    lines = head.removeprefix(b"\xef\xbb\xbf").split(b"\n")[:FORMAT_LINES]
    return any(_FORMAT_PREFIX.match(line) for line in lines)


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def is_report(path: Path, config: Config | None) -> bool:
    """Whether a file found in a folder is linted: a source that looks like a report (the
    walk decided), a YAML file declaring the format, or one ``include`` names."""
    if not path.name.lower().endswith(YAML_SUFFIXES):
        return True
    return declares_format(path) or (config is not None and config.included(path))


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
            raise ReportlintError(
                f"--output {value} has no --format of its own",
                zh=f"--output {value}前面没有对应的--format",
            )
    if pending is not None or not pairs:
        pairs.append((default, pending))
    if sum(output is None for _, output in pairs) > 1:
        raise ReportlintError(
            "only one --format can go to stdout; give the others --output FILE",
            zh="只能有一个--format写到标准输出，其余的请用--output FILE写到文件",
        )
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


class _Group(NamedTuple):
    """Files that share one configuration, and so one Linter."""

    config: Config | None
    files: list[Path]


def select_files(
    args: argparse.Namespace, finder: Finder
) -> tuple[list[_Group], list[Path], list[Path]]:
    """The files to lint grouped by configuration (in order of first appearance), and the
    files passed over: excluded by a config, or found in a folder but not reports."""
    groups: dict[Path | None, _Group] = {}
    excluded: list[Path] = []
    skipped: list[Path] = []
    reports_only = getattr(args, "reports_only", False)
    for path, named in discover(args.paths):
        config = finder.for_file(path)
        if config is not None and config.excluded(path):
            excluded.append(path)
        elif (named and not reports_only) or is_report(path, config):
            key = None if config is None else config.path
            groups.setdefault(key, _Group(config, [])).files.append(path)
        else:
            skipped.append(path)
    return list(groups.values()), excluded, skipped


def run_check(args: argparse.Namespace, *, lang: str) -> int:
    default_format = (
        "github"
        if os.environ.get("GITHUB_ACTIONS") == "true" and "github" in _formats()
        else "text"
    )
    outputs = destinations(args, default_format)
    finder = Finder(args.config, use_cache=not args.no_cache)
    groups, excluded, skipped = select_files(args, finder)
    if getattr(args, "verbose", False):
        for path in skipped:
            note(tr("skipped {path}: not a report").format(path=path))
        for path in excluded:
            note(tr("skipped {path}: excluded").format(path=path))
    if not groups:
        # Options and the config's own mistakes are still reported with no file to check:
        # the config then is that of the working folder.
        groups = [_Group(finder.for_file(Path.cwd() / "report.yaml"), [])]
    files = [path for group in groups for path in group.files]
    # A report is never overwritten by the findings about it (realpath: a link loop is fine).
    checked = {os.path.realpath(path) for path in files}
    for _, output in outputs:
        if output is not None and os.path.realpath(output) in checked:
            raise ReportlintError(
                f"--output {output} is one of the files checked; choose another",
                zh=f"--output {output}是要检查的文件之一，请换一个文件",
            )
    results: list[FileResult] = []
    active: dict[str, RuleSpec] = {}
    fail_ons: list[Severity] = []
    for group in groups:
        linter, fail_on = linter_for(args, lang, group.config)
        fail_ons.append(fail_on)
        active.update((rule.id, rule) for rule in linter.active)
        results.extend(_lint_group(linter, group, args.jobs, fail_on))
    findings = sorted(
        (finding for result in results for finding in result.findings), key=Finding.sort_key
    )
    errors = [result.error for result in results if result.error is not None]
    from reportlint.reporters.identity import repository_root

    root = repository_root(getattr(args, "root", None))
    docs_urls = [group.config.docs_url for group in groups if group.config is not None]
    summary = RunSummary(
        files=[str(path) for path in files],
        rules=list(active.values()),
        lang=lang,
        color=_use_color(args),
        quiet=args.quiet,
        statistics=args.statistics,
        errors=errors,
        root=str(root),
        docs_url=next((url for url in docs_urls if url), None),
        results=results,
        fail_on=fail_ons[0],
        concise=args.concise,
    )
    rooted, rooted_summary = _from_root(findings, summary, str(root))
    if any(fmt == "sarif" for fmt, _ in outputs):
        from reportlint.reporters.sarif import limit_warning

        warning = limit_warning(len(findings))
        if warning is not None:
            note(tr("warning: {message}").format(message=warning))
    # Files first: a stdout that fails (a full disk) then costs no file its report.
    for fmt, output in sorted(outputs, key=lambda pair: pair[1] is None):
        write = reporter(fmt)
        # People read paths from where they are; machines from the repository root.
        shown, about = (findings, summary) if fmt in CWD_FORMATS else (rooted, rooted_summary)
        if output is None:
            _to_stdout(partial(write, shown, sys.stdout, about))
        else:
            from reportlint.files import write_atomically

            write_atomically(output, partial(write, shown, summary=about._replace(color=False)))
    step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if step_summary and any(fmt == "github" for fmt, _ in outputs):
        _append_step_summary(Path(step_summary), rooted, rooted_summary)
    if errors:
        return 2
    return 1 if any(result.status == "failed" for result in results) else 0


def _append_step_summary(path: Path, findings: list[Finding], summary: RunSummary) -> None:
    """The Markdown summary appended to the job's summary file, as GitHub expects."""
    from reportlint.reporters.markdown import summary_markdown

    try:
        with open(path, "a", encoding="utf-8", errors="backslashreplace") as stream:
            stream.write(summary_markdown(findings, summary))
    except OSError as error:
        raise ReportlintError(
            f"cannot write GITHUB_STEP_SUMMARY {path}: {error}",
            zh=f"无法写入GITHUB_STEP_SUMMARY {path}：{error}",
        ) from error


def _from_root(
    findings: list[Finding], summary: RunSummary, root: str
) -> tuple[list[Finding], RunSummary]:
    """The findings and per-file results with paths from the repository root."""
    from reportlint.reporters.identity import relative_path

    named: dict[str, str] = {}

    def name(path: str) -> str:
        if path not in named:
            named[path] = relative_path(path, root)
        return named[path]

    def moved(items: Sequence[Finding]) -> list[Finding]:
        return [finding._replace(path=name(finding.path)) for finding in items]

    def error(result: FileResult) -> str | None:
        # An error names the file as given ("PATH: reason"); name it as the findings do.
        if result.error is None:
            return None
        reason = result.error.removeprefix(f"{result.path}: ")
        return f"{name(result.path)}: {reason}"

    results = [
        result._replace(
            path=name(result.path), findings=moved(result.findings), error=error(result)
        )
        for result in summary.results
    ]
    return moved(findings), summary._replace(
        files=[name(path) for path in summary.files],
        results=results,
        errors=[result.error for result in results if result.error is not None],
    )


def linter_for(
    args: argparse.Namespace, lang: str, config: Config | None
) -> tuple[Linter, Severity]:
    """The Linter of one configuration, and the severity that fails its files."""
    settings = settings_from(args, lang, config)
    fail_on = Severity.parse(args.fail_on or (config and config.fail_on) or "error")
    rules = catalog.load_rules(list(settings.extra_packs), use_cache=settings.use_cache)
    if config is not None:
        # The config's own mistakes are named as its own, before the options' are.
        config.check_rules({rule.id: rule for rule in rules})
    return Linter(settings, rules=rules), fail_on


def _lint_group(
    linter: Linter, group: _Group, jobs: int | None, fail_on: Severity
) -> list[FileResult]:
    from reportlint.cli.parallel import lint_files

    done: list[FileResult] = []
    results = lint_files(linter, group.files, jobs=jobs)
    try:
        for path, result in results:
            if result.error is not None:
                # One unreadable file never stops the others from being checked.
                note(tr("error: {message}").format(message=result.error))
            kept = _per_file_ignores(list(result.findings), path, group.config)
            done.append(result._replace(findings=kept, fail_on=fail_on, profile=linter.profile))
    finally:
        results.close()  # workers stop now, whatever ended the loop
    return done


def _to_stdout(produce: Callable[[], None]) -> None:
    try:
        produce()
        sys.stdout.flush()  # so that a full disk is known now, not lost at exit
    except BrokenPipeError:
        raise  # a reader that stopped early (`| head`) has what it wanted
    except OSError as error:
        from reportlint.files import reason_zh

        raise ReportlintError(
            f"cannot write to stdout: {error.strerror or error}",
            zh=f"无法写入标准输出：{reason_zh(error)}",
        ) from error


def note(text: str) -> None:
    """One line on stderr, escaped (a file name cannot forge lines or move the cursor)."""
    sys.stderr.write(f"reportlint{tr(': ')}{escape(text)}\n")


def _formats() -> tuple[str, ...]:
    from reportlint.reporters import FORMATS

    return FORMATS
