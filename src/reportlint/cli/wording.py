"""The command line's own words in the user's language: help, usage, its errors and notes.

English is written in the code and is the key of the Chinese in ``cli.zh.CATALOGUE``, as
gettext keys a catalogue by the message id. argparse asks gettext (its module's ``_``
and ``ngettext``) for its fixed words ("usage: ", "options", "the following arguments
are required: %s"); while ``main`` runs it lends argparse the same lookup, which in
English gives each word back as it is. An error raised below the command line carries
its own Chinese (``ReportlintError.zh``).
"""

from __future__ import annotations

import argparse
import functools
import os
import re
from collections.abc import Iterable, Mapping, Sequence

_catalogue: Mapping[str, str] = {}


def _(message: str) -> str:
    """``message`` in the language spoken now."""
    return _catalogue.get(message, message)


def _ngettext(singular: str, plural: str, count: int) -> str:
    return _(singular if count == 1 else plural)


def default_lang() -> str:
    """Chinese where the locale is Chinese, English elsewhere."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def language(argv: Sequence[str]) -> str:
    """The language a command speaks: its ``--lang``, else the locale's.

    Read before the arguments are parsed, so that argparse's help and errors about
    them are in that language too.
    """
    for index, argument in enumerate(argv):
        if argument == "--":
            break
        if argument == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif argument.startswith("--lang="):
            value = argument.removeprefix("--lang=")
        else:
            continue
        if value in ("zh", "en"):
            return value
    return default_lang()


Saved = tuple[Mapping[str, str], object, object]


def speak(lang: str) -> Saved:
    """Speak ``lang`` ("zh" or "en") from now on, argparse included; ``restore`` undoes it."""
    global _catalogue
    names = vars(argparse)
    saved = (_catalogue, names["_"], names["ngettext"])
    if lang == "zh":
        from reportlint.cli.zh import CATALOGUE

        _catalogue = CATALOGUE
    else:
        _catalogue = {}
    # In English too: argparse's gettext looks for catalogue files on every word (Python
    # ships none for argparse) and imports locale to do so.
    names.update(_=_, ngettext=_ngettext)
    return saved


def restore(saved: Saved) -> None:
    """Speak again as before ``speak``."""
    global _catalogue
    _catalogue, gettext, ngettext = saved
    vars(argparse).update(_=gettext, ngettext=ngettext)


# What a line may not be broken before (closing marks) or after (opening marks), after
# GB/T 15834; an ASCII word (an option name, a path) is never broken.
_UNIT = r"[（“‘《〔]*(?:[!-~]+|\S)[，。、；：？！）”’》〕…]*"
_WIDE = r"[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60]"
# A section's heading in argparse's help, Chinese, ending in argparse's ASCII colon.
_HEADING = r"^(\S[^\n]*[^\x00-\x7f]):$"


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    # Compiled when help is first formatted: a run that shows none pays nothing.
    return re.compile(pattern, re.MULTILINE)


def _wide(text: str) -> bool:
    # English help is ASCII: it never pays for the pattern (a set of wide characters).
    return not text.isascii() and _compiled(_WIDE).search(text) is not None


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns, a wide character taking two.

    Chinese has no spaces to break at: a line may end after any character but a mark
    that opens, and begin with any but one that closes.
    """
    from reportlint.reporters.excerpts import width as columns

    lines: list[str] = []
    line = ""
    for word in text.split():
        for index, unit in enumerate(_compiled(_UNIT).findall(word)):
            glue = " " if index == 0 else ""
            if line and columns(line + glue + unit) > width:
                lines.append(line)
                line = unit
            else:
                line = f"{line}{glue}{unit}" if line else unit
    if line:
        lines.append(line)
    return lines


class HelpFormatter(argparse.HelpFormatter):
    """argparse's layout, with Chinese wrapped by its width and headings ending in "：".

    argparse counts characters where a terminal counts columns, and breaks lines only
    at spaces; under a Chinese locale the help is mostly Chinese.
    """

    def _split_lines(self, text: str, width: int) -> list[str]:
        if not _wide(text):
            return super()._split_lines(text, width)
        return wrap(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if not _wide(text):
            return super()._fill_text(text, width, indent)
        return "\n".join(indent + line for line in wrap(text, width - len(indent)))

    def _format_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None,
    ) -> str:
        if prefix is None:
            prefix = _("usage: ")
        if not _wide(prefix):
            return super()._format_usage(usage, actions, groups, prefix)
        # argparse indents the usage's later lines by the prefix's length in characters:
        # lay it out with a stand-in as wide as the prefix shows, then put the prefix in.
        from reportlint.reporters.excerpts import width as columns

        stand_in = "\0" * columns(prefix)
        return super()._format_usage(usage, actions, groups, stand_in).replace(stand_in, prefix, 1)

    def format_help(self) -> str:
        # argparse ends a section's heading with an ASCII colon; a Chinese one takes "：".
        text = super().format_help()
        return text if text.isascii() else _compiled(_HEADING).sub("\\1：", text)


class RawDescriptionHelpFormatter(argparse.RawDescriptionHelpFormatter, HelpFormatter):
    """The description and epilog as written (a command example keeps its lines)."""
