"""``duplicate-text``: the same heading twice among sibling parts, or the same paragraph twice.

``within: siblings``: each node the path names is a list of parts (``subsections``); two
parts with the same heading are a finding at the later one. ``within: document``: every
paragraph under the nodes the path names is compared with every other; one that repeats an
earlier one word for word (white space and width aside) is a finding, if it has at least
``min_length`` characters. Fields: ``match`` (the text, shortened), ``section`` (the
section, or preamble, where it was first written), ``first`` (the pointer of that first
paragraph, which the engine names as ``{first_where}``).
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from reportlint import positions
from reportlint.checks import Target
from reportlint.checks.context import Context, Hit

if TYPE_CHECKING:
    from reportlint.checks.options import Options

NAME = "duplicate-text"


def _key(text: str) -> str:
    return "".join(text.split()).rstrip("。.,;:、")


def _shown(text: str) -> str:
    return text if len(text) <= 20 else text[:19] + "…"


def _candidates(ctx: Context, target: Target, within: str) -> Iterator[list[tuple[str, str]]]:
    """Groups of (pointer, folded text) inside which a repeat is a finding."""
    if within == "siblings":
        for pointer, node in target.nodes:
            if isinstance(node, list):
                yield [
                    (heading, unicodedata.normalize("NFKC", part["heading"]))
                    for index, part in enumerate(node)
                    if isinstance(part, dict) and isinstance(part.get("heading"), str)
                    for heading in [positions.join(positions.join(pointer, index), "heading")]
                ]
        return
    group = []
    for pointer, node in target.nodes:
        block = ctx.text(pointer, node)
        for segment in block.segments:
            if "/paragraphs/" in segment.pointer or segment.pointer.startswith(
                ("/preamble/", "/closing/")
            ):
                text = block.text[segment.start : segment.start + segment.length]
                group.append((segment.pointer, text))
    yield group


def check(ctx: Context, target: Target, options: Mapping[str, Any]) -> Iterator[Hit]:
    minimum: int = options.get("min_length", 1)
    for group in _candidates(ctx, target, options["within"]):
        seen: dict[str, str] = {}
        for pointer, text in group:
            key = _key(text)
            if len(key) < minimum:
                continue
            first = seen.setdefault(key, pointer)
            if first != pointer:
                parts = first.split("/")
                section = parts[2] if parts[1] == "sections" and len(parts) > 2 else parts[1]
                params = {"match": _shown(text.strip()), "section": section, "first": first}
                yield Hit(pointer, params=params)


@functools.cache
def options_model() -> type[Options]:
    """The model of this check's options; pydantic is imported only when a pack is validated."""
    from typing import Literal

    from pydantic import Field

    from reportlint.checks.options import Options

    class DuplicateTextOptions(Options):
        within: Literal["siblings", "document"]
        min_length: int = Field(default=1, ge=1)

    return DuplicateTextOptions
