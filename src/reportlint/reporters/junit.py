"""``junit``: JUnit XML, one test case per file and rule, failures carrying the findings.

CI systems that show test results (GitLab, Jenkins, Azure) then list which rule failed
for which report. A file that could not be read is a test case with an ``<error>``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Sequence
from typing import TextIO

from reportlint.findings import Finding
from reportlint.reporters import RunSummary

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


def junit_tree(findings: Sequence[Finding], summary: RunSummary) -> ET.Element:
    """The ``<testsuites>`` element of one run."""
    by_case: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for finding in findings:
        by_case[(finding.path, finding.rule)].append(finding)
    names = {rule.id: rule.name for rule in summary.rules}
    for finding in findings:
        names.setdefault(finding.rule, finding.name)
    files = list(dict.fromkeys([*summary.files, *(finding.path for finding in findings)]))
    root = ET.Element("testsuites", name="reportlint")
    suite = ET.SubElement(root, "testsuite", name="reportlint")
    tests = failures = 0
    for path in files:
        for rule_id, name in names.items():
            case = ET.SubElement(
                suite, "testcase", classname=xml_text(path), name=xml_text(f"{rule_id} {name}")
            )
            tests += 1
            found = by_case.get((path, rule_id))
            if found:
                failures += 1
                message = xml_text(found[0].message)
                failure = ET.SubElement(
                    case, "failure", message=message, type=str(found[0].severity)
                )
                failure.text = xml_text(_failure_text(found))
    for error in summary.errors:
        case = ET.SubElement(suite, "testcase", classname="reportlint", name="read")
        ET.SubElement(case, "error", message=xml_text(error)).text = xml_text(error)
        tests += 1
    counts = {"tests": str(tests), "failures": str(failures), "errors": str(len(summary.errors))}
    for element in (root, suite):
        element.attrib.update(counts)
    return root


def write(findings: Sequence[Finding], stream: TextIO, summary: RunSummary) -> None:
    tree = ET.ElementTree(junit_tree(findings, summary))
    ET.indent(tree)
    stream.write('<?xml version="1.0" encoding="utf-8"?>\n')
    tree.write(stream, encoding="unicode")
    stream.write("\n")
