"""Run rule specs over a document's data and turn their hits into findings."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from itertools import islice
from typing import Any

from reportlint.checks import CHECKS, Target
from reportlint.checks.context import Context, Hit
from reportlint.findings import Finding, Severity
from reportlint.matching import conditions
from reportlint.packs.records import ProfileInfo, RuleSpec, Run
from reportlint.positions import Locator

_FIELD = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_.]*)\}")


def render(template: str, params: Mapping[str, str]) -> str:
    """Fill ``{name}`` fields (names may be dotted: ``{section.key}``); ``{{``/``}}`` are braces.

    A field with no value stays as written.
    """

    def field(match: re.Match[str]) -> str:
        name = match.group(1)
        if name is None:
            return match.group(0)[0]
        return params.get(name, match.group(0))

    return _FIELD.sub(field, template)


def _bindings(rule: RuleSpec, profile: ProfileInfo) -> Iterator[dict[str, str]]:
    if rule.for_each is None:
        yield {}
        return
    for section in profile.sections:
        if rule.for_each == "profile.required" and not section.required:
            continue
        yield {
            "section.key": section.key,
            "section.title": section.title,
            "section.phrases": section.phrases,
        }


def _templated(name: str, value: Any) -> bool:
    # Dates and years in `right`/`expected` are expanded by the check itself.
    return isinstance(value, str) and "${" in value and name not in ("right", "expected")


def _expand_options(ctx: Context, options: dict[str, Any]) -> dict[str, Any] | None:
    expanded: dict[str, Any] = {}
    for name, value in options.items():
        if _templated(name, value):
            value = ctx.expand(value)
            if value is None:
                return None
        expanded[name] = value
    return expanded


def _targets(ctx: Context, rule: RuleSpec, run: Run) -> Target | None:
    expanded_paths = []
    for path in run.paths:
        expanded = ctx.expand(path) if "${" in path else path
        if expanded is None:
            return None
        expanded_paths.append(expanded)
    nodes = [node for path in expanded_paths for node in ctx.select(path)]
    if not nodes and rule.fallback_path:
        nodes = ctx.select(rule.fallback_path)
    return Target(tuple(expanded_paths), nodes)


class Engine:
    """Runs a fixed list of rules; one Engine serves every file of a run."""

    def __init__(
        self,
        rules: list[RuleSpec],
        profile: ProfileInfo,
        *,
        lang: str,
        severities: Mapping[str, Severity] | None = None,
        rule_options: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        self.rules = rules
        self.profile = profile
        self.lang = lang
        self.severities = dict(severities or {})
        self.rule_options = {key: dict(value) for key, value in (rule_options or {}).items()}
        # Each run's options with the config's, and whether any needs the document's values:
        # worked out once for every file of the run.
        self._options: dict[int, tuple[dict[str, Any], bool]] = {}
        for rule in rules:
            for run in rule.runs:
                options = {**run.options, **self.rule_options.get(rule.id, {})}
                templated = any(_templated(name, value) for name, value in options.items())
                self._options[id(run)] = (options, templated)

    def run(
        self, data: Any, locator: Locator, path: str, *, limit: int | None = None
    ) -> list[Finding]:
        """The findings of every rule; a rule stops after ``limit`` findings.

        The limit keeps a file of a million placeholders from holding a million findings
        (and their positions) in memory; the linter reports what it cut.
        """
        findings: list[Finding] = []
        ctx = Context(data, self.profile, {})
        for rule in self.rules:
            if rule.when and not conditions.holds(rule.when, data):
                continue
            findings.extend(islice(self._rule_findings(ctx, rule, locator, path), limit))
        return findings

    def hits(self, data: Any) -> Iterator[tuple[RuleSpec, Run, Hit, dict[str, str]]]:
        """Every hit of every rule with the parameters of its message (``check --fix``)."""
        ctx = Context(data, self.profile, {})
        for rule in self.rules:
            if rule.when and not conditions.holds(rule.when, data):
                continue
            for variables in _bindings(rule, self.profile):
                ctx.variables = variables
                for run in rule.runs:
                    for hit in self._hits(ctx, rule, run):
                        yield rule, run, hit, {**variables, **hit.params}

    def _rule_findings(
        self, ctx: Context, rule: RuleSpec, locator: Locator, path: str
    ) -> Iterator[Finding]:
        seen: set[tuple[str, int | None, int | None, bool]] = set()
        for variables in _bindings(rule, self.profile):
            ctx.variables = variables
            for run in rule.runs:
                for hit in self._hits(ctx, rule, run):
                    identity = (hit.pointer, hit.start, hit.end, hit.key)
                    if identity in seen:
                        continue
                    seen.add(identity)
                    yield self._finding(rule, run, hit, variables, locator, path, ctx.data)

    def _hits(self, ctx: Context, rule: RuleSpec, run: Run) -> Iterator[Hit]:
        options, templated = self._options[id(run)]
        expanded = _expand_options(ctx, options) if templated else options
        target = _targets(ctx, rule, run)
        if expanded is None or target is None:
            return
        yield from CHECKS[run.check].run(ctx, target, expanded)

    def _parts(self, hit: Hit, data: Any) -> dict[str, str]:
        from reportlint import parts

        sections = data.get("sections") if isinstance(data, dict) else None
        order = [str(key) for key in sections] if isinstance(sections, dict) else []
        named = {"where": parts.describe(hit.pointer, self.profile, self.lang, order)}
        first = hit.params.get("first")
        if first is not None:
            named["first_where"] = parts.describe(first, self.profile, self.lang, order)
        return named

    def _finding(
        self,
        rule: RuleSpec,
        run: Run,
        hit: Hit,
        variables: Mapping[str, str],
        locator: Locator,
        path: str,
        data: Any = None,
    ) -> Finding:
        if hit.start is not None and hit.end is not None:
            span = locator.text_span(hit.pointer, hit.start, hit.end)
        else:
            span = locator.span(hit.pointer, key=hit.key)
        params = {**variables, **hit.params}
        if "{where" in run.message[self.lang] or "{first_where}" in run.message[self.lang]:
            # Named only when the message asks: most findings never pay for it.
            params.update(self._parts(hit, data))
        return Finding.at(
            span,
            path=path,
            pointer=hit.pointer,
            rule=rule.id,
            name=rule.name,
            severity=self.severities.get(rule.id, run.severity),
            message=render(run.message[self.lang], params),
        )
