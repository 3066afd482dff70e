"""ruamel.yaml's round trip, set up to write a report back as its author laid it out.

Comments (``# reportlint:`` suppressions among them), key order, quoting and line breaks
survive a load and dump. ruamel.yaml does not read the indentation from a file, so it is
worked out here from the first mapping and the first sequence under a key, and lines are
never folded (a paragraph stays on its one line).
"""

from __future__ import annotations

import io
import re
from typing import Any

# A sequence item and the key line just above it.
_KEY_THEN_ITEM = re.compile(r"^( *)[^\s#-][^\n]*:[ \t]*(?:#[^\n]*)?\n( *)- ", re.MULTILINE)
# A key with nothing after it and the first key under it.
_KEY_THEN_KEY = re.compile(
    r"^( *)[^\s#-][^\n]*:[ \t]*(?:#[^\n]*)?\n(?: *#[^\n]*\n)*( *)[^\s#-][^\n:]*:", re.MULTILINE
)
_NO_WRAP = 1_000_000


def round_trip(text: str | None = None) -> Any:
    """A ``YAML(typ="rt")`` that dumps the way ``text`` is indented (default: as import writes)."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = _NO_WRAP
    yaml.allow_unicode = True
    mapping, offset = 2, 2
    if text is not None:
        nested = _KEY_THEN_KEY.search(text)
        if nested is not None and len(nested.group(2)) > len(nested.group(1)):
            mapping = len(nested.group(2)) - len(nested.group(1))
        found = _KEY_THEN_ITEM.search(text)
        if found is not None:
            offset = max(0, len(found.group(2)) - len(found.group(1)))
    # The text of an item stands two columns past its dash ("- "), whatever the indentation.
    yaml.indent(mapping=mapping, sequence=offset + 2, offset=offset)
    return yaml


def emitter() -> Any:
    """The round-trip YAML for writing new data (``import``) that PyYAML reads back alike.

    reportlint reads with PyYAML, which follows YAML 1.1: there ``yes``, ``on`` and ``07``
    are not strings. Strings that YAML 1.1 would read as something else are quoted.
    """
    from ruamel.yaml.resolver import VersionedResolver

    class Resolver11(VersionedResolver):
        @property
        def processing_version(self) -> Any:
            return (1, 1)

    yaml = round_trip()
    yaml.Resolver = Resolver11
    return yaml


def load(text: str) -> tuple[Any, Any]:
    """The round-trip data of ``text`` and the YAML object that dumps it back alike."""
    yaml = round_trip(text)
    return yaml.load(text), yaml


def dump(yaml: Any, data: Any) -> str:
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()
