"""``forbidden-pattern``: every match of a regex in the text is a finding at the match.

Named groups and ``match`` fill the message; ``suggest`` maps a matched text (or a part
of it) to the preferred form, given to the message as ``suggestion`` (and the whole match
put right as ``corrected``). ``fix``, where a match has one right replacement, is that
replacement as a template of the same fields (``"{corrected}"``); ``check --fix`` writes it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from reportlint.checks import Target
from reportlint.checks.context import Context, Hit
from reportlint.matching.regex import regex

if TYPE_CHECKING:
    from reportlint.checks.options import Options

NAME = "forbidden-pattern"


def _suggestion(matched: str, suggest: Mapping[str, str]) -> str:
    if matched in suggest:
        return suggest[matched]
    return next((preferred for wrong, preferred in suggest.items() if wrong in matched), "")


def _corrected(matched: str, suggest: Mapping[str, str]) -> str:
    """The match with the wrong form in it replaced by the preferred one."""
    if matched in suggest:
        return suggest[matched]
    for wrong, preferred in suggest.items():
        if wrong in matched:
            return matched.replace(wrong, preferred)
    return matched


def check(ctx: Context, target: Target, options: Mapping[str, Any]) -> Iterator[Hit]:
    compiled = regex(options["pattern"])
    suggest: Mapping[str, str] = options.get("suggest") or {}
    for pointer, value in target.nodes:
        block = ctx.text(pointer, value, body_only=options.get("body_only", False))
        for match in compiled.finditer(block.text):
            place = block.locate(match.start(), match.end())
            params = {name: text for name, text in match.groupdict().items() if text is not None}
            params["match"] = match.group(0)
            if suggest:
                params["suggestion"] = _suggestion(match.group(0), suggest)
                params["corrected"] = _corrected(match.group(0), suggest)
            yield Hit(place.pointer, place.start, place.end, params=params)


@functools.cache
def options_model() -> type[Options]:
    """The model of this check's options; pydantic is imported only when a pack is validated."""
    from pydantic import Field

    from reportlint.checks.options import RegexOptions

    class ForbiddenOptions(RegexOptions):
        suggest: dict[str, str] = Field(default_factory=dict)
        body_only: bool = False
        fix: str | None = None

    return ForbiddenOptions
