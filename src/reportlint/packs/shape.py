"""The shapes of validated packs and profiles, checked on data read back from the cache.

Validation gives data of a known shape; what comes back from disk is checked against it
without pydantic (which the cache is there to avoid importing). A shape is a Python type,
a ``frozenset`` of allowed strings, a tuple of alternatives, a one-item list (a list of
that shape), ``MapOf`` (a mapping of any keys), a dict (those keys; ``name?`` may be left
out; no other key) or a predicate.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from reportlint.checks import CHECKS
from reportlint.matching.conditions import parse_condition

ANY = object()
SEVERITY = frozenset({"error", "warning", "info"})


class MapOf(NamedTuple):
    value: Any


def fits(value: Any, shape: Any) -> bool:
    """Whether ``value`` (data read from JSON) has ``shape``."""
    if shape is ANY:
        return True
    if shape is None:
        return value is None
    if isinstance(shape, type):
        if shape is float:
            return isinstance(value, (int, float)) and not isinstance(value, bool)
        return isinstance(value, shape) and (shape is bool or not isinstance(value, bool))
    if isinstance(shape, frozenset):
        return isinstance(value, str) and value in shape
    if isinstance(shape, MapOf):  # before tuple: a NamedTuple is one
        return isinstance(value, dict) and all(fits(item, shape.value) for item in value.values())
    if isinstance(shape, tuple):
        return any(fits(value, choice) for choice in shape)
    if isinstance(shape, list):
        return isinstance(value, list) and all(fits(item, shape[0]) for item in value)
    if isinstance(shape, dict):
        if not isinstance(value, dict):
            return False
        keys = {name.rstrip("?"): part for name, part in shape.items()}
        required = {name for name in shape if not name.endswith("?")}
        return required <= value.keys() and all(
            name in keys and fits(item, keys[name]) for name, item in value.items()
        )
    predicate: Callable[[Any], bool] = shape
    return predicate(value)


def _condition(value: Any) -> bool:
    try:
        parse_condition(value)
    except (TypeError, ValueError):
        return False
    return True


TEXT = {"zh": str, "en": str}
PATHS = (str, [str])
CHECK = frozenset(CHECKS)
OPTIONS = MapOf(ANY)
VARIANT = {
    "check?": (CHECK, None),
    "path?": (PATHS, None),
    "options?": OPTIONS,
    "severity?": (SEVERITY, None),
    "message?": (TEXT, None),
}
EXAMPLE = (MapOf(ANY), str)
RULE = {
    "id": str,
    "name": str,
    "severity": SEVERITY,
    "summary": TEXT,
    "message": TEXT,
    "rationale": TEXT,
    "basis": str,
    "check": CHECK,
    "path?": PATHS,
    "fallback_path?": (str, None),
    "when?": (_condition, None),
    "for_each?": (frozenset({"profile.sections", "profile.required"}), None),
    "options?": OPTIONS,
    "variants?": [VARIANT],
    "examples": {"pass": [EXAMPLE], "fail": [EXAMPLE]},
}
PACK = {"pack": str, "description?": str, "rules": [RULE]}
SECTION_KEYS = frozenset(
    {"measures", "leadership", "shortcomings", "plans", "suggestions", "other"}
)
PROFILE = {
    "name": str,
    "description": str,
    "sections": [{"key": SECTION_KEYS, "required?": bool, "title": str, "phrases": str}],
}
