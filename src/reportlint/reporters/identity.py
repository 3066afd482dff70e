"""Where a finding is, as CI systems name it, and an identity that survives moved lines.

Code scanning and Code Quality compare findings between runs by a fingerprint. Built from
the file, the rule and the JSON Pointer of the node (never the line), a finding keeps its
identity when text above it is added or removed; the occurrence index tells apart several
findings of one rule in the same node.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path, PurePath

from reportlint.findings import Finding


def relative_path(path: str) -> str:
    """``path`` relative to the working directory when it lies below it, with ``/``."""
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            candidate = candidate.relative_to(Path.cwd())
        except ValueError:
            return candidate.as_posix()
    return PurePath(os.path.normpath(candidate)).as_posix()


def fingerprints(findings: Sequence[Finding]) -> list[str]:
    """One stable, unique hex digest per finding, in the order given."""
    seen: Counter[tuple[str, str, str]] = Counter()
    digests = []
    for finding in findings:
        identity = (relative_path(finding.path), finding.rule, finding.pointer)
        occurrence = seen[identity]
        seen[identity] += 1
        material = "\0".join((*identity, str(occurrence)))
        # surrogateescape: a file name that was not UTF-8 is hashed as its own bytes.
        digest = hashlib.sha256(material.encode("utf-8", "surrogateescape"))
        digests.append(digest.hexdigest()[:32])
    return digests
