"""The command line: parse options, run a command, print, return the exit code."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from reportlint import __version__
from reportlint.cli import wording
from reportlint.cli.wording import _
from reportlint.cli.wording import default_lang as default_lang
from reportlint.errors import ReportlintError
from reportlint.reporters import FORMATS

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
ISSUES_URL = "the reportlint maintainers with the command and the file that caused it"


class UsageError(ReportlintError):
    pass


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", wording.HelpFormatter)
        super().__init__(*args, **kwargs)
        # The parsers of the commands (``check``…), to name the one an error is about.
        self.commands: dict[str, _Parser] = {}

    def error(self, message: str) -> None:  # type: ignore[override]
        # In the language spoken: argparse's words came through wording._ already, but for
        # Python 3.10's "argument X: …", written without gettext.
        if message.startswith("argument ") and ": " in message:
            name, _colon, rest = message.removeprefix("argument ").partition(": ")
            template = _("argument %(argument_name)s: %(message)s")
            message = template % {"argument_name": name, "message": rest}
        raise UsageError(
            _("{message} (see '{prog} --help')").format(message=message, prog=self.prog)
        )

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


def _id_list(text: str) -> tuple[str, ...]:
    return tuple(part.strip().upper() for part in text.split(",") if part.strip())


def _byte_count(text: str) -> int:
    """A positive number of bytes (``--max-bytes``), at most ``MAX_BYTES_LIMIT``."""
    from reportlint.config import MAX_BYTES_LIMIT

    digits = text.strip()
    if not (digits.isascii() and digits.isdigit()) or int(digits) < 1:
        raise argparse.ArgumentTypeError(
            _("expected a positive number of bytes, got '{text}'").format(text=text)
        )
    if len(digits) > 20 or int(digits) > MAX_BYTES_LIMIT:
        raise argparse.ArgumentTypeError(
            _("{text} bytes is more than can be read; the largest is {limit:,}").format(
                text=text, limit=MAX_BYTES_LIMIT
            )
        )
    return int(digits)


def _pack_options(parser: argparse.ArgumentParser) -> None:
    """The options that say which rule packs a run knows: the config's and ``--rules``."""
    parser.add_argument(
        "--config", type=Path, metavar="FILE", help=_("configuration file (default: discovered)")
    )
    parser.add_argument(
        "--rules",
        type=Path,
        action="append",
        metavar="PACK",
        help=_("an extra rule pack file or folder of packs (may be repeated)"),
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help=_("validate rule packs and config afresh; read and write no cache"),
    )


def _lang_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        choices=("zh", "en"),
        default=None,
        help=_("language of messages (default: the locale's)"),
    )


def _finding_count(text: str) -> int:
    """A positive number of findings (``--max-findings``)."""
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(
            _("expected a positive number of findings, got '{text}'").format(text=text)
        )
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


def build_parser(only: str | None = None) -> _Parser:
    """The parser of every command, or (``only="check"``) of ``check`` alone.

    Its words are those of the language spoken (``wording.speak``) when it is built.
    """
    parser = _Parser(
        prog="reportlint", description=_("Lint annual rule-of-law government reports.")
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"reportlint {__version__}",
        help=_("show program's version number and exit"),
    )
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=_Parser, help=_("one of:")
    )
    parser.commands = commands.choices

    check = commands.add_parser(
        "check",
        help=_("lint report files and folders"),
        description=_("Lint report files and folders."),
        epilog=_(CHECK_EPILOG),
        formatter_class=wording.RawDescriptionHelpFormatter,
    )
    check.add_argument(
        "paths",
        nargs="*",
        default=["."],
        metavar="PATH",
        help=_("report files and folders (default: the working folder)"),
    )
    check.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        action=_Destination,
        help=_("output format (default: text; github under GitHub Actions); may be repeated"),
    )
    check.add_argument(
        "--output",
        type=Path,
        action=_Destination,
        metavar="FILE",
        help=_("write the preceding --format to FILE instead of stdout"),
    )
    check.add_argument(
        "--profile", help=_("section profile: six-section (default), national, or a file")
    )
    check.add_argument(
        "--select",
        type=_id_list,
        default=None,
        metavar="IDS",
        help=_("rule IDs or prefixes to run"),
    )
    check.add_argument(
        "--ignore",
        type=_id_list,
        default=None,
        metavar="IDS",
        help=_("rule IDs or prefixes to skip"),
    )
    check.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        default=None,
        help=_("the lowest severity that fails the run (default: error)"),
    )
    _pack_options(check)
    check.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help=_("files linted in parallel (default: one per 4 files, up to the CPU count)"),
    )
    check.add_argument(
        "--statistics", action="store_true", help=_("counts per rule after the findings")
    )
    check.add_argument(
        "-q", "--quiet", action="store_true", help=_("findings only, no summary line")
    )
    check.add_argument(
        "--concise",
        action="store_true",
        help=_("text output: one line per finding, without the report's line and the hint"),
    )
    check.add_argument(
        "-v", "--verbose", action="store_true", help=_("also list the files passed over, and why")
    )
    check.add_argument(
        "--root",
        metavar="DIR",
        help=_("name files in machine outputs from DIR (default: the git top level)"),
    )
    check.add_argument(
        "--reports-only",
        action="store_true",
        help=_("check a named YAML file only if it is a report, as in folders (pre-commit)"),
    )
    check.add_argument("--no-color", action="store_true", help=_("plain text output"))
    _lang_option(check)
    check.add_argument(
        "--max-bytes",
        type=_byte_count,
        default=None,
        metavar="BYTES",
        help=_("largest file read (10 MiB)"),
    )
    check.add_argument(
        "--max-findings",
        type=_finding_count,
        default=None,
        metavar="N",
        help=_("findings reported per file; one more finding counts the rest (1000)"),
    )
    check.add_argument(
        "--debug", action="store_true", help=_("show the traceback of an internal error")
    )
    check.add_argument(
        "--fix",
        action="store_true",
        help=_("write the fixes of findings that have one right replacement, then check"),
    )
    check.add_argument(
        "--diff", action="store_true", help=_("show those fixes as a diff; write nothing")
    )
    if only == "check":
        return parser  # The pre-commit path: the other commands' parsers are not needed.

    rules = commands.add_parser(
        "rules", help=_("list every rule"), description=_("List every rule.")
    )
    rules.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=_("output format (default: text)"),
    )
    _lang_option(rules)
    _pack_options(rules)

    explain = commands.add_parser(
        "explain",
        help=_("what a rule checks and why"),
        description=_("What a rule checks and why, how to fix its findings, and examples."),
    )
    explain.add_argument("rule", metavar="RULE", help=_("a rule ID (RL201) or name (review-rate)"))
    _lang_option(explain)
    _pack_options(explain)

    schema = commands.add_parser(
        "schema",
        help=_("print the JSON Schema of the report format (for editors)"),
        description=_("Print the JSON Schema of the report format (for editors)."),
    )
    schema.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help=_("write it to FILE instead of stdout"),
    )
    _lang_option(schema)

    test_rules = commands.add_parser(
        "test-rules",
        help=_("run the pass/fail examples of rule packs (default: the bundled)"),
        description=_("Run the pass/fail examples of rule packs (default: the bundled)."),
    )
    test_rules.add_argument(
        "packs", nargs="*", type=Path, metavar="PACK", help=_("rule pack files or folders")
    )
    test_rules.add_argument(
        "--show",
        action="store_true",
        help=_("print the document each example builds and the findings it gets"),
    )
    test_rules.add_argument(
        "--select",
        type=_id_list,
        default=None,
        metavar="IDS",
        help=_("rule IDs or prefixes whose examples run"),
    )
    _lang_option(test_rules)
    _pack_options(test_rules)

    init = commands.add_parser(
        "init",
        help=_("write a commented report template and a config"),
        description=_("Write a commented report template and a config."),
    )
    init.add_argument(
        "path",
        nargs="?",
        default="report.yaml",
        type=Path,
        metavar="PATH",
        help=_("the report to write (default: report.yaml)"),
    )
    init.add_argument("--force", action="store_true", help=_("overwrite existing files"))
    init.add_argument(
        "--from",
        dest="from_report",
        type=Path,
        default=None,
        metavar="LAST_YEAR",
        help=_("start from last year's report: years rolled forward, figures left as XX"),
    )
    init.add_argument(
        "--year",
        type=int,
        default=None,
        help=_("the year reported on (default: last year; with --from, the year after it)"),
    )
    init.add_argument("--issuer", default=None, help=_("the body that reports (某某县人民政府)"))
    init.add_argument(
        "--level",
        choices=("province", "city", "county", "township"),
        help=_("administrative level (default: county)"),
    )
    init.add_argument(
        "--kind",
        choices=("government", "department"),
        help=_("a government or one of its departments (default: government)"),
    )
    _lang_option(init)

    importer = commands.add_parser(
        "import",
        help=_("published report (.txt, .html, .docx) -> report YAML"),
        description=_("Published report (.txt, .html, .docx) -> report YAML."),
    )
    importer.add_argument(
        "source", type=Path, metavar="SOURCE", help=_("the published report to read")
    )
    importer.add_argument(
        "-o",
        "--output",
        default=None,
        metavar="OUT",
        help=_("YAML file to write (default: stdout)"),
    )
    importer.add_argument("--force", action="store_true", help=_("overwrite OUT if it exists"))
    importer.add_argument("--verbose", action="store_true", help=_("also list the text dropped"))
    _lang_option(importer)
    importer.add_argument(
        "--max-bytes",
        type=_byte_count,
        default=None,
        metavar="BYTES",
        help=_("largest file read (10 MiB)"),
    )
    render = commands.add_parser(
        "render",
        help=_("report YAML -> the publishable document (.docx or .html)"),
        description=_("Report YAML -> the publishable document (.docx or .html)."),
    )
    render.add_argument("source", type=Path, metavar="REPORT", help=_("the report YAML to render"))
    render.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="OUT",
        help=_("report.docx or report.html"),
    )
    render.add_argument("--force", action="store_true", help=_("overwrite OUT if it exists"))
    _lang_option(render)
    render.add_argument(
        "--max-bytes",
        type=_byte_count,
        default=None,
        metavar="BYTES",
        help=_("largest file read (10 MiB)"),
    )
    return parser


def run(argv: Sequence[str], lang: str | None = None) -> int:
    """Run the command ``argv`` names; ``lang`` is the language spoken (``wording.language``)."""
    lang = lang or wording.language(argv)
    parser = build_parser("check" if list(argv[:1]) == ["check"] else None)
    args, unknown = parser.parse_known_args(list(argv))
    if unknown:
        # Named by the command's parser: its help is the one that lists its options.
        named = parser.commands.get(args.command or "", parser)
        named.error(_("unrecognized arguments: %s") % " ".join(unknown))
    if args.command is None:
        build_parser().print_help()
        return EXIT_USAGE
    if args.command == "check":
        from reportlint.cli.check import run_check

        if args.diff or args.fix:
            from reportlint.cli.fix import run_fix

            shown = run_fix(args, lang=lang, write=not args.diff)
            if args.diff:
                return shown
        return run_check(args, lang=lang)
    if args.command == "schema":
        from reportlint import resources

        text = resources.schema_path().read_text(encoding="utf-8")
        if args.output is None:
            sys.stdout.write(text)
        else:
            from reportlint.files import write_atomically

            def schema_text(stream: TextIO) -> None:
                stream.write(text)

            args.output.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(args.output, schema_text)
            _wrote(args.output)
        return EXIT_OK
    if args.command in ("rules", "explain"):
        from reportlint.cli import explain

        lang = lang
        rules = explain.known_rules(args.config, args.rules or [], use_cache=not args.no_cache)
        if args.command == "rules":
            explain.list_rules(sys.stdout, rules, lang=lang, as_json=args.format == "json")
        else:
            profile = explain.profile_of(args.config, use_cache=not args.no_cache)
            explain.explain_rule(sys.stdout, rules, args.rule, lang=lang, profile=profile)
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
            lang=lang,
        )
    if args.command == "init" and args.from_report is not None:
        from reportlint.publish.rollforward import write_rolled

        write_rolled(args.from_report, args.path, year=args.year, force=args.force)
        _wrote(args.path)
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
            lang=lang,
        )
        for written in written_files:
            _wrote(written)
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
            lang=lang,
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
        _wrote(args.output)
        return EXIT_OK
    raise UsageError(_("unknown command '{command}'").format(command=args.command))


def _wrote(path: object) -> None:
    sys.stdout.write(_("wrote {path}").format(path=path) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: every failure becomes one line on stderr and an exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    _tolerant(sys.stdout)
    lang = wording.language(arguments)
    spoken = wording.speak(lang)
    try:
        code = run(arguments, lang)
        _flush(sys.stdout)
        return code
    except ReportlintError as error:
        # Several problems (every one of a rule pack's) are one line each.
        for line in error.say(lang).splitlines() or [""]:
            _error_line(_("error: {message}").format(message=line))
        return EXIT_USAGE
    except KeyboardInterrupt:
        _error_line(_("interrupted"))
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as error:  # the environment failed (a device, a full disk), not the code
        from reportlint.files import reason_zh

        where = f"{error.filename}{_(': ')}" if error.filename else ""
        reason = reason_zh(error) if lang == "zh" else error.strerror or str(error)
        _error_line(_("error: {message}").format(message=f"{where}{reason}"))
        return EXIT_USAGE
    except Exception as error:  # A bug: one line, the traceback only when asked.
        if "--debug" in arguments:
            import traceback

            traceback.print_exc()
        _error_line(
            _(
                "internal error: {error}. This is a bug; please report it to {where}"
                " (rerun with --debug for the traceback)"
            ).format(error=f"{type(error).__name__}: {error}", where=_(ISSUES_URL))
        )
        return EXIT_INTERNAL
    except BaseException as error:
        from reportlint.termination import Terminated

        if not isinstance(error, Terminated):
            raise
        # SIGTERM or SIGHUP: what was half written is removed.
        signal_name = str(error).rsplit(" ", 1)[-1]
        _error_line(_("terminated by {signal}").format(signal=signal_name))
        return 128 + error.signum
    finally:
        wording.restore(spoken)


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
        raise ReportlintError(
            f"cannot write to stdout: {reason}", zh=f"无法写入标准输出：{_reason_zh(error)}"
        ) from error


def _reason_zh(error: Exception) -> str:
    from reportlint.files import reason_zh

    return reason_zh(error) if isinstance(error, OSError) else str(error)


def _error_line(text: str) -> None:
    """One line on stderr: escaped, so a file name cannot forge lines or move the cursor."""
    from reportlint.reporters.text import escape

    sys.stderr.write(f"reportlint{_(': ')}{escape(text)}\n")


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
