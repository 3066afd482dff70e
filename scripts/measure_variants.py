"""Recall and false positives of the catalogue on the blind variants set.

``tests/fixtures/variants/`` holds a correct report (``base.yaml``, and ``base-folded.yaml``
with its full-width punctuation folded to ASCII), one-edit defective copies and one-edit
correct copies that look like defects, written from ``domain.md`` without the rules in
view. ``MANIFEST.tsv`` names each file's kind, family and edited line.

A defect counts as caught when the variant has a finding the base it was made from lacks
(same rule, line and message), within ``--near`` lines of the edited line, or anywhere for
a defect that is an absence (a part, a statement or a rate left out). A clean variant's
findings that its base lacks are false positives, and so are the bases' own findings of
severity warning or error.

    python scripts/measure_variants.py            # the table
    python scripts/measure_variants.py --list     # also every miss and false positive
"""

from __future__ import annotations

import argparse
import csv
import re
from collections import Counter, defaultdict
from pathlib import Path

from reportlint.findings import Finding, Severity
from reportlint.linter import Linter, Settings

VARIANTS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "variants"
# Defects that remove something: the finding stands at the section or key, not the line.
ABSENCE = re.compile(
    r"missing|deleted|removed|no causes|without|no figures|absent|anywhere|with no|no count", re.I
)


def identity(finding: Finding) -> tuple[str, int, str]:
    return (finding.rule, finding.line, finding.message)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--near", type=int, default=3, help="lines either side that count")
    parser.add_argument("--list", action="store_true", help="list misses and false positives")
    args = parser.parse_args()
    linter = Linter(Settings(lang="en"))
    bases = {
        name: {identity(f) for f in linter.lint_file(VARIANTS / name)}
        for name in ("base.yaml", "base-folded.yaml")
    }
    caught: Counter[str] = Counter()
    total: Counter[str] = Counter()
    false_positives: dict[str, list[str]] = defaultdict(list)
    misses: list[str] = []
    with (VARIANTS / "MANIFEST.tsv").open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream, delimiter="\t"))
    for row in rows:
        path = VARIANTS / row["file"]
        text = path.read_text(encoding="utf-8")
        base = "base-folded.yaml" if "folded" in row["file"] or "," not in text else "base.yaml"
        found = linter.lint_file(path)
        new = [f for f in found if identity(f) not in bases[base]]
        if row["kind"] == "clean":
            for f in new:
                false_positives[row["file"]].append(f"{f.line}:{f.column} {f.rule} {f.message}")
            continue
        total[row["family"]] += 1
        line = int(re.search(r"line=(\d+)", row["description"]).group(1))  # type: ignore[union-attr]
        absence = bool(ABSENCE.search(row["description"]))
        if any(absence or abs(f.line - line) <= args.near for f in new):
            caught[row["family"]] += 1
        else:
            misses.append(f"{row['file']}: {row['description']}")
    for name in bases:
        for f in linter.lint_file(VARIANTS / name):
            if f.severity >= Severity.WARNING:
                false_positives[name].append(f"{f.line}:{f.column} {f.rule} {f.message}")
    print("| family | defects caught |")
    print("|---|---:|")
    for family in sorted(total):
        print(f"| {family} | {caught[family]}/{total[family]} |")
    print(f"| all | {sum(caught.values())}/{sum(total.values())} |")
    clean = sum(1 for row in rows if row["kind"] == "clean")
    flagged = sum(1 for name in false_positives if name not in bases)
    count = sum(len(v) for v in false_positives.values())
    print(f"\nclean variants with a new finding: {flagged}/{clean}; false positives: {count}")
    if args.list:
        print("\nmissed:", *misses, sep="\n  ")
        print("\nfalse positives:")
        for name, lines in sorted(false_positives.items()):
            print(f"  {name}:", *lines, sep="\n    ")


if __name__ == "__main__":
    main()
