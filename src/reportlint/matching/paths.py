"""The small path syntax rules use to name what they look at.

A path is dot-separated steps from the document root:

- a key (``report``, ``sections``) or a list index (``0``);
- ``*``: every child of a mapping or list;
- ``**``: the node itself and every node below it, at any depth.

``sections.shortcomings.subsections.*`` names each part of the shortcomings section;
``sections.**`` names every node under ``sections``. A path that names nothing yields
nothing; a rule that needs the node says so with the ``required`` check.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from reportlint import positions


def _children(value: Any, pointer: str) -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for key, child in value.items():
            yield positions.join(pointer, key), child
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield positions.join(pointer, index), child


def _descendants(value: Any, pointer: str) -> Iterator[tuple[str, Any]]:
    stack = [(pointer, value)]
    while stack:
        pointer, value = stack.pop()
        yield pointer, value
        stack.extend(reversed(list(_children(value, pointer))))


def select(data: Any, path: str) -> list[tuple[str, Any]]:
    """Every (JSON Pointer, value) that ``path`` names in ``data``, in document order."""
    current: list[tuple[str, Any]] = [("", data)]
    for step in path.split(".") if path else []:
        following: list[tuple[str, Any]] = []
        for pointer, value in current:
            if step == "*":
                following.extend(_children(value, pointer))
            elif step == "**":
                following.extend(_descendants(value, pointer))
            elif isinstance(value, dict) and step in value:
                following.append((positions.join(pointer, step), value[step]))
            elif isinstance(value, list) and step.isdigit() and int(step) < len(value):
                following.append((positions.join(pointer, step), value[int(step)]))
        current = following
    return current


def resolve(data: Any, path: str) -> Any:
    """The single value at ``path``, or None when it names nothing."""
    found = select(data, path)
    return found[0][1] if found else None


def to_pointer(path: str) -> str:
    """The JSON Pointer of a path made only of keys (``report.year`` -> ``/report/year``)."""
    pointer = ""
    for step in path.split(".") if path else []:
        pointer = positions.join(pointer, step)
    return pointer
