"""``reportlint init --from last-year.yaml``: next year's report, started from last year's.

Through ruamel.yaml's round trip, so every comment stays. What changes:

- ``report.year`` becomes the new year, and every year in the title and the headings moves
  by as many years (2023 -> 2024, and the plans' 2024 -> 2025);
- ``signed_on``, ``published_on``, ``index_no`` and ``source`` are cleared: they belong to
  last year's publication (the check then asks for the new ``signed_on``);
- every figure in the text (a number before a unit, ``6次``, ``100%``) becomes ``XX``, a
  placeholder RL501 reports until the new figure is written in; years, dates and the text
  inside 《》 are left alone;
- last year's plans are listed as a comment under the measures, so the clerk reports on
  each of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from reportlint.errors import ReportlintError, already_exists
from reportlint.schema import modeline

MAX_BYTES = 10 * 1024 * 1024
CLEARED = ("signed_on", "published_on", "index_no", "source")
PLACEHOLDER = "XX"
_YEAR = re.compile(r"(?<![0-9０-９])((?:19|20)[0-9]{2})(?![0-9０-９])")
_UNITS = "件个名位次项家人份条起场万亿元天批户所余倍部册篇台辆处%％"
# A number (Arabic, half or full width, with a decimal part) and the unit after it; not a
# year, month or day (年, 月, 日 are not units here).
_FIGURE = re.compile(rf"(?<![0-9０-９.．])[0-9０-９]+(?:[.．][0-9０-９]+)?(?=\s*[{_UNITS}])")
_TITLE_MARKS = re.compile(r"《[^《》]*》")


def roll_forward(text: str, year: int | None = None) -> str:
    """The YAML of next year's report (or of ``year``'s) from last year's YAML ``text``."""
    from reportlint.publish import yamlrt

    data, yaml = yamlrt.load(text)
    report = data.get("report") if isinstance(data, dict) else None
    if not isinstance(report, dict) or not isinstance(report.get("year"), int):
        raise ReportlintError(
            "not a report with a year: nothing to roll forward",
            zh="不是写明报告年度的报告，无法顺延到下一年",
        )
    old = int(report["year"])
    new = old + 1 if year is None else year
    shift = new - old
    report["year"] = new
    if isinstance(report.get("title"), str):
        report["title"] = _same_style(report["title"], shift_years(report["title"], shift))
    for key in CLEARED:
        if key in report:
            del report[key]
    plans = _plan_headings(data)
    for holder, key, value in _texts(data):
        if key == "heading":
            value = shift_years(value, shift)
        holder[key] = _same_style(holder[key], placeholders(value))
    _note_plans(data, plans, old)
    return yamlrt.dump(yaml, data)


def write_rolled(source: Path, target: Path, *, year: int | None, force: bool) -> None:
    """Write next year's report from ``source`` to ``target`` (atomically; --force to replace)."""
    from reportlint.files import write_atomically
    from reportlint.inputs import read_report

    if target.exists() and not force:
        raise already_exists(target)
    if target.exists() and target.resolve() == source.resolve():
        raise ReportlintError(
            f"{target}: is last year's report itself; write elsewhere",
            zh=f"{target}：这就是上一年度的报告，请写到别处",
        )
    try:
        text = roll_forward(read_report(source, max_bytes=MAX_BYTES), year)
        text = modeline.moved(text, source, target)
    except ReportlintError as error:
        raise ReportlintError(f"{source}: {error}", zh=f"{source}：{error.say('zh')}") from error

    def produce(stream: TextIO) -> None:
        stream.write(text)

    write_atomically(target, produce)


def shift_years(text: str, shift: int) -> str:
    """``text`` with every year (1900-2099) moved by ``shift`` years."""
    return _YEAR.sub(lambda match: str(int(match.group(1)) + shift), text)


def placeholders(text: str) -> str:
    """``text`` with each figure before a unit replaced by XX (not inside 《》)."""
    pieces: list[str] = []
    last = 0
    for match in _TITLE_MARKS.finditer(text):
        pieces.append(_FIGURE.sub(PLACEHOLDER, text[last : match.start()]))
        pieces.append(match.group(0))
        last = match.end()
    pieces.append(_FIGURE.sub(PLACEHOLDER, text[last:]))
    return "".join(pieces)


def _same_style(old: Any, new: str) -> Any:
    """``new`` in the scalar style of ``old`` (quoted stays quoted)."""
    return new if type(old) is str else type(old)(new)


def _texts(data: Any) -> Iterator[tuple[Any, Any, str]]:
    """(holder, key, text) of each heading and paragraph (the preamble and closing too)."""
    for key in ("preamble", "closing"):
        yield from _items(data.get(key))
    sections = data.get("sections")
    if isinstance(sections, dict):
        for block in sections.values():
            yield from _block(block)


def _block(block: Any) -> Iterator[tuple[Any, Any, str]]:
    if not isinstance(block, dict):
        return
    if isinstance(block.get("heading"), str):
        yield block, "heading", str(block["heading"])
    yield from _items(block.get("paragraphs"))
    parts = block.get("subsections")
    if isinstance(parts, list):
        for part in parts:
            yield from _block(part)


def _items(items: Any) -> Iterator[tuple[Any, Any, str]]:
    if isinstance(items, list):
        for index, item in enumerate(items):
            if isinstance(item, str):
                yield items, index, str(item)


def _plan_headings(data: Any) -> list[str]:
    """Last year's plans: the headings of the plans' parts, else its paragraphs."""
    plans = (data.get("sections") or {}).get("plans")
    if not isinstance(plans, dict):
        return []
    parts = plans.get("subsections")
    if isinstance(parts, list):
        found = [str(part["heading"]) for part in parts if isinstance(part, dict)]
        if found:
            return found
    paragraphs = plans.get("paragraphs")
    return [str(text) for text in paragraphs] if isinstance(paragraphs, list) else []


def _note_plans(data: Any, plans: list[str], old: int) -> None:
    from ruamel.yaml.comments import CommentedMap

    measures = (data.get("sections") or {}).get("measures")
    if not plans or not isinstance(measures, CommentedMap):
        return
    keys = list(measures)
    after = keys.index("heading") + 1 if "heading" in keys else 0
    if after >= len(keys):
        return  # nothing below the heading to hang the comment on
    lines = [f"{old}年报告的安排 (逐项报告落实情况):"]
    lines.extend(f"- {' '.join(text.split())}" for text in plans)
    measures.yaml_set_comment_before_after_key(keys[after], before="\n".join(lines), indent=4)
