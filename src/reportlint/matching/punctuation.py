"""Punctuation in Chinese text (GB/T 15834): what counts as Chinese beside a mark.

The marks read here are those whose width matters: the text checks see NFKC-folded text,
where ， and , are one character, so the width of a mark is read from the string as written.
"""

from __future__ import annotations

# A regex class body: CJK ideographs (basic block and extension A) and the marks that only
# Chinese text uses. An ASCII mark beside one of these stands in Chinese text; one between
# digits (1,200; 9:30) or Latin letters does not.
CHINESE = "\u3400-\u4dbf\u4e00-\u9fff。、“”‘’《》〈〉【】…—，：；（）？！"
