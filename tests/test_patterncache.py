"""The pattern cache gives exactly what ``re.compile`` gives, warm, cold or damaged."""

from __future__ import annotations

import marshal
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from reportlint import patterncache

PATTERNS = [
    r"(?P<name>[\u4e00-\u9fff]{1,10}率)[^。;\n\d%]{0,8}?(?P<value>\d+(?:\.\d+)?)\s*%",
    r"(?<![A-Za-z])[Xx]{2,}(?![A-Za-z])|×{2,}|某某|【[^】\n]{0,12}】|待补充",
    r"^(?!关于)(?P<value>[^\d]{2,30}?)(?:关于)?\d{4}",
    r"(?i)todo|tbd",
    r"(a)(b)?(?P<c>c)\1",
]
TEXT = "审核率达到100%。XX某某【待定】待补充\n关于2023年 TODO abcab 出庭率达到96%"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("REPORTLINT_NO_CACHE", raising=False)
    re.purge()  # A pattern re has compiled already is taken from re, not the cache.
    return tmp_path


def matches(pattern: re.Pattern[str]) -> list[tuple[int, int, dict[str, str | None]]]:
    return [(m.start(), m.end(), m.groupdict()) for m in pattern.finditer(TEXT)]


def stored(cache: Path) -> list[Path]:
    return sorted(cache.glob("patterns-*.marshal"))


@pytest.mark.parametrize("pattern", PATTERNS)
def test_cold_and_warm_give_what_re_gives(cache: Path, pattern: str) -> None:
    cold = patterncache.compile(pattern, re.MULTILINE)
    assert len(stored(cache)) == 1
    re.purge()
    warm = patterncache.compile(pattern, re.MULTILINE)  # from the file's program now
    re.purge()
    expected = re.compile(pattern, re.MULTILINE)
    for compiled in (cold, warm):
        assert compiled == expected
        assert (compiled.pattern, compiled.flags, compiled.groups) == (
            expected.pattern,
            expected.flags,
            expected.groups,
        )
        assert compiled.groupindex == expected.groupindex
        assert matches(compiled) == matches(expected)


def test_a_new_process_reads_the_programs(cache: Path) -> None:
    for pattern in PATTERNS:
        patterncache.compile(pattern, re.MULTILINE)
    code = (
        "import re, sys\n"
        "from reportlint import patterncache\n"
        "p = patterncache.compile(sys.argv[1], re.MULTILINE)\n"
        "print(p == re.compile(sys.argv[1], re.MULTILINE), len(patterncache._load()))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, PATTERNS[0]], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["True", str(len(PATTERNS))]


def test_a_damaged_file_falls_back_to_re(cache: Path) -> None:
    patterncache.compile(PATTERNS[1], re.MULTILINE)
    (path,) = stored(cache)
    path.write_bytes(b"not marshal data")
    patterncache._programs = None  # as a new process would
    assert patterncache.compile(PATTERNS[1], re.MULTILINE) == re.compile(PATTERNS[1], re.M)
    # A program that _sre refuses is compiled afresh and stored again.
    key = f"{int(re.MULTILINE)}:{PATTERNS[2]}"
    patterncache._load()[key] = (int(re.MULTILINE), [1, 2, 3], 0, {}, (None,))
    assert patterncache.compile(PATTERNS[2], re.MULTILINE) == re.compile(PATTERNS[2], re.M)
    assert patterncache._load()[key][1] != [1, 2, 3]


def test_no_cache_writes_nothing(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPORTLINT_NO_CACHE", "1")
    assert patterncache.compile(PATTERNS[0], re.MULTILINE) == re.compile(PATTERNS[0], re.M)
    assert stored(cache) == []


def run_python(code: str, *args: str) -> str:
    """Run ``code`` in a new process (with a hash seed of its own, as any run has)."""
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


REMEMBER = (
    "import re, sys\n"
    "from reportlint import patterncache\n"
    "for pattern in sys.argv[1:]: re.compile(pattern, re.IGNORECASE)\n"
    "patterncache.remember()\n"
)
PRIME = (
    "import re, sys\n"
    "from re import _compiler\n"
    "from reportlint import patterncache\n"
    "patterncache.prime()\n"
    "primed = re._cache.get((str, sys.argv[1], int(re.IGNORECASE)))\n"
    "fresh = _compiler.compile(sys.argv[1], re.IGNORECASE)\n"
    "print(primed is not None and primed == fresh and primed is re.compile(sys.argv[1], re.I))\n"
)


def test_a_library_pattern_met_in_two_runs_primes_re_in_the_next(cache: Path) -> None:
    assert run_python(PRIME, PATTERNS[0]) == "False"  # nothing stored yet
    run_python(REMEMBER, PATTERNS[0])
    assert run_python(PRIME, PATTERNS[0]) == "False"  # met once: maybe never again
    run_python(REMEMBER, PATTERNS[0])
    assert run_python(PRIME, PATTERNS[0]) == "True"


def test_patterns_that_change_every_run_do_not_grow_the_file(cache: Path) -> None:
    # As tokenize's, built from a set whose order changes with each process's hash seed.
    words = ["rb", "Rb", "bR", "RB", "br", "Br", "bR", "f", "F", "u", "U", "rf", "fR"]
    for run in range(12):
        alternation = "|".join(words[run:] + words[:run])
        run_python(REMEMBER, f"(?:{alternation})+" + "x" * 400, PATTERNS[3])
    (path,) = stored(cache)
    _, programs, seen = marshal.loads(path.read_bytes())
    assert f"{int(re.IGNORECASE)}:{PATTERNS[3]}" in programs
    assert not [key for key in programs if key.endswith("x" * 400)]
    # The 12 one-off patterns are kept as digests only, and the file stays small.
    assert 12 <= len(seen) <= 12 + len(programs) + 1
    assert path.stat().st_size < 4000


def test_the_command_keeps_what_its_libraries_compile(cache: Path, tmp_path: Path) -> None:
    report = tmp_path / "report.yaml"
    report.write_text("format: reportlint/1\n", encoding="utf-8")
    command = [sys.executable, "-m", "reportlint.cli", "check", "--quiet", str(report)]
    for _ in range(2):
        subprocess.run(command, capture_output=True, check=False)
    (path,) = stored(cache)
    _, programs, _ = marshal.loads(path.read_bytes())
    assert f"0:{yaml.reader.Reader.NON_PRINTABLE.pattern}" in programs
