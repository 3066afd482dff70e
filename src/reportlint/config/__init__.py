"""The configuration: found from the working folder upward, validated, turned into settings.

``.reportlint.yaml`` (or ``.reportlint.yml``), or a ``[tool.reportlint]`` table in
``pyproject.toml``; the first folder that has one wins. Validation uses pydantic
(``configmodel``) only when this exact configuration has not been validated before: the
result is kept in the rule-pack cache (``catalog.cached``), so a pre-commit run with a
config reads JSON, not pydantic.
"""

from __future__ import annotations

import fnmatch
import json
import os
import sys
from collections.abc import Mapping
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, NamedTuple

from reportlint.errors import ConfigError

if TYPE_CHECKING:
    from reportlint.packs.records import RuleSpec

YAML_NAMES = (".reportlint.yaml", ".reportlint.yml")
PYPROJECT = "pyproject.toml"


class Config(NamedTuple):
    """A validated configuration; paths and globs in it are relative to ``root``."""

    path: Path
    where: str  # how messages name it: the file, plus [tool.reportlint] for pyproject
    root: Path
    profile: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    fail_on: str | None = None
    # Mapping defaults: one shared empty dict, never written to (and picklable, for --jobs).
    severity: Mapping[str, str] = {}
    rules: tuple[Path, ...] = ()
    exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    max_bytes: int | None = None
    options: Mapping[str, Mapping[str, Any]] = {}

    def excluded(self, path: Path) -> bool:
        """Whether ``path`` matches one of the ``exclude`` globs."""
        relative = self._relative(path)
        return any(_matches(pattern, relative) for pattern in self.exclude)

    def ignored_rules(self, path: Path) -> tuple[str, ...]:
        """The rule IDs and prefixes ``per-file-ignores`` turns off for ``path``."""
        relative = self._relative(path)
        return tuple(
            rule
            for pattern, rules in self.per_file_ignores
            if _matches(pattern, relative)
            for rule in rules
        )

    def _relative(self, path: Path) -> str:
        absolute = Path(os.path.abspath(path))
        try:
            return absolute.resolve().relative_to(self.root.resolve()).as_posix()
        except (ValueError, OSError):
            return PurePath(path).as_posix()

    def check_rules(self, catalogue: Mapping[str, RuleSpec]) -> None:
        """Every rule ID the config names exists, and per-rule options suit the rule.

        Run after the rule packs (the config's own ``rules`` among them) are loaded.
        """
        named: list[tuple[str, str, bool]] = [
            *(("select", rule, True) for rule in self.select or ()),
            *(("ignore", rule, True) for rule in self.ignore or ()),
            *(("severity", rule, False) for rule in self.severity),
            *(("options", rule, False) for rule in self.options),
            *(
                (f"per-file-ignores: {pattern}", rule, True)
                for pattern, rules in self.per_file_ignores
                for rule in rules
            ),
        ]
        for key, rule, prefix in named:
            if prefix and not any(known.startswith(rule) for known in catalogue):
                problem = f"no rule ID starts with {rule}"
            elif not prefix and rule not in catalogue:
                problem = f"no rule {rule}"
            else:
                continue
            raise ConfigError(f"{self.where}: {key}: {problem} (see 'reportlint rules')")
        if self.options:
            self._check_options(catalogue)

    def _check_options(self, catalogue: Mapping[str, RuleSpec]) -> None:
        runs = {
            rule: [(run.check, {**run.options, **options}) for run in catalogue[rule].runs]
            for rule, options in self.options.items()
        }

        def validate() -> bool:
            from reportlint.config.model import option_problem

            for rule, checks in runs.items():
                for check, options in checks:
                    problem = option_problem(check, options)
                    if problem is not None:
                        raise ConfigError(f"{self.where}: options: {rule}: {problem}")
            return True

        from reportlint.packs import catalog

        material = json.dumps(runs, sort_keys=True, default=repr).encode()
        catalog.cached("config-options-v1", material, validate)


def _matches(pattern: str, relative: str) -> bool:
    """A glob with a ``/`` matches the path from the config's folder (``*`` crosses folders);
    one without matches any file or folder name along the path."""
    pattern = pattern.strip().removeprefix("./").rstrip("/")
    if "/" in pattern:
        return fnmatch.fnmatchcase(relative, pattern) or fnmatch.fnmatchcase(
            relative, pattern + "/*"
        )
    return any(fnmatch.fnmatchcase(part, pattern) for part in relative.split("/"))


def discover(start: Path) -> Path | None:
    """The first ``.reportlint.yaml`` or ``pyproject.toml`` with ``[tool.reportlint]`` from
    ``start`` upward."""
    folder = Path(os.path.abspath(start))
    for candidate in (folder, *folder.parents):
        for name in YAML_NAMES:
            if (candidate / name).is_file():
                return candidate / name
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and _pyproject_table(pyproject) is not None:
            return pyproject
    return None


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise ConfigError(f"{path}: configuration file not found") from error
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read the configuration: {error}") from error


def _pyproject_table(path: Path) -> Any:
    text = _read(path)
    if "reportlint" not in text:
        return None  # Most projects' pyproject.toml: no TOML parser needed to know.
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib

    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from error
    return document.get("tool", {}).get("reportlint")


def _raw(path: Path) -> tuple[Any, str]:
    """The config mapping as written, and how messages name it."""
    if path.name == PYPROJECT:
        table = _pyproject_table(path)
        where = f"{path} [tool.reportlint]"
        if table is None:
            raise ConfigError(f"{path}: has no [tool.reportlint] table")
        return table, where
    import yaml

    try:
        raw = yaml.load(_read(path), Loader=yaml.CSafeLoader)
    except yaml.YAMLError as error:
        raise ConfigError(f"{path}: not valid YAML: {str(error).splitlines()[0]}") from error
    return ({} if raw is None else raw), str(path)


def _validate(raw: Any, where: str) -> dict[str, Any]:
    from pydantic import ValidationError

    from reportlint.config.model import KEYS, ConfigModel

    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: the configuration must be a mapping of keys")
    try:
        model = ConfigModel.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        key = ": ".join(str(part) for part in first["loc"])
        if first["type"] == "extra_forbidden":
            known = ", ".join(KEYS)
            raise ConfigError(f"{where}: unknown key '{key}' (known: {known})") from error
        message = str(first["msg"]).removeprefix("Value error, ")
        raise ConfigError(f"{where}: {key}: {message}") from error
    return model.model_dump(mode="json")


def _profile(value: str | None, root: Path) -> str | None:
    # A bundled profile is named; a profile file is given by path, from the config's folder.
    if value is None or not value.endswith((".yaml", ".yml")):
        return value
    return str(root / value)


def load(path: Path) -> Config:
    """Read and validate one configuration file (exit 2 with the key and file when wrong)."""
    from reportlint.packs import catalog

    raw, where = _raw(path)
    material = json.dumps(raw, sort_keys=True, ensure_ascii=False, default=repr).encode()
    data = catalog.cached("config-v1", material, lambda: _validate(raw, where))
    root = Path(os.path.abspath(path)).parent
    return Config(
        path=path,
        where=where,
        root=root,
        profile=_profile(data["profile"], root),
        select=None if data["select"] is None else tuple(data["select"]),
        ignore=None if data["ignore"] is None else tuple(data["ignore"]),
        fail_on=data["fail_on"],
        severity=data["severity"],
        rules=tuple(root / entry for entry in data["rules"]),
        exclude=tuple(data["exclude"]),
        per_file_ignores=tuple(
            (pattern, tuple(ids)) for pattern, ids in data["per_file_ignores"].items()
        ),
        max_bytes=data["max_bytes"],
        options=data["options"],
    )


def find(explicit: Path | None, start: Path | None = None) -> Config | None:
    """The configuration named by ``--config``, else the one discovered, else None."""
    if explicit is not None:
        return load(explicit)
    found = discover(start or Path.cwd())
    return load(found) if found is not None else None
