"""Load a report YAML into a Document: plain data plus where each node stands.

libyaml's C composer gives nodes with marks at a fraction of the cost of a pure-Python
round-trip load. We build the data ourselves from those nodes, so no tag ever constructs
a Python object, duplicate keys are seen, and aliases are expanded only under a budget.
"""

import re
from typing import Any, NamedTuple

import yaml
from yaml.constructor import SafeConstructor

from reportlint import positions
from reportlint.inputs.lines import LineIndex
from reportlint.positions import Span

# Expanded node count above which aliases are refused (a billion-laughs file needs ~10^9).
ALIAS_BUDGET = 100_000
_CYCLE = -1

# libyaml's C composer; the pure-Python one only where PyYAML was built without libyaml.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# What YAML (1.1, as libyaml reads it) counts as a line break; marks count lines by these.
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
# What folding may turn into a space or a newline in a scalar's value.
_FOLDED = frozenset(" \r\n\x85\u2028\u2029")
# How far ahead in the source a scalar's next value character is looked for, and every how
# many value characters the alignment of a scalar with its source is kept.
_LOOKAHEAD = 64
_CHECKPOINT = 64

_STANDARD_TAGS = frozenset(
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
)


class LoadProblem(NamedTuple):
    """Something the loader found before any rule ran (RL001, RL004-RL006)."""

    rule: str
    span: Span
    pointer: str
    message_en: str
    message_zh: str


class Document(NamedTuple):
    """A report as data, with a locator for its positions and the problems met loading it."""

    path: str
    data: Any
    locator: positions.Locator
    problems: list[LoadProblem]
    lines: list[str]


class YamlLocator:
    """Resolves JSON Pointers against the composed node tree of a YAML file."""

    def __init__(self, root: yaml.Node | None, text: str) -> None:
        self._root = root
        self._text = text
        self._lines: LineIndex | None = None
        self._alignments: dict[int, _Alignment] = {}

    def position(self, index: int) -> tuple[int, int]:
        """Line and column of character ``index`` of the text, counting lines as YAML does."""
        if self._lines is None:
            self._lines = LineIndex(self._text, _LINE_BREAK)
        return self._lines.position(index)

    def _walk(self, pointer: str) -> tuple[yaml.Node | None, yaml.Node | None, bool]:
        """The deepest (key node, value node) on the way to ``pointer``, and if it got there."""
        node, key_node = self._root, None
        tokens = positions.split(pointer)
        for token in tokens:
            if isinstance(node, yaml.MappingNode):
                match = next(
                    (
                        (k, v)
                        for k, v in node.value
                        if isinstance(k, yaml.ScalarNode) and k.value == token
                    ),
                    None,
                )
                if match is None:
                    return key_node, node, False
                key_node, node = match
            elif (
                isinstance(node, yaml.SequenceNode)
                and token.isdigit()
                and int(token) < len(node.value)
            ):
                key_node, node = None, node.value[int(token)]
            else:
                return key_node, node, False
        return key_node, node, True

    def span(self, pointer: str, *, key: bool = False) -> Span:
        key_node, node, complete = self._walk(pointer)
        # A missing node is shown at its parent's key ("a missing key points at its parent").
        wants_key = key or not complete
        target = key_node if wants_key and key_node is not None else node
        if target is None:
            return Span.point(1, 1)
        return self.within(_mark_span(target))

    def within(self, span: Span) -> Span:
        """``span`` kept inside the text: libyaml ends a stream without a final line break
        on a line of its own, and a node there (an empty document) would point past it."""
        end_of_text = self.position(len(self._text))
        start = min((span.line, span.column), end_of_text)
        end = min((span.end_line, span.end_column), end_of_text)
        return Span(*start, *max(start, end))

    def text_span(self, pointer: str, start: int, end: int) -> Span:
        _, node, complete = self._walk(pointer)
        if not complete or not isinstance(node, yaml.ScalarNode):
            return self.span(pointer)
        alignment = self._alignments.get(id(node))
        if alignment is None:
            alignment = self._alignments[id(node)] = _Alignment(self._text, node)
        line, column = self.position(alignment.source_index(start))
        end_line, end_column = self.position(alignment.source_index(max(start, end - 1)))
        return Span(line, column, end_line, end_column + 1)


class _Alignment:
    """Where the characters of a scalar's value stand in the source text.

    The value differs from the source text by quotes, folding and indentation, so the two
    are aligned: each value character is looked for a few characters ahead in the source;
    characters that cannot be aligned (escapes) keep the last good place. The alignment is
    made once per scalar and kept every ``_CHECKPOINT`` characters, so a lookup costs at
    most that many steps, however long the scalar and however many findings it has.
    """

    def __init__(self, text: str, node: yaml.ScalarNode) -> None:
        self._text = text
        self._base: int = node.start_mark.index
        self._end: int = node.end_mark.index
        self._value: str = node.value
        pos = 1 if node.style in ("'", '"') else 0
        if node.style in ("|", ">"):
            header_end = _LINE_BREAK.search(text, self._base, self._end)
            pos = header_end.end() - self._base if header_end else self._end - self._base
        # _checkpoints[k]: the source position after aligning value[: k * _CHECKPOINT].
        self._checkpoints = [pos]
        # Most scalars are written as they read (one line, no escapes): each value
        # character is then the source character as far from the start.
        self._verbatim = self._base + pos + len(self._value) <= self._end and text.startswith(
            self._value, self._base + pos
        )

    def source_index(self, offset: int) -> int:
        """The index in the source text of character ``offset`` of the value."""
        value = self._value
        offset = min(max(offset, 0), len(value))
        if self._verbatim:
            return self._base + self._checkpoints[0] + offset
        block = offset // _CHECKPOINT
        while len(self._checkpoints) <= block:
            done = len(self._checkpoints) - 1
            reached = self._align(self._checkpoints[done], done * _CHECKPOINT, _CHECKPOINT)
            self._checkpoints.append(reached)
        pos = self._align(self._checkpoints[block], block * _CHECKPOINT, offset % _CHECKPOINT)
        text, base, size = self._text, self._base, self._end - self._base
        while (
            pos < size
            and text[base + pos] in _FOLDED
            and offset < len(value)
            and value[offset] not in _FOLDED
        ):
            pos += 1
        return base + pos

    def _align(self, pos: int, start: int, count: int) -> int:
        """The source position after ``count`` value characters from ``start`` on, when
        value character ``start`` is looked for from source position ``pos``."""
        text, base, end = self._text, self._base, self._end
        size = end - base
        for char in self._value[start : start + count]:
            if char not in _FOLDED:
                found = text.find(char, base + pos, min(base + pos + _LOOKAHEAD, end))
                if found >= 0:
                    pos = found - base + 1
            elif pos < size and text[base + pos] in _FOLDED:
                pos += 1
        return pos


def load_yaml(text: str, path: str) -> Document:
    """Parse ``text`` into a Document; syntax errors become problems, never exceptions."""
    # libyaml skips a byte-order mark without counting it in its marks' indexes.
    text = text.removeprefix("\ufeff")
    lines = text.splitlines()
    crowded = _past_node_budget(text)
    if crowded is not None:
        refused = LoadProblem(
            "RL006",
            crowded,
            "",
            f"the file holds more than {ALIAS_BUDGET} YAML nodes (a report has a few "
            "thousand); the file is refused",
            f"文件的YAML节点超过{ALIAS_BUDGET}个（一份报告只有几千个），拒绝处理该文件",
        )
        return Document(path, None, YamlLocator(None, text), [refused], lines)
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        span = _point_at(text, mark.index) if mark else Span.point(1, 1)
        problem = str(error.problem or error.context or "invalid YAML")
        context_mark = error.context_mark
        trap = _trap(text, error)
        if "expected a single document" in str(error.context):
            problem = "a report file holds one YAML document; found a second"
        elif mark is not None and text[mark.index : mark.index + 1] == "\t":
            problem = "a tab where YAML expects spaces: indent with spaces, never tabs"
        elif trap is not None:
            return _unparsed(text, path, trap[0], trap[1], trap[2])
        elif error.problem and error.context and context_mark is not None:
            start = f"{context_mark.line + 1}:{context_mark.column + 1}"
            problem = f"{problem} {error.context} (started at {start})"
        if "maximum nesting depth" in problem:
            problem += "; YAML is read to 1000 levels of nesting at most"
        return _unparsed(text, path, span, problem, _syntax_zh(problem))
    except yaml.reader.ReaderError as error:
        index = error.position
        if _LOADER is not yaml.SafeLoader:
            # libyaml counts this position in bytes of UTF-8, marks in characters.
            utf8 = text.encode("utf-8", "surrogatepass")[: error.position]
            index = len(utf8.decode("utf-8", "ignore"))
        code = error.character if isinstance(error.character, int) else 0
        problem = f"character U+{code:04X} is not allowed in YAML ({error.reason})"
        zh = f"文件中有YAML不允许的字符U+{code:04X}：请删去它"
        return _unparsed(text, path, _point_at(text, index), problem, zh)
    except yaml.YAMLError as error:
        problem = str(error).splitlines()[0]
        return _unparsed(text, path, Span.point(1, 1), problem, _syntax_zh(problem))
    except UnicodeEncodeError as error:
        # Only text handed in directly can hold one; a file is decoded strictly.
        problem = "a lone surrogate (half of a UTF-16 pair) is not a character"
        zh = "文件中有不成对的代理字符（半个UTF-16字符）：请删去它"
        return _unparsed(text, path, _point_at(text, error.start), problem, zh)
    except RecursionError:
        # The pure-Python composer recurses per level; libyaml stops at 1000 levels first.
        problem = "nesting too deep to read"
        return _unparsed(text, path, Span.point(1, 1), problem, "嵌套层数过多，无法读取")
    colons = _colon_paragraphs(root, text) if root is not None else []
    builder = _Builder()
    # Without a "*" the text has no alias, so the nodes form a tree no larger than the
    # node budget checked above: nothing to expand.
    data = builder.build(root, aliased="*" in text) if root is not None else None
    locator = YamlLocator(root, text)
    found = [*colons, *builder.problems]
    problems = [problem._replace(span=locator.within(problem.span)) for problem in found]
    return Document(path, data, locator, problems, lines)


def _mark_span(node: yaml.Node) -> Span:
    start, end = node.start_mark, node.end_mark
    return Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1)


def _past_node_budget(text: str) -> Span | None:
    """Where a text passes ALIAS_BUDGET nodes, found before any node is built, or None.

    Composing keeps every node in memory (about 450 bytes each): a 2 MB flow list of a
    million numbers took 450 MB, 10 MB would take over 2 GB. Counting parse events keeps
    none. A node takes two characters at least, so a shorter text needs no count. Syntax
    errors are left for the composer to report.
    """
    if len(text) <= 2 * ALIAS_BUDGET:
        return None
    count = 0
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            if isinstance(event, yaml.NodeEvent):
                count += 1
                mark = event.start_mark
                if count > ALIAS_BUDGET and mark is not None:
                    return Span.point(mark.line + 1, mark.column + 1)
    except (yaml.YAMLError, UnicodeEncodeError, RecursionError):
        return None
    return None


# The characters that start something other than text in YAML: a flow list or mapping, an
# alias, an anchor, a tag, a directive, or a character reserved for later use.
_INDICATORS = "[{*&!%@`"
# The start of a list item, as a paragraph is written (a key's value is left to the parser:
# a flow list there may be meant).
_ITEM = re.compile(r"[ ]*-[ ]+")

_COLON_EN = (
    "a colon and a space in a paragraph make it a key and a value: use the full-width "
    "colon “：”, or put the whole paragraph in quotes"
)
_COLON_ZH = "段落中的英文冒号加空格会被当作键值对：请改用全角冒号“：”，或给整段加引号"
_INDICATOR_EN = (
    "a paragraph cannot start with {char} in YAML: put the whole paragraph in quotes, or "
    "write a document number in 〔〕 (〔2025〕3号)"
)
_INDICATOR_ZH = (
    "YAML中段落不能以“{char}”开头：请给整段加引号，文件编号请用六角括号“〔〕”（如〔2025〕3号）"
)
_QUOTE_EN = (
    "a quotation mark {char} opens a quoted text that is not closed: close it, or use "
    "Chinese quotes “” inside a paragraph"
)
_QUOTE_ZH = "英文引号{char}开始的引用没有结束：请补上另一半，段落中的引号请用中文引号“”"

# libyaml's problems in words a clerk can act on (the English is kept in the en message).
_SYNTAX_ZH = (
    ("mapping values are not allowed", _COLON_ZH),
    ("expected a single document", "一个报告文件只能有一个YAML文档：请删去多余的“---”"),
    ("a tab where YAML expects spaces", "这里有制表符（Tab）：YAML只能用空格缩进，请把它换成空格"),
    ("found character", "这里有YAML不能用作开头的字符：请给整段加引号"),
    ("did not find expected '-' indicator", "列表项应以“- ”开头，并与同一列表的其他项对齐"),
    (
        "did not find expected key",
        "缩进不对：同一层的各项应对齐，段落中的英文冒号请改用全角冒号“：”",
    ),
    ("could not find expected ':'", "缺少冒号“: ”，或者引号没有结束"),
    ("found undefined alias", _INDICATOR_ZH.format(char="*")),
    ("end of stream", "文件在引号或括号结束之前就结束了：请补上缺少的另一半"),
    ("maximum nesting depth", "嵌套层数超过1000层，无法读取"),
)


def _syntax_zh(problem: str) -> str:
    for words, zh in _SYNTAX_ZH:
        if words in problem:
            return zh
    return "YAML语法错误：请检查这一行的缩进、冒号和引号"


def _trap(text: str, error: yaml.MarkedYAMLError) -> tuple[Span, str, str] | None:
    """A paragraph a clerk wrote that YAML reads as something else: where, en, zh.

    The list item that starts with an indicator (``- [2025]3号``) or an unclosed quote
    is on the line where the parser's context or problem began.
    """
    if "maximum nesting depth" in str(error.problem):
        return None
    lines = text.splitlines()
    for mark in (error.context_mark, error.problem_mark):
        if mark is None or mark.line >= len(lines):
            continue
        line = lines[mark.line]
        item = _ITEM.match(line)
        if item is None:
            continue
        start = item.end()
        first = line[start : start + 1]
        span = Span(mark.line + 1, start + 1, mark.line + 1, start + 2)
        if first and first in _INDICATORS:
            return span, _INDICATOR_EN.format(char=first), _INDICATOR_ZH.format(char=first)
        if first in ("'", '"') and "quoted scalar" in str(error.context):
            return span, _QUOTE_EN.format(char=first), _QUOTE_ZH.format(char=first)
    return None


# The keys whose values are lists of paragraphs a clerk writes.
_PARAGRAPH_LISTS = frozenset({"paragraphs", "preamble", "closing"})


def _colon_paragraphs(root: yaml.Node, text: str) -> list[LoadProblem]:
    """Turn each paragraph that YAML read as a one-key mapping back into its text.

    ``- 重大执法决定法制审核率: 100%`` is a mapping to YAML; a clerk meant a sentence. The
    node becomes the string as written, so the statement rules read it, and the file gets
    one finding that says how to write it.
    """
    problems: list[LoadProblem] = []
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, str]] = [(root, "")]
    while stack:
        node, pointer = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, f"{pointer}/{i}") for i, child in enumerate(node.value))
            continue
        if not isinstance(node, yaml.MappingNode):
            continue
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            child = positions.join(pointer, str(key))
            if key in _PARAGRAPH_LISTS and isinstance(value_node, yaml.SequenceNode):
                for index, item in enumerate(value_node.value):
                    written = _written_pair(item, text)
                    if written is None:
                        continue
                    value_node.value[index] = yaml.ScalarNode(
                        "tag:yaml.org,2002:str", written, item.start_mark, item.end_mark
                    )
                    span = _mark_span(item)
                    problems.append(
                        LoadProblem(
                            "RL001",
                            span._replace(end_line=span.line, end_column=span.column + 1),
                            f"{child}/{index}",
                            _COLON_EN,
                            _COLON_ZH,
                        )
                    )
            stack.append((value_node, child))
    return problems


def _written_pair(node: yaml.Node, text: str) -> str | None:
    """The source text of a one-line mapping of one plain key to a plain value, else None."""
    if not isinstance(node, yaml.MappingNode) or len(node.value) != 1:
        return None
    key, value = node.value[0]
    if not isinstance(key, yaml.ScalarNode) or not isinstance(value, yaml.ScalarNode):
        return None
    if key.style or value.style or not key.value:  # plain: None, or "" from libyaml
        return None
    end = value.end_mark.index if value.value else text.find(":", key.end_mark.index) + 1
    written = text[key.start_mark.index : end]
    if not written or "\n" in written or "\r" in written:
        return None
    return written


def _unparsed(text: str, path: str, span: Span, problem: str, zh: str) -> Document:
    """The Document of a file that does not parse: no data, one RL001 problem."""
    return Document(
        path,
        None,
        YamlLocator(None, text),
        [LoadProblem("RL001", span, "", problem, zh)],
        text.splitlines(),
    )


def _point_at(text: str, index: int) -> Span:
    """The 1-based position of character ``index``, counting lines as YAML does.

    An index at or past the end is shown at the end of the last line: libyaml puts the end
    of a stream without a final line break on a line of its own, which an editor lacks.
    """
    return Span.point(*LineIndex(text, _LINE_BREAK).position(index))


_scalar_constructor = SafeConstructor()


# Where a node stands: (where its parent stands, its key or index); () is the root. A chain,
# so that a JSON Pointer is written out only for the few nodes with a problem.
_Where = tuple[Any, ...]


def _pointer(where: _Where) -> str:
    tokens: list[object] = []
    while where:
        where, token = where
        tokens.append(token)
    pointer = ""
    for token in reversed(tokens):
        pointer = positions.join(pointer, token)
    return pointer


def _placed(node: yaml.Node, where: _Where) -> list[tuple[yaml.Node, _Where]]:
    """A collection's children with where each stands (a key where its value does)."""
    if isinstance(node, yaml.SequenceNode):
        return [(child, (where, index)) for index, child in enumerate(node.value)]
    placed: list[tuple[yaml.Node, _Where]] = []
    for index, (key, value) in enumerate(node.value):
        token = key.value if isinstance(key, yaml.ScalarNode) else index
        placed += [(key, (where, token)), (value, (where, token))]
    return placed


class _Builder:
    """Builds plain data from composed nodes, iteratively (nesting may be ~1000 deep)."""

    def __init__(self) -> None:
        self.problems: list[LoadProblem] = []

    def build(self, root: yaml.Node, *, aliased: bool = True) -> Any:
        size = self._expanded_size(root) if aliased else 0
        if size == _CYCLE:
            self._problem(
                "RL006",
                root,
                "",
                "an alias refers to a node that contains it, so it never ends; the file is refused",
                "别名引用了包含它自身的节点，无限展开，拒绝处理该文件",
            )
            return None
        if size > ALIAS_BUDGET:
            self._problem(
                "RL006",
                root,
                "",
                f"aliases expand to more than {ALIAS_BUDGET} nodes; the file is refused",
                f"别名展开后超过{ALIAS_BUDGET}个节点，拒绝处理该文件",
            )
            return None
        built: dict[int, Any] = {}
        # Post-order traversal with an explicit stack: children are built before parents.
        stack: list[tuple[yaml.Node, _Where, bool]] = [(root, (), False)]
        while stack:
            node, where, children_done = stack.pop()
            if id(node) in built:
                continue
            if isinstance(node, yaml.ScalarNode):
                built[id(node)] = self._scalar(node, where)
            elif not children_done:
                stack.append((node, where, True))
                stack.extend((child, place, False) for child, place in _placed(node, where))
            elif isinstance(node, yaml.SequenceNode):
                self._check_tag(node, where)
                built[id(node)] = [built[id(child)] for child in node.value]
            elif isinstance(node, yaml.MappingNode):
                built[id(node)] = self._mapping(node, where, built)
        return built[id(root)]

    @staticmethod
    def _children(node: yaml.Node) -> list[yaml.Node]:
        if isinstance(node, yaml.SequenceNode):
            return list(node.value)
        return [child for pair in node.value for child in pair]

    def _mapping(
        self, node: yaml.MappingNode, where: _Where, built: dict[int, Any]
    ) -> dict[str, Any]:
        self._check_tag(node, where)
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            # A scalar key is kept as written (2023, null, 0x10), as JSON Pointers name it.
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            key = key if isinstance(key, str) else str(built[id(key_node)])
            if key in mapping:
                self._problem(
                    "RL004",
                    key_node,
                    positions.join(_pointer(where), key),
                    f"duplicate key '{key}': the first value is kept",
                    f"重复的键“{key}”：只保留第一个值，请删去或合并重复的一项",
                )
                continue
            mapping[key] = built[id(value_node)]
        return mapping

    def _scalar(self, node: yaml.ScalarNode, where: _Where) -> Any:
        if not self._check_tag(node, where):
            return node.value
        tag = node.tag.rsplit(":", 1)[-1]
        if tag in ("str", "timestamp"):
            # Dates stay as written; the schema checks that they exist (2023-02-30 does not).
            return node.value
        constructor = getattr(_scalar_constructor, f"construct_yaml_{tag}")
        try:
            return constructor(node)
        except (ValueError, yaml.YAMLError):
            return node.value

    def _check_tag(self, node: yaml.Node, where: _Where) -> bool:
        if node.tag in _STANDARD_TAGS:
            return True
        if node.tag == "tag:yaml.org,2002:merge":
            self._problem(
                "RL005",
                node,
                _pointer(where),
                "merge keys ('<<') are not supported; write the keys out",
                "不支持合并键（“<<”）：请逐项写出各键",
            )
            return False
        self._problem(
            "RL005",
            node,
            _pointer(where),
            f"tag '{node.tag}' is not allowed; the node is read as plain data",
            f"不允许使用标签“{node.tag}”，该项按普通文字读取：以“!”开头的段落请整段加引号",
        )
        return False

    def _problem(self, rule: str, node: yaml.Node, pointer: str, en: str, zh: str) -> None:
        self.problems.append(LoadProblem(rule, _mark_span(node), pointer, en, zh))

    @staticmethod
    def _expanded_size(root: yaml.Node) -> int:
        """Node count with every alias expanded (capped past the budget), or _CYCLE."""
        sizes: dict[int, int] = {}
        stack: list[tuple[yaml.Node, bool]] = [(root, False)]
        on_path: set[int] = set()
        while stack:
            node, children_done = stack.pop()
            if id(node) in sizes:
                continue
            if isinstance(node, yaml.ScalarNode):
                sizes[id(node)] = 1
                continue
            children = _Builder._children(node)
            if not children_done:
                if id(node) in on_path:
                    return _CYCLE
                on_path.add(id(node))
                stack.append((node, True))
                for child in children:
                    if id(child) in on_path:
                        return _CYCLE
                    stack.append((child, False))
            else:
                on_path.discard(id(node))
                total = 1 + sum(sizes[id(child)] for child in children)
                sizes[id(node)] = min(total, ALIAS_BUDGET + 1)
        return sizes[id(root)]
