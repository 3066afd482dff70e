"""``reportlint test-rules``: run the pass and fail examples of rule packs.

A pass example must give no finding of its rule, a fail example at least one. An example
is a JSON Merge Patch (RFC 7386) over ``rules/baseline/report.yaml``, a whole YAML text,
or ``{source_text: ...}`` for a published text read by ``reportlint.inputs.sources``. The
project's own tests call ``run_examples`` for every bundled rule, so the examples in the
docs cannot drift from what the rules do.
"""

from __future__ import annotations

import copy
import functools
import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal, TextIO

from reportlint import resources
from reportlint.findings import Finding
from reportlint.inputs import document
from reportlint.inputs.document import Document
from reportlint.linter import Linter, Settings
from reportlint.packs import catalog
from reportlint.packs.records import RuleSpec

Kind = Literal["pass", "fail"]
Outcome = Literal["passed", "failed", "skipped"]


@dataclass(frozen=True, slots=True)
class ExampleResult:
    """How one example of one rule went; ``findings`` are those of the rule under test."""

    rule: str
    name: str
    source: str
    kind: Kind
    index: int  # 1-based, as a person counts the examples in the pack
    outcome: Outcome
    detail: str
    findings: tuple[Finding, ...] = ()
    document: str = ""  # the YAML text the example stands for (a source's: its text)

    @property
    def label(self) -> str:
        return self.label_in("en")

    def label_in(self, lang: str) -> str:
        if lang == "zh":
            return f"{self.rule} [{self.name}] {_KINDS_ZH[self.kind]}示例{self.index}"
        return f"{self.rule} [{self.name}] {self.kind} example {self.index}"


_KINDS_ZH = {"pass": "通过", "fail": "不通过"}
_OUTCOMES_ZH = {"passed": "通过", "failed": "未通过", "skipped": "跳过"}


@functools.lru_cache(maxsize=1)
def baseline() -> Any:
    """The clean report that examples patch."""
    path = resources.rules_dir() / "baseline" / "report.yaml"
    return document.load_yaml(path.read_text(encoding="utf-8"), str(path)).data


def merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7386: mappings merge key by key, ``null`` deletes, anything else replaces."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    merged = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = merge_patch(merged.get(key), value)
    return merged


def _source_reader() -> Callable[[str, str], Document] | None:
    try:
        sources = importlib.import_module("reportlint.inputs.sources")
    except ImportError:
        return None
    reader: Callable[[str, str], Document] | None = getattr(sources, "load_source_text", None)
    return reader


def example_document(example: Any, path: str) -> Document | None:
    """The document an example stands for; None when it needs a reader not installed."""
    if isinstance(example, str):
        return document.load_yaml(example, path)
    if isinstance(example, dict) and set(example) == {"source_text"}:
        reader = _source_reader()
        return None if reader is None else reader(example["source_text"], path + ".txt")
    import yaml

    data = merge_patch(baseline(), example)
    text = yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False)
    return document.load_yaml(text, path + ".yaml")


def _describe(findings: Sequence[Finding], zh: bool) -> str:
    more = len(findings) - 3
    shown = ("；" if zh else "; ").join(f"{f.line}:{f.column} {f.message}" for f in findings[:3])
    if more <= 0:
        return shown
    return f"{shown}；另有{more}个" if zh else f"{shown}; and {more} more"


def run_examples(rule: RuleSpec, linter: Linter) -> list[ExampleResult]:
    """Lint each example of ``rule`` with ``linter`` (which must know the rule); the
    details are in the linter's language, as its findings are."""
    zh = linter.settings.lang == "zh"
    results: list[ExampleResult] = []
    for kind in ("pass", "fail"):
        for index, example in enumerate(rule.examples[kind], start=1):
            made = ExampleResult(rule.id, rule.name, rule.source, kind, index, "passed", "")
            doc = example_document(example, f"<{rule.id} {kind} example {index}>")
            if doc is None:
                detail = f"{'需要' if zh else 'needs '}reportlint.inputs.sources.load_source_text"
                results.append(replace(made, outcome="skipped", detail=detail))
                continue
            made = replace(made, document="\n".join(doc.lines))
            found = tuple(f for f in linter.lint_document(doc) if f.rule == rule.id)
            if kind == "pass" and found:
                detail = (
                    f"出现了{len(found)}个{rule.id}问题：{_describe(found, zh)}"
                    if zh
                    else f"gave {len(found)} finding(s) of {rule.id}: {_describe(found, zh)}"
                )
            elif kind == "fail" and not found:
                detail = f"没有出现{rule.id}问题" if zh else f"gave no finding of {rule.id}"
            else:
                results.append(replace(made, findings=found))
                continue
            results.append(replace(made, outcome="failed", detail=detail, findings=found))
    return results


def rules_of(
    packs: Sequence[Path],
    *,
    known: Sequence[Path] = (),
    use_cache: bool = True,
    lang: str = "en",
) -> tuple[Linter, list[RuleSpec]]:
    """A linter that knows ``packs`` and ``known`` besides the bundled ones (speaking
    ``lang``), and the rules whose examples run: those of ``packs``, or when none is
    given, of every pack known."""
    bundled = [path.resolve() for path in catalog.pack_files()]
    files = catalog.expand_packs(packs)
    extra_files = catalog.expand_packs(known)
    extra = tuple(
        {
            path.resolve(): path for path in (*extra_files, *files) if path.resolve() not in bundled
        }.values()
    )
    linter = Linter(Settings(extra_packs=extra, use_cache=use_cache, lang=lang))
    wanted = (
        {path.resolve() for path in files} if packs else {*bundled, *(p.resolve() for p in extra)}
    )
    return linter, [
        rule for rule in linter.catalogue.values() if Path(rule.source).resolve() in wanted
    ]


def _show(result: ExampleResult, stream: TextIO, zh: bool) -> None:
    """The document an example builds and the findings of its rule, indented under it."""
    stream.write("  文档：\n" if zh else "  document:\n")
    for line in result.document.splitlines() or [""]:
        stream.write(f"    {line}\n" if line else "\n")
    heading = f"  {result.rule}的问题：" if zh else f"  findings of {result.rule}:"
    if not result.findings:
        stream.write(f"{heading}{'无' if zh else ' none'}\n")
        return
    stream.write(f"{heading}\n")
    for finding in result.findings:
        stream.write(f"    {finding.line}:{finding.column} {finding.message}\n")


def run_packs(
    packs: Sequence[Path],
    stream: TextIO,
    *,
    config: Path | None = None,
    rules: Sequence[Path] = (),
    select: tuple[str, ...] = (),
    show: bool = False,
    use_cache: bool = True,
    lang: str = "en",
) -> int:
    """``reportlint test-rules``: print failed and skipped examples (every example with
    ``show``, with its document and findings); 1 if any failed.

    The packs of the configuration and ``--rules`` are known, and tested when no pack is
    named.
    """
    from reportlint.cli.explain import extra_packs
    from reportlint.linter import rule_selected

    known = extra_packs(config, rules, use_cache=use_cache)
    linter, tested = rules_of(packs, known=known, use_cache=use_cache, lang=lang)
    tested = [rule for rule in tested if rule_selected(rule.id, select, ())]
    results = [result for rule in tested for result in run_examples(rule, linter)]
    zh = lang == "zh"
    colon = "：" if zh else ": "
    for result in results:
        if show or result.outcome != "passed":
            outcome = _OUTCOMES_ZH[result.outcome] if zh else result.outcome
            detail = f"{colon}{result.detail}" if result.detail else ""
            label = result.label_in(lang)
            stream.write(f"{result.source}{colon}{label}{colon}{outcome}{detail}\n")
        if show and result.outcome != "skipped":
            _show(result, stream, zh)
    counts = {
        outcome: sum(result.outcome == outcome for result in results)
        for outcome in ("passed", "failed", "skipped")
    }
    stream.write(_summary(len(results), len(tested), counts, zh) + "\n")
    return 1 if counts["failed"] else 0


def _summary(examples: int, rules: int, counts: dict[str, int], zh: bool) -> str:
    if zh:
        return (
            f"运行了{rules}条规则的{examples}个示例：通过{counts['passed']}个，"
            f"未通过{counts['failed']}个，跳过{counts['skipped']}个。"
        )
    return (
        f"Ran {_plural(examples, 'example')} of {_plural(rules, 'rule')}: "
        f"{counts['passed']} passed, {counts['failed']} failed, {counts['skipped']} skipped."
    )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"
