"""``reportlint import``: a published report (.txt, .html, .docx) -> report YAML.

The YAML goes to stdout or, atomically, to a file that is only overwritten with
``--force``. What the importer could not place (headings that name no section, metadata
it did not find, numbering faults it stripped) is told on stderr; with ``verbose`` so is
each piece of page furniture it dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from reportlint.errors import ReportlintError, already_exists
from reportlint.inputs.sources import SOURCE_SUFFIXES, is_source, read_source
from reportlint.positions import Span


def run_import(
    source: Path,
    output: str | None,
    *,
    force: bool,
    verbose: bool,
    max_bytes: int,
    lang: str,
    stdout: TextIO,
    stderr: TextIO,
) -> None:
    """Import ``source`` and write its YAML to ``output`` (None or "-": ``stdout``)."""
    if not is_source(source):
        raise ReportlintError(
            f"{source}: import reads {', '.join(SOURCE_SUFFIXES)} files, not '{source.suffix}'",
            zh=f"{source}：import只读取{'、'.join(SOURCE_SUFFIXES)}文件，"
            f"不读取“{source.suffix}”文件",
        )
    target = None if output in (None, "-") else Path(output)
    if target is not None:
        if target.exists() and target.resolve() == source.resolve():
            raise ReportlintError(
                f"{target}: is the source itself; write the YAML elsewhere",
                zh=f"{target}：这就是要读取的原文，请把YAML写到别处",
            )
        if target.exists() and not force:
            raise already_exists(target)
    imported = read_source(source, max_bytes=max_bytes)
    from reportlint.inputs.sources.writer import dump

    text = dump(imported.document.data, source=source.name, lang=lang)
    if target is None:
        # Where the text will be kept is not known: no schema path can be right for it.
        stdout.write(text)
    else:
        from reportlint import resources
        from reportlint.files import write_atomically
        from reportlint.schema import modeline

        schema, missing = modeline.place(target)
        write_atomically(target, _writer(modeline.line_for(target, schema) + text))
        if missing:  # the first line must lead somewhere
            schema.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(schema, _writer(resources.schema_path().read_text(encoding="utf-8")))
            stdout.write(("已写入{}" if lang == "zh" else "wrote {}").format(schema) + "\n")
    name = str(source)
    for problem in imported.document.problems:
        message = problem.message_zh if lang == "zh" else problem.message_en
        stderr.write(f"{_where(name, problem.span)}: {problem.rule} {message}\n")
    for note in imported.notes:
        stderr.write(f"{_where(name, note.span)}: {note.say(lang)}\n")
    if verbose:
        dropped_word = "已舍弃：" if lang == "zh" else "dropped: "
        for dropped in imported.dropped:
            stderr.write(f"{_where(name, dropped.span())}: {dropped_word}{dropped.value[:60]}\n")


def _writer(text: str) -> Callable[[TextIO], None]:
    def produce(stream: TextIO) -> None:
        stream.write(text)

    return produce


def _where(name: str, span: Span | None) -> str:
    return f"{name}:{span.line}:{span.column}" if span else name
