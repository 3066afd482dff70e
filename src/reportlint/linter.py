"""The pipeline for one file: read -> load -> input checks -> schema -> rules -> findings."""

from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from reportlint import inputs
from reportlint.engine import Engine, render, suppressions
from reportlint.errors import ConfigError, ReportlintError, RulePackError
from reportlint.findings import Finding, Severity
from reportlint.inputs.document import Document, LoadProblem
from reportlint.matching import regex
from reportlint.packs import catalog
from reportlint.packs.records import ProfileInfo, RuleSpec

SUPPORTED_FORMATS = ("reportlint/1",)
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# Findings one file may report; past it one RL008 finding says how many more there were.
DEFAULT_MAX_FINDINGS = 1000
CAP_RULE = "RL008"
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
    # False (--no-cache): validate packs and profile afresh, read and write no cache.
    use_cache: bool = True
    max_findings: int = DEFAULT_MAX_FINDINGS


def rule_selected(rule_id: str, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    """``--select``/``--ignore`` take IDs or prefixes (``RL3``); the more specific one wins,
    and ``ignore`` wins a tie. No ``select`` means every rule."""

    def longest(prefixes: tuple[str, ...]) -> int:
        return max((len(prefix) for prefix in prefixes if rule_id.startswith(prefix)), default=-1)

    chosen = longest(select) if select else 0
    return chosen >= 0 and longest(ignore) < max(chosen, 1)


def _check_selectors(
    catalogue: Mapping[str, RuleSpec], *, select: tuple[str, ...], ignore: tuple[str, ...]
) -> None:
    """An ID or prefix in ``select``/``ignore`` that names no rule is a mistake, not a no-op."""
    for option, selectors in (("select", select), ("ignore", ignore)):
        for selector in selectors:
            if not any(rule_id.startswith(selector) for rule_id in catalogue):
                raise ConfigError(
                    f"--{option}: no rule ID starts with {selector} (see 'reportlint rules')",
                    zh=f"--{option}：没有以{selector}开头的规则编号"
                    "（全部规则见“reportlint rules”）",
                )


def _trusted_patterns(rules: list[RuleSpec], profile: ProfileInfo) -> set[str]:
    """Patterns the bundled pack and profile files write (see ``matching.regex.trust``).

    Trust comes from the bundled files' own text (``packs.written``), never from the cache.
    """
    found = {
        value
        for rule in rules
        for run in rule.runs
        if run.trusted
        for value in catalog.pattern_options(run.options)
    }
    if profile.trusted:
        found.update(section.phrases for section in profile.sections)
    return found


def _stopped_early(findings: list[Finding], limit: int) -> list[Finding]:
    """The findings of the rules that reached ``limit`` (the engine stopped them there)."""
    counts = Counter(finding.rule for finding in findings)
    full = {rule for rule, count in counts.items() if count >= limit}
    return [finding for finding in findings if finding.rule in full] if full else []


class Linter:
    """Loads rules and profile once, then lints any number of files."""

    def __init__(
        self, settings: Settings | None = None, *, rules: list[RuleSpec] | None = None
    ) -> None:
        """``rules``: the packs' rules when the caller loaded them already (else loaded here)."""
        self.settings = settings or Settings()
        if rules is None:
            rules = catalog.load_rules(
                list(self.settings.extra_packs), use_cache=self.settings.use_cache
            )
        all_rules = rules
        self.catalogue: dict[str, RuleSpec] = {rule.id: rule for rule in all_rules}
        _check_selectors(self.catalogue, select=self.settings.select, ignore=self.settings.ignore)
        self.active = [
            rule
            for rule in all_rules
            if rule_selected(rule.id, self.settings.select, self.settings.ignore)
        ]
        self.profile = catalog.load_profile(
            self.settings.profile, use_cache=self.settings.use_cache
        )
        self.engine = Engine(
            [rule for rule in self.active if rule.id not in INPUT_RULES],
            self.profile,
            lang=self.settings.lang,
            severities=self.settings.severities,
            rule_options=self.settings.rule_options,
        )
        self._active_ids = {rule.id for rule in self.active}
        regex.trust(_trusted_patterns(all_rules, self.profile))

    def read(self, path: Path) -> str:
        """The text of a report file; an unreadable, oversized, binary or special file is an
        InputError."""
        return inputs.read_report(path, max_bytes=self.settings.max_bytes)

    def lint_file(self, path: Path, display: str | None = None) -> list[Finding]:
        """Findings in the file at ``path``: report YAML, or a published .txt/.html/.docx."""
        return self.lint_report(path, display)[1]

    def lint_report(self, path: Path, display: str | None = None) -> tuple[Any, list[Finding]]:
        """The report's data as loaded (its issuer, year… for the caller that reports them;
        None when it did not parse) and its findings."""
        doc = inputs.load(path, display, max_bytes=self.settings.max_bytes)
        return doc.data, self.lint_document(doc)

    def lint_text(self, text: str, path: str = "<text>") -> list[Finding]:
        """Findings in text already in hand, read as the suffix of ``path`` says (YAML
        unless it names a .txt or .html source)."""
        return self.lint_document(inputs.load_text(text, path))

    def lint_document(self, doc: Document) -> list[Finding]:
        findings = [self._problem_finding(doc, problem) for problem in doc.problems]
        if doc.data is not None or not doc.problems:
            findings.extend(self._schema_findings(doc))
        cut: list[Finding] = []
        if isinstance(doc.data, dict):
            # Rules read a report, a mapping; the schema finding speaks for anything else.
            regex.start_file()
            try:
                found = self.engine.run(
                    doc.data, doc.locator, doc.path, limit=self.settings.max_findings + 1
                )
            except regex.PatternError as error:
                where = self._rules_using(error.pattern, doc.data)
                raise RulePackError(f"{doc.path}: {where}: {error}") from error
            cut = _stopped_early(found, self.settings.max_findings + 1)
            findings.extend(found)
        findings = [finding for finding in findings if finding.rule in self._active_ids]
        # A rule the engine stopped early may have had the findings its suppressions
        # silence: none of them is called unused.
        stopped = {finding.rule for finding in cut}
        findings = suppressions.silence(
            findings,
            doc.lines,
            doc.locator,
            active=self._active_ids - stopped,
            known=self.catalogue.keys(),
            unused=lambda note: self._input_finding(
                doc, "RL007", "", note.span, {"rule": note.rule}
            ),
        )
        return self._capped(doc, sorted(findings, key=Finding.sort_key), cut)

    def _capped(self, doc: Document, findings: list[Finding], cut: list[Finding]) -> list[Finding]:
        """The first ``max_findings`` findings, and one RL008 finding for the rest.

        RL008 stands where the first finding left out stands, with the highest severity
        of those it stands for, so the cap never changes the exit code. ``cut`` are the
        findings of rules the engine stopped at the limit: they had more, not counted.
        """
        cap = self.settings.max_findings
        if len(findings) <= cap:
            return findings
        left_out = findings[cap:]
        rule = self.catalogue[CAP_RULE]
        zh = self.settings.lang == "zh"
        if cut:  # how many more the stopped rules had is not known
            more = "此处起还有更多问题" if zh else "more findings"
        else:
            count = len(left_out)
            plural = "" if count == 1 else "s"
            more = f"此处起另有{count:,}个问题" if zh else f"{count:,} more finding{plural}"
        first = left_out[0]
        summary = first._replace(
            rule=rule.id,
            name=rule.name,
            severity=max(finding.severity for finding in (*left_out, *cut)),
            message=render(rule.message[self.settings.lang], {"more": more, "max": f"{cap:,}"}),
        )
        return [*findings[:cap], summary]

    def _rules_using(self, pattern: str, data: Any) -> str:
        """The rules whose pattern is ``pattern``, as written or as its templates fill in
        for ``data`` (only those: a bundled rule is never blamed for a user's pattern)."""
        from reportlint.checks.context import Context

        loops: list[dict[str, str]] = [
            {"section.key": s.key, "section.title": s.title, "section.phrases": s.phrases}
            for s in self.profile.sections
        ]
        found = []
        for rule in self.active:
            for run in rule.runs:
                option = self.settings.rule_options.get(rule.id, {}).get("pattern")
                written = option if isinstance(option, str) else run.options.get("pattern")
                if not isinstance(written, str):
                    continue
                filled = (
                    {Context(data, self.profile, v).expand(written) for v in loops or [{}]}
                    if "${" in written
                    else {written}
                )
                if pattern in filled:
                    found.append(rule.id)
        found = list(dict.fromkeys(found))
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
        from reportlint import parts
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
                    f"缺少格式版本“format”：请在文件开头添加一行 format: {SUPPORTED_FORMATS[-1]}"
                    if version is None
                    else f"本版本不支持格式版本“{version}”（支持{'、'.join(SUPPORTED_FORMATS)}）"
                )
            pointer = "/format" if version is not None else ""
            span = doc.locator.span(pointer)
            findings.append(self._input_finding(doc, "RL003", pointer, span, {"detail": detail}))
        sections = data.get("sections") if isinstance(data, dict) else None
        order = [str(key) for key in sections] if isinstance(sections, dict) else []
        for violation in schema_violations(data):
            if violation.pointer == "/format" or (
                violation.pointer == "" and violation.key == "format"
            ):
                continue  # RL003 speaks for the format version.
            is_key = violation.keyword == "additionalProperties"
            span = doc.locator.span(violation.pointer, key=is_key)
            detail = violation.message_zh if self.settings.lang == "zh" else violation.message_en
            params = {
                "detail": detail,
                "pointer": violation.pointer or "/",
                "where": parts.describe(violation.pointer, self.profile, self.settings.lang, order),
            }
            findings.append(self._input_finding(doc, "RL002", violation.pointer, span, params))
        return findings
