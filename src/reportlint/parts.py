"""The part of a report a pointer lies in, named as a reader names it.

A clerk knows the report by its mandated titles and numbering (第二部分“…存在的不足和原因”,
第（三）项), not by the keys and JSON Pointers of the YAML; messages and the text output
name parts this way, while JSON and SARIF keep the pointer.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlint import positions
from reportlint.packs.records import ProfileInfo

_DIGITS = "零一二三四五六七八九"

# Numbering of nested items in a 公文: 一、 (the section), （一）, 1., （1）.
_LEVELS_ZH = ("第（{zh}）项", "第{n}项", "第（{n}）项")

_FIELDS_ZH = {
    "heading": "标题",
    "title": "标题",
    "issuer": "报告机关",
    "year": "报告年度",
    "signed_on": "成文日期",
    "published_on": "发布日期",
    "kind": "报告主体类型",
    "level": "行政层级",
}


def chinese_number(number: int) -> str:
    """``number`` (1-99) in Chinese numerals: 3 -> 三, 12 -> 十二, 20 -> 二十."""
    if number < 10:
        return _DIGITS[number]
    tens, ones = divmod(number, 10)
    head = "" if tens == 1 else _DIGITS[tens]
    return f"{head}十{_DIGITS[ones] if ones else ''}"


def describe(pointer: str, profile: ProfileInfo, lang: str, order: Sequence[str] = ()) -> str:
    """Where ``pointer`` lies, e.g. 第三部分“…存在的不足和原因”第（二）项第1段.

    ``order`` is the section keys as the document writes them (their number is the one a
    reader sees); without it the profile's order numbers the sections.
    """
    tokens = positions.split(pointer)
    zh = lang == "zh"
    if not tokens:
        return "全文" if zh else "the document"
    if tokens[0] == "report":
        field = tokens[1] if len(tokens) > 1 else ""
        if zh:
            return f"报告信息的{_FIELDS_ZH[field]}" if field in _FIELDS_ZH else "报告信息"
        return f"report.{field}" if field else "report"
    if tokens[0] == "sections" and len(tokens) == 1:
        return "正文各部分" if zh else "the sections"
    if tokens[0] != "sections":
        named = {"preamble": "开头部分", "closing": "结尾部分", "format": "格式版本"}
        return named.get(tokens[0], tokens[0]) if zh else tokens[0]
    key = tokens[1]
    titles = {section.key: section.title for section in profile.sections}
    keys = list(order) or [section.key for section in profile.sections]
    number = keys.index(key) + 1 if key in keys else 0
    if zh:
        title = f"“{titles[key]}”" if key in titles else f"“{key}”"
        text = f"第{chinese_number(number)}部分{title}" if 0 < number < 100 else f"{title}部分"
    else:
        text = f"section {number} ({key})" if number else f"section {key}"
    depth = 0
    rest = tokens[2:]
    for name, index in zip(rest[::2], rest[1::2], strict=False):
        if not index.isdigit():
            continue
        n = int(index) + 1
        if name == "subsections":
            if zh:
                level = _LEVELS_ZH[min(depth, len(_LEVELS_ZH) - 1)]
                text += level.format(zh=chinese_number(n) if n < 100 else n, n=n)
            else:
                text += f", part {n}"
            depth += 1
        elif name == "paragraphs":
            text += f"第{n}段" if zh else f", paragraph {n}"
    if rest and rest[-1] == "heading":
        text += "的标题" if zh else ", heading"
    return text


def default_profile() -> ProfileInfo:
    """The default profile's sections, read from its bundled file without the pack cache.

    For naming parts only, where no profile is known (a reporter called without the run's
    per-file results); the file is the one ``catalog`` validates, so it is read as is.
    """
    import yaml

    from reportlint import resources
    from reportlint.packs.records import SectionInfo

    path = resources.profiles_dir() / "six-section.yaml"
    raw = yaml.load(
        path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    )
    sections = tuple(
        SectionInfo(str(s["key"]), bool(s.get("required", True)), str(s["title"]), "")
        for s in raw["sections"]
    )
    return ProfileInfo(str(raw["name"]), str(raw["description"]), sections)
