"""Rule packs and profiles: found, read within limits, validated, and cached.

Validation (``rulemodel``, pydantic) runs when a file is not in the cache (``cache``);
what comes back from the cache is checked against its shape (``shape``), and for a
bundled file against the file's own text (``written``): a pattern is trusted to run on
``re`` only when the bundled file writes it. Every problem of every pack of a run is
reported at once, one line each (``RulePackError``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlint import resources
from reportlint.errors import RulePackError
from reportlint.findings import Severity
from reportlint.packs import cache, shape, written
from reportlint.packs.records import ProfileInfo, RuleSpec, Run, SectionInfo

if TYPE_CHECKING:
    from reportlint.packs.problems import Problem

PACK_LIMIT = 4 * 1024 * 1024  # a pack is a few tens of KB
PROFILE_LIMIT = 1024 * 1024


def _read(path: Path, limit: int, what: str, *, bundled: bool) -> bytes:
    """A file's bytes: a bundled one is the package's own; any other is checked first
    (a regular file within ``limit``)."""
    if not bundled:
        from reportlint.packs.loading import read_limited

        return read_limited(path, limit, what)
    try:
        return path.read_bytes()
    except OSError as error:
        raise RulePackError(f"{path}: cannot read: {error.strerror}") from error


def _lines(path: Path, raw: Any, problems: list[Problem]) -> list[str]:
    """One line per problem, naming the file, the rule (by ID when it has one) and the field."""
    from reportlint.packs.problems import field

    lines = []
    for steps, message in problems:
        where = str(path)
        if len(steps) >= 2 and steps[0] == "rules" and isinstance(steps[1], int):
            rules = raw.get("rules") if isinstance(raw, dict) else None
            rule = rules[steps[1]] if isinstance(rules, list) and steps[1] < len(rules) else {}
            rule_id = rule.get("id") if isinstance(rule, dict) else None
            where += f": rule {rule_id if isinstance(rule_id, str) else f'#{steps[1] + 1}'}"
            steps = steps[2:]
        named = field(steps)
        lines.append(f"{where}: {named}: {message}" if named else f"{where}: {message}")
    return lines


def _is_bundled(path: Path, folder: Path) -> bool:
    # Resolved only when the names differ: resolving costs a stat per folder of the path.
    return path.parent == folder or path.resolve().parent == folder.resolve()


class PackProblems(RulePackError):
    """A pack that does not validate; ``rule_ids`` are the IDs it writes, so that an ID
    it shares with another pack is reported in the same run."""

    def __init__(self, message: str, rule_ids: list[str]) -> None:
        super().__init__(message)
        self.rule_ids = rule_ids


def _validate(path: Path, content: bytes, kind: str, *, bundled: bool) -> Any:
    """Read and validate one pack or profile: the plain data to cache and run."""
    from reportlint.packs.loading import parse_yaml

    raw, problems = parse_yaml(path, content)
    if problems:
        raise RulePackError("\n".join(problems))
    from reportlint.packs import rulemodel

    validate = rulemodel.validate_pack if kind == "pack" else rulemodel.validate_profile
    data, found = validate(raw, bundled=bundled)
    if found:
        rules = raw.get("rules") if kind == "pack" and isinstance(raw, dict) else None
        ids = [
            rule["id"]
            for rule in (rules if isinstance(rules, list) else [])
            if isinstance(rule, dict) and isinstance(rule.get("id"), str)
        ]
        raise PackProblems("\n".join(_lines(path, raw, found)), ids)
    return data


def pattern_options(options: Mapping[str, Any]) -> list[str]:
    """The patterns among a check's options: ``pattern`` and any ``<name>_pattern``."""
    return [
        value
        for key, value in options.items()
        if (key == "pattern" or key.endswith("_pattern")) and isinstance(value, str)
    ]


def _patterns(pack: Any) -> list[str]:
    return [
        pattern
        for rule in pack["rules"]
        for options in [
            rule.get("options", {}),
            *(v.get("options", {}) for v in rule.get("variants", [])),
        ]
        for pattern in pattern_options(options)
    ]


def _load_pack(path: Path, *, use_cache: bool) -> tuple[Any, set[str]]:
    """A pack's validated data, and the patterns trusted to run on ``re`` (bundled ones
    the file itself writes)."""
    bundled = _is_bundled(path, resources.rules_dir())
    # A bundled pack is the package's own file; any other is checked before it is read.
    content = _read(path, PACK_LIMIT, "a rule pack", bundled=bundled)
    text = content.decode("utf-8", "replace") if bundled else ""
    trusted = written.values(text, "pattern") if bundled else set()

    def fits(data: Any) -> bool:
        if not shape.PACK(data):
            return False
        # A bundled entry must agree with its file: the same rules, patterns it writes.
        return not bundled or (
            [rule["id"] for rule in data["rules"]] == written.rule_ids(text)
            and all(pattern in trusted for pattern in _patterns(data))
        )

    data = cache.cached(
        "pack",
        content,
        lambda: _validate(path, content, "pack", bundled=bundled),
        fits,
        use=use_cache,
    )
    return data, trusted


def _as_paths(value: str | list[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def _rule_spec(raw: dict[str, Any], source: str, trusted: set[str]) -> RuleSpec:
    severity = Severity.parse(raw["severity"])
    base_paths = _as_paths(raw.get("path", ""))
    variants = raw.get("variants") or [{}]
    runs = []
    for variant in variants:
        options = {**raw.get("options", {}), **variant.get("options", {})}
        runs.append(
            Run(
                check=variant.get("check") or raw["check"],
                paths=_as_paths(variant.get("path")) or base_paths,
                options=options,
                severity=Severity.parse(variant["severity"])
                if variant.get("severity")
                else severity,
                message=variant.get("message") or raw["message"],
                trusted=all(pattern in trusted for pattern in pattern_options(options)),
            )
        )
    examples = raw["examples"]
    return RuleSpec(
        id=raw["id"],
        name=raw["name"],
        severity=severity,
        summary=raw["summary"],
        message=raw["message"],
        rationale=raw["rationale"],
        hint=raw.get("hint"),
        basis=raw["basis"],
        check=raw["check"],
        runs=tuple(runs),
        fallback_path=raw.get("fallback_path"),
        when=raw.get("when"),
        for_each=raw.get("for_each"),
        examples={"pass": examples.get("pass", []), "fail": examples.get("fail", [])},
        source=source,
    )


def _expand(entries: Sequence[Path]) -> tuple[list[Path], list[str]]:
    found: list[Path] = []
    missing: list[str] = []
    for entry in entries:
        if entry.is_dir():
            found.extend(sorted(entry.glob("*.yaml")))
        elif entry.exists() or entry.is_symlink():
            found.append(entry)  # a FIFO or device is refused when read, without blocking
        else:
            missing.append(f"{entry}: rule pack not found")
    return found, missing


def expand_packs(entries: Sequence[Path]) -> list[Path]:
    """Pack files named, and the packs in folders named, in a stable order."""
    found, missing = _expand(entries)
    if missing:
        raise RulePackError("\n".join(missing))
    return found


def pack_files(extra: Sequence[Path] | None = None) -> list[Path]:
    """The bundled packs, then extra pack files or folders of packs, in a stable order."""
    return sorted(resources.rules_dir().glob("*.yaml")) + expand_packs(extra or [])


def load_rules(extra: Sequence[Path] | None = None, *, use_cache: bool = True) -> list[RuleSpec]:
    """Every rule of the bundled and extra packs.

    Every problem of every pack (and a rule ID used twice, naming both files) is
    reported in one RulePackError, one line each.
    """
    rules: list[RuleSpec] = []
    seen: dict[str, Path] = {}
    extra_files, problems = _expand(extra or [])
    for path in dict.fromkeys([*pack_files(), *extra_files]):
        try:
            pack, trusted = _load_pack(path, use_cache=use_cache)
        except PackProblems as error:
            pack, trusted = {"rules": [{"id": rule_id} for rule_id in error.rule_ids]}, set()
            problems.append(str(error))
        except RulePackError as error:
            problems.append(str(error))
            continue
        for raw in pack["rules"]:
            if raw["id"] in seen:
                problems.append(f"{path}: rule {raw['id']}: ID already used in {seen[raw['id']]}")
                continue
            seen[raw["id"]] = path
            if not problems:
                rules.append(_rule_spec(raw, str(path), trusted))
    if problems:
        raise RulePackError("\n".join(problems))
    return sorted(rules, key=lambda rule: rule.id)


def profile_path(name: str) -> Path:
    """A bundled profile by name, or a profile file by path."""
    bundled = resources.profiles_dir() / f"{name}.yaml"
    if "/" not in name and "\\" not in name and bundled.is_file():
        return bundled
    candidate = Path(name)
    if candidate.suffix in (".yaml", ".yml") and (candidate.exists() or candidate.is_symlink()):
        return candidate
    known = ", ".join(sorted(p.stem for p in resources.profiles_dir().glob("*.yaml")))
    raise RulePackError(f"unknown profile '{name}' (bundled: {known}; or give a profile file)")


def load_profile(name: str, *, use_cache: bool = True) -> ProfileInfo:
    path = profile_path(name)
    bundled = _is_bundled(path, resources.profiles_dir())
    content = _read(path, PROFILE_LIMIT, "a profile", bundled=bundled)
    trusted = written.values(content.decode("utf-8", "replace"), "phrases") if bundled else set()

    def fits(data: Any) -> bool:
        return shape.PROFILE(data) and (
            not bundled or all(section["phrases"] in trusted for section in data["sections"])
        )

    raw = cache.cached(
        "profile",
        content,
        lambda: _validate(path, content, "profile", bundled=bundled),
        fits,
        use=use_cache,
    )
    sections = tuple(
        SectionInfo(s["key"], s.get("required", True), s["title"], s["phrases"])
        for s in raw["sections"]
    )
    return ProfileInfo(
        raw["name"],
        raw["description"],
        sections,
        trusted=all(section.phrases in trusted for section in sections),
    )
