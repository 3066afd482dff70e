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


# The chapters of the 2021-2025 and 2015-2020 纲要. Several provinces organise the measures
# by them, one top-level heading per chapter; each is then a part of "measures", not a fault.
_CHAPTERS = re.compile(
    r"政府机构职能体系|履行政府职能|依法行政制度体系|行政决策制度体系|行政执法工作体系"
    r"|严格规范公正文明执法|突发事件应对体系|矛盾纠纷|行政权力制约和监督|科技保障体系"
    r"|数字法治政府|法治思维和依法行政能力|党的领导|党的全面领导|党对法治政府建设的领导"
    r"|习近平法治思想"
)


def measures_chapter(heading: str) -> bool:
    """Whether a top-level heading is a chapter of the 纲要 (a part of the measures)."""
    return _CHAPTERS.search(nfkc(heading)) is not None


def section_key(heading: str) -> str | None:
    """The section key a top-level heading names, or None when it names none."""
    text = nfkc(heading)
    for key, words in _KEYS:
        if words.search(text):
            return key
    return None
