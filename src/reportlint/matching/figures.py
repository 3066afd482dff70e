"""The figures of a text: every quantity with its value, unit, what it counts and its role.

"受理行政复议案件86件，较上年的72件增长19.4%" holds three figures: 86 件 (the current
count of 受理行政复议案件), 72 件 (the prior year's) and 19.4 % (the change). Checks of
figures that must agree read them from here instead of each matching numbers anew.

A figure is a number (Arabic, full-width or Chinese, with 万/亿; 百分之… for rates) with a
unit after it (件, 个, 人次, %, 元 …). Numbers without a unit (years, heading numbers,
12345 hotlines), ordinals (第二批), a lone 一 (一件事, 进一步) and numbers inside quotes or
book-title marks (“三项制度”, 《…2021-2025年…》) are not figures.

Word lists are matched with ``str`` methods rather than patterns: each pattern holding
Chinese characters costs ~0.3 ms to compile, paid on every run of the linter.
"""

import bisect
import functools
import re
from collections.abc import Collection, Iterable, Iterator
from typing import Literal, NamedTuple

from reportlint.matching import numerals
from reportlint.matching.regex import Matcher
from reportlint.matching.text import Match, TextBlock
from reportlint.matching.words import Words, marks, strip_end

Role = Literal["current", "target", "prior", "change"]
ROLES: tuple[Role, ...] = ("current", "target", "prior", "change")

# Units as written, longest first; a figure's unit is its base form (个百分点 -> 百分点).
_UNITS = (
    "个百分点", "百分点", "个工作日", "工作日", "人次", "件次", "户次", "批次", "家次", "场次",
    "小时", "平方米", "公里", "%", "‰", "件", "个", "家", "次", "项", "份", "人", "名", "位",
    "起", "条", "场", "期", "批", "所", "户", "处", "宗", "部", "篇", "本", "册", "张", "台",
    "套", "辆", "支", "类", "种", "座", "间", "元", "天", "亩", "吨", "米", "万", "亿",
)  # fmt: skip
_BASE = {"个百分点": "百分点", "个工作日": "工作日", "‰": "%", "万": "", "亿": ""}
UNITS: tuple[str, ...] = tuple(
    dict.fromkeys(_BASE.get(unit, unit) for unit in _UNITS if _BASE.get(unit, unit))
)
"""The units a figure can have (its base forms)."""
RATES = ("%", "百分点")

SENTENCE_MARKS = "。!?\n"  # a ； joins the clauses of one sentence
CLAUSE_MARKS = ",。!?;\n:"
_QUOTES = {"“": "”", "‘": "’", "《": "》", "〈": "〉", '"': '"'}
_CHINESE_DIGITS = "〇零一二两三四五六七八九十百千万亿点"
_RANGE = "-~—至到"
_NOUN_STOP = Words(
    "的 和 与 及 并 对 在 从 向 为 等 均 都 已 也 全部 进行 开展 共 中 其 占 较 比 同比 环比 "
    "增长 增加 上升 提高 提升 增多 下降 减少 降低 回落 下滑"
)
_ABOUT = Words("约 近 逾 超过 上千 数")

# What the words before a figure say it is (see _role).
_CHANGE = Words(
    "增长 增加 上升 提高 提升 增多 下降 减少 降低 回落 下滑 缩减 缩短 增幅 降幅 增速 涨幅"
)
_CHANGE_AFTER = Words("分别为 约 近 达 为 是")
_OF_CHANGE = Words("了")
_PRIOR_IN = Words("上年 去年 上一年 前一年 往年")
_PRIOR_END = Words("同期 上期")
_PRIOR_AFTER = Words("的 为 是 共 有 达")
_COMPARED_TO = Words("较 比 与 相比 对比")
_TARGET = Words("力争 争取 目标 计划 预计 确保 力求 拟 控制在 不低于 不少于 不超过 不高于")
# Removed everywhere from a label, longest first (共计 before 共).
_FILLERS = Words(
    "共计 合计 累计 总计 一共 全年 今年 本年度 年内 当年 先后 全区 全县 全市 全镇 全乡 全省 "
    "共 了 的 已 均 、 ,"
)
_TRAILING = Words("达到 达 为 是 有 计 约 近 逾")


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The figure, a noun after it, a year: compiled when a text is first read."""
    figure = re.compile(
        numerals.NUMBER
        + r"(?(pct)|(?P<approx>余|多)?\s?(?P<unit>"
        + "|".join(map(re.escape, _UNITS))
        + r"))(?P<bound>以上|以下|以内|之内|左右|上下|之多)?"
    )
    noun = re.compile(r"(?:[^\W\d_]|[()]){1,8}")
    year = re.compile(r"(\d{4})年(?!以来|至今|起|来|以后|底前)")
    return figure, noun, year


class Figure(NamedTuple):
    """One quantity of a text block. Offsets are in the block's (normalised) text."""

    value: float
    unit: str  # base unit: 件, 个, 人次, %, 百分点, 元 …
    written: str  # the figure as written: 1.2万条, 百分之九十五点六, 86件
    start: int
    end: int
    lead: str  # the words before it, back to a clause boundary or the figure before
    label: str  # the lead without the words any count may carry (see bare)
    noun: str  # the words after a classifier: 27个乡镇(街道) -> 乡镇(街道)
    role: Role
    exact: bool  # False for 280余次, 95%以上, 约3000人, 3-5次
    step: float  # the value of one in the last place written (0.1 for 96.2%)
    sentence_start: int
    clause_start: int
    paragraph: int  # index of the string in its block
    section: str  # the section key (measures, plans …), or preamble / closing


class FigureText:
    """The figures of one text block, in order, with the way back to where they are."""

    def __init__(self, block: TextBlock, *, year: int | None = None) -> None:
        self.block = block
        self.text = block.text
        self.figures: tuple[Figure, ...] = tuple(_read(block, year))

    def place(self, figure: Figure, start: int | None = None) -> Match:
        """Where ``figure`` is in the original string (from ``start`` when given)."""
        return self.block.locate(figure.start if start is None else start, figure.end)

    def sentence(self, figure: Figure) -> str:
        """The sentence ``figure`` is in, from its start to its end mark."""
        ends = [
            found for mark in SENTENCE_MARKS if (found := self.text.find(mark, figure.end)) >= 0
        ]
        return self.text[figure.sentence_start : min(ends, default=len(self.text))]


def section_of(pointer: str) -> str:
    """``/sections/measures/subsections/0/paragraphs/1`` -> ``measures``."""
    parts = pointer.split("/")
    if len(parts) > 2 and parts[1] == "sections":
        return parts[2]
    return parts[1] if len(parts) > 1 else ""


def _quoted(text: str) -> list[tuple[int, int]]:
    """Spans of “…”, 《…》 and the like, each within one line."""
    spans: list[tuple[int, int]] = []
    position = 0
    openings = sorted((at - 1, mark) for mark in _QUOTES for at in marks(text, mark))
    for start, mark in openings:
        if start < position:
            continue
        end = text.find(_QUOTES[mark], start + 1)
        if end >= 0 and text.find("\n", start, end) < 0:
            spans.append((start, end + 1))
            position = end + 1
    return spans


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    index = bisect.bisect_right(spans, (position, position)) - 1
    return index >= 0 and spans[index][0] < position < spans[index][1]


def _read(block: TextBlock, year: int | None) -> list[Figure]:
    text = block.text
    pattern, noun_pattern, _ = _patterns()
    quoted = _quoted(text)
    # Words inside quotes and titles (《…学法计划》) say nothing of a figure's role.
    pieces: list[str] = []
    done = 0
    for quote_start, quote_end in quoted:
        pieces += [text[done:quote_start], "□" * (quote_end - quote_start)]
        done = quote_end
    masked = "".join(pieces) + text[done:]
    starts = [segment.start for segment in block.segments]
    sections = [section_of(segment.pointer) for segment in block.segments]
    sentence_ends = marks(text, SENTENCE_MARKS)
    clause_ends = marks(text, CLAUSE_MARKS)
    found: list[Figure] = []
    targets: dict[int, int] = {}  # sentence start -> where its first target word is
    previous_end = 0
    for match in pattern.finditer(text):
        number = numerals.numeral(match)
        if number is None:
            continue
        start, end = number.start, number.end
        before = text[start - 1 : start] if start else ""
        if _inside(quoted, start) or before in ("第", "×", "*", "x"):
            continue
        if number.chinese and text[start:end] == "一":
            continue  # 一件事, 一网通办, 进一步: a lone 一 is a word more often than a count
        unit = "%" if number.percent else _BASE.get(match.group("unit"), match.group("unit"))
        if not unit:
            continue  # 3万 alone: the count's unit is missing
        segment = max(0, bisect.bisect_right(starts, start) - 1)
        paragraph_start = starts[segment]
        sentence_start = _last_end(sentence_ends, paragraph_start, start)
        clause_start = _last_end(clause_ends, paragraph_start, start)
        lead_start = max(clause_start, previous_end if previous_end > paragraph_start else 0)
        lead = text[lead_start:start].lstrip("、和及与并 ").rstrip()
        # 约3000人, 280余次, 95%以上, 3-5次, 每两月1次: not a count to compare.
        exact = not (
            match.group("approx")
            or match.group("bound")
            or _ranged(text, end, lead)
            or "每" in lead
            or _ABOUT.ending(lead)
        )
        section = sections[segment]
        if sentence_start not in targets:
            hit = _TARGET.first(masked, sentence_start, _next_mark(sentence_ends, start, text))
            targets[sentence_start] = len(text) if hit is None else hit[0]
        role = _role(
            masked[lead_start:start].strip(),
            masked[clause_start:start],
            targets[sentence_start] < start,
            section,
            year,
        )
        noun = ""
        if unit not in RATES:
            noun_match = noun_pattern.match(text, match.end())
            if noun_match:
                noun = _NOUN_STOP.before_first(noun_match.group(0))
        found.append(
            Figure(
                value=number.value,
                unit=unit,
                written=text[start : match.end()],
                start=start,
                end=match.end(),
                lead=lead,
                label=bare(lead),
                noun=noun,
                role=role,
                exact=exact,
                step=number.step,
                sentence_start=sentence_start,
                clause_start=clause_start,
                paragraph=segment,
                section=section,
            )
        )
        previous_end = match.end() + len(noun)
    return found


def _ranged(text: str, end: int, lead: str) -> bool:
    """Whether the number is one end of a range: 3-5次, 三至五次."""
    after = text[end : end + 4].replace(" ", "")
    if (
        len(after) > 1
        and after[0] in _RANGE
        and (after[1].isdigit() or after[1] in "一二两三四五六七八九十")
    ):
        return True
    before = lead.replace(" ", "")
    return (
        len(before) > 1
        and before[-1] in _RANGE
        and (before[-2].isdigit() or before[-2] in _CHINESE_DIGITS)
    )


def _last_end(ends: list[int], floor: int, position: int) -> int:
    """Where the clause or sentence holding ``position`` starts (not before ``floor``)."""
    index = bisect.bisect_right(ends, position) - 1
    return max(floor, ends[index]) if index >= 0 else floor


def _next_mark(ends: list[int], position: int, text: str) -> int:
    """Where the clause or sentence holding ``position`` ends."""
    index = bisect.bisect_right(ends, position)
    return ends[index] if index < len(ends) else len(text)


def _role(lead: str, clause: str, aimed: bool, section: str, year: int | None) -> Role:
    """What a figure is, from the words before it.

    - ``change``: the amount of a change (增长19.4%, 提高2.7个百分点);
    - ``prior``: an earlier period's figure (较上年的72件, 上年为72件, 由90%提高到…);
    - ``target``: a goal, not a result (figures in the plans; 力争, 控制在5%以下, 确保);
    - ``current``: the report year's result, everything else.
    """
    if _CHANGE.ending(strip_end(strip_end(lead, _CHANGE_AFTER), _OF_CHANGE)):
        return "change"
    if section in ("plans", "suggestions"):
        return "target"
    if _prior(lead, clause, year):
        return "prior"
    if aimed:  # a target word earlier in the sentence
        return "target"
    return "current"


def _prior(lead: str, clause: str, year: int | None) -> bool:
    if _PRIOR_IN.within(lead) or _PRIOR_END.ending(strip_end(lead, _PRIOR_AFTER)):
        return True
    if lead.endswith("从") or (lead.endswith("由") and not lead[-2:-1].isdigit()):
        return True  # 由90%提高到96%
    for found in _patterns()[2].finditer(clause):
        compared = _COMPARED_TO.ending(clause[: found.start()])
        if compared or (year is not None and int(found.group(1)) < year):
            return True
    return False


def rounding(figure: Figure) -> float:
    """How far the value written may be from the true one: half its last place (96% may
    be 96.2%, 1.2万 may be 12345), or nothing for a count written in full (86件 is 86)."""
    return 0.0 if figure.step == 1 and figure.unit not in RATES else figure.step / 2


def chosen(
    figures: Iterable[Figure],
    *,
    units: Collection[str] | None,
    roles: Collection[str],
    exact: bool = True,
) -> Iterator[Figure]:
    """The figures of the given units and roles (exact ones only, unless ``exact`` is False).

    ``units`` None means counts: every unit but % and 百分点.
    """
    for figure in figures:
        if figure.role not in roles or (exact and not figure.exact):
            continue
        if (figure.unit in units) if units is not None else (figure.unit not in RATES):
            yield figure


def name_before(
    text: FigureText, figure: Figure, pattern: Matcher, gap: int
) -> re.Match[str] | None:
    """The last match of ``pattern`` in the words before ``figure`` (``name_start`` on)
    that ends at most ``gap`` characters before it: the figure's name (出庭应诉率 in
    出庭应诉率达到96%). The match's offsets count from ``name_start``."""
    clause = text.text[name_start(text, figure) : figure.start]
    found = None
    for match in pattern.finditer(clause):
        if len(clause) - match.end() <= gap:
            found = match
    return found


def name_start(text: FigureText, figure: Figure) -> int:
    """Where the words that may name ``figure`` begin: its clause, or the clause before
    when a colon stands right before it, as a clerk writes a label and its value
    (审核率：100%, 审核率: 100%; the text is folded, so both colons are ":")."""
    start = figure.clause_start
    if start > 0 and text.text[start - 1] == ":" and not text.text[start : figure.start].strip():
        start = 1 + max(text.text.rfind(mark, 0, start - 1) for mark in CLAUSE_MARKS)
    return start


def bare(words: str) -> str:
    """Words that say what is counted, without those any count may carry (全年, 共, 累计,
    了, 达到…): 全年共受理 -> 受理."""
    return strip_end(_fillers().sub("", words), _TRAILING, repeat=True)


@functools.cache
def _fillers() -> re.Pattern[str]:
    # One pattern: 24 str.replace calls for each figure cost more than compiling it once.
    return re.compile(r"\s|" + "|".join(map(re.escape, _FILLERS.choices)))
