"""A deterministic corpus of reports for the benchmark: variants of the reference report.

Each report is examples/yungang-2023.yaml with another issuer, another year, other figures,
its parts in another order, and now and then a defect a real draft might have (a missing
section, a wrong date, a placeholder, an unknown key, a duplicate key, broken YAML). The
variants are made on the text, so comments, quoting and layout stay as people write them.
Report ``i`` depends only on the seed and ``i``: the first 100 reports of a corpus of
1,000 are the reports of a corpus of 100.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

REFERENCE = Path(__file__).resolve().parent.parent / "examples" / "yungang-2023.yaml"
SEED = 20231229

_PLACES = (
    ("云冈区", "大同市"),
    ("平城区", "大同市"),
    ("新荣区", "大同市"),
    ("云州区", "大同市"),
    ("阳高县", "大同市"),
    ("天镇县", "大同市"),
    ("广灵县", "大同市"),
    ("灵丘县", "大同市"),
    ("浑源县", "大同市"),
    ("左云县", "大同市"),
    ("小店区", "太原市"),
    ("迎泽区", "太原市"),
    ("杏花岭区", "太原市"),
    ("尖草坪区", "太原市"),
    ("万柏林区", "太原市"),
    ("晋源区", "太原市"),
)
_YEAR = re.compile(r"20[12]\d")
# A count in the text: digits followed by a measure word (years and percentages stay).
_COUNT = re.compile(r"(?<![\d.\-])(\d{1,4})(?=(?:余)?[次件份个家人名项批位])")
_ITEM = re.compile(r"^(\s*)- heading:")

# (probability, name): each report gets each defect with this probability.
DEFECTS = (
    (0.05, "signed-after-published"),
    (0.05, "placeholder"),
    (0.05, "partial-year"),
    (0.03, "missing-section"),
    (0.03, "unknown-key"),
    (0.03, "rate-over-100"),
    (0.02, "duplicate-key"),
    (0.01, "broken-yaml"),
)


def _shuffle_items(lines: list[str], indent: int, rng: random.Random) -> list[str]:
    """Shuffle each run of sibling ``- heading:`` list items at ``indent``, in place order."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        match = _ITEM.match(lines[index])
        if not match or len(match.group(1)) != indent:
            out.append(lines[index])
            index += 1
            continue
        items: list[list[str]] = []
        while index < len(lines):
            match = _ITEM.match(lines[index])
            if not match or len(match.group(1)) != indent:
                break
            item = [lines[index]]
            index += 1
            while index < len(lines) and (
                len(lines[index]) - len(lines[index].lstrip(" ")) > indent
            ):
                item.append(lines[index])
                index += 1
            items.append(item)
        rng.shuffle(items)
        for item in items:
            out.extend(item)
    return out


def _figures(line: str, rng: random.Random) -> str:
    def vary(match: re.Match[str]) -> str:
        value = int(match.group(1))
        low, high = max(1, value // 2), max(2, value * 2)
        return str(rng.randint(low, high))

    return _COUNT.sub(vary, line)


def _inject(text: str, defect: str, year: int, rng: random.Random) -> str:
    if defect == "signed-after-published":
        return re.sub(r"signed_on: \S+", f"signed_on: {year + 1}-05-20", text, count=1)
    if defect == "placeholder":
        return text.replace("共受理行政复议案件", "共受理行政复议案件XX件,其中", 1)
    if defect == "partial-year":
        return text.replace("全年调解成功案件", "截至10月底调解成功案件", 1)
    if defect == "missing-section":
        return re.sub(r"\n  suggestions:\n(?:    .*\n)+", "\n", text, count=1)
    if defect == "unknown-key":
        return text.replace("\n  kind: government", "\n  kind: government\n  titel: 年度报告", 1)
    if defect == "rate-over-100":
        return text.replace("法制审核率达到100%", "法制审核率达到120%", 1)
    if defect == "duplicate-key":
        return text.replace(f"\n  year: {year}", f"\n  year: {year}\n  year: {year - 1}", 1)
    if defect == "broken-yaml":
        return text.replace('index_no: "', 'index_no: "unterminated ', 1).replace(
            '"\npreamble:', "\npreamble:", 1
        )
    raise ValueError(defect)


def report(index: int, reference: str, seed: int = SEED) -> str:
    """The text of report ``index`` of the corpus."""
    rng = random.Random(seed * 1_000_003 + index)
    place, city = _PLACES[rng.randrange(len(_PLACES))]
    year = rng.randint(2019, 2024)
    shift = year - 2023
    text = _YEAR.sub(lambda match: str(int(match.group(0)) + shift), reference)
    text = text.replace("云冈区", place).replace("云冈", place[:-1]).replace("大同市", city)
    text = re.sub(
        r'index_no: "[^"]*"',
        f'index_no: "{rng.randint(10**8, 10**9 - 1):09d}/{year + 1}-{index:05d}"',
        text,
        count=1,
    )
    lines = [_figures(line, rng) if "- " in line else line for line in text.split("\n")]
    for indent in (6, 10):
        lines = _shuffle_items(lines, indent, rng)
    text = "\n".join(lines)
    for probability, defect in DEFECTS:
        if rng.random() < probability:
            text = _inject(text, defect, year, rng)
    return text


def generate(folder: Path, count: int, seed: int = SEED) -> list[Path]:
    """Write reports 0..count-1 into ``folder`` (kept when already there) and list them."""
    folder.mkdir(parents=True, exist_ok=True)
    reference = REFERENCE.read_text(encoding="utf-8")
    paths = []
    for index in range(count):
        path = folder / f"report-{index:05d}.yaml"
        text = report(index, reference, seed)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
