"""Punctuation in Chinese text (GB/T 15834): which marks stand in Chinese, and which pairs.

The marks read here are those whose width matters: the text checks see NFKC-folded text,
where ， and , are one character, so the width of a mark is read from the string as written.
"""

from __future__ import annotations

# CJK ideographs and the marks that only Chinese text uses.
_CHINESE_MARKS = frozenset("。、“”‘’《》〈〉【】…—，：；（）？！")


def is_chinese(char: str) -> bool:
    """An ideograph (basic block or extension A) or a mark of Chinese text."""
    code = ord(char)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or char in _CHINESE_MARKS


def in_chinese(text: str, index: int) -> bool:
    """Whether the mark at ``index`` stands in Chinese text, not between digits or Latin.

    A comma between digits groups thousands (1,200) and a colon between digits tells the
    time (9:30): those are right as ASCII whatever the document's style.
    """
    before = text[index - 1] if index > 0 else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    if before.isdigit() and after.isdigit():
        return False
    return (bool(before) and is_chinese(before)) or (bool(after) and is_chinese(after))
