"""The shapes of validated packs and profiles, checked on data read back from the cache.

Validation gives data of a known shape; what comes back from disk is checked against it
without pydantic (which the cache is there to avoid importing). A shape is a Python type,
a ``frozenset`` of allowed strings, a tuple of alternatives, a one-item list (a list of
that shape), ``MapOf`` (a mapping of any keys), a dict (those keys; ``name?`` may be left
out; no other key) or a predicate. ``compile_shape`` turns one into a predicate once, so
the check costs little on every run.
"""

from collections.abc import Callable
from typing import Any, NamedTuple

from reportlint.checks import CHECKS
from reportlint.matching.conditions import parse_condition

ANY = object()
SEVERITY = frozenset({"error", "warning", "info"})
Check = Callable[[Any], bool]


class MapOf(NamedTuple):
    value: Any


def compile_shape(shape: Any) -> Check:
    """A predicate: whether a value (data read from JSON) has ``shape``."""
    if shape is ANY:
        return lambda value: True
    if shape is None:
        return lambda value: value is None
    if shape is bool:
        return lambda value: value is True or value is False
    if shape is int:
        return lambda value: type(value) is int
    if shape is float:
        return lambda value: type(value) in (int, float)
    if isinstance(shape, type):
        kind = shape
        return lambda value: type(value) is kind
    if isinstance(shape, frozenset):
        allowed = shape
        return lambda value: type(value) is str and value in allowed
    if isinstance(shape, MapOf):  # before tuple: a NamedTuple is one
        if shape.value is ANY:
            return lambda value: type(value) is dict
        item = compile_shape(shape.value)
        return lambda value: type(value) is dict and all(map(item, value.values()))
    if isinstance(shape, tuple):
        choices = [compile_shape(choice) for choice in shape]
        return lambda value: any(choice(value) for choice in choices)
    if isinstance(shape, list):
        item = compile_shape(shape[0])
        return lambda value: type(value) is list and all(map(item, value))
    if isinstance(shape, dict):
        return _mapping(shape)
    predicate: Check = shape
    return predicate


def _mapping(shape: dict[str, Any]) -> Check:
    keys = {name.rstrip("?"): compile_shape(part) for name, part in shape.items()}
    required = frozenset(name for name in shape if not name.endswith("?"))

    def check(value: Any) -> bool:
        if type(value) is not dict or not required <= value.keys():
            return False
        for name, item in value.items():
            part = keys.get(name)
            if part is None or not part(item):
                return False
        return True

    return check


def fits(value: Any, shape: Any) -> bool:
    """Whether ``value`` has ``shape`` (compiling it each time: for one-off checks)."""
    return compile_shape(shape)(value)


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
    "hint?": (TEXT, None),
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
SECTION_KEYS = frozenset(
    {"measures", "leadership", "shortcomings", "plans", "suggestions", "other"}
)
SECTION = {"key": SECTION_KEYS, "required?": bool, "title": str, "phrases": str}

PACK = compile_shape({"pack": str, "description?": str, "rules": [RULE]})
PROFILE = compile_shape({"name": str, "description": str, "sections": [SECTION]})
