"""What figures of one text say about each other: parts of a whole, and comparisons.

"审结79件，其中维持48件、撤销9件": the parts after 其中 belong to the figure before it.
"受理86件，较上年的72件增长19.4%": 86件 is compared with the prior year's 72件. The checks
part-of-whole, sum-of-parts, trend-direction and trend-amount read these links.
"""

from collections.abc import Iterable, Iterator
from typing import NamedTuple

from reportlint.matching.figures import Figure, FigureText, bare
from reportlint.matching.words import Words, strip_end

_COMPARED = Words("较 比 与 相比 同比 对比")
_MEASURE = Words("总数 数量 总量 数 量")
_NEGATED = Words("不 未 非 无 不予 未予")
_UP = Words("增长 增加 上升 提高 提升 增多 上涨")
_DOWN = Words("下降 减少 降低 回落 下滑 缩减 减 降")
_TO = "到至为"
_STOP = ",。;!?\n"


class Enumeration(NamedTuple):
    """Figures a marker (其中, 包括) lists as parts of the figure before it."""

    whole: Figure
    parts: list[Figure]
    marker: str


def sentences(figures: Iterable[Figure]) -> Iterator[list[Figure]]:
    """The figures grouped by sentence, in order."""
    group: list[Figure] = []
    for figure in figures:
        if group and group[-1].sentence_start != figure.sentence_start:
            yield group
            group = []
        group.append(figure)
    if group:
        yield group


def enumerations(text: FigureText, figures: list[Figure], markers: Words) -> Iterator[Enumeration]:
    """Each marker's whole and parts, among ``figures`` (already chosen by unit and role).

    The parts run from the marker to the next marker, ；, or the end of the sentence, in the
    whole's unit, leaving out figures in brackets (其中维持45件(含部分维持3件)); the whole
    is the last figure of that unit before the marker, in its sentence or, for a sentence
    that opens with the marker, the one before it in the same paragraph.
    """
    by_sentence = list(sentences(figures))
    for index, group in enumerate(by_sentence):
        start = group[0].sentence_start
        end = group[-1].end
        found = markers.spans(text.text, start, end)
        for number, (marker_start, marker_end) in enumerate(found):
            stop = found[number + 1][0] if number + 1 < len(found) else end
            semicolon = text.text.find(";", marker_end, stop)
            stop = stop if semicolon < 0 else semicolon
            parts = [
                figure
                for figure in group
                if marker_end <= figure.start < stop
                and text.text.count("(", marker_end, figure.start)
                <= text.text.count(")", marker_end, figure.start)
            ]
            before = [figure for figure in group if figure.end <= marker_start]
            if not before and index and text.text[start:marker_start].strip() == "":
                previous = by_sentence[index - 1]
                if previous[-1].paragraph == group[0].paragraph:
                    before = previous
            for unit in dict.fromkeys(part.unit for part in parts):
                wholes = [figure for figure in before if figure.unit == unit]
                if wholes:
                    same = [part for part in parts if part.unit == unit]
                    yield Enumeration(wholes[-1], same, text.text[marker_start:marker_end])


class Comparison(NamedTuple):
    """This year's figure, the earlier one it is compared with, and the word between them."""

    current: Figure
    prior: Figure
    rising: bool  # the word says it rose (增长, 提高) rather than fell (下降, 减少)
    word: tuple[int, int]  # where the trend word is, in the block's text
    change: Figure | None  # the amount stated with the word (19.4%, 2.7个百分点, 14件)


class _Trend(NamedTuple):
    rising: bool
    start: int
    end: int
    to: bool  # 提高到: the figure after the word is the new value


def _trend_after(text: str, position: int) -> _Trend | None:
    """A trend word within a few characters after ``position``, in the same clause:
    "72件下降19.4%", "(72件)有所下降", "由90%提高到96%"."""
    start = position + (text.startswith(")", position))
    start += text.startswith(",", start)
    window_end = start
    while window_end < min(len(text), start + 8) and not (
        text[window_end] in _STOP or text[window_end].isdigit()
    ):
        window_end += 1
    found = [
        (hit, rising)
        for words, rising in ((_UP, True), (_DOWN, False))
        if (hit := words.first(text, start, window_end))
    ]
    if not found:
        return None
    (word_start, word_end), rising = min(found, key=lambda item: (item[0][0], -item[0][1]))
    if word_start - start > 6:
        return None
    return _Trend(rising, word_start, word_end, text[word_end : word_end + 1] in tuple(_TO))


def comparisons(text: FigureText) -> Iterator[Comparison]:
    """Each earlier-period figure followed by a trend word, with the figure it is compared to.

    "受理86件，较上年的72件下降19.4%": 86件 against 72件, falling, by 19.4%.
    "由72件增加到86件": the figure after the word is the current one.
    """
    figures = text.figures
    for index, prior in enumerate(figures):
        if prior.role != "prior" or not prior.exact:
            continue
        trend = _trend_after(text.text, prior.end)
        if trend is None:
            continue
        rising, word = trend.rising, (trend.start, trend.end)
        same_sentence = [
            figure
            for figure in figures
            if figure.sentence_start == prior.sentence_start and figure.unit == prior.unit
        ]
        current: Figure | None
        if trend.to:
            current = next(
                (
                    figure
                    for figure in same_sentence
                    if figure.start >= trend.end and figure.role in ("current", "target")
                ),
                None,
            )
        else:
            earlier = [figure for figure in same_sentence if figure.end <= prior.start]
            current = _compared(text, prior, earlier)
        if current is None or not current.exact:
            continue
        change = next(
            (
                figure
                for figure in figures[index + 1 :]
                if figure.role == "change" and 0 <= figure.start - word[1] <= 3
            ),
            None,
        )
        if trend.to:
            change = None
        yield Comparison(current, prior, rising, word, change)


def _compared(text: FigureText, prior: Figure, earlier: list[Figure]) -> Figure | None:
    """The figure an earlier-period one is compared with, before it in the sentence.

    A clause that names what it compares (受理数较上年的72件…) takes the figure with those
    words (受理86件, not 不予受理7件 between them); a clause that names nothing
    (…86件，较上年的72件…) takes the figure just before.
    """
    candidates = [figure for figure in earlier if figure.role == "current"]
    clause = text.text[prior.clause_start : prior.start]
    marker = _COMPARED.first(clause)
    subject = strip_end(bare(clause[: marker[0]]), _MEASURE) if marker else ""
    if not subject:
        return candidates[-1] if candidates else None
    for figure in reversed(candidates):
        if figure.label == subject:
            return figure
    for figure in reversed(candidates):
        words = figure.label
        # 不予受理 ends with 受理 but counts the opposite.
        if words.endswith(subject) and not _NEGATED.ending(words[: -len(subject)]):
            return figure
    return None


def negates(negated: Figure, plain: Figure, negations: Words) -> bool:
    """Whether one figure counts the negation of what the other counts (不予受理 / 受理)."""
    words = plain.label
    other = negated.label
    found = negations.prefix(other)
    return bool(words) and found is not None and other[len(found) :] == words


def complements(figures: list[Figure], negations: Words) -> Iterator[Enumeration]:
    """A total split in two by a word and its negation, right after it in the sentence:
    "收到申请93件，受理86件，不予受理7件" (86 and 7 are the whole of 93)."""
    for group in sentences(figures):
        for whole, first, second in zip(group, group[1:], group[2:], strict=False):
            if not whole.unit == first.unit == second.unit:
                continue
            if negates(second, first, negations) or negates(first, second, negations):
                yield Enumeration(whole, [first, second], "")


class Split(NamedTuple):
    """A total that a known list of outcomes divides with no marker: "清理文件126件，废止9件、
    修改5件，继续有效112件" (清理 ends in 废止, 修改 or 继续有效, nothing else)."""

    whole: Words  # words one of which names the total: 清理
    parts: Words  # the outcomes: 废止, 修改, 宣布失效, 继续有效
    rest: Words  # outcomes that stand for all the others, making the list complete: 继续有效


def outcomes(figures: list[Figure], split: Split) -> Iterator[Enumeration]:
    """Each total named by a ``split.whole`` word, with the figures right after it in its
    sentence and unit that each name one of ``split.parts``."""
    for group in sentences(figures):
        for index, whole in enumerate(group):
            if not split.whole.within(whole.label):
                continue
            parts = []
            for figure in group[index + 1 :]:
                if figure.unit != whole.unit or not split.parts.ending(figure.label):
                    break
                parts.append(figure)
            if parts:
                yield Enumeration(whole, parts, "")
