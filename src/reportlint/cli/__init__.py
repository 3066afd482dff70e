"""The command line: parse options, run a command, print, return the exit code."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from reportlint import __version__
from reportlint.errors import ReportlintError
from reportlint.reporters import FORMATS

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
ISSUES_URL = "the reportlint maintainers with the command and the file that caused it"


class UsageError(ReportlintError):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see '{self.prog} --help')")

    def _get_formatter(self) -> argparse.HelpFormatter:
        # argparse makes a formatter for every add_argument, and by default each asks
        # shutil for the terminal width: importing shutil (and bz2, lzma) costs a one-file
        # run more than building the whole parser. The width is worked out as shutil would.
        width = _terminal_columns() - 2
        return self.formatter_class(prog=self.prog, width=width)  # type: ignore[call-arg]


def _terminal_columns() -> int:
    """``shutil.get_terminal_size().columns``, without importing shutil."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    stream = sys.__stdout__
    if columns <= 0 and stream is not None:
        try:
            columns = os.get_terminal_size(stream.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def default_lang() -> str:
    """Chinese where the locale is Chinese, English elsewhere."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def _id_list(text: str) -> tuple[str, ...]:
    return tuple(part.strip().upper() for part in text.split(",") if part.strip())


def _byte_count(text: str) -> int:
    """A positive number of bytes (``--max-bytes``), at most ``MAX_BYTES_LIMIT``."""
    from reportlint.config import MAX_BYTES_LIMIT

    digits = text.strip()
    if not (digits.isascii() and digits.isdigit()) or int(digits) < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number of bytes, got '{text}'")
    if len(digits) > 20 or int(digits) > MAX_BYTES_LIMIT:
        raise argparse.ArgumentTypeError(
            f"{text} bytes is more than can be read; the largest is {MAX_BYTES_LIMIT:,}"
        )
    return int(digits)


def _pack_options(parser: argparse.ArgumentParser) -> None:
    """The options that say which rule packs a run knows: the config's and ``--rules``."""
    parser.add_argument("--config", type=Path, help="configuration file (default: discovered)")
    parser.add_argument(
        "--rules",
        type=Path,
        action="append",
        metavar="PACK",
        help="an extra rule pack file or folder of packs (may be repeated)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="validate rule packs and config afresh; read and write no cache",
    )


def _finding_count(text: str) -> int:
    """A positive number of findings (``--max-findings``)."""
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number of findings, got '{text}'")
    return int(text)


class _Destination(argparse.Action):
    """``--format``/``--output`` also noted in order, so several outputs pair up."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        setattr(namespace, self.dest, values)
        events = [*(getattr(namespace, "destinations", None) or []), (self.dest, values)]
        namespace.destinations = events


CHECK_EPILOG = """\
several outputs in one run: each --format writes to the --output that follows it,
a --format without --output writes to stdout (one at most):
  reportlint check reports --format json --output a.json --format sarif --output b.sarif
"""


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or (``only="check"``) of ``check`` alone."""
    parser = _Parser(prog="reportlint", description="Lint annual rule-of-law government reports.")
    parser.add_argument("--version", action="version", version=f"reportlint {__version__}")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    check = commands.add_parser(
        "check",
        help="lint report files and folders",
        epilog=CHECK_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    check.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        action=_Destination,
        help="output format (default: text; github under GitHub Actions); may be repeated",
    )
    check.add_argument(
        "--output",
        type=Path,
        action=_Destination,
        metavar="FILE",
        help="write the preceding --format to FILE instead of stdout",
    )
    check.add_argument(
        "--profile", help="section profile: six-section (default), national, or a file"
    )
    check.add_argument("--select", type=_id_list, default=None, help="rule IDs or prefixes to run")
    check.add_argument("--ignore", type=_id_list, default=None, help="rule IDs or prefixes to skip")
    check.add_argument("--fail-on", choices=("error", "warning", "info"), default=None)
    _pack_options(check)
    check.add_argument(
        "--jobs",
        type=int,
        default=None,
        help="files linted in parallel (default: one per 4 files, up to the CPU count)",
    )
    check.add_argument(
        "--statistics", action="store_true", help="counts per rule after the findings"
    )
    check.add_argument("-q", "--quiet", action="store_true", help="findings only, no summary line")
    check.add_argument(
        "--concise",
        action="store_true",
        help="text output: one line per finding, without the report's line and the hint",
    )
    check.add_argument(
        "-v", "--verbose", action="store_true", help="also list the files passed over, and why"
    )
    check.add_argument(
        "--root",
        metavar="DIR",
        help="name files in machine outputs from DIR (default: the git top level)",
    )
    check.add_argument(
        "--reports-only",
        action="store_true",
        help="check a named YAML file only if it is a report, as in folders (pre-commit)",
    )
    check.add_argument("--no-color", action="store_true", help="plain text output")
    check.add_argument("--lang", choices=("zh", "en"), default=None, help="language of messages")
    check.add_argument(
        "--max-bytes", type=_byte_count, default=None, help="largest file read (10 MiB)"
    )
    check.add_argument(
        "--max-findings",
        type=_finding_count,
        default=None,
        metavar="N",
        help="findings reported per file; one more finding counts the rest (1000)",
    )
    check.add_argument(
        "--debug", action="store_true", help="show the traceback of an internal error"
    )
    check.add_argument(
        "--fix",
        action="store_true",
        help="write the fixes of findings that have one right replacement, then check",
    )
    check.add_argument(
        "--diff", action="store_true", help="show those fixes as a diff; write nothing"
    )
    if only == "check":
        return parser  # The pre-commit path: the other commands' parsers are not needed.

    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.add_argument("--lang", choices=("zh", "en"), default=None)
    _pack_options(rules)

    explain = commands.add_parser("explain", help="what a rule checks and why")
    explain.add_argument("rule", metavar="RULE", help="a rule ID (RL201) or name (review-rate)")
    explain.add_argument("--lang", choices=("zh", "en"), default=None)
    _pack_options(explain)

    schema = commands.add_parser(
        "schema", help="print the JSON Schema of the report format (for editors)"
    )
    schema.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write it to FILE instead of stdout"
    )

    test_rules = commands.add_parser(
        "test-rules", help="run the pass/fail examples of rule packs (default: the bundled)"
    )
    test_rules.add_argument("packs", nargs="*", type=Path, metavar="PACK")
    test_rules.add_argument(
        "--show",
        action="store_true",
        help="print the document each example builds and the findings it gets",
    )
    test_rules.add_argument(
        "--select", type=_id_list, default=None, help="rule IDs or prefixes whose examples run"
    )
    _pack_options(test_rules)

    init = commands.add_parser("init", help="write a commented report template and a config")
    init.add_argument("path", nargs="?", default="report.yaml", type=Path, metavar="PATH")
    init.add_argument("--force", action="store_true", help="overwrite existing files")
    init.add_argument(
        "--from",
        dest="from_report",
        type=Path,
        default=None,
        metavar="LAST_YEAR",
        help="start from last year's report: years rolled forward, figures left as XX",
    )
    init.add_argument(
        "--year",
        type=int,
        default=None,
        help="the year reported on (default: last year; with --from, the year after it)",
    )
    init.add_argument("--issuer", default=None, help="the body that reports (某某县人民政府)")
    init.add_argument("--level", choices=("province", "city", "county", "township"))
    init.add_argument("--kind", choices=("government", "department"))

    importer = commands.add_parser(
        "import", help="published report (.txt, .html, .docx) -> report YAML"
    )
    importer.add_argument("source", type=Path, metavar="SOURCE")
    importer.add_argument(
        "-o", "--output", default=None, metavar="OUT", help="YAML file to write (default: stdout)"
    )
    importer.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    importer.add_argument("--verbose", action="store_true", help="also list the text dropped")
    importer.add_argument("--lang", choices=("zh", "en"), default=None)
    importer.add_argument(
        "--max-bytes", type=_byte_count, default=None, help="largest file read (10 MiB)"
    )
    render = commands.add_parser(
        "render", help="report YAML -> the publishable document (.docx or .html)"
    )
    render.add_argument("source", type=Path, metavar="REPORT")
    render.add_argument(
        "-o", "--output", type=Path, required=True, metavar="OUT", help="report.docx or report.html"
    )
    render.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    render.add_argument(
        "--max-bytes", type=_byte_count, default=None, help="largest file read (10 MiB)"
    )
    return parser


def run(argv: Sequence[str]) -> int:
    args = build_parser("check" if list(argv[:1]) == ["check"] else None).parse_args(list(argv))
    if args.command is None:
        build_parser().print_help()
        return EXIT_USAGE
    if args.command == "check":
        from reportlint.cli.check import run_check

        if args.diff or args.fix:
            from reportlint.cli.fix import run_fix

            shown = run_fix(args, lang=args.lang or default_lang(), write=not args.diff)
            if args.diff:
                return shown
        return run_check(args, lang=args.lang or default_lang())
    if args.command == "schema":
        from reportlint import resources

        text = resources.schema_path().read_text(encoding="utf-8")
        if args.output is None:
            sys.stdout.write(text)
        else:
            from reportlint.files import write_atomically

            def schema_text(stream: TextIO) -> None:
                stream.write(text)

            write_atomically(args.output, schema_text)
            sys.stdout.write(f"wrote {args.output}\n")
        return EXIT_OK
    if args.command in ("rules", "explain"):
        from reportlint.cli import explain

        lang = args.lang or default_lang()
        rules = explain.known_rules(args.config, args.rules or [], use_cache=not args.no_cache)
        if args.command == "rules":
            explain.list_rules(sys.stdout, rules, lang=lang, as_json=args.format == "json")
        else:
            explain.explain_rule(sys.stdout, rules, args.rule, lang=lang)
        return EXIT_OK
    if args.command == "test-rules":
        from reportlint.cli.ruletest import run_packs

        return run_packs(
            args.packs,
            sys.stdout,
            config=args.config,
            rules=args.rules or [],
            select=args.select or (),
            show=args.show,
            use_cache=not args.no_cache,
        )
    if args.command == "init" and args.from_report is not None:
        from reportlint.publish.rollforward import write_rolled

        write_rolled(args.from_report, args.path, year=args.year, force=args.force)
        sys.stdout.write(f"wrote {args.path}\n")
        return EXIT_OK
    if args.command == "init":
        from reportlint.cli.init import write_template

        written_files = write_template(
            args.path,
            force=args.force,
            year=args.year,
            issuer=args.issuer,
            level=args.level,
            kind=args.kind,
        )
        for written in written_files:
            sys.stdout.write(f"wrote {written}\n")
        return EXIT_OK
    if args.command == "import":
        from reportlint.cli.importer import run_import
        from reportlint.linter import DEFAULT_MAX_BYTES

        run_import(
            args.source,
            args.output,
            force=args.force,
            verbose=args.verbose,
            max_bytes=args.max_bytes or DEFAULT_MAX_BYTES,
            lang=args.lang or default_lang(),
            stdout=sys.stdout,
            stderr=sys.stderr,
        )
        return EXIT_OK
    if args.command == "render":
        from reportlint.cli.render import run_render
        from reportlint.linter import DEFAULT_MAX_BYTES

        run_render(
            args.source,
            args.output,
            force=args.force,
            max_bytes=args.max_bytes or DEFAULT_MAX_BYTES,
        )
        sys.stdout.write(f"wrote {args.output}\n")
        return EXIT_OK
    raise UsageError(f"unknown command '{args.command}'")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: every failure becomes one line on stderr and an exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    _tolerant(sys.stdout)
    try:
        code = run(arguments)
        _flush(sys.stdout)
        return code
    except ReportlintError as error:
        # Several problems (every one of a rule pack's) are one line each.
        for line in str(error).splitlines() or [""]:
            _error_line(f"error: {line}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        _error_line("interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as error:  # the environment failed (a device, a full disk), not the code
        where = f"{error.filename}: " if error.filename else ""
        _error_line(f"error: {where}{error.strerror or error}")
        return EXIT_USAGE
    except Exception as error:  # A bug: one line, the traceback only when asked.
        if "--debug" in arguments:
            import traceback

            traceback.print_exc()
        _error_line(
            f"internal error: {type(error).__name__}: {error}. "
            f"This is a bug; please report it to {ISSUES_URL} "
            "(rerun with --debug for the traceback)"
        )
        return EXIT_INTERNAL
    except BaseException as error:
        from reportlint.termination import Terminated

        if not isinstance(error, Terminated):
            raise
        _error_line(str(error))  # SIGTERM or SIGHUP: what was half written is removed
        return 128 + error.signum


def _tolerant(stream: TextIO) -> None:
    """Text the output's encoding cannot hold is written escaped (``\\u4e2d``, ``\\udcff``).

    Chinese under ``PYTHONIOENCODING=latin-1`` would otherwise stop the run, and a file
    name that was not UTF-8 would go out as its raw bytes (Python's surrogateescape),
    which makes JSON on stdout invalid UTF-8.
    """
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None and getattr(stream, "errors", None) in (
        "strict",
        "surrogateescape",
    ):
        reconfigure(errors="backslashreplace")


def _flush(stream: TextIO) -> None:
    """Flush now, so that a full disk is an error line, not output lost at exit."""
    try:
        stream.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise ReportlintError(f"cannot write to stdout: {reason}") from error


def _error_line(text: str) -> None:
    """One line on stderr: escaped, so a file name cannot forge lines or move the cursor."""
    from reportlint.reporters.text import escape

    sys.stderr.write(f"reportlint: {escape(text)}\n")


def entry() -> NoReturn:
    """The ``reportlint`` command: ``main()`` in a process of its own.

    Such a process keeps nearly every object it makes (modules, rules, patterns) until it
    ends, so the garbage collector's passes over them free nothing: during start-up they
    cost about a tenth of a one-file run. Collect rarely. At the end, leave without
    tearing the interpreter down (as mypy does): freeing every module and object one by
    one costs another tenth.
    """
    import gc

    gc.set_threshold(100_000, 50, 100)
    try:
        code = main()
    finally:
        gc.freeze()  # --help and --version leave through SystemExit: no last full pass
    _leave(code)


def _leave(code: int) -> NoReturn:
    """Flush what was written and end the process now, with ``code``."""
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass  # A reader that stopped early (``| head``) has what it wanted.
    os._exit(code)
