"""PyYAML against ruamel.yaml on the check path: import, compose, and a one-file run.

    python bench/yaml_libraries.py [--repeat N]

Measures, in fresh interpreters (imports) and in-process (composing), what reading a report
with each library costs; the one-file run is ``reportlint check`` on the reference report
as it is (PyYAML) with and without ruamel.yaml imported as well, the least a switch would add.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPORT = HERE.parent / "examples" / "yungang-2023.yaml"


def _fresh(code: str, repeat: int) -> float:
    """Median wall time (ms) of ``python -c code`` minus that of an empty interpreter."""

    def run(source: str) -> float:
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", source], check=True, capture_output=True)
            times.append(time.perf_counter() - start)
        return statistics.median(times) * 1000

    return run(code) - run("pass")


def _import_ms(module: str, repeat: int) -> float:
    """Median cumulative import time (ms) of ``module``, as ``python -X importtime`` tells."""
    times = []
    for _ in range(repeat):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", f"import {module}"],
            check=True,
            capture_output=True,
            text=True,
        )
        for line in done.stderr.splitlines():
            fields = [field.strip() for field in line.removeprefix("import time:").split("|")]
            if len(fields) == 3 and fields[2] == module:
                times.append(int(fields[1]) / 1000)
    return statistics.median(times)


def _compose(repeat: int) -> dict[str, float]:
    import yaml
    from ruamel.yaml import YAML

    text = REPORT.read_text(encoding="utf-8")
    results: dict[str, float] = {}

    def timed(name: str, work: object) -> None:
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            work()  # type: ignore[operator]
            times.append(time.perf_counter() - start)
        results[name] = statistics.median(times) * 1000

    timed("PyYAML compose (CSafeLoader)", lambda: yaml.compose(text, Loader=yaml.CSafeLoader))
    timed("PyYAML compose (pure Python)", lambda: yaml.compose(text, Loader=yaml.SafeLoader))
    c_yaml = YAML(typ="safe")  # the C parser when ruamel.yaml.clib is installed
    timed("ruamel.yaml compose (typ=safe)", lambda: c_yaml.compose(text))
    pure = YAML(typ="safe", pure=True)
    timed("ruamel.yaml compose (pure)", lambda: pure.compose(text))
    rt = YAML(typ="rt")
    timed("ruamel.yaml load (typ=rt, keeps comments)", lambda: rt.load(text))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    rows = [
        ("import yaml (PyYAML), -X importtime", _import_ms("yaml", args.repeat)),
        ("import ruamel.yaml, -X importtime", _import_ms("ruamel.yaml", args.repeat)),
    ]
    rows += list(_compose(args.repeat * 10).items())
    check = f"import sys; from reportlint.cli import main; main(['check','-q','{REPORT}'])"
    rows.append(("reportlint check one report (PyYAML)", _fresh(check, args.repeat)))
    rows.append(
        (
            "the same run + import ruamel.yaml",
            _fresh("import ruamel.yaml; " + check.replace("import sys; ", ""), args.repeat),
        )
    )
    print("| what | median ms |\n|---|---:|")
    for name, value in rows:
        print(f"| {name} | {value:.2f} |")


if __name__ == "__main__":
    main()
