"""Validation errors in the user's words: the field as written, what is wrong, no library names.

pydantic names a union's members in an error's location (``path.list[str]``) and says
``Value error, …`` or ``Input should be …``; a pack's author should read
``path: should be a text or a list of texts``.
"""

from typing import Any, NamedTuple

_TYPE_WORDS = {
    "string_type": "a text",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "none_required": "null",
}
_UNION_TAG = frozenset({"str", "int", "float", "bool", "none", "list", "dict"})


class Problem(NamedTuple):
    """One thing wrong: where (the steps to the field, as written) and what."""

    steps: tuple[str | int, ...]
    message: str


def plain(errors: list[Any], raw: Any) -> list[Problem]:
    """pydantic's ``errors()`` for ``raw``, one problem per field, in plain words."""
    grouped: dict[tuple[str | int, ...], list[Any]] = {}
    for error in errors:
        grouped.setdefault(_steps(raw, error["loc"]), []).append(error)
    problems = []
    for steps, found in grouped.items():
        words = [_TYPE_WORDS.get(error["type"]) for error in found]
        if len(found) > 1 and all(words):
            message = "should be " + " or ".join(dict.fromkeys(word for word in words if word))
        else:
            message = "; ".join(dict.fromkeys(_message(error) for error in found))
        problems.append(Problem(steps, message))
    return problems


def field(steps: tuple[str | int, ...]) -> str:
    """``("variants", 1, "options", "pattern")`` -> ``variants[2].options.pattern`` (items
    counted from 1, as a person counts them)."""
    text = ""
    for step in steps:
        text += f"[{step + 1}]" if isinstance(step, int) else f".{step}" if text else step
    return text


def _steps(raw: Any, location: tuple[Any, ...]) -> tuple[str | int, ...]:
    """The location without the union members pydantic inserts, found by walking ``raw``."""
    steps: list[str | int] = []
    value = raw
    for step in location:
        if isinstance(value, list) and isinstance(step, int):
            value = value[step] if step < len(value) else None
        elif (
            isinstance(value, dict)
            and isinstance(step, str)
            and (step in value or not _is_tag(step))
        ):
            value = value.get(step)
        elif isinstance(step, str) and _is_tag(step):
            continue
        else:
            value = None
        steps.append(step)
    return tuple(steps)


def _is_tag(step: str) -> bool:
    return step in _UNION_TAG or "[" in step or step.startswith("function-")


def _message(error: Any) -> str:
    kind = error["type"]
    if kind == "missing":
        return "missing; it is required"
    if kind == "extra_forbidden":
        return "unknown key"
    if kind in _TYPE_WORDS:
        return f"should be {_TYPE_WORDS[kind]}"
    if kind == "too_short" and isinstance(error.get("input"), (list, dict)):
        return "should not be empty"
    if kind == "string_too_short":
        return "should not be empty"
    message = str(error["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
    for subject in ("Input should", "String should", "List should", "Dictionary should"):
        if message.startswith(subject):
            return "should" + message[len(subject) :]
    return message


_WORDS_ZH = {
    "a text": "文字",
    "a list": "列表",
    "a mapping": "键值对",
    "a whole number": "整数",
    "a number": "数字",
    "true or false": "true或false",
    "null": "null",
}


def in_chinese(message: str) -> str:
    """A problem's message (as ``plain`` words it) in Chinese; pydantic's own words, for
    the few kinds not named here, stay as they are."""
    if message == "missing; it is required":
        return "缺少此项，必须填写"
    if message == "unknown key":
        return "未知的键"
    if message == "should not be empty":
        return "不能为空"
    if message.startswith("should be "):
        # "should be 'error', 'warning' or 'info'" -> 应为“error”、“warning”或“info”
        choices = message.removeprefix("should be ").replace(", ", " or ").split(" or ")
        words = [_choice_zh(choice) for choice in choices]
        listed = "、".join(words[:-1])
        return "应为" + (f"{listed}或{words[-1]}" if listed else words[-1])
    return message


def _choice_zh(choice: str) -> str:
    if len(choice) > 1 and choice[0] == choice[-1] == "'":
        return f"“{choice[1:-1]}”"
    return _WORDS_ZH.get(choice, choice)
