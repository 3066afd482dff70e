"""The report as one self-contained HTML page for a government website.

Every text is escaped; the page loads nothing (no scripts, fonts or style sheets from
elsewhere), so it can be pasted into a site's content system as it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from reportlint.publish.layout import CLOSING, DATE, HEADING, ISSUER, PARAGRAPH, TITLE, Line

_STYLE = """\
body { max-width: 46em; margin: 2em auto; padding: 0 1em; line-height: 1.9;
  font: 16pt/1.9 "仿宋_GB2312", FangSong, "STFangsong", serif; color: #000; }
h1 { font: 22pt/1.6 "方正小标宋简体", "STZhongsong", "SimSun", serif; text-align: center;
  margin: 0 0 1em; }
h2, h3, h4, h5 { font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; }
h2 { font-family: "黑体", SimHei, sans-serif; }
h3 { font-family: "楷体_GB2312", KaiTi, "STKaiti", serif; }
h4 { font-weight: bold; }
p { margin: 0; text-indent: 2em; text-align: justify; }
.signature { text-align: right; text-indent: 0; padding-right: 2em; margin-top: 1.9em; }
.date { text-align: right; text-indent: 0; padding-right: 4em; }
"""


def render(lines: Iterable[Line], *, lang: str = "zh-CN") -> str:
    """The HTML page of the document ``lines`` make."""
    body: list[str] = []
    title = ""
    for line in lines:
        text = escape(line.text)
        if line.kind == TITLE:
            title = text
            body.append(f"<h1>{text}</h1>")
        elif line.kind == HEADING:
            tag = f"h{line.level + 2}"
            body.append(f"<{tag}>{escape(line.number)}{text}</{tag}>")
        elif line.kind in (PARAGRAPH, CLOSING):
            body.append(f"<p>{text}</p>")
        elif line.kind == ISSUER:
            body.append(f'<p class="signature">{text}</p>')
        elif line.kind == DATE:
            body.append(f'<p class="date">{text}</p>')
    head = (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>\n{_STYLE}</style>\n</head>\n<body>\n"
    )
    return head + "\n".join(body) + "\n</body>\n</html>\n"
