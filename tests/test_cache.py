"""The cache of validated packs, profiles and configurations: data that cannot lie.

Whatever is done to an entry (damaged, rewritten with a matching checksum, of the wrong
shape, a rule or pattern changed), a run reports what it reports without the cache; a
change to the code that validates makes every entry a miss; a folder others can write
to is not used.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from reportlint import resources
from reportlint.cli import main
from reportlint.linter import Linter, Settings
from reportlint.matching import regex
from reportlint.packs import cache, catalog, written
from tests.conftest import FLAWED_FIGURES

FIGURES = resources.rules_dir() / "figures.yaml"
# Catastrophic on `re` for a text of many 甲 and no 乙; the report below has none.
CATASTROPHIC = "(?:甲|甲甲){40}乙"

USER_PACK = """\
pack: mine
rules:
  - id: MY101
    name: no-placeholder
    severity: warning
    summary: {zh: 无占位符, en: no placeholder}
    message: {zh: "占位符 {match}", en: "placeholder {match}"}
    rationale: {zh: 测试, en: test}
    basis: none
    check: forbidden-pattern
    path: sections
    options: {pattern: 截至11月份}
    examples:
      pass: [{}]
      fail: [{}]
"""

Found = list[tuple[int, int, str, str]]

# What one run validates on a cold cache: every bundled pack and the default profile.
FILES_PER_RUN = len(catalog.pack_files()) + 1


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of this test's own (not yet made)."""
    path = tmp_path / "cache"
    monkeypatch.setenv("REPORTLINT_CACHE_DIR", str(path))
    return path


@pytest.fixture
def validations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files validated afresh (not read from the cache), in order."""
    seen: list[str] = []
    validate = catalog._validate

    def spy(path: Path, content: bytes, kind: str, *, bundled: bool) -> Any:
        seen.append(path.name)
        return validate(path, content, kind, bundled=bundled)

    monkeypatch.setattr(catalog, "_validate", spy)
    return seen


def findings(settings: Settings) -> Found:
    linter = Linter(settings)
    return [(f.line, f.column, f.rule, f.message) for f in linter.lint_text(FLAWED_FIGURES)]


def reference(settings: Settings | None = None) -> Found:
    return findings((settings or Settings())._replace(use_cache=False))


def rewrite(entry: Path, change: Callable[[Any], Any], *, checksum: bool = True) -> None:
    """Change an entry's payload; with ``checksum``, as a careful forger would, fixing it."""
    head, _, payload = entry.read_bytes().partition(b"\n")
    changed = json.dumps(change(json.loads(payload)), ensure_ascii=False).encode()
    header = json.loads(head)
    if checksum:
        header["checksum"] = cache.checksum(changed)
    entry.write_bytes(json.dumps(header).encode() + b"\n" + changed)


def figures_entry() -> Path:
    entry = cache.entry_path("pack", FIGURES.read_bytes())
    assert entry is not None and entry.is_file()
    return entry


def without_rule(rule_id: str) -> Callable[[Any], Any]:
    def change(pack: Any) -> Any:
        return {**pack, "rules": [rule for rule in pack["rules"] if rule["id"] != rule_id]}

    return change


def with_pattern(rule_id: str, pattern: str) -> Callable[[Any], Any]:
    def change(pack: Any) -> Any:
        for rule in pack["rules"]:
            if rule["id"] == rule_id:
                rule["options"]["pattern"] = pattern
        return pack

    return change


def test_a_warm_run_validates_nothing(folder: Path, validations: list[str]) -> None:
    expected = reference()
    assert validations == [*(path.name for path in catalog.pack_files()), "six-section.yaml"]
    validations.clear()
    assert findings(Settings()) == expected  # fills the cache
    assert findings(Settings()) == expected
    assert len(validations) == FILES_PER_RUN  # the first run only
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda pack: [], id="a list"),
        pytest.param(lambda pack: {**pack, "rules": "none"}, id="rules a text"),
        pytest.param(
            lambda pack: {**pack, "rules": [{**pack["rules"][0], "check": "no-such-check"}]},
            id="an unknown check",
        ),
        pytest.param(
            lambda pack: {**pack, "rules": [{**pack["rules"][0], "when": "report.year ="}]},
            id="a condition that does not parse",
        ),
        pytest.param(
            lambda pack: {**pack, "rules": [{**pack["rules"][0], "severity": 3}]},
            id="a severity of the wrong type",
        ),
        pytest.param(without_rule("RL401"), id="a rule removed"),
        pytest.param(with_pattern("RL401", CATASTROPHIC), id="a catastrophic pattern"),
        pytest.param(with_pattern("RL401", "(?P<value>x)"), id="another pattern"),
    ],
)
@pytest.mark.parametrize("checksum", [True, False], ids=["checksum fixed", "checksum stale"])
def test_a_changed_bundled_entry_changes_nothing(
    folder: Path, validations: list[str], change: Callable[[Any], Any], checksum: bool
) -> None:
    expected = reference()
    findings(Settings())
    rewrite(figures_entry(), change, checksum=checksum)
    validations.clear()
    assert findings(Settings()) == expected
    assert validations == ["figures.yaml"]
    assert findings(Settings()) == expected  # the entry was written afresh
    assert validations == ["figures.yaml"]
    assert CATASTROPHIC not in regex._TRUSTED


def test_a_cache_entry_never_makes_a_pattern_trusted(folder: Path) -> None:
    findings(Settings())
    rewrite(figures_entry(), with_pattern("RL401", CATASTROPHIC))
    linter = Linter(Settings())
    assert CATASTROPHIC not in {p for rule in linter.catalogue.values() for p in _patterns(rule)}
    assert type(regex.regex(CATASTROPHIC)).__name__ == "_TimedPattern"
    assert "RL401" in linter.catalogue


def _patterns(rule: Any) -> Iterator[str]:
    for run in rule.runs:
        if isinstance(run.options.get("pattern"), str):
            yield run.options["pattern"]


@pytest.mark.parametrize(
    "damage",
    [b"", b"\n", b"not json\n{}", b"[]\n[]", b'{"format": 2}\n{}', b"\xff\xfe\x00"],
    ids=["empty", "a newline", "not JSON", "a list header", "no checksum", "binary"],
)
def test_a_damaged_entry_is_a_miss(folder: Path, validations: list[str], damage: bytes) -> None:
    expected = reference()
    findings(Settings())
    figures_entry().write_bytes(damage)
    validations.clear()
    assert findings(Settings()) == expected
    assert validations == ["figures.yaml"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_an_entry_that_is_a_fifo_or_a_folder_is_a_miss(
    folder: Path, validations: list[str]
) -> None:
    expected = reference()
    findings(Settings())
    entry = figures_entry()
    entry.unlink()
    os.mkfifo(entry)
    assert findings(Settings()) == expected  # not blocked: the FIFO is not read
    entry.unlink()
    entry.mkdir()
    validations.clear()
    assert findings(Settings()) == expected
    assert validations == ["figures.yaml"]


def test_a_users_entry_of_the_wrong_shape_is_validated_afresh(
    folder: Path, tmp_path: Path, validations: list[str]
) -> None:
    pack = tmp_path / "mine.yaml"
    pack.write_text(USER_PACK, encoding="utf-8")
    settings = Settings(extra_packs=(pack,), select=("MY",))
    expected = reference(settings)
    assert expected == [(12, 9, "MY101", "placeholder 截至11月份")]
    findings(settings)
    entry = cache.entry_path("pack", pack.read_bytes())
    assert entry is not None
    rewrite(entry, lambda data: {**data, "rules": [{"id": "MY101"}]})
    validations.clear()
    assert findings(settings) == expected
    assert validations == ["mine.yaml"]


def test_a_users_entry_edited_without_its_checksum_is_validated_afresh(
    folder: Path, tmp_path: Path, validations: list[str]
) -> None:
    pack = tmp_path / "mine.yaml"
    pack.write_text(USER_PACK, encoding="utf-8")
    settings = Settings(extra_packs=(pack,), select=("MY",))
    expected = reference(settings)
    findings(settings)
    entry = cache.entry_path("pack", pack.read_bytes())
    assert entry is not None

    def quieter(data: Any) -> Any:
        data["rules"][0]["options"]["pattern"] = "no such text"
        return data

    rewrite(entry, quieter, checksum=False)
    validations.clear()
    assert findings(settings) == expected
    assert validations == ["mine.yaml"]


def test_a_changed_config_entry_is_validated_afresh(
    folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("r.yaml").write_text(FLAWED_FIGURES, encoding="utf-8")
    Path(".reportlint.yaml").write_text("select: [RL401]\nmax-bytes: 100000\n", encoding="utf-8")
    assert main(["check", "r.yaml", "--lang", "en", "-q"]) == 1
    first = capsys.readouterr()
    entry = cache.entry_path("config-yaml", Path(".reportlint.yaml").read_bytes())
    assert entry is not None
    rewrite(entry, lambda data: {**data, "max_bytes": True})
    assert main(["check", "r.yaml", "--lang", "en", "-q"]) == 1
    assert capsys.readouterr() == first
    rewrite(entry, lambda data: {**data, "select": "RL1"})
    assert main(["check", "r.yaml", "--lang", "en", "-q"]) == 1
    assert capsys.readouterr() == first


def test_changed_validating_code_makes_every_entry_a_miss(
    folder: Path, validations: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    findings(Settings())
    validations.clear()
    findings(Settings())
    assert validations == []
    monkeypatch.setattr(cache, "code_digest", lambda: "another version of rulemodel.py")
    findings(Settings())
    assert len(validations) == FILES_PER_RUN


def test_the_code_digest_covers_the_validating_code_only(tmp_path: Path) -> None:
    package = tmp_path / "reportlint"
    shutil.copytree(
        Path(cache.__file__).resolve().parent.parent,
        package,
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    digest = cache.digest_of_code(package)
    assert digest is not None and digest == cache.code_digest()
    (package / "reporters" / "text.py").write_text("# changed\n", encoding="utf-8")
    assert cache.digest_of_code(package) == digest
    for changed in ("packs/rulemodel.py", "checks/options.py", "config/model.py"):
        path = package / changed
        original = path.read_bytes()
        path.write_bytes(original + b"\n# changed\n")
        assert cache.digest_of_code(package) != digest, changed
        path.write_bytes(original)
    (package / "checks" / "new_kind.py").write_text("NAME = 'new-kind'\n", encoding="utf-8")
    assert cache.digest_of_code(package) != digest


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
@pytest.mark.parametrize("mode", [0o770, 0o707, 0o777])
def test_a_folder_others_can_write_to_is_not_used(
    folder: Path, validations: list[str], mode: int
) -> None:
    folder.mkdir()
    folder.chmod(mode)
    expected = reference()
    validations.clear()
    assert findings(Settings()) == expected
    assert findings(Settings()) == expected
    assert len(validations) == 2 * FILES_PER_RUN  # every run validates: nothing is read or written
    assert list(folder.iterdir()) == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_a_file_where_the_folder_should_be_is_not_used(
    folder: Path, validations: list[str]
) -> None:
    folder.write_text("not a folder", encoding="utf-8")
    assert findings(Settings()) == reference()
    assert cache.folder() is None


def test_no_cache_reads_and_writes_nothing(
    folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("r.yaml").write_text(FLAWED_FIGURES, encoding="utf-8")
    Path(".reportlint.yaml").write_text("select: [RL401, RL305]\n", encoding="utf-8")
    read: list[Path] = []
    monkeypatch.setattr(cache, "_read", lambda entry, kind: read.append(entry))
    assert main(["check", "--concise", "--no-cache", "r.yaml", "--lang", "en", "--no-color"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        'r.yaml:11:11: RL401 error [rate-range] "重大执法决定法制审核率达到110%": a rate cannot '
        "exceed 100%",
        'r.yaml:12:9: RL305 warning [partial-year-data] figures "截至11月份" do not cover the '
        "whole year",
        "Found 2 problems (1 error, 1 warning) in 1 file.",
    ]
    assert (read, folder.exists()) == ([], False)
    for command in (["rules"], ["explain", "RL401"], ["test-rules", "--select", "RL401"]):
        assert main([*command, "--no-cache"]) == 0
    # The full text output names the parts of the report without the cache too.
    assert main(["check", "--no-cache", "r.yaml", "--lang", "zh"]) == 1
    capsys.readouterr()
    assert (read, folder.exists()) == ([], False)


def test_the_environment_turns_the_cache_off(
    folder: Path, monkeypatch: pytest.MonkeyPatch, validations: list[str]
) -> None:
    monkeypatch.setenv("REPORTLINT_NO_CACHE", "1")
    findings(Settings())
    findings(Settings())
    assert (len(validations), folder.exists()) == (2 * FILES_PER_RUN, False)


# What the bundled files write, read without a YAML parser ------------------------------------


def test_every_bundled_pattern_and_rule_is_read_from_its_file() -> None:
    # Else that pattern would run time-limited on `regex` (and a warm run import it), or
    # the pack be validated afresh on every run.
    for path in catalog.pack_files():
        text = path.read_text(encoding="utf-8")
        pack, _ = catalog._load_pack(path, use_cache=False)
        assert written.rule_ids(text) == [rule["id"] for rule in pack["rules"]], path.name
        assert set(catalog._patterns(pack)) <= written.values(text, "pattern"), path.name
    for path in resources.profiles_dir().glob("*.yaml"):
        profile = catalog.load_profile(str(path.stem), use_cache=False)
        assert profile.trusted, path.name
    linter = Linter(Settings(use_cache=False))
    assert all(run.trusted for rule in linter.catalogue.values() for run in rule.runs
               if isinstance(run.options.get("pattern"), str))  # fmt: skip


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("pattern: 法制政府\n", {"法制政府"}),
        ("  pattern: a|b  # comment\n", {"a|b"}),
        ("options: {pattern: 原因|由于, min: 1}\n", {"原因|由于"}),
        ('options: {pattern: "(?P<value>\\\\d{4})\\\\s*年", op: "=="}\n', {"(?P<value>\\d{4})\\s*年"}),
        ("pattern: 'it''s'\n", {"it's"}),
        ("pattern: '''x''''''y'\n", {"'x'''y"}),
        ("pattern: 'unclosed''\n", set()),
        ('pattern: "a\\"b\\\\" # c\n', {'a"b\\'}),
        ('pattern: "ends\\"\n', set()),
        ('pattern: "\\u6cd5\\x41"\n', {"法A"}),
        ("pattern: >-\n  a|b\n  c\nnext: 1\n", {"a|b c"}),
        ("pattern: |-\n  a\n  b\n", {"a\nb"}),
        ("pattern: >\n  a\n", {"a\n"}),
        ("pattern: a\n  continued\n", set()),
        ("pattern: >-\n  a\n\n  b\n", set()),
        ("pattern: >-\n  a\n    b\n", set()),
        ("pattern: &anchor a\n", set()),
        ("pattern: *alias\n", set()),
        ('pattern: "unclosed\n', set()),
        ("antipattern: a\n", set()),
    ],
)  # fmt: skip
def test_written_values(text: str, found: set[str]) -> None:
    assert written.values(text, "pattern") == found
