"""Mutation fuzzing of the linter, for minutes at a time (outside the normal test run).

    python scripts/fuzz.py --minutes 10 [--seed 1] [--out fuzz-failures]

Each input is the reference report (examples/yungang-2023.yaml) changed by a few random
mutations: of its data (delete, duplicate or swap keys, scalars replaced by other types,
unicode inserted into text) re-dumped in a random style, of its YAML source (characters
inserted, lines duplicated, swapped or cut, indentation broken), or of its bytes (another
encoding, bytes flipped). Each goes through ``Linter.read`` and ``Linter.lint_text`` as a
file would. An escape is any exception other than the InputError a bad file is meant to
give, a finding whose position lies outside the file, or an input slower than
``--slow`` seconds. Each distinct escape is saved with its traceback to ``--out``; the
input file there reproduces it with ``reportlint check --debug FILE``.
"""

from __future__ import annotations

import argparse
import copy
import datetime
import hashlib
import random
import re
import signal
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from reportlint.errors import InputError  # noqa: E402
from reportlint.findings import Finding  # noqa: E402
from reportlint.linter import Linter  # noqa: E402

REFERENCE = ROOT / "examples" / "yungang-2023.yaml"
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")

# Characters worth inserting: YAML indicators, line breaks YAML knows and Python splits on,
# control characters, BOMs, full-width and combining forms, CJK, astral, a lone surrogate.
_SPICE = (
    *":-?[]{},&*!|>'\"%@`#\t\n\r ",
    *("\x85", "\u2028", "\u2029", "\x0b", "\x0c", "\x1c", "\x00", "\x07", "\x7f"),
    *("\ufeff", "\u200b", "\u3000", "\uff10", "\uff1a", "\u0301", "\u3220", "\ufffd"),
    *("一", "、", "。", "（", "）", "年", "月", "日", "%", "\U0001f600", "\U00020000", "\ud800"),
)


class _Slow(Exception):
    pass


def yaml_lines(text: str) -> list[str]:
    """The lines of ``text`` as YAML counts them (its marks' line numbers)."""
    return _LINE_BREAK.split(text)


def position_problem(finding: Finding, lines: list[str]) -> str | None:
    """Why a finding's position is not inside the file, or None."""
    line, column = finding.line, finding.column
    if not 1 <= line <= len(lines):
        return f"line {line} outside 1..{len(lines)}"
    if not 1 <= column <= len(lines[line - 1]) + 1:
        return f"column {column} outside 1..{len(lines[line - 1]) + 1} on line {line}"
    if (finding.end_line, finding.end_column) < (line, column):
        return f"end {finding.end_line}:{finding.end_column} before start {line}:{column}"
    return None


# Mutations of the data -------------------------------------------------------------------


def _containers(data: Any) -> list[Any]:
    found, stack = [], [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict | list) and node:
            found.append(node)
            stack.extend(node.values() if isinstance(node, dict) else node)
    return found


def _random_scalar(rng: random.Random) -> Any:
    return rng.choice(
        [
            None,
            True,
            0,
            -1,
            2023,
            10**30,
            3.5,
            float("inf"),
            "",
            "2023-02-30",
            "0000-01-01",
            datetime.date(2023, 12, 31),
            [],
            {},
            ["x"],
            {"heading": "x"},
            "截至11月份" * rng.randint(1, 50),
            "".join(rng.choice(_SPICE) for _ in range(rng.randint(1, 20))),
        ]
    )


def _key(rng: random.Random, node: Any) -> Any:
    return rng.choice(list(node)) if isinstance(node, dict) else rng.randrange(len(node))


def mutate_data(rng: random.Random, data: Any) -> Any:
    """One change to the loaded data (in place where possible); returns the new root."""
    containers = _containers(data)
    if not containers:
        return _random_scalar(rng)
    node = rng.choice(containers)
    key = _key(rng, node)
    kind = rng.randrange(5)
    if kind == 0:  # delete
        del node[key]
    elif kind == 1:  # swap two values
        other = _key(rng, node)
        node[key], node[other] = node[other], node[key]
    elif kind == 2:  # another type
        node[key] = _random_scalar(rng)
    elif kind == 3 and isinstance(node[key], str):  # unicode into text
        text = node[key]
        at = rng.randint(0, len(text))
        spice = "".join(rng.choice(_SPICE) for _ in range(rng.randint(1, 5)))
        node[key] = text[:at] + spice.replace("\ud800", "") + text[at:]
    elif isinstance(node, dict):  # rename a key, maybe to a sibling's
        node[rng.choice([*node, "shortcomming", "", "0", "format"])] = node.pop(key)
    else:  # duplicate an item
        node.insert(key, node[key])
    return data


def dump(rng: random.Random, data: Any) -> str:
    """YAML text of ``data`` in a random style."""
    return yaml.safe_dump(
        data,
        allow_unicode=rng.random() < 0.8,
        default_flow_style=rng.choice([False, None, True]),
        sort_keys=False,
        width=rng.choice([40, 80, 10_000]),
        indent=rng.choice([2, 4]),
    )


# Mutations of the text and the bytes ------------------------------------------------------


def mutate_text(rng: random.Random, text: str) -> str:
    lines = text.split("\n")
    kind = rng.randrange(7)
    if kind == 0:  # insert characters
        at = rng.randint(0, len(text))
        spice = "".join(rng.choice(_SPICE) for _ in range(rng.randint(1, 8)))
        return text[:at] + spice + text[at:]
    if kind == 1:  # delete a slice
        at = rng.randint(0, len(text))
        return text[:at] + text[at + rng.randint(1, 200) :]
    if kind == 2:  # duplicate a line (duplicate keys)
        index = rng.randrange(len(lines))
        lines.insert(index, lines[index])
    elif kind == 3:  # swap two lines
        one, two = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[one], lines[two] = lines[two], lines[one]
    elif kind == 4:  # break the indentation of a line
        index = rng.randrange(len(lines))
        lines[index] = rng.choice(["", " ", "\t", "   "]) + lines[index].lstrip(" ")
    elif kind == 5:  # truncate
        return text[: rng.randint(0, len(text))]
    else:  # YAML features: anchors, aliases, tags, documents
        index = rng.randrange(len(lines))
        lines.insert(
            index,
            rng.choice(
                [
                    "---",
                    "...",
                    "x: &a [1, 2]",
                    "y: *a",
                    "z: !!python/object/apply:os.system ['true']",
                    "<<: {a: 1}",
                    "? [complex, key]\n: 1",
                    "%YAML 1.1",
                    "k: !custom x",
                ]
            ),
        )
    return "\n".join(lines)


def encode(rng: random.Random, text: str) -> bytes:
    """``text`` as a file might hold it, sometimes damaged."""
    codec = rng.choice(["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "gb18030"])
    raw = text.encode(codec, "replace" if codec != "utf-16-be" else "surrogatepass")
    if codec == "utf-16-be":
        raw = b"\xfe\xff" + raw
    if rng.random() < 0.3 and raw:
        damaged = bytearray(raw)
        for _ in range(rng.randint(1, 4)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        raw = bytes(damaged)
    return raw


# The loop --------------------------------------------------------------------------------


def make_input(rng: random.Random, reference: str, reference_data: Any) -> bytes:
    text = reference
    if rng.random() < 0.5:
        data = copy.deepcopy(reference_data)
        for _ in range(rng.randint(1, 4)):
            data = mutate_data(rng, data)
        text = dump(rng, data)
    for _ in range(rng.randint(0 if text != reference else 1, 4)):
        text = mutate_text(rng, text)
    return encode(rng, text)


def run_one(linter: Linter, raw: bytes, scratch: Path, slow: float) -> str | None:
    """What went wrong linting ``raw`` as a file, or None."""
    scratch.write_bytes(raw)
    signal.alarm(int(slow) + 1)
    started = time.perf_counter()
    try:
        try:
            text = linter.read(scratch)
        except InputError:
            return None
        findings = linter.lint_text(text, str(scratch))
    except _Slow:
        return f"slow: over {slow:g} s"
    except Exception:
        return traceback.format_exc()
    finally:
        signal.alarm(0)
    if time.perf_counter() - started > slow:
        return f"slow: {time.perf_counter() - started:.1f} s"
    lines = yaml_lines(text)
    for finding in findings:
        problem = position_problem(finding, lines)
        if problem:
            return f"bad position: {finding.rule} at {finding.line}:{finding.column}: {problem}"
    return None


def _signature(problem: str) -> str:
    """Escapes with the same exception and place are one escape."""
    lines = problem.strip().splitlines()
    places = [line for line in lines if line.strip().startswith("File ")]
    # "bad position: RL504 at ..." -> "bad position: RL504"; a traceback -> its exception.
    head = lines[-1].split(":")[0] if places else " ".join(problem.split(" ")[:3])
    return hashlib.sha1(f"{head}|{places[-1] if places else ''}".encode()).hexdigest()[:12]


def _alarm(signum: int, frame: Any) -> None:
    raise _Slow


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--out", type=Path, default=Path("fuzz-failures"))
    parser.add_argument("--slow", type=float, default=10.0, help="seconds one input may take")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    rng = random.Random(seed)
    signal.signal(signal.SIGALRM, _alarm)
    linter = Linter()
    reference = REFERENCE.read_text(encoding="utf-8")
    reference_data = yaml.safe_load(reference)
    deadline = time.monotonic() + args.minutes * 60
    tried, escapes, seen = 0, 0, set[str]()
    report_at = time.monotonic() + 60
    print(f"fuzzing for {args.minutes:g} min, seed {seed}", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder) / "input.yaml"
        while time.monotonic() < deadline:
            raw = make_input(rng, reference, reference_data)
            problem = run_one(linter, raw, scratch, args.slow)
            tried += 1
            if problem is not None:
                escapes += 1
                signature = _signature(problem)
                if signature not in seen:
                    seen.add(signature)
                    _save(args.out, signature, raw, problem)
            if time.monotonic() >= report_at:
                report_at += 60
                print(f"  {tried} inputs, {escapes} escapes ({len(seen)} distinct)", flush=True)
    print(f"tried {tried} inputs: {escapes} escapes, {len(seen)} distinct (seed {seed})")
    return 1 if escapes else 0


def _save(out: Path, signature: str, raw: bytes, problem: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{signature}.yaml").write_bytes(raw)
    (out / f"{signature}.txt").write_text(problem, encoding="utf-8")
    first = problem.strip().splitlines()[-1]
    print(f"  escape {signature}: {first} -> {out / signature}.yaml", flush=True)


if __name__ == "__main__":
    sys.exit(main())
