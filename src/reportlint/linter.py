"""The pipeline for one file: read -> load -> input checks -> schema -> rules -> findings."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from reportlint import inputs, resources
from reportlint.engine import Engine, render, suppressions
from reportlint.errors import ReportlintError, RulePackError
from reportlint.findings import Finding, Severity
from reportlint.inputs.document import Document, LoadProblem
from reportlint.matching import regex
from reportlint.packs import catalog
from reportlint.packs.records import ProfileInfo, RuleSpec

SUPPORTED_FORMATS = ("reportlint/1",)
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
INPUT_RULES = ("RL001", "RL002", "RL003", "RL004", "RL005", "RL006")


class Settings(NamedTuple):
    """Everything that decides what a run checks; built from options and config."""

    profile: str = "six-section"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    lang: str = "en"
    extra_packs: tuple[Path, ...] = ()
    # Mapping defaults: one shared empty dict, never written to (and picklable, for --jobs).
    severities: Mapping[str, Severity] = {}
    rule_options: Mapping[str, Mapping[str, Any]] = {}
    max_bytes: int = DEFAULT_MAX_BYTES


def rule_selected(rule_id: str, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    """``--select``/``--ignore`` take IDs or prefixes (``RL3``); the more specific one wins,
    and ``ignore`` wins a tie. No ``select`` means every rule."""

    def longest(prefixes: tuple[str, ...]) -> int:
        return max((len(prefix) for prefix in prefixes if rule_id.startswith(prefix)), default=-1)

    chosen = longest(select) if select else 0
    return chosen >= 0 and longest(ignore) < max(chosen, 1)


def _bundled_patterns(rules: list[RuleSpec], profile: ProfileInfo, name: str) -> set[str]:
    """Patterns written in the bundled packs and profile (see ``matching.regex.trust``)."""
    bundled = {str(path) for path in catalog.pack_files()}
    found = {
        run.options["pattern"]
        for rule in rules
        if rule.source in bundled
        for run in rule.runs
        if isinstance(run.options.get("pattern"), str)
    }
    if catalog.profile_path(name).parent == resources.profiles_dir():
        found.update(section.phrases for section in profile.sections)
    return found


class Linter:
    """Loads rules and profile once, then lints any number of files."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        all_rules = catalog.load_rules(list(self.settings.extra_packs))
        self.catalogue: dict[str, RuleSpec] = {rule.id: rule for rule in all_rules}
        self.active = [
            rule
            for rule in all_rules
            if rule_selected(rule.id, self.settings.select, self.settings.ignore)
        ]
        self.profile = catalog.load_profile(self.settings.profile)
        self.engine = Engine(
            [rule for rule in self.active if rule.id not in INPUT_RULES],
            self.profile,
            lang=self.settings.lang,
            severities=self.settings.severities,
            rule_options=self.settings.rule_options,
        )
        self._active_ids = {rule.id for rule in self.active}
        regex.trust(_bundled_patterns(all_rules, self.profile, self.settings.profile))

    def read(self, path: Path) -> str:
        """The text of a report file; an unreadable, oversized, binary or special file is an
        InputError."""
        return inputs.read_report(path, max_bytes=self.settings.max_bytes)

    def lint_file(self, path: Path, display: str | None = None) -> list[Finding]:
        """Findings in the file at ``path``: report YAML, or a published .txt/.html/.docx."""
        return self.lint_document(inputs.load(path, display, max_bytes=self.settings.max_bytes))

    def lint_text(self, text: str, path: str = "<text>") -> list[Finding]:
        """Findings in text already in hand, read as the suffix of ``path`` says (YAML
        unless it names a .txt or .html source)."""
        return self.lint_document(inputs.load_text(text, path))

    def lint_document(self, doc: Document) -> list[Finding]:
        findings = [self._problem_finding(doc, problem) for problem in doc.problems]
        if doc.data is not None or not doc.problems:
            findings.extend(self._schema_findings(doc))
        if isinstance(doc.data, dict):
            # Rules read a report, a mapping; the schema finding speaks for anything else.
            try:
                findings.extend(self.engine.run(doc.data, doc.locator, doc.path))
            except regex.PatternError as error:
                where = self._rules_using(error.pattern)
                raise RulePackError(f"{doc.path}: {where}: {error}") from error
        findings = [finding for finding in findings if finding.rule in self._active_ids]
        findings = suppressions.silence(
            findings,
            doc.lines,
            doc.locator,
            active=self._active_ids,
            known=self.catalogue.keys(),
            unused=lambda note: self._input_finding(
                doc, "RL007", "", note.span, {"rule": note.rule}
            ),
        )
        return sorted(findings, key=Finding.sort_key)

    def _rules_using(self, pattern: str) -> str:
        """The rules whose pattern is ``pattern`` (or is a template that may have become it)."""
        exact, templated = [], []
        for rule in self.active:
            for run in rule.runs:
                option = self.settings.rule_options.get(rule.id, {}).get("pattern")
                written = option if isinstance(option, str) else run.options.get("pattern")
                if written == pattern:
                    exact.append(rule.id)
                elif isinstance(written, str) and "${" in written:
                    templated.append(rule.id)
        found = list(dict.fromkeys(exact or templated))
        return f"rule {', '.join(found)}" if found else "a rule"

    def _input_finding(
        self, doc: Document, rule_id: str, pointer: str, span: Any, params: dict[str, str]
    ) -> Finding:
        rule = self.catalogue.get(rule_id)
        if rule is None:
            raise ReportlintError(f"rule {rule_id} is missing from the bundled packs")
        return Finding.at(
            span,
            path=doc.path,
            pointer=pointer,
            rule=rule.id,
            name=rule.name,
            severity=self.settings.severities.get(rule.id, rule.severity),
            message=render(rule.message[self.settings.lang], params),
        )

    def _problem_finding(self, doc: Document, problem: LoadProblem) -> Finding:
        detail = problem.message_zh if self.settings.lang == "zh" else problem.message_en
        finding = self._input_finding(
            doc, problem.rule, problem.pointer, problem.span, {"detail": detail}
        )
        if "{detail}" not in self.catalogue[problem.rule].message[self.settings.lang]:
            # A source reader's finding under an engine rule (RL104) says its own words.
            finding = finding._replace(message=detail)
        return finding

    def _schema_findings(self, doc: Document) -> list[Finding]:
        from reportlint.schema import schema_violations

        data = doc.data
        findings: list[Finding] = []
        version = data.get("format") if isinstance(data, dict) else None
        if isinstance(data, dict) and version not in SUPPORTED_FORMATS:
            detail = (
                f"'format' is missing; add 'format: {SUPPORTED_FORMATS[-1]}'"
                if version is None
                else f"format '{version}' is not one this release reads "
                f"({', '.join(SUPPORTED_FORMATS)})"
            )
            if self.settings.lang == "zh":
                detail = (
                    f"缺少 'format'; 请添加 'format: {SUPPORTED_FORMATS[-1]}'"
                    if version is None
                    else f"本版本不支持格式 '{version}' (支持: {', '.join(SUPPORTED_FORMATS)})"
                )
            pointer = "/format" if version is not None else ""
            span = doc.locator.span(pointer)
            findings.append(self._input_finding(doc, "RL003", pointer, span, {"detail": detail}))
        for violation in schema_violations(data):
            if violation.pointer == "/format" or (
                violation.pointer == "" and violation.key == "format"
            ):
                continue  # RL003 speaks for the format version.
            is_key = violation.keyword == "additionalProperties"
            span = doc.locator.span(violation.pointer, key=is_key)
            detail = violation.message_zh if self.settings.lang == "zh" else violation.message_en
            params = {"detail": detail, "pointer": violation.pointer or "/"}
            findings.append(self._input_finding(doc, "RL002", violation.pointer, span, params))
        return findings
