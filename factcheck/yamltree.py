"""YAML text to a bounded node tree, every node with its line and column.

A claim file (docs/claims-format.md) is read as an event stream (libyaml's C
parser when present) into a small node tree of our own, so that

* every value keeps its line and column (``safe_load`` throws them away);
* every scalar keeps its source text: the schema reader (claimfile.py)
  reads a YAML ``0.1`` as ``Fraction(1, 10)``, never a float;
* no Python object is ever constructed from a tag (``!!python/...`` and
  custom tags are refused), aliases and nesting are bounded as the events
  arrive (a "billion laughs" file is refused in microseconds), and duplicate
  keys are visible (a dict would silently keep the last);
* it is fast: PyYAML's own composer resolves a tag for every scalar in
  Python, which costs several times the parse; we only resolve the scalars
  whose type matters (:func:`scalar_type`).

A text that cannot be made into a tree raises :class:`Refused`, which carries
the one :class:`~factcheck.model.Problem` that says why.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from .model import Problem

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_ALIASES",
    "MAX_NESTING",
    "MAX_ALIAS_EXPANSION",
    "CONTROL_RE",
    "Node",
    "Scalar",
    "MappingNode",
    "SequenceNode",
    "Refused",
    "read_tree",
    "compose",
    "too_big",
    "line_col",
    "scalar_type",
    "is_null",
    "type_name",
]

#: Files larger than this are refused before parsing (a registry file is
#: a few hundred kilobytes at most; split bigger ones by topic).
MAX_FILE_BYTES = 5 * 1024 * 1024
#: Aliases allowed in one file.  Anchors are handy for shared notes; more
#: than this is a sign of an alias bomb.
MAX_ALIASES = 100
#: Deepest nesting of mappings and sequences (a claim file needs four).
MAX_NESTING = 100
#: Values that aliases may stand for, all together, once expanded.
MAX_ALIAS_EXPANSION = 10_000


_LOADER: Any = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader

_YAML_TAG = "tag:yaml.org,2002:"
#: Explicit tags we accept: the core schema, plus timestamps (dates of
#: sources).  Anything else (``!!python/object``, ``!!binary``, ``!custom``)
#: refuses the file: we never construct objects from tags.
_ALLOWED_TAGS = frozenset(
    {"!"} | {_YAML_TAG + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")}
)

#: Control characters refused in any string of a claim file: C0 but tab and
#: newline, DEL, and C1 (NEL included).  Raw ones are refused by the YAML
#: reader already (a raw NEL is a line break in YAML 1.1 and never reaches a
#: value); this catches the ones a double-quoted scalar writes as escapes
#: ("\e[2J", "\x07", "\0", "\N"), which would clear a terminal or break
#: an XML report.
CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_HINT = "claim files hold printable text only; tab and newline are the only control characters allowed"
_ESCAPE_RE = re.compile(r'\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)|"', re.DOTALL)
_SIMPLE_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
                   "r": "\r", "e": "\x1b", "N": "\x85"}


def _control_problem(text: str, file: str, line: int, column: int, value: str) -> Problem:
    """Where in a double-quoted scalar (starting at ``line``, ``column``,
    1-based) the first escape that writes a control character is."""
    bad = CONTROL_RE.search(value)
    code = ord(bad[0]) if bad else 0
    start = 0
    for _ in range(line - 1):
        start = text.find("\n", start) + 1
    start += column  # just after the opening quote
    for m in _ESCAPE_RE.finditer(text, start):
        if m[0] == '"':
            break
        esc = m[1]
        char = chr(int(esc[1:], 16)) if esc[0] in "xuU" and len(esc) > 1 else _SIMPLE_ESCAPES.get(esc, "")
        if char and CONTROL_RE.match(char):
            where_line, where_col = line_col(text, m.start())
            return Problem(file, where_line, where_col,
                           f'control character U+{ord(char):04X}{_control_name(char)} written as "{m[0]}" '
                           "is not allowed", _CONTROL_HINT)
    return Problem(file, line, column, f"control character U+{code:04X}{_control_name(chr(code))} is not allowed",
                   _CONTROL_HINT)


def _control_name(char: str) -> str:
    name = {"\0": "NUL", "\a": "BEL", "\b": "BS", "\v": "VT", "\f": "FF", "\r": "CR", "\x1b": "ESC",
            "\x7f": "DEL", "\x85": "NEL", "\x9b": "CSI"}.get(char)
    return f" ({name})" if name else ""



# --------------------------------------------------------------------------
# Node tree (our own, lighter than yaml.nodes and without resolved tags)
# --------------------------------------------------------------------------


class Node:
    __slots__ = ("line", "column", "tag")
    line: int  # 1-based
    column: int  # 1-based
    tag: str | None  # explicit tag, or None


class Scalar(Node):
    __slots__ = ("value", "style", "end_line")

    # No super().__init__: this runs once per scalar of a big registry.
    def __init__(self, line: int, column: int, tag: str | None, value: str, style: str | None, end_line: int) -> None:
        self.line = line
        self.column = column
        self.tag = tag
        self.value = value
        self.style = style or None  # libyaml says '' for plain, PyYAML None
        #: 0 for the copy of an anchored scalar placed where an alias is written
        self.end_line = end_line


class MappingNode(Node):
    __slots__ = ("pairs",)

    def __init__(self, line: int, column: int, tag: str | None) -> None:
        self.line = line
        self.column = column
        self.tag = tag
        self.pairs: list[tuple[Node, Node]] = []


class SequenceNode(Node):
    __slots__ = ("items",)

    def __init__(self, line: int, column: int, tag: str | None) -> None:
        self.line = line
        self.column = column
        self.tag = tag
        self.items: list[Node] = []


class Refused(Exception):
    """The whole file cannot be read; carries the one Problem that says why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def line_col(text: str, index: int) -> tuple[int, int]:
    """The 1-based line and column of ``text[index]``."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def too_big(file: str, size: int) -> Problem:
    """The problem of a file of ``size`` bytes (or characters) over MAX_FILE_BYTES."""
    return Problem(
        file, None, None,
        f"the file is {size / 1024 / 1024:.1f} MB; claim files are refused over {MAX_FILE_BYTES // 1024 // 1024} MB",
        "split it into one file per topic",
    )


# --------------------------------------------------------------------------
# Text to tree
# --------------------------------------------------------------------------


def read_tree(text: str, file: str) -> Node | None:
    """The node tree of a claim file's text (None for a file with no
    document).  Raises :class:`Refused` for a text that is too big, is not
    YAML, or breaks a bound of :func:`compose`."""
    if len(text) > MAX_FILE_BYTES:
        raise Refused(too_big(file, len(text)))
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        return compose(text, file)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(p for p in (exc.context, exc.problem) if p)
        raise Refused(Problem(file, mark.line + 1 if mark else None, mark.column + 1 if mark else None,
                              f"invalid YAML: {message}")) from None
    except yaml.reader.ReaderError as exc:
        line, col = line_col(text, exc.position) if isinstance(exc.position, int) else (None, None)
        raise Refused(Problem(file, line, col, f"invalid YAML: unacceptable character #x{exc.character:04x}"
                              if isinstance(exc.character, int) else f"invalid YAML: {exc}",
                              "claim files hold printable text only")) from None
    except yaml.YAMLError as exc:
        raise Refused(Problem(file, None, None, f"invalid YAML: {exc}")) from None
    except UnicodeEncodeError as exc:  # lone surrogates in a str given to load_text
        line, col = line_col(text, exc.start)
        raise Refused(Problem(file, line, col, "text is not valid Unicode (a lone surrogate)")) from None


def compose(text: str, file: str) -> Node | None:
    """Build the node tree from the event stream, refusing bad tags, alias
    bombs, deep nesting and multiple documents as soon as they are seen
    (raises :class:`Refused`; a YAML syntax error raises PyYAML's error).

    Aliases share nodes (nothing is copied), so a "billion laughs" file
    costs nothing to hold; but whatever walks the tree later would pay for
    the expansion.  So the expanded size is counted as aliases arrive, and a
    file whose aliases stand for more than MAX_ALIAS_EXPANSION values, or
    that uses more than MAX_ALIASES aliases, or whose alias points into the
    collection that holds it (a cycle), is refused.
    """
    composer = _Composer(text, file)
    scalar, start, end, alias, document = (composer.scalar, composer.start, composer.end, composer.alias,
                                           composer.document)
    for event in yaml.parse(text, Loader=_LOADER):
        cls = event.__class__
        if cls is ScalarEvent:
            scalar(event)
        elif cls is MappingStartEvent:
            start(event, MappingNode)
        elif cls is SequenceStartEvent:
            start(event, SequenceNode)
        elif cls is MappingEndEvent or cls is SequenceEndEvent:
            end()
        elif cls is AliasEvent:
            alias(event)
        elif cls is DocumentStartEvent:
            document(event)
    return composer.root


class _Open:
    """A collection whose end event has not come yet."""

    __slots__ = ("node", "key", "size", "anchor")

    def __init__(self, node: MappingNode | SequenceNode, anchor: str | None) -> None:
        self.node = node
        #: a mapping's children arrive as key, value, key, value...: the key
        #: waiting for its value, or None
        self.key: Node | None = None
        #: values held so far, aliases expanded
        self.size = 0
        self.anchor = anchor


class _Composer:
    """The state of one :func:`compose`, with one step per kind of event."""

    __slots__ = ("text", "file", "stack", "anchors", "anchor_size", "aliases", "expanded", "documents", "root")

    def __init__(self, text: str, file: str) -> None:
        self.text = text
        self.file = file
        self.stack: list[_Open] = []
        self.anchors: dict[str, Node] = {}
        self.anchor_size: dict[str, int | None] = {}  # None while the collection is open
        self.aliases = 0
        self.expanded = 0
        self.documents = 0
        self.root: Node | None = None

    def scalar(self, event: Any) -> None:
        if event.tag is not None:
            self.check_tag(event)
        mark = event.start_mark
        if event.style == '"' and CONTROL_RE.search(event.value) is not None:
            raise Refused(_control_problem(self.text, self.file, mark.line + 1, mark.column + 1, event.value))
        node = Scalar(mark.line + 1, mark.column + 1, event.tag, event.value, event.style, event.end_mark.line + 1)
        if event.anchor is not None:
            self.anchors[event.anchor] = node
            self.anchor_size[event.anchor] = 1
        self.attach(node, 1)

    def start(self, event: Any, kind: type[MappingNode] | type[SequenceNode]) -> None:
        if event.tag is not None:
            self.check_tag(event)
        if len(self.stack) >= MAX_NESTING:
            raise self.refuse(event.start_mark, f"nesting deeper than {MAX_NESTING} levels", "a claim file needs four")
        mark = event.start_mark
        node = kind(mark.line + 1, mark.column + 1, event.tag)
        if event.anchor is not None:
            self.anchors[event.anchor] = node
            self.anchor_size[event.anchor] = None
        self.attach(node, 0)  # its size is counted when it closes
        self.stack.append(_Open(node, event.anchor))

    def end(self) -> None:
        closed = self.stack.pop()
        size = closed.size + 1
        name = closed.anchor
        if name is not None and self.anchors.get(name) is closed.node:
            self.anchor_size[name] = size
        if self.stack:
            self.stack[-1].size += size

    def alias(self, event: Any) -> None:
        self.aliases += 1
        if self.aliases > MAX_ALIASES:
            raise self.refuse(event.start_mark, f"more than {MAX_ALIASES} aliases", "write the values out")
        target = self.anchors.get(event.anchor)
        if target is None:
            raise self.refuse(event.start_mark, f"alias *{event.anchor} names no anchor", "define &name before *name")
        size = self.anchor_size[event.anchor]
        if size is None:
            raise self.refuse(event.start_mark, f"alias *{event.anchor} points into the collection that holds it",
                              "a claim file cannot refer to itself")
        self.expanded += size
        if self.expanded > MAX_ALIAS_EXPANSION:
            raise self.refuse(event.start_mark, f"aliases expand to more than {MAX_ALIAS_EXPANSION} values",
                              "an alias bomb? write the values out")
        if target.__class__ is Scalar:
            # A copy placed where the alias is written, so that marks and
            # problems point at the use, not at the anchor.  Its end_line of
            # 0 says that the text is not written there, so no column inside
            # it can be computed.
            assert isinstance(target, Scalar)
            mark = event.start_mark
            target = Scalar(mark.line + 1, mark.column + 1, target.tag, target.value, target.style, 0)
        self.attach(target, size)

    def document(self, event: Any) -> None:
        self.documents += 1
        if self.documents > 1:
            raise self.refuse(event.start_mark, "more than one YAML document in the file",
                              "one topic per file: remove the '---'")

    def attach(self, node: Node, size: int) -> None:
        """Place a node in the collection open around it (or at the root)."""
        if not self.stack:
            self.root = node
            return
        top = self.stack[-1]
        top.size += size
        parent = top.node
        if parent.__class__ is MappingNode:
            if top.key is None:
                top.key = node
            else:
                parent.pairs.append((top.key, node))
                top.key = None
        else:
            parent.items.append(node)  # type: ignore[union-attr]  # not narrowed by a failed "is"

    def check_tag(self, event: Any) -> None:
        tag = event.tag
        if tag not in _ALLOWED_TAGS:
            shown = "!!" + tag[len(_YAML_TAG):] if tag.startswith(_YAML_TAG) else tag
            raise self.refuse(
                event.start_mark,
                f"YAML tag {shown} is not allowed",
                "claim files hold plain text, numbers, lists and mappings; remove the tag",
            )

    def refuse(self, mark: Any, message: str, hint: str | None = None) -> Refused:
        return Refused(Problem(self.file, mark.line + 1, mark.column + 1, message, hint))


# --------------------------------------------------------------------------
# Scalar types, resolved only where they matter
# --------------------------------------------------------------------------

_RESOLVER = yaml.resolver.Resolver()


def scalar_type(node: Scalar) -> str:
    """'null', 'bool', 'int', 'float', 'timestamp' or 'str', as YAML 1.1 reads it."""
    if node.tag is not None:
        return "str" if node.tag == "!" else node.tag[len(_YAML_TAG):]
    if node.style is not None:  # quoted or block: always a string
        return "str"
    return _plain_type(node.value)


@lru_cache(maxsize=65536)
def _plain_type(value: str) -> str:
    # Cached: the same statements ("nearly four times higher") and verdicts
    # recur across a registry, and the resolver is a chain of regexes.
    tag = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))
    return tag[len(_YAML_TAG):] if tag.startswith(_YAML_TAG) else "str"


def is_null(node: Node) -> bool:
    return node.__class__ is Scalar and scalar_type(node) == "null"


def type_name(node: Node) -> str:
    if node.__class__ is Scalar:
        t = scalar_type(node)
        return {
            "str": "text", "int": "a number", "float": "a number", "bool": "true/false",
            "null": "null", "timestamp": "a date",
        }.get(t, t)
    return "a list" if node.__class__ is SequenceNode else "a mapping"


