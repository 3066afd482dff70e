"""``reportlint init``: a commented report template that passes the schema, and a config."""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from reportlint import resources
from reportlint.errors import already_exists
from reportlint.files import write_atomically
from reportlint.schema import modeline

REPORT_TEMPLATE = """\
# {intro}
# {fill_in}
# {numbers}
format: reportlint/1
report:
  title: {title}   # {{地名}}{{年份}}年法治政府建设年度报告
  issuer: {issuer}   # {issuer_note}
  kind: {kind}   # {kind_note}
  level: {level}   # {level_note}
  year: {year}   # {year_note}
  signed_on: {next}-01-20   # {signed_note}
  # published_on: {next}-03-01   # {published_note}
preamble:
  - {year}年，……现将本年度法治政府建设情况报告如下。
sections:
  measures:
    heading: {year}年推进法治政府建设的主要举措和成效
    subsections:
      - heading: 待补充
        paragraphs:
          - 待补充（重大执法决定法制审核率、行政复议案件数、规范性文件审查备案……）
  leadership:
    heading: 党政主要负责人履行推进法治建设第一责任人职责情况
    paragraphs:
      - 待补充（述法、学法、听取汇报……）
  shortcomings:
    heading: {year}年法治政府建设存在的不足和原因
    subsections:
      - heading: 待补充
        paragraphs:
          - 待补充（每一项不足都写明原因）
  plans:
    heading: {next}年推进法治政府建设的主要安排
    paragraphs:
      - 待补充（可衡量的目标：数字、日期或期限）
  suggestions:
    heading: 对上级加强法治政府建设的意见、建议
    paragraphs:
      - 待补充
  other:
    heading: 其他需要报告的重要事项
    paragraphs:
      - 本年度无不履行法院生效裁判情况。
closing:
  - 特此报告。
"""

# The template's comments, in the language of the user who asked for it.
REPORT_COMMENTS = {
    "en": {
        "intro": "法治政府建设年度报告 — reportlint format, version 1.",
        "fill_in": "Fill in each section; `reportlint check` tells you what is still missing.",
        "numbers": "Numbers such as 一、 (一) 1. are not written: they follow from the order "
        "of the parts.",
        "issuer_note": "the body that reports and signs",
        "kind_note": "government | department",
        "level_note": "province | city | county | township",
        "year_note": "the year reported on",
        "signed_note": "the date under the signature (成文日期)",
        "published_note": "发布日期, once published (before 1 April)",
    },
    "zh": {
        "intro": "法治政府建设年度报告，reportlint格式第1版。",
        "fill_in": "逐项填写各部分；运行“reportlint check”可查看还缺什么。",
        "numbers": "不写“一、”“（一）”“1.”等序号：序号按各部分的先后顺序生成。",
        "issuer_note": "报告机关，即落款署名的机关",
        "kind_note": "报告主体：government（政府）或department（政府部门）",
        "level_note": "行政层级：province（省级）、city（市级）、county（县级）"
        "或township（乡镇级）",
        "year_note": "报告年度",
        "signed_note": "成文日期，即落款处的日期",
        "published_note": "发布日期：公开发布后填写（应在次年4月1日前）",
    },
}

CONFIG_TEMPLATE = """\
# {intro}
profile: six-section   # {profile_note}
fail-on: error   # {fail_on_note}
# ignore: [RL504]
# severity: {{RL210: warning}}
"""

CONFIG_COMMENTS = {
    "en": {
        "intro": "reportlint configuration (see `reportlint check --help`).",
        "profile_note": "or: national",
        "fail_on_note": "error | warning | info",
    },
    "zh": {
        "intro": "reportlint配置文件（选项说明见“reportlint check --help”）。",
        "profile_note": "或national",
        "fail_on_note": "出现哪一级别的问题即为不通过：error（错误）、warning（警告）"
        "或info（提示）",
    },
}


def _writer(text: str) -> Callable[[TextIO], None]:
    def produce(stream: TextIO) -> None:
        stream.write(text)

    return produce


LEVELS = ("province", "city", "county", "township")
KINDS = ("government", "department")


def report_text(
    *,
    year: int,
    issuer: str = "某某县人民政府",
    level: str = "county",
    kind: str = "government",
    lang: str = "en",
) -> str:
    """The template for ``year``'s report by ``issuer``, commented in ``lang``; the title
    names the place."""
    place = issuer.removesuffix("人民政府") or issuer
    return REPORT_TEMPLATE.format(
        title=f"{place}{year}年法治政府建设年度报告",
        issuer=issuer,
        kind=kind,
        level=level,
        year=year,
        next=year + 1,
        **REPORT_COMMENTS[_lang(lang)],
    )


def config_text(lang: str = "en") -> str:
    """The configuration ``init`` writes, commented in ``lang``."""
    return CONFIG_TEMPLATE.format(**CONFIG_COMMENTS[_lang(lang)])


def _lang(lang: str) -> str:
    return "zh" if lang == "zh" else "en"


def write_template(
    path: Path,
    *,
    force: bool = False,
    year: int | None = None,
    issuer: str | None = None,
    level: str | None = None,
    kind: str | None = None,
    lang: str = "en",
) -> list[Path]:
    """Write the report template at ``path`` (making its folders), and ``.reportlint.yaml``
    at the repository root (the report's folder outside a repository) unless a config is
    already found from the report's folder upward; likewise ``schemas/report.schema.json``,
    which the template's first line names for editors. Nothing is overwritten without
    ``force``.
    """
    from reportlint import config

    folder = Path(os.path.abspath(path)).parent
    text = report_text(
        year=year if year is not None else datetime.date.today().year - 1,
        issuer=issuer or "某某县人民政府",
        level=level or "county",
        kind=kind or "government",
        lang=lang,
    )
    schema, missing = modeline.place(path)
    targets = [(path, modeline.line_for(path, schema) + text)]
    if _nearest_config(folder, config) is None:
        root = config.repository_root(folder) or folder
        targets.append((root / ".reportlint.yaml", config_text(lang)))
    if missing:  # the first line must lead somewhere
        targets.append((schema, resources.schema_path().read_text(encoding="utf-8")))
    existing = [str(target) for target, _ in targets if target.exists()]
    if existing and not force:
        raise already_exists(*existing)
    for target, content in targets:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, _writer(content))
    return [target for target, _ in targets]


def _nearest_config(folder: Path, config: Any) -> Path | None:
    found: Path | None = config.discover(_existing(folder))
    return found


def _existing(folder: Path) -> Path:
    """``folder``, or its nearest ancestor that exists (it may not be made yet)."""
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder
