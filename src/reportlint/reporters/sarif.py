"""``sarif``: SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, IDE viewers).

The rule catalogue goes in ``tool.driver.rules``; each result points at its file with a
relative URI and a region, and carries a ``partialFingerprints`` entry built from file,
rule and JSON Pointer, so moving lines does not turn old findings into new ones.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
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


def _help(rule: RuleSpec, lang: str) -> dict[str, str]:
    basis = "依据" if lang == "zh" else "Basis"
    text = f"{rule.rationale[lang]}\n\n{basis}: {rule.basis}"
    return {"text": text, "markdown": f"{rule.rationale[lang]}\n\n**{basis}:** {rule.basis}"}


def _descriptor(rule: RuleSpec, lang: str) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.summary[lang]},
        "fullDescription": {"text": rule.rationale[lang]},
        "help": _help(rule, lang),
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
        "properties": {"tags": [rule.check]},
    }


def _uri(path: str) -> str:
    # Percent-encode what a URI cannot hold (spaces, Chinese file names), keep the slashes.
    # A name that was not UTF-8 is percent-encoded as its own bytes (r%FF.yaml).
    return quote(relative_path(path).encode("utf-8", "surrogateescape"), safe="/")


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
                    "artifactLocation": {"uri": _uri(finding.path)},
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


def sarif_log(findings: Sequence[Finding], summary: RunSummary) -> dict[str, Any]:
    """The SARIF log of one run, as a JSON-ready dict."""
    rules = list(summary.rules)
    index = {rule.id: position for position, rule in enumerate(rules)}
    digests = fingerprints(findings)
    notifications = [
        {"level": "error", "message": {"text": error}, "descriptor": {"id": "input"}}
        for error in summary.errors
    ]
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
                        "rules": [_descriptor(rule, summary.lang) for rule in rules],
                    }
                },
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
