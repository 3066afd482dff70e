"""The figures of a text: every quantity with its value, unit, what it counts and its role.

"受理行政复议案件86件，较上年的72件增长19.4%" holds three figures: 86 件 (the current
count of 受理行政复议案件), 72 件 (the prior year's) and 19.4 % (the change). Checks of
figures that must agree read them from here instead of each matching numbers anew.

A figure is a number (Arabic, full-width or Chinese, with 万/亿; 百分之… for rates) with a
unit after it (件, 个, 人次, %, 元 …). Numbers without a unit (years, heading numbers,
12345 hotlines), ordinals (第二批), a lone 一 (一件事, 进一步) and numbers inside quotes or
book-title marks (“三项制度”, 《…2021-2025年…》) are not figures.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Collection, Iterable, Iterator
from typing import Literal, NamedTuple

from reportlint.matching import numerals
from reportlint.matching.regex import Matcher
from reportlint.matching.text import Match, TextBlock

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
_UNIT = re.compile(
    r"(?P<approx>余|多)?\s?(?P<unit>" + "|".join(map(re.escape, _UNITS)) + r")"
    r"(?P<bound>以上|以下|以内|之内|左右|上下|之多)?"
)
_NUMBER_AFTER = re.compile(r"\s?(?:-|~|—|至|到)\s?(?:\d|[一二两三四五六七八九十])")
_NUMBER_BEFORE = re.compile(r"(?:\d|[一二两三四五六七八九十])\s?(?:-|~|—|至|到)\s?$")
_ABOUT = re.compile(r"每|(?:约|近|逾|超过|上千|数)$")
_QUOTED = re.compile(r"“[^”\n]*”|‘[^’\n]*’|《[^》\n]*》|〈[^〉\n]*〉|\"[^\"\n]*\"")
# A sentence ends at 。！？; a ； joins the clauses of one sentence.
_SENTENCE_END = re.compile(r"[。!?\n]")
_CLAUSE_END = re.compile(r"[,。!?;\n:]")
_NOUN = re.compile(r"[\u4e00-\u9fff()]{1,8}")
_NOUN_STOP = re.compile(
    r"的|和|与|及|并|对|在|从|向|为|等|均|都|已|也|全部|进行|开展|共|中|其|占|较|比|同比|环比"
    r"|增长|增加|上升|提高|提升|增多|下降|减少|降低|回落|下滑"
)

# What the words before a figure say it is (see Figure.role).
_CHANGE = re.compile(
    r"(?:增长|增加|上升|提高|提升|增多|下降|减少|降低|回落|下滑|缩减|缩短|增幅|降幅|增速|涨幅)"
    r"了?(?:约|近|达|为|是|分别为)?$"
)
_PRIOR = re.compile(
    r"(?:上年|去年|上一年|上年度|前一年|同期|上期|往年)(?:同期)?(?:的|为|是|共|有|受理|达)?$"
    r"|(?:较|比|对比|与|相比)(?:上年|去年|上一年|上年度|同期|\d{4}年)[^,。;]*$"
    r"|上年|去年|上一年度|(?:^|[^\d])由$|从$"
)
_TARGET = re.compile(r"力争|争取|目标|计划|预计|确保|力求|拟|控制在|不低于|不少于|不超过|不高于")
_YEAR = re.compile(r"(\d{4})年(?!以来|至今|起|来|以后|底前)")


class Figure(NamedTuple):
    """One quantity of a text block. Offsets are in the block's (normalised) text."""

    value: float
    unit: str  # base unit: 件, 个, 人次, %, 百分点, 元 …
    written: str  # the figure as written: 1.2万条, 百分之九十五点六, 86件
    start: int
    end: int
    lead: str  # the words before it, back to a clause boundary or the figure before
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
        end = _SENTENCE_END.search(self.text, figure.end)
        return self.text[figure.sentence_start : end.start() if end else len(self.text)]


def section_of(pointer: str) -> str:
    """``/sections/measures/subsections/0/paragraphs/1`` -> ``measures``."""
    parts = pointer.split("/")
    if len(parts) > 2 and parts[1] == "sections":
        return parts[2]
    return parts[1] if len(parts) > 1 else ""


def _protected(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in _QUOTED.finditer(text)]


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    index = bisect.bisect_right(spans, (position, position)) - 1
    return index >= 0 and spans[index][0] < position < spans[index][1]


def _read(block: TextBlock, year: int | None) -> list[Figure]:
    text = block.text
    quoted = _protected(text)
    # Words inside quotes and titles (《…学法计划》) say nothing of a figure's role.
    pieces: list[str] = []
    done = 0
    for quote_start, quote_end in quoted:
        pieces += [text[done:quote_start], "□" * (quote_end - quote_start)]
        done = quote_end
    masked = "".join(pieces) + text[done:]
    starts = [segment.start for segment in block.segments]
    found: list[Figure] = []
    previous_end = 0
    for number in numerals.find(text):
        start, end = number.start, number.end
        if _inside(quoted, start) or text[max(0, start - 1) : start] in ("第", "×", "*", "x"):
            continue
        if number.chinese and number.step == 1 and text[start:end] == "一":
            continue  # 一件事, 一网通办, 进一步: a lone 一 is a word more often than a count
        tail = _unit_after(text, number)
        if tail is None:
            continue
        unit, tail_end, qualified = tail
        segment = max(0, bisect.bisect_right(starts, start) - 1)
        pointer = block.segments[segment].pointer
        paragraph_start = starts[segment]
        sentence_start = _last_end(_SENTENCE_END, text, paragraph_start, start)
        clause_start = _last_end(_CLAUSE_END, text, paragraph_start, start)
        lead_start = max(clause_start, previous_end if previous_end > paragraph_start else 0)
        lead = text[lead_start:start].lstrip("、和及与并 ").rstrip()
        # 约3000人, 280余次, 95%以上, 3-5次, 每两月1次: not a count to compare.
        exact = not (
            qualified
            or _NUMBER_AFTER.match(text, end)
            or _NUMBER_BEFORE.search(lead)
            or _ABOUT.search(lead)
        )
        section = section_of(pointer)
        role = _role(
            masked[lead_start:start].strip(),
            masked[clause_start:start],
            masked[sentence_start:start],
            section,
            year,
        )
        noun = ""
        if unit not in RATES:
            noun_match = _NOUN.match(text, tail_end)
            if noun_match:
                noun = _NOUN_STOP.split(noun_match.group(0), maxsplit=1)[0]
        found.append(
            Figure(
                value=number.value,
                unit=unit,
                written=text[start:tail_end],
                start=start,
                end=tail_end,
                lead=lead,
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
        previous_end = tail_end + len(noun)
    return found


def _unit_after(text: str, number: numerals.Numeral) -> tuple[str, int, bool] | None:
    """The unit after a number, where it ends, and whether 余/以上/左右… make it inexact."""
    if number.percent:
        return "%", number.end, False
    found = _UNIT.match(text, number.end)
    if found is None:
        return None
    unit = _BASE.get(found.group("unit"), found.group("unit"))
    if not unit:
        return None  # 3万 alone: the count's unit is missing
    return unit, found.end(), bool(found.group("approx") or found.group("bound"))


def _last_end(pattern: re.Pattern[str], text: str, floor: int, position: int) -> int:
    """Where the clause or sentence holding ``position`` starts (not before ``floor``)."""
    start = floor
    for match in pattern.finditer(text, floor, position):
        start = match.end()
    return start


def _role(lead: str, clause: str, sentence: str, section: str, year: int | None) -> Role:
    """What a figure is, from the words before it.

    - ``change``: the amount of a change (增长19.4%, 提高2.7个百分点);
    - ``prior``: an earlier period's figure (较上年的72件, 上年为72件, 由90%提高到…);
    - ``target``: a goal, not a result (figures in the plans; 力争, 控制在5%以下, 确保);
    - ``current``: the report year's result, everything else.
    """
    if _CHANGE.search(lead):
        return "change"
    if section in ("plans", "suggestions"):
        return "target"
    if _PRIOR.search(lead):
        return "prior"
    if year is not None:
        years = [int(found) for found in _YEAR.findall(clause)]
        if years and years[-1] < year:
            return "prior"
    if _TARGET.search(sentence):
        return "target"
    return "current"


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
    """The last match of ``pattern`` in the clause before ``figure`` that ends at most
    ``gap`` characters before it: the figure's name (出庭应诉率 in 出庭应诉率达到96%)."""
    clause = text.text[figure.clause_start : figure.start]
    found = None
    for match in pattern.finditer(clause):
        if len(clause) - match.end() <= gap:
            found = match
    return found


@functools.lru_cache(maxsize=128)
def words(choices: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for plain words (never matches when there are none)."""
    if not choices:
        return re.compile(r"(?!)")
    return re.compile("|".join(map(re.escape, sorted(choices, key=len, reverse=True))))


_FILLERS = re.compile(
    r"共计|合计|累计|总计|一共|全年|今年|本年度|年内|当年|先后|全区|全县|全市|全镇|全乡|全省"
    r"|[共了的已均\s、,]"
)
_TRAILING = re.compile(r"(?:达到|达|为|是|有|计|约|近|逾)+$")


def bare(words: str) -> str:
    """Words that say what is counted, without those any count may carry (全年, 共, 累计,
    了, 达到…): 全年共受理 -> 受理."""
    return _TRAILING.sub("", _FILLERS.sub("", words))
