"""Which mandated section a top-level heading opens, judged by what it says.

Reports word their headings freely ("本年度…", "2023年…", "主要成效", "存在的问题和原因",
"下一步工作打算"), so the key comes from the words, never from the number. The more
specific subjects are tried first: a plans heading may also say 举措 ("2024年主要举措").
"""

from __future__ import annotations

import re

from reportlint.matching.folding import nfkc

_KEYS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("leadership", re.compile(r"第一责任人|主要负责人")),
    ("plans", re.compile(r"下一年|下一步|下步|下年度|明年|来年|安排|打算|计划|思路|工作要点|展望")),
    ("shortcomings", re.compile(r"不足|问题|短板|差距|薄弱|原因")),
    ("suggestions", re.compile(r"意见|建议")),
    ("other", re.compile(r"其他|其它")),
    (
        "measures",
        re.compile(
            r"举措|措施|成效|成绩|成果|做法|进展|工作情况|主要工作|重要工作|重点工作|开展情况"
        ),
    ),
)


def section_key(heading: str) -> str | None:
    """The section key a top-level heading names, or None when it names none."""
    text = nfkc(heading)
    for key, words in _KEYS:
        if words.search(text):
            return key
    return None
