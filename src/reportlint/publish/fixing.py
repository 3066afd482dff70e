"""``reportlint check --fix``: write the one right replacement of a finding into the YAML.

A rule's replacement is data in its pack: the ``fix`` option of a ``forbidden-pattern``
rule, a template of the message's fields (``"{suggestion}"``), so a province's pack can
carry fixes too. Only what the run reports is fixed: a suppressed finding is left alone.

The edit goes through ruamel.yaml's round trip and changes only the text of the scalar
it fixes; comments, key order, quoting and line breaks survive. Should the emitter lay out
any other line differently, the file is left as it is and said so (``Outcome.refused``).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlint.engine import render
from reportlint.inputs import document

if TYPE_CHECKING:
    from reportlint.linter import Linter


_FIELDS = re.compile(r"(?<!\{)\{([A-Za-z_][\w.]*)\}")


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace characters ``start:end`` of the string at ``pointer`` with ``text``."""

    rule: str
    pointer: str
    start: int
    end: int
    text: str
    line: int


@dataclass
class Outcome:
    """What fixing one file did: the new text (None: unchanged) and why if refused."""

    path: str
    original: str
    fixed: str | None = None
    edits: list[Edit] = field(default_factory=list)
    refused: str | None = None
    refused_zh: str | None = None

    def diff(self) -> str:
        if self.fixed is None:
            return ""
        return "".join(
            difflib.unified_diff(
                self.original.splitlines(keepends=True),
                self.fixed.splitlines(keepends=True),
                fromfile=f"a/{self.path}",
                tofile=f"b/{self.path}",
            )
        )


def is_report(doc: document.Document) -> bool:
    """A file that reads as a report: YAML without errors, a mapping with ``report``."""
    data = doc.data
    return not doc.problems and isinstance(data, dict) and isinstance(data.get("report"), dict)


def edits(linter: Linter, doc: document.Document, ignored: tuple[str, ...] = ()) -> list[Edit]:
    """The fixes of the findings the run reports in ``doc`` (suppressed ones excepted).

    ``ignored``: rule IDs or prefixes the configuration ignores in this file.
    """
    reported = {
        (finding.rule, finding.pointer, finding.line, finding.column)
        for finding in linter.lint_document(doc)
        if not (ignored and finding.rule.startswith(ignored))
    }
    found: dict[tuple[str, int, int], Edit] = {}
    for rule, run, hit, params in linter.engine.hits(doc.data):
        template = run.options.get("fix")
        if not isinstance(template, str) or hit.start is None or hit.end is None:
            continue
        if any(name not in params for name in _FIELDS.findall(template)):
            continue  # this hit has no one right replacement (a guess, say)
        span = doc.locator.text_span(hit.pointer, hit.start, hit.end)
        if (rule.id, hit.pointer, span.line, span.column) not in reported:
            continue
        edit = Edit(rule.id, hit.pointer, hit.start, hit.end, render(template, params), span.line)
        found.setdefault((hit.pointer, hit.start, hit.end), edit)
    return sorted(found.values(), key=lambda edit: (edit.pointer, edit.start))


def fix_text(linter: Linter, text: str, path: str, ignored: tuple[str, ...] = ()) -> Outcome:
    """``text`` with its fixable findings fixed; a file that is not a report is never changed."""
    outcome = Outcome(path, text)
    doc = document.load_yaml(text, path)
    if not is_report(doc):
        return outcome
    planned = edits(linter, doc, ignored)
    if not planned:
        return outcome
    from reportlint.publish import yamlrt

    data, yaml = yamlrt.load(text)
    applied = _apply(data, planned)
    fixed = yamlrt.dump(yaml, data)
    stray = _stray_lines(text, fixed, {edit.line for edit in applied})
    if stray:
        outcome.refused = (
            f"not fixed: writing the fixes back would also change line {stray[0]}; "
            "fix the findings by hand"
        )
        outcome.refused_zh = f"未修改：写回修改会同时改动第{stray[0]}行，请手工修改这些问题"
        return outcome
    if fixed != text:
        outcome.fixed, outcome.edits = fixed, applied
    return outcome


def fix_file(linter: Linter, path: Path, *, write: bool, ignored: tuple[str, ...] = ()) -> Outcome:
    """Fix the report at ``path``; with ``write``, replace it atomically."""
    text = linter.read(path)
    outcome = fix_text(linter, text, str(path), ignored)
    if write and outcome.fixed is not None:
        from reportlint.files import write_atomically

        fixed = outcome.fixed

        def produce(stream: Any) -> None:
            stream.write(fixed)

        write_atomically(path, produce)
    return outcome


def _apply(data: Any, planned: list[Edit]) -> list[Edit]:
    """Make ``planned`` edits in the round-trip ``data``; the edits made."""
    by_pointer: dict[str, list[Edit]] = {}
    for edit in planned:
        by_pointer.setdefault(edit.pointer, []).append(edit)
    applied: list[Edit] = []
    for pointer, group in by_pointer.items():
        parent, key = _parent(data, pointer)
        if parent is None:
            continue
        value = parent[key]
        if not isinstance(value, str):
            continue
        text, last = str(value), len(value) + 1
        # From the end, so earlier offsets stay right; overlapping matches are skipped.
        for edit in sorted(group, key=lambda edit: edit.start, reverse=True):
            if edit.end > last:
                continue
            text = text[: edit.start] + edit.text + text[edit.end :]
            last = edit.start
            applied.append(edit)
        # The scalar keeps its style: a quoted string stays quoted, a block stays a block.
        parent[key] = type(value)(text) if type(value) is not str else text
    return applied


def _parent(data: Any, pointer: str) -> tuple[Any, Any]:
    parts = [part.replace("~1", "/").replace("~0", "~") for part in pointer.split("/")[1:]]
    node = data
    for part in parts[:-1]:
        node = _child(node, part)
        if node is None:
            return None, None
    if not parts:
        return None, None
    last: Any = parts[-1]
    if isinstance(node, list):
        last = int(last) if last.isdigit() and int(last) < len(node) else None
    elif not isinstance(node, Mapping) or last not in node:
        last = None
    return (node, last) if last is not None else (None, None)


def _child(node: Any, part: str) -> Any:
    if isinstance(node, list):
        return node[int(part)] if part.isdigit() and int(part) < len(node) else None
    if isinstance(node, Mapping):
        return node.get(part)
    return None


def _stray_lines(before: str, after: str, fixed: set[int]) -> list[int]:
    """Lines (1-based, of ``before``) the dump changed that hold no fix."""
    stray: list[int] = []
    matcher = difflib.SequenceMatcher(None, before.splitlines(), after.splitlines(), False)
    for tag, first, last, _, _ in matcher.get_opcodes():
        if tag == "equal":
            continue
        lines = range(first + 1, last + 1) if last > first else range(first, first + 1)
        stray.extend(line for line in lines if line not in fixed)
    return stray
