"""The openings of ten real published reports (tests/fixtures/corpus/excerpts/INDEX.md).

Each is cut off mid-text. Reading one must never crash; what the excerpt shows (metadata,
title, year, the first section and part) is recognised, and what it lacks is a finding.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reportlint.cli import main
from reportlint.inputs.sources import read_source
from reportlint.reporters.json_format import findings_of

EXCERPTS = Path(__file__).resolve().parent / "fixtures" / "corpus" / "excerpts"

# file: (report, preamble opens with, first section key, its heading, its first part)
EXPECTED: dict[str, tuple[dict[str, Any], str, str, str, str]] = {
    "chongqing-fengdu-lizixiang-2025.txt": (
        {
            "title": "丰都县栗子乡人民政府2025年法治政府建设情况报告",
            "issuer": "丰都县栗子乡人民政府",  # from the title: the excerpt has no signature
            "year": 2025,
            "signed_on": "2026-01-22",  # 成文日期
            "published_on": "2026-02-10",
            "publisher": "丰都县栗子乡人民政府",
            "index_no": "11500230008689762A/2026-00004",
        },
        "2025年,在县委、县政府的坚强领导下",
        "measures",
        "2025 年推进法治政府建设的主要举措和成效",
        "纵深推进学悟笃行习近平法治思想",
    ),
    "guangdong-zhanjiang-xuwen-xiayang-2023.txt": (
        {"title": "下洋镇2023年法治政府建设年度报告", "year": 2023},
        "2023年以来,下洋镇坚持",
        "measures",
        "2023年法治政府建设主要举措和成效",
        "加强组织领导,全面提升依法行政水平",
    ),
    "hunan-yueyangxian-2022.txt": (
        {"year": 2022},  # no title line: the year comes from the opening paragraph
        "根据《中共中央办公厅 国务院办公厅",
        "measures",
        "主要成效",
        "加强法治政府建设的组织领导,切实履行法治建设第一责任人职责",
    ),
    "jiangsu-huaian-2017.txt": (
        {
            "title": "淮安市人民政府关于2017年度法治政府建设情况的报告",
            "issuer": "淮安市人民政府",
            "year": 2017,
            "published_on": "2018-05-03",
        },
        "2017年,在省政府和淮安市委的正确领导下",
        "measures",
        "以贯彻落实党的十九大精神、习近平新时代中国特色社会主义思想为指引,"
        "努力推动实现新起点上新跨越",
        "认真学习贯彻党的十九大精神",
    ),
    "shanghai-minhang-2018.txt": (
        {
            "title": "闵行区2018年法治政府建设年度报告",
            "year": 2018,
            "published_on": "2019-03-01",
            "publisher": "上海市闵行区人民政府",
        },
        "2018年是“十三五”规划深入推进之年",
        "measures",
        "主要举措和工作成效",
        "加强组织领导,职责分工进一步完善",
    ),
    "shanxi-datong-yungang-2025.txt": (
        {
            "title": "大同市云冈区2025年法治政府建设年度报告",
            "year": 2025,
            "published_on": "2026-01-31",
            "publisher": "云冈区人民政府",  # 发布机构 is empty; 来源 says it
        },
        "2025年,云冈区深入贯彻落实",
        "measures",
        "本年度推进法治政府建设的主要举措和成效",
        "政府职能依法全面履行,服务效能和治理能力不断提高",
    ),
    "shanxi-shuocheng-2023.txt": (
        {"year": 2023},
        "2023年,在市委、市政府和区委的坚强领导下",
        "measures",
        "推进法治政府建设主要举措和成效",
        "切实履行推进法治建设第一责任人职责",
    ),
    "tianjin-jinghai-2020.txt": (
        {
            "title": "2020年静海区法治政府建设情况报告",
            "year": 2020,
            "published_on": "2021-03-29",  # 更新时间, the only date the page shows
            "publisher": "司法局",  # 文章来源
        },
        "2020年,静海区坚持以习近平新时代",
        "measures",
        "2020年推进法治政府建设的主要举措和成效",
        "加强法治政府建设组织领导落实",
    ),
    "zhejiang-hangzhou-qiantang-2022.txt": (
        {
            "title": "杭州市钱塘区人民政府关于钱塘区2022年法治政府建设年度报告",
            "issuer": "杭州市钱塘区人民政府",
            "year": 2022,
            "published_on": "2023-03-28",
            "publisher": "区府办",
        },
        "2022年,钱塘区法治政府建设",
        "measures",
        "主要举措和成效",
        "突出依法履职,持续优化法治化营商环境",
    ),
    "zhejiang-shaoxing-shangyu-2022.txt": (
        {"title": "绍兴市上虞区2022年度法治政府建设工作情况报告", "year": 2022},
        "2022年,上虞区以习近平法治思想为根本遵循",
        "measures",
        "2022年法治政府建设重要工作",
        "坚持党的领导,强化法治理念",
    ),
}

# Findings the excerpts call for (INDEX.md's notes), at their place.
NOTABLE = {
    "chongqing-fengdu-lizixiang-2025.txt": [("RL107", 12, 1), ("RL505", 10, 6)],  # 一) ; 5 年
    # jiangsu-huaian-2017.txt: none; the 2019 规定's sections and deadline did not apply to 2017
    # (tests/test_catalogue_years.py).
    "hunan-yueyangxian-2022.txt": [("RL105", 4, 26), ("RL105", 6, 11)],  # 第一责任人 in 一
    "shanxi-shuocheng-2023.txt": [("RL105", 5, 14)],
    "shanghai-minhang-2018.txt": [("RL502", 4, 51)],  # 《法制政府建设实施纲要》
}


def test_every_excerpt_is_listed() -> None:
    assert sorted(path.name for path in EXCERPTS.glob("*.txt")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_what_each_excerpt_shows_is_recognised(name: str) -> None:
    report, opening, key, heading, part = EXPECTED[name]
    data = read_source(EXCERPTS / name, max_bytes=1 << 20).document.data
    assert data["report"] == report
    assert data["preamble"][0].startswith(opening)
    first_key, first = next(iter(data["sections"].items()))
    assert (first_key, first["heading"]) == (key, heading)
    assert first["subsections"][0]["heading"] == part


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_checking_an_excerpt_reports_what_is_missing(
    capsys: pytest.CaptureFixture[str], name: str
) -> None:
    assert main(["check", "--format", "json", str(EXCERPTS / name)]) == 1
    findings = findings_of(json.loads(capsys.readouterr().out))
    rules = [finding["rule"] for finding in findings]
    # Cut off after section one: the other five are missing, never a crash. Reports for the
    # years before the 2019 规定 had no mandated sections to miss.
    year = EXPECTED[name][0].get("year")
    assert rules.count("RL101") == (5 if year is None or year >= 2019 else 0)
    places = {(f["rule"], f["line"], f["column"]) for f in findings}
    assert set(NOTABLE.get(name, [])) <= places
    if "title" not in EXPECTED[name][0]:
        missing = [f for f in findings if f["rule"] == "RL002" and "'title'" in f["message"]]
        assert [(f["line"], f["column"]) for f in missing] == [(1, 1)]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_an_excerpt_imports_and_says_what_it_could_not_find(
    capsys: pytest.CaptureFixture[str], name: str
) -> None:
    assert main(["import", str(EXCERPTS / name)]) == 0
    err = capsys.readouterr().err
    assert "sections not found: leadership, shortcomings, plans, suggestions, other" in err
