"""What the full text output shows under a finding: the line, marked; the part; the hint.

In the manner of ruff's full output::

    r.yaml:32:129: RL305 警告 [partial-year-data] “截至11月份”的数据未涵盖全年
       |
    32 | …全县共受理行政复议申请93件，截至11月份，共办结……
       |                         ^^^^^^^^^^^
       = 位置：第一部分“本年度推进法治政府建设的主要举措和成效”第（二）项第1段
       = 修改建议：换成全年数据，删去“截至11月份”“今年以来”等字样。

A long line is cut to the text around the span; the marker counts an East Asian wide
character as two columns, as a terminal shows it.
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportlint.findings import Finding
    from reportlint.packs.records import ProfileInfo
    from reportlint.reporters import RunSummary

# Characters shown either side of the span on a long line.
RADIUS = 30
# The longest span marked in full; a longer one is cut like the line.
_LONGEST_SPAN = 2 * RADIUS
# Only files whose lines are the lines the findings count (a .docx is not).
_TEXT_SUFFIXES = (".yaml", ".yml")


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide and full-width characters take two."""
    return len(text) if text.isascii() else sum(map(_columns, text))


@functools.lru_cache(maxsize=4096)
def _columns(char: str) -> int:
    # A report's lines use a few hundred characters: each is looked up once per run.
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def excerpt(source: str, start: int, end: int) -> tuple[str, int, int]:
    """The part of ``source`` shown for the span ``start:end`` (0-based characters), and
    the marker's offset and width in columns.

    A line longer than the span and ``RADIUS`` characters either side is cut, with "…" for
    what is left out.
    """
    source = source.replace("\t", " ")
    start = min(max(start, 0), len(source))
    end = min(max(end, start + 1), len(source)) if source else start
    shown_end = min(end, start + _LONGEST_SPAN)
    first = max(start - RADIUS, 0)
    last = min(shown_end + RADIUS, len(source))
    prefix = "…" if first > 0 else ""
    suffix = "…" if last < len(source) else ""
    text = prefix + source[first:last] + suffix
    offset = width(prefix + source[first:start])
    marked = max(width(source[start:shown_end]), 1)
    return text, offset, marked


class Context:
    """The lines of the files a run checked, the rules' hints, and the profile's titles."""

    def __init__(self, summary: RunSummary) -> None:
        self.lang = summary.lang
        self.hints = {
            rule.id: rule.hint[summary.lang] for rule in summary.rules if rule.hint is not None
        }
        self._lines: dict[str, list[str] | None] = {}
        # Each file's parts are named from the profile it was checked against.
        self._places = {
            result.path: (result.profile, result.sections) for result in summary.results
        }
        self._default: ProfileInfo | None = None

    def details(self, finding: Finding) -> list[str]:
        """The lines shown under ``finding`` (none when there is nothing to add)."""
        zh = self.lang == "zh"
        gutter = " " * len(str(finding.line))
        shown: list[str] = []
        source = self._line(finding.path, finding.line)
        if source is not None and source.strip():
            end = finding.end_column - 1 if finding.end_line == finding.line else len(source)
            text, offset, marked = excerpt(source, finding.column - 1, end)
            shown += [
                f"{gutter} |",
                f"{finding.line} | {text}",
                f"{gutter} | {' ' * offset}{'^' * marked}",
            ]
        if finding.pointer:
            where = self._where(finding.path, finding.pointer)
            shown.append(f"{gutter} = 位置：{where}" if zh else f"{gutter} = in: {where}")
        hint = self.hints.get(finding.rule)
        if hint is not None:
            shown.append(f"{gutter} = 修改建议：{hint}" if zh else f"{gutter} = help: {hint}")
        if shown:
            shown.append("")
        return shown

    def _where(self, path: str, pointer: str) -> str:
        from reportlint import parts

        profile, order = self._places.get(path, (None, ()))
        if profile is None:
            # Not told which profile ran (a caller of the reporter's own): the default's.
            if self._default is None:
                self._default = parts.default_profile()
            profile = self._default
        return parts.describe(pointer, profile, self.lang, order)

    def _line(self, path: str, number: int) -> str | None:
        if path not in self._lines:
            self._lines[path] = _read_lines(path)
        lines = self._lines[path]
        if lines is None or not 0 < number <= len(lines):
            return None
        return lines[number - 1]


def _read_lines(path: str) -> list[str] | None:
    if not path.lower().endswith(_TEXT_SUFFIXES):
        return None
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    return data.decode("utf-8-sig", errors="replace").splitlines()
