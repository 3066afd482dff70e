"""PyYAML, imported without compiling the one pattern that only its pure-Python reader uses.

``yaml.reader`` compiles ``Reader.NON_PRINTABLE`` when it is imported. The set is written
as four ranges reaching U+10FFFF, and ``re`` builds a character map of such a class one
code point at a time, in Python: a tenth of a one-file check, for a reader that never runs
when libyaml reads the report. The same set written as its complement (seven short ranges)
compiles fifty times faster. ``re.compile`` looks a pattern up in its cache before it
compiles it, so the complement is put there under PyYAML's text first, and ``yaml.reader``
gets it. Both match the same code points (``tests/test_pyyaml.py``). Where PyYAML writes
another pattern, or ``re`` keeps no such cache, the entry is simply not found and PyYAML
compiles its own.
"""

from __future__ import annotations

import re
import sys

# As yaml/reader.py writes it (PyYAML 3.x to 6.x): the code points YAML 1.1 allows.
PYYAML_NON_PRINTABLE = "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
# Everything else: C0 controls but tab and line breaks, DEL and C1 but NEL, surrogates,
# U+FFFE and U+FFFF.
SAME_SET = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]"


def _spare_the_reader_pattern() -> None:
    cache = getattr(re, "_cache", None)
    if "yaml" not in sys.modules and isinstance(cache, dict):
        cache[str, PYYAML_NON_PRINTABLE, 0] = re.compile(SAME_SET)


_spare_the_reader_pattern()

import yaml  # noqa: E402 - after the cache entry is in place
from yaml.constructor import SafeConstructor  # noqa: E402

__all__ = ["SafeConstructor", "yaml"]
