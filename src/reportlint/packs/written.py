"""What a bundled pack or profile file writes, read from its text without a YAML parser.

Bundled patterns run on ``re`` with no time limit, so trust in a pattern must come from
the bundled file itself, never from the cache. Parsing the bundled YAML on every run
would cost a tenth of a one-file run; instead the scalars written at a key are read from
the text in the forms the bundled files use (plain, quoted, ``>-``/``|`` blocks). A value
written in another form is simply not found: its pattern then runs time-limited, and a
test keeps every bundled pattern in a form read here.
"""

from __future__ import annotations

import re

_ESCAPES = {
    "0": "\0",
    "a": "\a",
    "b": "\b",
    "t": "\t",
    "\t": "\t",
    "n": "\n",
    "v": "\v",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
    " ": " ",
    '"': '"',
    "/": "/",
    "\\": "\\",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}
_HEX = {"x": 2, "u": 4, "U": 8}
_BLOCK_HEADER = re.compile(r"([|>])(-?)[ \t]*(?:#.*)?$")
_QUOTE_OR_ESCAPE = re.compile(r'["\\]')
_ID = re.compile(r"[ \t]*-[ \t]+id:[ \t]*([A-Z]+[0-9]+)[ \t]*$")


def values(text: str, key: str) -> set[str]:
    """Every scalar ``text`` writes as the value of ``key:`` (or ``<name>_key:``, as
    ``against_pattern:``) in a form read here."""
    found: set[str] = set()
    marker = f"{key}:"
    start = text.find(marker)
    # str.find, not a regex: this runs on every bundled file in every run.
    while start >= 0:
        after = start + len(marker)
        value_start = after
        while text[value_start : value_start + 1] in (" ", "\t"):
            value_start += 1
        key_start = start
        if text[start - 1 : start] == "_":
            while key_start > 0 and (text[key_start - 1].isalnum() or text[key_start - 1] == "_"):
                key_start -= 1
        if value_start > after and (key_start == 0 or text[key_start - 1] in " \t{,\n"):
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", value_start)
            line_end = len(text) if line_end < 0 else line_end
            value = _scalar(text, line_start, value_start, line_end)
            if value is not None:
                found.add(value)
        start = text.find(marker, after)
    return found


def rule_ids(text: str) -> list[str]:
    """The rule IDs a pack writes as ``- id: RL101`` lines, in order."""
    found = []
    start = text.find("- id:")
    while start >= 0:
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        line = text[line_start : len(text) if line_end < 0 else line_end]
        match = _ID.match(line)
        if match:
            found.append(match.group(1))
        start = text.find("- id:", start + 5)
    return found


def _scalar(text: str, line_start: int, start: int, line_end: int) -> str | None:
    rest = text[start:line_end]
    before = text[line_start:start]
    flow = before.count("{") + before.count("[") > before.count("}") + before.count("]")
    if rest.startswith('"'):
        return _double_quoted(rest)
    if rest.startswith("'"):
        return _single_quoted(rest)
    header = _BLOCK_HEADER.match(rest)
    if header and not flow:
        indent = len(before) - len(before.lstrip(" "))
        return _block(
            text, line_end, indent, folded=header.group(1) == ">", keep=not header.group(2)
        )
    if not rest or rest[0] in "&*!|>%@`[]{},#?-":
        return None  # anchors, aliases, tags, nested collections: not a written pattern
    end = len(rest)
    stops = ",[]{}" if flow else ""
    for index, char in enumerate(rest):
        if char in stops or (char == "#" and rest[index - 1] in " \t"):
            end = index
            break
    value = rest[:end].rstrip(" \t")
    if not flow and _continues(text, line_end, len(before) - len(before.lstrip(" "))):
        return None  # a plain scalar folded over several lines
    return value or None


def _double_quoted(rest: str) -> str | None:
    out: list[str] = []
    index = 1
    # Runs of plain characters are copied whole: a bundled pattern is hundreds long.
    while (stop := _QUOTE_OR_ESCAPE.search(rest, index)) is not None:
        out.append(rest[index : stop.start()])
        index = stop.start()
        if rest[index] == '"':
            return "".join(out)
        code = rest[index + 1 : index + 2]
        if code in _ESCAPES:
            out.append(_ESCAPES[code])
            index += 2
        elif code in _HEX:
            digits = rest[index + 2 : index + 2 + _HEX[code]]
            if len(digits) != _HEX[code] or not all(c in "0123456789abcdefABCDEF" for c in digits):
                return None
            out.append(chr(int(digits, 16)))
            index += 2 + _HEX[code]
        else:
            return None
    return None  # not closed on this line


def _single_quoted(rest: str) -> str | None:
    out: list[str] = []
    index = 1
    while (quote := rest.find("'", index)) >= 0:
        out.append(rest[index:quote])
        if rest[quote + 1 : quote + 2] != "'":
            return "".join(out)
        out.append("'")  # '' is a quote
        index = quote + 2
    return None


def _block(text: str, line_end: int, indent: int, *, folded: bool, keep: bool) -> str | None:
    """A ``>``/``>-``/``|``/``|-`` block of lines indented alike, with no blank line inside."""
    lines: list[str] = []
    position = line_end + 1
    while position < len(text):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        line = text[position:end]
        depth = len(line) - len(line.lstrip(" "))
        if line.strip() and depth <= indent:
            break
        lines.append(line)
        position = end + 1
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines:
        return None
    depth = len(lines[0]) - len(lines[0].lstrip(" "))
    if any(not line.strip() or len(line) - len(line.lstrip(" ")) != depth for line in lines):
        return None
    body = (" " if folded else "\n").join(line[depth:] for line in lines)
    return body + "\n" if keep else body


def _continues(text: str, line_end: int, indent: int) -> bool:
    """Whether the next line is more indented than the key's: a continued plain scalar."""
    if line_end >= len(text):
        return False
    end = text.find("\n", line_end + 1)
    line = text[line_end + 1 : len(text) if end < 0 else end]
    return bool(line.strip()) and len(line) - len(line.lstrip(" ")) > indent
