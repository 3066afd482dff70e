"""Generated files are up to date with their sources."""

from __future__ import annotations

import importlib.util
import sys

from tests.conftest import ROOT


def _load_script(name: str):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_rule_docs_are_generated_from_the_packs() -> None:
    script = _load_script("generate_rule_docs")
    on_disk = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert on_disk == script.render(), "run: python scripts/generate_rule_docs.py"


def test_every_rule_is_documented() -> None:
    from reportlint.packs import catalog

    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in catalog.load_rules():
        assert f"## {rule.id} {rule.name}\n" in text
