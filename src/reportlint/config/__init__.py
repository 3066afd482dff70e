"""The configuration: found from each checked file's folder upward, validated, turned into
settings.

``.reportlint.yaml`` (or ``.reportlint.yml``), or a ``[tool.reportlint]`` table in
``pyproject.toml``; the first folder that has one wins, and the search stops at the
repository root (the folder holding ``.git``), as ruff's does. ``include``, ``exclude``
and ``per-file-ignores`` are gitignore patterns (``pathspec``, imported only when a
config has some), relative to the config's folder. A configuration is a regular file
of at most 1 MiB, and its YAML is read under the reports' node budget. Validation uses
pydantic (``config.model``) only when these exact bytes have not been validated before:
the result is kept in the cache (``packs.cache``), so a pre-commit run with a config
reads JSON, not pydantic.
"""

import functools
import json
import os
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, NamedTuple

from reportlint.errors import ConfigError

if TYPE_CHECKING:
    from reportlint.packs.records import RuleSpec

YAML_NAMES = (".reportlint.yaml", ".reportlint.yml")
PYPROJECT = "pyproject.toml"
CONFIG_LIMIT = 1024 * 1024
# The largest --max-bytes / max-bytes: 1 TiB (a larger number cannot be read at once).
MAX_BYTES_LIMIT = 1 << 40


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
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    max_bytes: int | None = None
    options: Mapping[str, Mapping[str, Any]] = {}
    use_cache: bool = True
    docs_url: str | None = None

    def excluded(self, path: Path) -> bool:
        """Whether ``path`` matches the ``exclude`` patterns."""
        return bool(self.exclude) and _matches(self.exclude, self._relative(path))

    def included(self, path: Path) -> bool:
        """Whether ``path`` matches the ``include`` patterns (a report without ``format:``)."""
        return bool(self.include) and _matches(self.include, self._relative(path))

    def ignored_rules(self, path: Path) -> tuple[str, ...]:
        """The rule IDs and prefixes ``per-file-ignores`` turns off for ``path``."""
        if not self.per_file_ignores:
            return ()
        relative = self._relative(path)
        return tuple(
            rule
            for pattern, rules in self.per_file_ignores
            if _matches((pattern,), relative)
            for rule in rules
        )

    def _relative(self, path: Path) -> str:
        absolute = Path(os.path.abspath(path))
        try:
            return absolute.resolve().relative_to(self.root.resolve()).as_posix()
        except (ValueError, OSError):
            return PurePath(path).as_posix()

    def check_rules(self, catalogue: "Mapping[str, RuleSpec]") -> None:
        """Every rule ID the config names exists, and per-rule options suit the rule.

        Run after the rule packs (the config's own ``rules`` among them) are loaded;
        every problem is reported at once, one line each.
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
        problems, problems_zh = [], []
        for key, rule, prefix in named:
            if prefix and not any(known.startswith(rule) for known in catalogue):
                problem, zh = f"no rule ID starts with {rule}", f"没有以{rule}开头的规则编号"
            elif not prefix and rule not in catalogue:
                problem, zh = f"no rule {rule}", f"没有规则{rule}"
            else:
                continue
            problems.append(f"{self.where}: {key}: {problem} (see 'reportlint rules')")
            problems_zh.append(f"{self.where}：{key}：{zh}（见“reportlint rules”）")
        if problems:
            raise ConfigError("\n".join(problems), zh="\n".join(problems_zh))
        if self.options:
            self._check_options(catalogue)

    def _check_options(self, catalogue: "Mapping[str, RuleSpec]") -> None:
        runs = {
            rule: [
                (run.check, {**run.options, **options}, catalogue[rule].for_each is not None)
                for run in catalogue[rule].runs
            ]
            for rule, options in self.options.items()
        }

        def validate() -> bool:
            from reportlint.config.model import option_problems

            problems = [
                f"{self.where}: options: {rule}: {problem}"
                for rule, checks in runs.items()
                for check, options, loop in checks
                for problem in option_problems(check, options, loop=loop)
            ]
            if problems:
                raise ConfigError("\n".join(dict.fromkeys(problems)))
            return True

        from reportlint.packs import cache

        material = json.dumps(runs, sort_keys=True, default=repr).encode()
        cache.cached(
            "config-options", material, validate, lambda data: data is True, use=self.use_cache
        )


def _matches(patterns: tuple[str, ...], relative: str) -> bool:
    """Whether ``relative`` (from the config's folder) matches gitignore ``patterns``: one
    without a ``/`` matches a file or folder name anywhere, ``**`` crosses folders, ``!``
    re-includes, and a folder's pattern covers what is inside it."""
    return bool(_spec(patterns).match_file(relative))


@functools.cache
def _spec(patterns: tuple[str, ...]) -> Any:
    import pathspec  # only a config with patterns pays for it

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def folders_up(start: Path) -> Iterator[tuple[Path, bool]]:
    """Each folder from ``start`` upward, with whether it is a repository root (it holds
    ``.git``, a folder or a worktree's file); the walk ends at the first root."""
    folder = Path(os.path.abspath(start))
    for candidate in (folder, *folder.parents):
        root = os.path.lexists(candidate / ".git")
        yield candidate, root
        if root:
            return


def repository_root(start: Path) -> Path | None:
    """The nearest folder from ``start`` upward holding ``.git``, or None outside a
    repository."""
    return next((folder for folder, root in folders_up(start) if root), None)


def discover(start: Path) -> Path | None:
    """The first ``.reportlint.yaml`` or ``pyproject.toml`` with ``[tool.reportlint]`` from
    ``start`` upward, up to the repository root."""
    return next(filter(None, (_config_in(folder) for folder, _ in folders_up(start))), None)


def _config_in(folder: Path) -> Path | None:
    for name in YAML_NAMES:
        if (folder / name).is_file():
            return folder / name
    pyproject = folder / PYPROJECT
    if pyproject.is_file() and _pyproject_table(pyproject, _read(pyproject)) is not None:
        return pyproject
    return None


class Finder:
    """The configuration of each file: discovered from its folder, each folder asked once
    and each config file loaded once, however many files a run checks."""

    def __init__(self, explicit: Path | None, *, use_cache: bool = True) -> None:
        self.use_cache = use_cache
        self.explicit = load(explicit, use_cache=use_cache) if explicit is not None else None
        self._by_folder: dict[Path, Path | None] = {}
        self._loaded: dict[Path, Config] = {}

    def for_file(self, path: Path) -> Config | None:
        """``--config`` when given, else the nearest configuration of ``path``."""
        if self.explicit is not None:
            return self.explicit
        folder = Path(os.path.abspath(path)).parent
        if folder not in self._by_folder:
            self._by_folder[folder] = self._discover(folder)
        found = self._by_folder[folder]
        if found is None:
            return None
        if found not in self._loaded:
            self._loaded[found] = load(found, use_cache=self.use_cache)
        return self._loaded[found]

    def _discover(self, folder: Path) -> Path | None:
        # The walk up stops at the first folder already asked: siblings share the answer.
        walked: list[Path] = []
        found: Path | None = None
        for candidate, _ in folders_up(folder):
            if candidate in self._by_folder:
                found = self._by_folder[candidate]
                break
            walked.append(candidate)
            found = _config_in(candidate)
            if found is not None:
                break
        for candidate in walked:
            self._by_folder[candidate] = found
        return found


def _read(path: Path) -> bytes:
    """The bytes of a configuration file: a regular file of at most CONFIG_LIMIT bytes."""
    from reportlint import files
    from reportlint.errors import InputError

    try:
        return files.read_bytes(path, CONFIG_LIMIT)
    except InputError as error:
        message = str(error).replace(" (raise it with --max-bytes)", " for a configuration")
        zh = error.zh
        if message == f"{path}: no such file":
            message, zh = f"{path}: configuration file not found", f"{path}：找不到配置文件"
        raise ConfigError(message, zh=zh) from error


def _pyproject_table(path: Path, content: bytes) -> Any:
    if b"reportlint" not in content:
        return None  # Most projects' pyproject.toml: no TOML parser needed to know.
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib

    try:
        document = tomllib.loads(content.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path}: not UTF-8 text", zh=f"{path}：不是UTF-8文本") from error
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(
            f"{path}: not valid TOML: {error}", zh=f"{path}：不是有效的TOML：{error}"
        ) from error
    tool = document.get("tool")
    return tool.get("reportlint") if isinstance(tool, dict) else None


def _raw(path: Path, content: bytes) -> tuple[Any, str]:
    """The config mapping as written, and how messages name it."""
    if path.name == PYPROJECT:
        table = _pyproject_table(path, content)
        where = f"{path} [tool.reportlint]"
        if table is None:
            raise ConfigError(
                f"{path}: has no [tool.reportlint] table", zh=f"{path}：没有[tool.reportlint]表"
            )
        return table, where
    from reportlint.packs.loading import parse_yaml

    raw, problems = parse_yaml(path, content)
    if problems:
        raise ConfigError("\n".join(problems))
    return ({} if raw is None else raw), str(path)


def _validate(path: Path, content: bytes) -> dict[str, Any]:
    """Read and validate a configuration: every problem at once, one line each."""
    from pydantic import ValidationError

    from reportlint.config.model import KEYS, ConfigModel
    from reportlint.packs.problems import in_chinese, plain

    raw, where = _raw(path, content)
    if not isinstance(raw, dict):
        raise ConfigError(
            f"{where}: the configuration must be a mapping of keys",
            zh=f"{where}：配置应由“键: 值”组成",
        )
    try:
        model = ConfigModel.model_validate(raw)
    except ValidationError as error:
        lines, lines_zh = [], []
        for steps, message in plain(error.errors(), raw):
            if message == "unknown key" and len(steps) == 1:
                known = ", ".join(KEYS)
                lines.append(f"{where}: unknown key '{steps[0]}' (known: {known})")
                lines_zh.append(f"{where}：未知的键“{steps[0]}”（可用的键：{'、'.join(KEYS)}）")
            else:
                named = ": ".join(f"item {s + 1}" if isinstance(s, int) else s for s in steps)
                named_zh = "：".join(f"第{s + 1}项" if isinstance(s, int) else s for s in steps)
                lines.append(f"{where}: {named}: {message}")
                lines_zh.append(f"{where}：{named_zh}：{in_chinese(message)}")
        raise ConfigError("\n".join(lines), zh="\n".join(lines_zh)) from error
    return model.model_dump(mode="json")


def _profile(value: str | None, root: Path) -> str | None:
    # A bundled profile is named; a profile file is given by path, from the config's folder.
    if value is None or not value.endswith((".yaml", ".yml")):
        return value
    return str(root / value)


def load(path: Path, *, use_cache: bool = True) -> Config:
    """Read and validate one configuration file (exit 2 with the key and file when wrong)."""
    from reportlint.packs import cache

    content = _read(path)
    kind = "config-toml" if path.name == PYPROJECT else "config-yaml"
    data = cache.cached(kind, content, lambda: _validate(path, content), _fits, use=use_cache)
    root = Path(os.path.abspath(path)).parent
    return Config(
        path=path,
        where=f"{path} [tool.reportlint]" if path.name == PYPROJECT else str(path),
        root=root,
        profile=_profile(data["profile"], root),
        select=None if data["select"] is None else tuple(data["select"]),
        ignore=None if data["ignore"] is None else tuple(data["ignore"]),
        fail_on=data["fail_on"],
        severity=data["severity"],
        rules=tuple(root / entry for entry in data["rules"]),
        include=tuple(data["include"]),
        exclude=tuple(data["exclude"]),
        per_file_ignores=tuple(
            (pattern, tuple(ids)) for pattern, ids in data["per_file_ignores"].items()
        ),
        max_bytes=data["max_bytes"],
        options=data["options"],
        use_cache=use_cache,
        docs_url=data["docs_url"],
    )


def _fits(data: Any) -> bool:
    """Whether data read back from the cache has the shape ``_validate`` gives."""
    from reportlint.packs import shape

    ids = ([str], None)
    return shape.fits(
        data,
        {
            "profile": (str, None),
            "select": ids,
            "ignore": ids,
            "fail_on": (shape.SEVERITY, None),
            "severity": shape.MapOf(shape.SEVERITY),
            "rules": [str],
            "include": [str],
            "exclude": [str],
            "per_file_ignores": shape.MapOf([str]),
            "max_bytes": (lambda value: _byte_limit(value), None),
            "options": shape.MapOf(shape.MapOf(shape.ANY)),
            "docs_url": (str, None),
        },
    )


def _byte_limit(value: Any) -> bool:
    return type(value) is int and 0 < value <= MAX_BYTES_LIMIT


def find(
    explicit: Path | None, start: Path | None = None, *, use_cache: bool = True
) -> Config | None:
    """The configuration named by ``--config``, else the one discovered, else None."""
    if explicit is not None:
        return load(explicit, use_cache=use_cache)
    found = discover(start or Path.cwd())
    return load(found, use_cache=use_cache) if found is not None else None
