"""The figure layer: each quantity of a text with its value, unit, label, role and place."""

from __future__ import annotations

import pytest

from reportlint.matching import figure_links
from reportlint.matching.figures import FigureText
from reportlint.matching.text import TextBlock
from reportlint.matching.words import Words

MEASURES = "/sections/measures/paragraphs/0"


def read(*paragraphs: str, pointer: str = MEASURES, year: int | None = 2023) -> FigureText:
    base = pointer.rsplit("/", 1)[0]
    strings = [(f"{base}/{index}", text) for index, text in enumerate(paragraphs)]
    return FigureText(TextBlock(strings), year=year)


def summary(text: FigureText) -> list[tuple[str, float, str, str, str, str, bool]]:
    return [
        (
            figure.written,
            figure.value,
            figure.unit,
            figure.lead,
            figure.noun,
            figure.role,
            figure.exact,
        )
        for figure in text.figures
    ]


def test_each_quantity_with_value_unit_label_and_role() -> None:
    text = read("全年共受理行政复议案件86件，较上年的72件增长19.4%，败诉率较上年提高2.7个百分点。")
    assert summary(text) == [
        ("86件", 86, "件", "全年共受理行政复议案件", "", "current", True),
        ("72件", 72, "件", "较上年的", "", "prior", True),
        ("19.4%", 19.4, "%", "增长", "", "change", True),
        ("2.7个百分点", 2.7, "百分点", "败诉率较上年提高", "", "change", True),
    ]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("出庭应诉率百分之九十六点二", [("百分之九十六点二", 96.2, "%")]),
        ("法制审核率百分之百", [("百分之百", 100, "%")]),
        ("审查规范性文件二十三件", [("二十三件", 23, "件")]),
        ("主动公开政府信息1.2万条", [("1.2万条", 12_000, "条")]),
        ("培训３２０人次", [("320人次", 320, "人次")]),
        ("投入经费12.5万元", [("12.5万元", 125_000, "元")]),
        ("配备了两台自助设备", [("两台", 2, "台")]),
    ],
)
def test_figures_in_every_writing(paragraph: str, expected: list[tuple[str, float, str]]) -> None:
    assert [(f.written, f.value, f.unit) for f in read(paragraph).figures] == expected


@pytest.mark.parametrize(
    "paragraph",
    [
        "2023年4月份,区政府与律师事务所签订了3年期合同。",  # years, months, durations
        "在第二批示范创建中,推进“一件事一次办”和“三项制度”。",  # ordinal, a lone 一, quotes
        "落实《法治政府建设实施纲要(2021-2025年)》,开通12345热线,提供7×24小时服务。",
        "深入推进十四五规划,进一步提升效能。",
    ],
)
def test_numbers_that_are_not_figures(paragraph: str) -> None:
    assert read(paragraph).figures == ()


def test_a_count_after_its_classifier_has_a_noun() -> None:
    text = read("全区27个乡镇(街道)全部进行了挂牌,6个综合窗口和2个帮办代办窗口。")
    assert [(f.written, f.lead, f.noun) for f in text.figures] == [
        ("27个", "全区", "乡镇(街道)"),
        ("6个", "", "综合窗口"),
        ("2个", "", "帮办代办窗口"),
    ]


@pytest.mark.parametrize(
    ("paragraph", "roles"),
    [
        ("出庭应诉率由90%提高到96%。", ["prior", "current"]),
        ("上年为72件,今年受理86件。", ["prior", "current"]),
        ("2022年受理72件,本年受理86件。", ["prior", "current"]),
        ("自2021年以来累计清理文件437份。", ["current"]),
        ("力争出庭应诉率达到100%。", ["target"]),
        ("败诉率控制在5%以下。", ["target"]),
        ("制定《2024年学法计划》,全年学法4次。", ["current"]),  # a plan's title is no target
        ("比2020年增加41个。", ["change"]),
    ],
)
def test_roles(paragraph: str, roles: list[str]) -> None:
    assert [figure.role for figure in read(paragraph).figures] == roles


def test_figures_in_the_plans_are_targets() -> None:
    text = read("推动出庭应诉率提高到100%。", pointer="/sections/plans/paragraphs/0")
    assert [(f.role, f.section) for f in text.figures] == [("target", "plans")]


@pytest.mark.parametrize(
    "paragraph", ["作出指示批示280余次", "约3000人参加", "审核率95%以上", "开展3-5次", "每两月1次"]
)
def test_approximate_figures_are_not_exact(paragraph: str) -> None:
    assert [figure.exact for figure in read(paragraph).figures] == [False]


def test_places_map_back_to_the_original_string() -> None:
    text = read("第一段。", "行政机关负责人出庭应诉率达到１０５％。")
    [figure] = text.figures
    assert (figure.paragraph, figure.section) == (1, "measures")
    assert text.place(figure) == ("/sections/measures/paragraphs/1", 14, 18)
    assert text.place(figure, figure.clause_start) == ("/sections/measures/paragraphs/1", 0, 18)


def test_enumerations_after_a_marker_stop_at_a_semicolon_and_skip_brackets() -> None:
    text = read("审结79件,其中维持48件、撤销9件(含部分撤销3件),纠错率19%;尚在审理中7件。")
    [found] = figure_links.enumerations(text, list(text.figures), Words("其中"))
    assert (found.whole.written, [part.written for part in found.parts]) == (
        "79件",
        ["48件", "9件"],
    )


def test_complements_split_the_total_before_them() -> None:
    text = read("共收到申请93件,受理86件,不予受理7件。")
    [found] = figure_links.complements(list(text.figures), Words("不予 未"))
    assert (found.whole.value, [part.value for part in found.parts]) == (93, [86, 7])


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("受理86件,较上年的72件下降19.4%。", ("86件", "72件", False, "19.4%")),
        ("受理86件,不予受理7件,受理数较上年的72件增长19.4%。", ("86件", "72件", True, "19.4%")),
        ("调解成功率由90%提高到95%。", ("95%", "90%", True, None)),
    ],
)
def test_comparisons_pair_this_year_with_the_earlier_figure(
    paragraph: str, expected: tuple[str, str, bool, str | None]
) -> None:
    [found] = figure_links.comparisons(read(paragraph))
    change = found.change.written if found.change else None
    assert (found.current.written, found.prior.written, found.rising, change) == expected


def test_a_comparison_naming_no_figure_of_its_own_is_left_alone() -> None:
    assert (
        list(figure_links.comparisons(read("受理X件,不予受理7件,受理数较上年的72件增长19.4%。")))
        == []
    )
