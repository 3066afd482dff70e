"""PyYAML's reader pattern, taken from ``re``'s cache as its complement: the same set."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml

from reportlint.inputs.pyyaml import PYYAML_NON_PRINTABLE, SAME_SET

EVERY_CODE_POINT = "".join(map(chr, range(sys.maxunicode + 1)))


def _matched(pattern: re.Pattern[str]) -> list[int]:
    return [match.start() for match in pattern.finditer(EVERY_CODE_POINT)]


def test_the_complement_matches_exactly_the_code_points_pyyaml_calls_non_printable() -> None:
    re.purge()  # PyYAML's own pattern, compiled as written
    original = re.compile(PYYAML_NON_PRINTABLE)
    assert original.pattern == PYYAML_NON_PRINTABLE

    matched = _matched(original)

    assert matched == _matched(re.compile(SAME_SET))
    # C0 but 3, DEL and C1 but NEL (32), the surrogates (2048), U+FFFE and U+FFFF.
    assert len(matched) == 29 + 32 + 2048 + 2


def test_importing_the_report_reader_gives_pyyaml_the_complement() -> None:
    probe = (
        "import reportlint.inputs.document, yaml.reader;"
        "print(yaml.reader.Reader.NON_PRINTABLE.pattern)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    # A PyYAML that writes its pattern otherwise makes this fail: the speed-up is then lost.
    assert done.stdout.strip() == SAME_SET


@pytest.mark.parametrize("character", ["\x07", "\ufffe", "\x9f"])
def test_pyyaml_s_pure_python_reader_still_refuses_a_non_printable_character(
    character: str,
) -> None:
    import reportlint.inputs.document  # noqa: F401 - the cache entry is in place

    with pytest.raises(yaml.reader.ReaderError) as raised:
        yaml.load(f"title: a{character}b\n", Loader=yaml.SafeLoader)

    assert raised.value.character == ord(character)
