"""Reading a pack, profile or configuration: a regular file within a size limit, and YAML
read as reports are (the same node budget, no tags, no duplicate keys)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlint import files
from reportlint.errors import ReportlintError, RulePackError


def read_limited(path: Path, limit: int, what: str) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (a FIFO or device is refused)."""
    try:
        return files.read_bytes(path, limit)
    except ReportlintError as error:
        message = str(error).replace(" (raise it with --max-bytes)", f" for {what}")
        raise RulePackError(message) from error


def parse_yaml(path: Path, content: bytes) -> tuple[Any, list[str]]:
    """The data of a YAML file read as reports are (node budget, no tags, no duplicate
    keys), and one line per problem met, naming the file and the place."""
    from reportlint.errors import InputError
    from reportlint.inputs import decoding, document

    try:
        text = decoding.decode(content, str(path), kind="report")
    except InputError as error:
        return None, [str(error)]
    doc = document.load_yaml(text, str(path))
    problems = []
    for problem in doc.problems:
        where = f"{path}:{problem.span.line}:{problem.span.column}"
        if problem.rule == "RL001":
            problems.append(f"{where}: not valid YAML: {problem.message_en}")
        elif problem.rule == "RL004":
            key = problem.pointer.rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~")
            problems.append(f"{where}: duplicate key '{key}'")
        elif problem.rule == "RL005":
            problems.append(f"{where}: YAML tags and merge keys ('<<') are not allowed")
        else:
            problems.append(f"{where}: {problem.message_en}")
    return doc.data, problems
