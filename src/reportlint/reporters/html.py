"""``html``: one self-contained page for people who never read a linter's output.

For one report: its verdict, a checklist of what the regulations require, the findings by
part of the report and the report's own text with a red-pen mark at each finding. For many
reports, first a matrix of reports against requirements that the page's own small script
sorts, filters and pages in the browser (usable with thousands of rows).

The page loads nothing: CSS and script are inline and a Content-Security-Policy allows
only that script and style, by hash. Report text is user content; Jinja2 (imported only
here) escapes everything, and the matrix data travels as JSON with ``<`` escaped.
"""

import base64
import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple, TextIO

from reportlint.errors import ReportlintError
from reportlint.findings import Finding, Severity
from reportlint.inputs.document import Document
from reportlint.packs.records import RuleSpec
from reportlint.positions import split
from reportlint.reporters import RunSummary


class Requirement(NamedTuple):
    """One line of the checklist and one column of the matrix."""

    key: str
    label: dict[str, str]
    rules: tuple[str, ...]  # empty: every error-level rule not named by another line


CHECKLIST = (
    Requirement(
        "parts",
        {"zh": "六个部分齐全、有序、充实", "en": "The six parts, complete and in order"},
        ("RL101", "RL102", "RL103", "RL104", "RL105", "RL106"),
    ),
    Requirement(
        "review",
        {"zh": "重大执法决定法制审核率", "en": "Legal-review rate of major decisions"},
        ("RL201",),
    ),
    Requirement(
        "court",
        {"zh": "行政机关负责人出庭应诉率", "en": "Heads appearing in court (出庭应诉率)"},
        ("RL202",),
    ),
    Requirement(
        "reconsideration",
        {"zh": "行政复议案件情况", "en": "行政复议 (administrative review) figures"},
        ("RL205",),
    ),
    Requirement(
        "judgments",
        {"zh": "法院生效裁判履行情况", "en": "Statement on effective judgments"},
        ("RL203", "RL212"),
    ),
    Requirement(
        "signed",
        {"zh": "年度结束后成文", "en": "Signed after the year ended"},
        ("RL302", "RL308"),
    ),
    Requirement(
        "published",
        {"zh": "次年4月1日前公开", "en": "Published by 1 April"},
        ("RL303", "RL304"),
    ),
    Requirement("other", {"zh": "其他错误级规则", "en": "Other error-level rules"}, ()),
)
_NAMED = frozenset(rule for item in CHECKLIST for rule in item.rules)

_TEXT = {
    "zh": {
        "page_title": "法治政府建设年度报告检查结果",
        "matrix": "检查汇总",
        "ready": "可以签发",
        "not_ready": "尚不能签发",
        "verdict_at": "以“{level}”及以上问题为准",
        "reports": "份报告",
        "most_frequent": "最常见的问题",
        "only_not_ready": "只看不能签发的",
        "rule": "规则",
        "all_rules": "全部规则",
        "issuer_filter": "报告主体或标题包含",
        "report": "报告",
        "issuer": "报告主体",
        "year": "年度",
        "level": "层级",
        "verdict": "结论",
        "errors": "错误",
        "warnings": "警告",
        "prev": "上一页",
        "next": "下一页",
        "page": "第 {page} / {pages} 页，共 {rows} 行",
        "checklist": "法定要求逐项核对",
        "findings": "问题清单",
        "text": "报告原文(红笔标注)",
        "no_findings": "未发现问题。",
        "not_checked": "未检查",
        "hint": "修改建议",
        "unreadable": "无法读取:",
        "meta": "报告信息",
        "title": "标题",
        "kind": "类别",
        "signed_on": "成文日期",
        "published_on": "发布日期",
        "publisher": "发布机构",
        "index_no": "索引号",
        "source": "来源",
        "whole": "整篇报告",
        "preamble": "导语",
        "to_text": "见原文",
        "to_finding": "见问题",
        "back": "返回汇总",
        "line": "第 {line} 行",
        "count_rows": "{count} 份",
        "colon": "：",
    },
    "en": {
        "page_title": "Annual rule-of-law report check",
        "matrix": "Summary",
        "ready": "Ready to sign",
        "not_ready": "Not ready",
        "verdict_at": "judged at {level} and above",
        "reports": "reports",
        "most_frequent": "Most frequent failures",
        "only_not_ready": "Only not ready",
        "rule": "Rule",
        "all_rules": "All rules",
        "issuer_filter": "Issuer or title contains",
        "report": "Report",
        "issuer": "Issuer",
        "year": "Year",
        "level": "Level",
        "verdict": "Verdict",
        "errors": "Errors",
        "warnings": "Warnings",
        "prev": "Previous",
        "next": "Next",
        "page": "Page {page} of {pages}, {rows} rows",
        "checklist": "What the regulations require",
        "findings": "Findings",
        "text": "The report, marked",
        "no_findings": "No findings.",
        "not_checked": "not checked",
        "hint": "Fix",
        "unreadable": "Cannot be read:",
        "meta": "Report",
        "title": "Title",
        "kind": "Kind",
        "signed_on": "Signed on",
        "published_on": "Published on",
        "publisher": "Publisher",
        "index_no": "Index number",
        "source": "Source",
        "whole": "Whole report",
        "preamble": "Preamble",
        "to_text": "in the text",
        "to_finding": "finding",
        "back": "Back to the summary",
        "line": "line {line}",
        "count_rows": "{count}",
        "colon": ": ",
    },
}
_LEVELS = {
    "zh": {"province": "省级", "city": "市级", "county": "县级", "township": "乡镇级"},
    "en": {"province": "province", "city": "city", "county": "county", "township": "township"},
}
_SEVERITY = {
    "zh": {"error": "错误", "warning": "警告", "info": "提示"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}
_LEVEL_ORDER = {"province": 0, "city": 1, "county": 2, "township": 3}
# Where a sentence ends, for quoting the sentence around a finding.
_SENTENCE_END = re.compile("[。！？；!?;\n]")
# Text a message quotes ("…" or “…”): found in the paragraph when columns do not map.
_QUOTED = re.compile(r"[\"“「]([^\"”」]{1,200})[\"”」]")
# Lone surrogates (a file name that was not UTF-8) cannot be written as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")
_QUOTE_AROUND = 60  # characters of a long sentence kept either side of the marked words


def write(findings: Sequence[Finding], stream: TextIO, summary: RunSummary) -> None:
    stream.write(render(findings, summary))


def render(findings: Sequence[Finding], summary: RunSummary) -> str:
    """The page for the findings of a run over ``summary.files``."""
    lang = "zh" if summary.lang.startswith("zh") else "en"
    fail_on: Severity = getattr(summary, "fail_on", None) or Severity.ERROR
    max_bytes = getattr(summary, "max_bytes", None)
    rules = {rule.id: rule for rule in summary.rules}
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_path[finding.path].append(finding)
    paths = list(dict.fromkeys([*summary.files, *by_path]))
    # The run's own words for a file it could not read ("PATH: reason").
    errors = {
        path: error for error in summary.errors for path in paths if error.startswith(path + ":")
    }
    reports = [
        _report(
            index, path, by_path.get(path, []), rules, lang, fail_on, max_bytes, errors.get(path)
        )
        for index, path in enumerate(paths)
    ]
    return _page(reports, rules, lang, fail_on)


# The page


def _page(
    reports: list[dict[str, Any]], rules: Mapping[str, RuleSpec], lang: str, fail_on: Severity
) -> str:
    try:
        from jinja2 import Environment, PackageLoader, select_autoescape
    except ImportError as error:
        from reportlint.installation import extra_command

        command = extra_command("html")
        raise ReportlintError(
            f"--format html needs Jinja2: {command}", zh=f"--format html需要Jinja2：{command}"
        ) from error

    env = Environment(
        loader=PackageLoader("reportlint.reporters", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    folder = resources.files("reportlint.reporters") / "templates"
    script = (folder / "report.js").read_text(encoding="utf-8")
    style = (folder / "report.css").read_text(encoding="utf-8")
    text = _TEXT[lang]
    columns = [
        {"key": item.key, "label": item.label[lang], "rules": ", ".join(item.rules)}
        for item in CHECKLIST
    ]
    failing: Counter[str] = Counter()
    for report in reports:
        failing.update(report["failed_rules"])
    frequent = [
        {"rule": rule, "name": _rule_summary(rules.get(rule), lang) or rule, "count": count}
        for rule, count in failing.most_common(10)
    ]
    rows = [
        {
            "id": report["id"],
            "title": report["title"],
            "issuer": report["issuer"],
            "year": report["year"],
            "level": report["level_label"],
            "levelOrder": _LEVEL_ORDER.get(str(report["level"]), 9),
            "ready": report["ready"],
            "cells": [item["count"] for item in report["checklist"]],
            "failed": [item["status"] == "fail" for item in report["checklist"]],
            "rules": sorted(report["failed_rules"]),
            "errors": report["counts"]["error"],
            "warnings": report["counts"]["warning"],
        }
        for report in reports
    ]
    config = {
        "text": {key: text[key] for key in ("page", "ready", "not_ready", "not_checked")},
        "columns": [column["label"] for column in columns],
        "rows": rows,
        "pageSize": 100,
    }
    data = _json_for_html(config)
    template = env.get_template("report.html.j2")
    return _SURROGATE.sub(
        "\ufffd",
        template.render(
            lang=lang,
            t=text,
            csp=_csp(script if len(reports) > 1 else None, style),
            script=script,
            style=style,
            data=data,
            reports=reports,
            columns=columns,
            frequent=frequent,
            ready=sum(report["ready"] for report in reports),
            rule_choices=sorted(failing),
            fail_on=_SEVERITY[lang][str(fail_on)],
            many=len(reports) > 1,
        ),
    )


def _csp(script: str | None, style: str) -> str:
    """Nothing loads from anywhere; only this page's own script and style run."""
    scripts = f"'{_sha256(script)}'" if script is not None else "'none'"
    return (
        "default-src 'none'; "
        f"script-src {scripts}; style-src '{_sha256(style)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _json_for_html(value: object) -> str:
    """JSON safe inside a ``<script type="application/json">``: no ``</script>``, no ``<!--``."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# One report


def _report(
    index: int,
    path: str,
    findings: list[Finding],
    rules: Mapping[str, RuleSpec],
    lang: str,
    fail_on: Severity,
    max_bytes: int | None,
    error: str | None,
) -> dict[str, Any]:
    prefix = f"r{index}"
    data: Any = None
    doc: Document | None = None
    if error is None:
        try:
            doc = _load(Path(path), max_bytes)
            data = doc.data
        except ReportlintError as problem:
            error = str(problem)
    meta = data.get("report") if isinstance(data, dict) else None
    meta = meta if isinstance(meta, dict) else {}
    views = [_finding_view(prefix, number, f, rules, lang) for number, f in enumerate(findings)]
    body = _Body(prefix, doc, views, lang).build() if doc is not None else []
    counts = Counter(str(f.severity) for f in findings)
    checklist = _checklist(findings, rules, views, lang, fail_on)
    level = meta.get("level")
    return {
        "id": prefix,
        "path": path,
        "title": _plain(meta.get("title")) or Path(path).name,
        "issuer": _plain(meta.get("issuer")),
        "year": _plain(meta.get("year")),
        "level": level,
        "level_label": _LEVELS[lang].get(str(level), _plain(level)),
        "error": error,
        "ready": error is None and not any(f.severity >= fail_on for f in findings),
        "counts": {"error": counts["error"], "warning": counts["warning"], "info": counts["info"]},
        "checklist": checklist,
        "failed_rules": {f.rule for f in findings if f.severity >= fail_on},
        "groups": _groups(views, data, lang),
        "body": body,
    }


def _load(path: Path, max_bytes: int | None) -> Document:
    """The checked file's Document, read as the linter read it."""
    from reportlint import inputs
    from reportlint.linter import DEFAULT_MAX_BYTES

    return inputs.load(path, str(path), max_bytes=max_bytes or DEFAULT_MAX_BYTES)


def _plain(value: object) -> str:
    return "" if value is None else str(value)


def _rule_summary(rule: RuleSpec | None, lang: str) -> str:
    if rule is None:
        return ""
    return rule.summary.get(lang) or rule.summary.get("en") or rule.name


def _hint(rule: RuleSpec | None, lang: str) -> str | None:
    hint = getattr(rule, "hint", None)
    if isinstance(hint, Mapping):
        return _plain(hint.get(lang) or hint.get("en")) or None
    return _plain(hint) or None


def _finding_view(
    prefix: str, number: int, finding: Finding, rules: Mapping[str, RuleSpec], lang: str
) -> dict[str, Any]:
    rule = rules.get(finding.rule)
    return {
        "id": f"{prefix}-f{number}",
        "mark": f"{prefix}-m{number}",
        "number": number + 1,
        "finding": finding,
        "severity": str(finding.severity),
        "severity_label": _SEVERITY[lang][str(finding.severity)],
        "hint": _hint(rule, lang),
        "quote": None,  # set by _Body when the finding's place is in the text
        "marked": False,
    }


def _checklist(
    findings: list[Finding],
    rules: Mapping[str, RuleSpec],
    views: list[dict[str, Any]],
    lang: str,
    fail_on: Severity,
) -> list[dict[str, Any]]:
    """Each requirement crossed ("fail") by a finding at ``fail_on`` or above, marked
    ("warn") by lesser findings, ticked, or not checked ("skip") when its rules did not run."""
    items = []
    for item in CHECKLIST:
        if item.rules:
            wanted = set(item.rules)
        else:
            wanted = {
                rule.id
                for rule in rules.values()
                if rule.severity >= Severity.ERROR and rule.id not in _NAMED
            } | {f.rule for f in findings if f.severity >= Severity.ERROR and f.rule not in _NAMED}
        hits = [view for view in views if view["finding"].rule in wanted]
        checked = bool(wanted & set(rules)) or bool(hits)
        items.append(
            {
                "key": item.key,
                "label": item.label[lang],
                "rules": ", ".join(item.rules),
                "status": (
                    "skip"
                    if not checked
                    else "fail"
                    if any(view["finding"].severity >= fail_on for view in hits)
                    else "warn"
                    if hits
                    else "pass"
                ),
                "count": len(hits) if checked else -1,
                "findings": hits,
            }
        )
    return items


def _groups(views: list[dict[str, Any]], data: Any, lang: str) -> list[dict[str, Any]]:
    """Findings by part of the report, in the report's order."""
    sections = data.get("sections") if isinstance(data, dict) else None
    sections = sections if isinstance(sections, dict) else {}
    grouped: dict[str | None, list[dict[str, Any]]] = defaultdict(list)
    for view in views:
        grouped[view["finding"].section].append(view)
    order = [None, *sections, *(key for key in grouped if key is not None and key not in sections)]
    groups = []
    for key in order:
        if key not in grouped:
            continue
        block = sections.get(key) if key is not None else None
        heading = block.get("heading") if isinstance(block, dict) else None
        label = _TEXT[lang]["whole"] if key is None else _plain(heading) or key
        groups.append({"label": label, "findings": grouped[key]})
    return groups


def _pointer(tokens: Iterable[str | int]) -> str:
    return "".join(
        "/" + (str(t).replace("~", "~0").replace("/", "~1") if isinstance(t, str) else str(t))
        for t in tokens
    )


class _Body:
    """The report's own text as blocks, with each finding marked where it points."""

    def __init__(self, prefix: str, doc: Document, views: list[dict[str, Any]], lang: str) -> None:
        self.prefix = prefix
        self.doc = doc
        self.views = views
        self.lang = lang
        self.blocks: list[dict[str, Any]] = []

    def build(self) -> list[dict[str, Any]]:
        data = self.doc.data if isinstance(self.doc.data, dict) else {}
        meta = data.get("report")
        if isinstance(meta, dict):
            for key, value in meta.items():
                self._text("meta", ("report", key), value)
                self.blocks[-1]["label"] = _TEXT[self.lang].get(key, key)
        preamble = data.get("preamble")
        if isinstance(preamble, list):
            for i, paragraph in enumerate(preamble):
                self._text("p", ("preamble", i), paragraph)
        sections = data.get("sections")
        if isinstance(sections, dict):
            for key, block in sections.items():
                self._block(("sections", key), block, 1)
        for key, value in data.items():
            if key in ("format", "report", "preamble", "sections"):
                continue
            if isinstance(value, list):
                for i, paragraph in enumerate(value):
                    self._text("p", (key, i), paragraph)
            elif isinstance(value, str):
                self._text("p", (key,), value)
        self._place_marks()
        return self.blocks

    def _block(self, tokens: tuple[str | int, ...], block: Any, depth: int) -> None:
        if not isinstance(block, dict):
            self._text(f"h{min(depth + 2, 5)}", tokens, block)
            return
        self.blocks.append({"kind": "anchor", "pointer": _pointer(tokens)})
        self._text(f"h{min(depth + 2, 5)}", (*tokens, "heading"), block.get("heading", ""))
        paragraphs = block.get("paragraphs")
        if isinstance(paragraphs, list):
            for i, paragraph in enumerate(paragraphs):
                self._text("p", (*tokens, "paragraphs", i), paragraph)
        subsections = block.get("subsections")
        if isinstance(subsections, list):
            for i, sub in enumerate(subsections):
                self._block((*tokens, "subsections", i), sub, depth + 1)

    def _text(self, kind: str, tokens: tuple[str | int, ...], value: Any) -> None:
        self.blocks.append(
            {
                "kind": kind,
                "pointer": _pointer(tokens),
                "text": _plain(value) if not isinstance(value, (dict, list)) else "",
                "spans": [],  # (start, end, view)
                "pins": [],  # views marked on the block as a whole
            }
        )

    def _place_marks(self) -> None:
        by_pointer = {block["pointer"]: block for block in self.blocks}
        first = next((b for b in self.blocks if b["kind"] != "anchor"), None)
        for view in self.views:
            finding: Finding = view["finding"]
            tokens = split(finding.pointer)
            block = None
            while block is None:
                block = by_pointer.get(_pointer(tokens))
                if not tokens:
                    break
                tokens = tokens[:-1]
            if block is not None and block["kind"] == "anchor":
                # A finding on a section as a whole is marked on its heading.
                block = by_pointer.get(block["pointer"] + "/heading")
            block = block or first
            if block is None:
                continue
            own = block["pointer"] == finding.pointer
            span = self._locate(finding, block) if own else None
            view["marked"] = True
            if span is None:
                block["pins"].append(view)
                # Only a finding on this very string quotes it (not one on the whole report).
                view["quote"] = _quote(block["text"], None) if own and block["text"] else None
            else:
                block["spans"].append((*span, view))
                view["quote"] = _quote(block["text"], span)
        for block in self.blocks:
            if block["kind"] != "anchor":
                block["segments"] = _segments(block["text"], block["spans"])

    def _locate(self, finding: Finding, block: dict[str, Any]) -> tuple[int, int] | None:
        """Where in the string the finding's words are: the source's words at its
        line and columns, else words its message quotes; nearest the expected place."""
        text: str = block["text"]
        lines = self.doc.lines
        if not text or not 0 < finding.line <= len(lines):
            return None
        value = self.doc.locator.span(finding.pointer)
        expected = finding.column - value.column if finding.line == value.line else 0
        candidates = []
        # A finding at the key (``title:``) rather than in the value has no words to mark.
        if (finding.line, finding.column) >= (value.line, value.column):
            source_line = lines[finding.line - 1]
            end = finding.end_column if finding.end_line == finding.line else len(source_line) + 1
            words = source_line[finding.column - 1 : end - 1].strip()
            if len(words) > 1 and words[0] == words[-1] and words[0] in "'\"":
                words = words[1:-1]  # the whole quoted scalar
            if words:
                candidates.append(words)
        candidates += [m.group(1) for m in _QUOTED.finditer(finding.message)]
        for words in candidates:
            found = [m.start() for m in re.finditer(re.escape(words), text)]
            if found:
                at = min(found, key=lambda pos: abs(pos - expected))
                return at, at + len(words)
        return None


def _quote(text: str, span: tuple[int, int] | None) -> list[tuple[str, bool]]:
    """The sentence around ``span`` (or the start of ``text``), the span marked."""
    if span is None:
        short = text[: 2 * _QUOTE_AROUND]
        return [(short + ("…" if len(text) > len(short) else ""), False)]
    start, end = span
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    begin = max([0, *ends, start - _QUOTE_AROUND])
    after = _SENTENCE_END.search(text, end)
    stop = min(after.end() if after else len(text), end + _QUOTE_AROUND)
    return [
        (("…" if begin > 0 and begin not in ends else "") + text[begin:start], False),
        (text[start:end], True),
        (
            text[end:stop] + ("…" if stop < len(text) and after and stop < after.end() else ""),
            False,
        ),
    ]


def _segments(text: str, spans: list[tuple[int, int, dict[str, Any]]]) -> list[dict[str, Any]]:
    """``text`` cut at the marked spans; a span overlapping an earlier one becomes a pin."""
    segments: list[dict[str, Any]] = []
    cursor = 0
    for start, end, view in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start < cursor:
            segments.append({"pin": view})
            continue
        if start > cursor:
            segments.append({"text": text[cursor:start]})
        segments.append({"text": text[start:end], "mark": view})
        cursor = end
    if cursor < len(text) or not segments:
        segments.append({"text": text[cursor:]})
    return segments
