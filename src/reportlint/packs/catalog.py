"""Rule packs and profiles: found, validated, and kept in a cache between runs.

Validation uses pydantic models (``rulemodel``), which cost more to import than checking
a report. A pack that validated once is stored as plain JSON under a key made of the
reportlint version and the pack's bytes, so a pre-commit run reads JSON and no pydantic.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from reportlint import __version__, resources
from reportlint.errors import RulePackError
from reportlint.findings import Severity
from reportlint.packs.records import ProfileInfo, RuleSpec, Run, SectionInfo

_CACHE_FORMAT = 1

try:
    # BLAKE2 is built into CPython; hashlib would first load OpenSSL, a tenth of a one-file run.
    from _blake2 import blake2b as _digest
except ImportError:  # pragma: no cover - another Python
    from hashlib import blake2b as _digest


def _as_paths(value: str | list[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def _rule_spec(raw: dict[str, Any], source: str) -> RuleSpec:
    severity = Severity.parse(raw["severity"])
    base_paths = _as_paths(raw.get("path", ""))
    variants = raw.get("variants") or [{}]
    runs = tuple(
        Run(
            check=variant.get("check") or raw["check"],
            paths=_as_paths(variant.get("path")) or base_paths,
            options={**raw.get("options", {}), **variant.get("options", {})},
            severity=Severity.parse(variant["severity"]) if variant.get("severity") else severity,
            message=variant.get("message") or raw["message"],
        )
        for variant in variants
    )
    examples = raw["examples"]
    return RuleSpec(
        id=raw["id"],
        name=raw["name"],
        severity=severity,
        summary=raw["summary"],
        message=raw["message"],
        rationale=raw["rationale"],
        basis=raw["basis"],
        check=raw["check"],
        runs=runs,
        fallback_path=raw.get("fallback_path"),
        when=raw.get("when"),
        for_each=raw.get("for_each"),
        examples={"pass": examples.get("pass", []), "fail": examples.get("fail", [])},
        source=source,
    )


def _read_yaml(path: Path) -> Any:
    import yaml

    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    except OSError as error:
        raise RulePackError(f"{path}: cannot read: {error.strerror}") from error
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise RulePackError(f"{path}: not valid YAML: {str(error).splitlines()[0]}") from error


def _validation_message(path: Path, raw: Any, error: Any) -> str:
    """One line naming the file, the rule and what is wrong (from a pydantic error)."""
    first = error.errors()[0]
    location = list(first["loc"])
    where = ""
    if len(location) >= 2 and location[0] == "rules" and isinstance(location[1], int):
        rules = raw.get("rules") if isinstance(raw, dict) else None
        rule = rules[location[1]] if isinstance(rules, list) and location[1] < len(rules) else {}
        rule_id = (
            rule.get("id", f"#{location[1] + 1}")
            if isinstance(rule, dict)
            else f"#{location[1] + 1}"
        )
        where = f" rule {rule_id}:"
        location = location[2:]
    field = ".".join(str(part) for part in location if not str(part).startswith("function-"))
    return f"{path}:{where} {field + ': ' if field else ''}{first['msg']}"


def _validate(path: Path, kind: str) -> Any:
    """Read and validate one pack or profile; the plain data to cache and run."""
    from pydantic import ValidationError

    from reportlint.packs import rulemodel

    raw = _read_yaml(path)
    model = rulemodel.Pack if kind == "pack" else rulemodel.Profile
    try:
        return model.model_validate(raw).model_dump(mode="json", by_alias=True, exclude_unset=True)
    except ValidationError as error:
        raise RulePackError(_validation_message(path, raw, error)) from error


def cached(kind: str, content: bytes, produce: Callable[[], Any]) -> Any:
    """What ``produce`` returns for ``content``, kept as JSON between runs.

    The key is the reportlint version, ``kind`` and ``content``, so a changed file, or a
    new release, validates afresh. Packs, profiles and the configuration share this cache.
    """
    key = _digest(f"{_CACHE_FORMAT}:{__version__}:{kind}:".encode() + content).hexdigest()
    cache_dir = resources.cache_dir()
    stored = cache_dir / f"{key[:32]}.json" if cache_dir else None
    if stored is not None:
        try:
            return json.loads(stored.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
    data = produce()
    if stored is not None:
        _write_atomically(stored, json.dumps(data, ensure_ascii=False))
    return data


def _load_validated(path: Path, kind: str) -> Any:
    try:
        content = path.read_bytes()
    except OSError as error:
        raise RulePackError(f"{path}: cannot read: {error.strerror}") from error
    return cached(kind, content, lambda: _validate(path, kind))


def _write_atomically(path: Path, text: str) -> None:
    """Write via a temporary file and a rename, so parallel runs never read half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # Only when the cache is written: it imports shutil, bz2, lzma.

        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except OSError:
        pass  # A cache that cannot be written only costs speed.


def expand_packs(entries: Sequence[Path]) -> list[Path]:
    """Pack files named, and the packs in folders named, in a stable order."""
    found: list[Path] = []
    for entry in entries:
        if entry.is_dir():
            found.extend(sorted(entry.glob("*.yaml")))
        elif entry.is_file():
            found.append(entry)
        else:
            raise RulePackError(f"{entry}: rule pack not found")
    return found


def pack_files(extra: list[Path] | None = None) -> list[Path]:
    """The bundled packs, then extra pack files or folders of packs, in a stable order."""
    return sorted(resources.rules_dir().glob("*.yaml")) + expand_packs(extra or [])


def load_rules(extra: list[Path] | None = None) -> list[RuleSpec]:
    """Every rule of the bundled and extra packs; a duplicate rule ID is an error."""
    rules: list[RuleSpec] = []
    seen: dict[str, str] = {}
    for path in pack_files(extra):
        pack = _load_validated(path, "pack")
        for raw in pack["rules"]:
            if raw["id"] in seen:
                raise RulePackError(
                    f"{path}: rule {raw['id']}: ID already used in {seen[raw['id']]}"
                )
            seen[raw["id"]] = str(path)
            rules.append(_rule_spec(raw, str(path)))
    return sorted(rules, key=lambda rule: rule.id)


def profile_path(name: str) -> Path:
    """A bundled profile by name, or a profile file by path."""
    bundled = resources.profiles_dir() / f"{name}.yaml"
    if bundled.is_file():
        return bundled
    candidate = Path(name)
    if candidate.suffix in (".yaml", ".yml") and candidate.is_file():
        return candidate
    known = ", ".join(sorted(p.stem for p in resources.profiles_dir().glob("*.yaml")))
    raise RulePackError(f"unknown profile '{name}' (bundled: {known}; or give a profile file)")


def load_profile(name: str) -> ProfileInfo:
    raw = _load_validated(profile_path(name), "profile")
    sections = tuple(
        SectionInfo(s["key"], s.get("required", True), s["title"], s["phrases"])
        for s in raw["sections"]
    )
    return ProfileInfo(raw["name"], raw["description"], sections)
