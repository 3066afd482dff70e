"""``reportlint init``: a commented report template that passes the schema, and a config."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from reportlint.errors import ReportlintError
from reportlint.files import write_atomically

REPORT_TEMPLATE = """\
# 法治政府建设年度报告 — reportlint format, version 1.
# Fill in each section; `reportlint check` tells you what is still missing.
# Numbers such as 一、 (一) 1. are not written: they follow from the order of the parts.
format: reportlint/1
report:
  title: 某某县2025年法治政府建设年度报告   # {地名}{年份}年法治政府建设年度报告
  issuer: 某某县人民政府                   # the body that reports and signs
  kind: government                        # government | department
  level: county                           # province | city | county | township
  year: 2025                              # the year reported on
  signed_on: 2026-01-20                   # the date under the signature (成文日期)
  # published_on: 2026-03-01              # 发布日期, once published (before 1 April)
preamble:
  - 2025年,……现将本年度法治政府建设情况报告如下。
sections:
  measures:
    heading: 2025年推进法治政府建设的主要举措和成效
    subsections:
      - heading: 待补充
        paragraphs:
          - 待补充(重大执法决定法制审核率、行政复议案件数、规范性文件审查备案……)
  leadership:
    heading: 党政主要负责人履行推进法治建设第一责任人职责情况
    paragraphs:
      - 待补充(述法、学法、听取汇报……)
  shortcomings:
    heading: 2025年法治政府建设存在的不足和原因
    subsections:
      - heading: 待补充
        paragraphs:
          - 待补充(每一项不足都写明原因)
  plans:
    heading: 2026年推进法治政府建设的主要安排
    paragraphs:
      - 待补充(可衡量的目标：数字、日期或期限)
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

CONFIG_TEMPLATE = """\
# reportlint configuration (see `reportlint check --help`).
profile: six-section        # or: national
fail-on: error              # error | warning | info
# ignore: [RL504]
# severity: {RL210: warning}
"""


def _writer(text: str) -> Callable[[TextIO], None]:
    def produce(stream: TextIO) -> None:
        stream.write(text)

    return produce


def write_template(path: Path, *, force: bool = False) -> list[Path]:
    """Write the report template at ``path`` and ``.reportlint.yaml`` beside it."""
    config = path.parent / ".reportlint.yaml"
    targets = [(path, REPORT_TEMPLATE), (config, CONFIG_TEMPLATE)]
    existing = [str(target) for target, _ in targets if target.exists()]
    if existing and not force:
        raise ReportlintError(f"{', '.join(existing)} already exists; use --force to overwrite")
    for target, text in targets:
        write_atomically(target, _writer(text))
    return [target for target, _ in targets]
