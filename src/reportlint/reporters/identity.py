"""Where a finding is, as CI systems name it, and an identity that survives moved lines.

Code scanning and Code Quality compare findings between runs by a fingerprint. Built from
the file, the rule and the JSON Pointer of the node (never the line), a finding keeps its
identity when text above it is added or removed; the occurrence index tells apart several
findings of one rule in the same node.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path, PurePath

from reportlint.findings import Finding


def relative_path(path: str, root: str | None = None) -> str:
    """``path`` with ``/``, relative to ``root`` (the repository root) when given, else to
    the working directory, when it lies below it; absolute otherwise."""
    candidate = Path(path)
    if root is not None:
        candidate = Path(os.path.abspath(candidate))
        base = Path(root)
    elif candidate.is_absolute():
        base = Path.cwd()
    else:
        return PurePath(os.path.normpath(candidate)).as_posix()
    try:
        candidate = candidate.relative_to(base)
    except ValueError:
        return candidate.as_posix()
    return PurePath(os.path.normpath(candidate)).as_posix()


def repository_root(explicit: str | None = None) -> Path:
    """The folder machine outputs name files from: ``explicit`` (``--root``), else the
    git top level above the working folder, else the CI workspace holding it
    (``GITHUB_WORKSPACE``, ``CI_PROJECT_DIR``), else the working folder."""
    if explicit is not None:
        return Path(os.path.abspath(explicit))
    from reportlint.config import repository_root as enclosing

    here = Path.cwd()
    found = enclosing(here)
    if found is not None:
        return found
    for name in ("GITHUB_WORKSPACE", "CI_PROJECT_DIR"):
        workspace = os.environ.get(name)
        if workspace:
            folder = Path(os.path.abspath(workspace))
            if here == folder or folder in here.parents:
                return folder
    return here


def fingerprints(findings: Sequence[Finding]) -> list[str]:
    """One stable, unique hex digest per finding, in the order given."""
    import hashlib  # only the formats with fingerprints pay for it

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
