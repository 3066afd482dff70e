"""What surrounds a report on a government web page: the metadata table and page furniture.

Sites put a table of label/value pairs above the text (索引号, 发布机构, 发布日期, 标题,
成文日期 …), written ``索 引 号: …``, ``[ 索引号 ] …`` or as table cells, and close the
page with QR-code captions, related-link lists and print/close buttons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlint.inputs.sources.units import SourceText, fold

# Label -> (report field, priority): where two labels give one field, the lower wins.
FIELDS: dict[str, tuple[str, int] | None] = {
    "索引号": ("index_no", 0),
    "发布机构": ("publisher", 0),
    "来源": ("publisher", 1),
    "信息来源": ("publisher", 2),
    "文章来源": ("publisher", 3),
    "发文机关": ("issuer", 0),
    "发文机构": ("issuer", 1),
    "标题": ("title", 0),
    "名称": ("title", 1),
    "成文日期": ("signed_on", 0),
    "成文时间": ("signed_on", 1),
    "发布日期": ("published_on", 0),
    "发布时间": ("published_on", 1),
    "公开日期": ("published_on", 2),
    "时间": ("published_on", 3),
    "更新时间": ("published_on", 4),
    # Recognised so that their rows are read as metadata; not part of the format.
    "信息分类": None,
    "主题分类": None,
    "体裁分类": None,
    "组配分类": None,
    "服务对象": None,
    "文号": None,
    "发文字号": None,
    "时效": None,
    "有效性": None,
    "生效日期": None,
    "废止日期": None,
    "公开方式": None,
    "公开范围": None,
    "公开时限": None,
    "关键词": None,
    "主题词": None,
    "浏览次数": None,
    "点击数": None,
    "阅读次数": None,
    "字号": None,
    "当前位置": None,
    "作者": None,
}

_ALTERNATION = "|".join(
    r"\s*".join(map(re.escape, label)) for label in sorted(FIELDS, key=len, reverse=True)
)
_LABEL = re.compile(
    rf"(?:[\[【]\s*)?(?P<label>{_ALTERNATION})\s*(?P<bracket>[\]】])?\s*(?P<colon>:)?"
)
# Metadata rows and footer lines are short; running text is not read for them.
_LONGEST_ROW = 400
_VALUE_TRIM = " \t\xa0\u3000|[]【】:："

_TRAILER = re.compile(
    r"^(?:扫一扫|用手机扫|手机扫描|分享到|上一篇|下一篇|附件下载)"
    # Footer labels, as labels ("主办单位要……" is text).
    r"|^(?:版权所有|主办单位|承办单位|网站标识码|网站地图)(?:\s*[:©(]|\s*$)"
    # Related-link list headings, alone on their line ("相关政策落实到位" is text).
    r"|^(?:相关(?:解读|政策|稿件|文章|链接|新闻|信息|阅读|文件)\s*:?\s*)+$"
    # Buttons: only buttons on the line.
    r"|^(?:[【\[]?\s*(?:打印本页|关闭窗口|打印|关闭|收藏|返回顶部)\s*[】\]]?\s*)+$"
    # Registration numbers of the site ("开展ICP备案核查" is text).
    r"|ICP备[0-9Xx\-]*号|公网安备\s*[0-9Xx]+号"
)


@dataclass(frozen=True, slots=True)
class Entry:
    """One label and its value in a metadata row (the value may be empty)."""

    label: str
    value: SourceText


def metadata_row(text: SourceText) -> list[Entry] | None:
    """The label/value entries of a metadata row, or None when ``text`` is not one."""
    if len(text) > _LONGEST_ROW:
        return None
    plain = fold(text.value)
    labels = []
    for match in _LABEL.finditer(plain):
        before = plain[match.start() - 1] if match.start() else ""
        after = plain[match.end("label") : match.end("label") + 1]
        if before and not (before.isspace() or before in "|]】"):
            continue
        if not (match["colon"] or match["bracket"] or after in ("", " ", "|", "\t")):
            continue
        labels.append(match)
    if not labels or plain[: labels[0].start()].strip(" |\t\xa0\u3000"):
        return None
    entries = []
    for index, match in enumerate(labels):
        end = labels[index + 1].start() if index + 1 < len(labels) else len(plain)
        label = re.sub(r"\s", "", match["label"])
        entries.append(Entry(label, text.cut(match.end(), end).strip(_VALUE_TRIM)))
    # A word alone ("标题", "时间") is not a metadata row; "标题 云冈区…" (two cells) is.
    if len(entries) == 1 and not (labels[0]["colon"] or labels[0]["bracket"]):
        return entries if entries[0].value.value else None
    return entries


def is_trailer(text: SourceText) -> bool:
    """Page furniture that ends the report: QR captions, related links, print buttons."""
    if len(text) > _LONGEST_ROW:
        return False
    return _TRAILER.search(fold(text.value)) is not None


def is_residue(text: SourceText) -> bool:
    """Table borders and separators: no letter, digit or Chinese character at all."""
    return not any(char.isalnum() for char in text.value)
