"""``sarif``: SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, IDE viewers).

The rule catalogue goes in ``tool.driver.rules`` (tagged with the rule's family and
severity, with a ``helpUri`` when the config names a ``docs-url``); each result points at
its file with a URI relative to ``%SRCROOT%`` (the repository root, given in
``originalUriBaseIds``) and a region. ``partialFingerprints`` carries an identity built
from file, rule and JSON Pointer for tools that use it; GitHub code scanning ignores it
and tracks results by its own hash of the line's text. A file that could not be read is
an error notification of the invocation, located the way results are.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from reportlint import __version__
from reportlint.findings import Finding, Severity
from reportlint.packs.records import RuleSpec
from reportlint.reporters import RunSummary
from reportlint.reporters.identity import fingerprints, relative_path

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "reportlint/v1"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
ROOT_ID = "%SRCROOT%"
# GitHub code scanning shows at most 5,000 results of a run and refuses more than 25,000.
GITHUB_SHOWN, GITHUB_ACCEPTED = 5000, 25000


def limit_warning(results: int) -> str | None:
    """What to tell a user whose run passes GitHub's limits, or None."""
    if results > GITHUB_ACCEPTED:
        return (
            f"{results:,} SARIF results: GitHub code scanning refuses a run of more than "
            f"{GITHUB_ACCEPTED:,}; use --select or --fail-on to report fewer"
        )
    if results > GITHUB_SHOWN:
        return f"{results:,} SARIF results: GitHub code scanning shows only {GITHUB_SHOWN:,}"
    return None


def hint_of(rule: RuleSpec, lang: str) -> str | None:
    """The rule's fix hint in ``lang``, when the rule has one (a text or a {zh, en} map)."""
    hint = getattr(rule, "hint", None)
    if isinstance(hint, dict):
        hint = hint.get(lang) or hint.get("en")
    return hint if isinstance(hint, str) and hint else None


def help_uri(rule: RuleSpec, docs_url: str) -> str:
    """The rule's page: ``{rule}`` in the URL replaced by its ID, else an anchor appended
    as docs/rules.md's headings give it (``#rl201-review-rate``)."""
    if "{rule}" in docs_url:
        return docs_url.replace("{rule}", rule.id)
    return f"{docs_url}#{rule.id.lower()}-{rule.name}"


def _help(rule: RuleSpec, lang: str) -> dict[str, str]:
    basis = "依据" if lang == "zh" else "Basis"
    text = f"{rule.rationale[lang]}\n\n{basis}: {rule.basis}"
    markdown = f"{rule.rationale[lang]}\n\n**{basis}:** {rule.basis}"
    hint = hint_of(rule, lang)
    if hint is not None:
        fix = "修改建议" if lang == "zh" else "Fix"
        text += f"\n\n{fix}: {hint}"
        markdown += f"\n\n**{fix}:** {hint}"
    return {"text": text, "markdown": markdown}


def _descriptor(rule: RuleSpec, lang: str, docs_url: str | None) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.summary[lang]},
        "fullDescription": {"text": rule.rationale[lang]},
        "help": _help(rule, lang),
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
        # Code scanning filters by tag: the pack (family), the severity and the check kind.
        "properties": {"tags": [Path(rule.source).stem, str(rule.severity), rule.check]},
    }
    if docs_url:
        descriptor["helpUri"] = help_uri(rule, docs_url)
    return descriptor


def _uri(path: str) -> str:
    # Percent-encode what a URI cannot hold (spaces, Chinese file names), keep the slashes.
    # A name that was not UTF-8 is percent-encoded as its own bytes (r%FF.yaml).
    return quote(relative_path(path).encode("utf-8", "surrogateescape"), safe="/")


def _root_uri(root: str | None) -> str:
    # An absolute file URI of a folder ends with "/", so relative URIs resolve inside it.
    folder = Path(root) if root is not None else Path.cwd()
    return folder.absolute().as_uri().rstrip("/") + "/"


def _result(finding: Finding, fingerprint: str, index: dict[str, int]) -> dict[str, Any]:
    region = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": max(finding.end_column, 1),
    }
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(finding.path), "uriBaseId": ROOT_ID},
                    "region": region,
                },
                "logicalLocations": [
                    {"fullyQualifiedName": finding.pointer or "/", "kind": "value"}
                ],
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    return result


def _notifications(summary: RunSummary) -> list[dict[str, Any]]:
    """One error notification per file the run could not read, located as results are."""
    unread = [result for result in summary.results if result.error is not None]
    if not unread:  # a caller that gave only the errors' messages
        return [_notification(error) for error in summary.errors]
    return [_notification(result.error, result.path) for result in unread if result.error]


def _notification(text: str, path: str | None = None) -> dict[str, Any]:
    notification: dict[str, Any] = {
        "level": "error",
        "message": {"text": text},
        "descriptor": {"id": "input"},
    }
    if path is not None:
        location = {"artifactLocation": {"uri": _uri(path), "uriBaseId": ROOT_ID}}
        notification["locations"] = [{"physicalLocation": location}]
    return notification


def sarif_log(findings: Sequence[Finding], summary: RunSummary) -> dict[str, Any]:
    """The SARIF log of one run, as a JSON-ready dict."""
    rules = list(summary.rules)
    index = {rule.id: position for position, rule in enumerate(rules)}
    digests = fingerprints(findings)
    notifications = _notifications(summary)
    invocation: dict[str, Any] = {"executionSuccessful": not summary.errors}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "reportlint",
                        "version": __version__,
                        "rules": [
                            _descriptor(rule, summary.lang, summary.docs_url) for rule in rules
                        ],
                    }
                },
                "originalUriBaseIds": {ROOT_ID: {"uri": _root_uri(summary.root)}},
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": [
                    _result(finding, digest, index)
                    for finding, digest in zip(findings, digests, strict=True)
                ],
            }
        ],
    }


def write(findings: Sequence[Finding], stream: TextIO, summary: RunSummary) -> None:
    json.dump(sarif_log(findings, summary), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
