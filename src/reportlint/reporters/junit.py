"""``junit``: JUnit XML, one ``testsuite`` per report and a ``testcase`` per rule.

CI systems that show test results (GitLab, Jenkins, Azure) then list which rule failed
for which report. A case fails (``<failure>``) only with a finding at or above the
report's ``--fail-on``; lower findings are the case's ``<system-out>``, so a green run
shows no failure. A file that could not be read is a suite of its own with one case
holding an ``<error>``. Suites carry ``time`` (seconds spent on the file) and
``timestamp``, as the Jenkins and GitLab schemas expect.
"""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Sequence
from typing import TextIO

from reportlint.findings import Finding
from reportlint.reporters import FileResult, RunSummary

# Characters XML 1.0 cannot hold at all, not even as a reference (&#27; is invalid too):
# most C0 controls, lone surrogates (a file name that was not UTF-8), U+FFFE and U+FFFF.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` with each character XML cannot hold written as ``\\x1b``, ``\\udcff``, …"""
    return _NOT_XML.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), text)


def _failure_text(findings: list[Finding]) -> str:
    return "\n".join(
        f"{f.path}:{f.line}:{f.column}: {f.rule} {f.severity} [{f.name}] {f.message}"
        for f in findings
    )


def junit_tree(
    findings: Sequence[Finding], summary: RunSummary, *, now: datetime.datetime | None = None
) -> ET.Element:
    """The ``<testsuites>`` element of one run."""
    from reportlint.reporters.statistics import file_results

    stamp = (now or datetime.datetime.now()).replace(microsecond=0).isoformat()
    names = {rule.id: rule.name for rule in summary.rules}
    for finding in findings:
        names.setdefault(finding.rule, finding.name)
    results = file_results(findings, summary)
    root = ET.Element("testsuites", name="reportlint")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    seconds = 0.0
    for result in results:
        suite = _suite(result, names, stamp)
        root.append(suite)
        seconds += result.seconds
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
    if not summary.results:  # a caller that gave only the errors' messages
        for error in summary.errors:
            result = FileResult("unreadable", error=error)
            root.append(_suite(result, names, stamp))
            totals["tests"] += 1
            totals["errors"] += 1
    root.attrib.update({key: str(value) for key, value in totals.items()})
    root.set("time", f"{seconds:.3f}")
    return root


def _suite(result: FileResult, names: dict[str, str], stamp: str) -> ET.Element:
    path = xml_text(result.path)
    suite = ET.Element("testsuite", name=path, timestamp=stamp, time=f"{result.seconds:.3f}")
    if result.error is not None:
        case = ET.SubElement(suite, "testcase", classname=path, name="read", time="0")
        ET.SubElement(case, "error", message=xml_text(result.error)).text = xml_text(result.error)
        suite.attrib.update(tests="1", failures="0", errors="1", skipped="0")
        return suite
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for finding in sorted(result.findings, key=Finding.sort_key):
        by_rule[finding.rule].append(finding)
    failures = 0
    for rule_id, name in names.items():
        case = ET.SubElement(
            suite, "testcase", classname=path, name=xml_text(f"{rule_id} {name}"), time="0"
        )
        found = by_rule.get(rule_id, [])
        failing = [f for f in found if f.severity >= result.fail_on]
        if failing:
            failures += 1
            worst = max(failing, key=lambda f: f.severity)
            failure = ET.SubElement(
                case, "failure", message=xml_text(failing[0].message), type=str(worst.severity)
            )
            failure.text = xml_text(_failure_text(failing))
        below = [f for f in found if f.severity < result.fail_on]
        if below:
            ET.SubElement(case, "system-out").text = xml_text(_failure_text(below))
    suite.attrib.update(tests=str(len(names)), failures=str(failures), errors="0", skipped="0")
    return suite


def write(findings: Sequence[Finding], stream: TextIO, summary: RunSummary) -> None:
    tree = ET.ElementTree(junit_tree(findings, summary))
    ET.indent(tree)
    stream.write('<?xml version="1.0" encoding="utf-8"?>\n')
    tree.write(stream, encoding="unicode")
    stream.write("\n")
