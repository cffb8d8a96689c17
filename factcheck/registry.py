"""Claim files to a :class:`~factcheck.model.Registry`, with file:line:column.

A claim file is YAML (docs/claims-format.md).  It is read as an event stream
(libyaml's C parser when present) into a small node tree of our own, so that

* every value keeps its line and column (``safe_load`` throws them away);
* every scalar is read from its source text: a YAML ``0.1`` becomes
  ``Fraction(1, 10)`` through numbers.read_figure_value, never a float;
* no Python object is ever constructed from a tag (``!!python/...`` and
  custom tags are refused), aliases and nesting are bounded as the events
  arrive (a "billion laughs" file is refused in microseconds), and duplicate
  keys are visible (a dict would silently keep the last);
* it is fast: PyYAML's own composer resolves a tag for every scalar in
  Python, which costs several times the parse; we only resolve the scalars
  whose type matters.

Every mistake becomes a :class:`~factcheck.model.Problem`; no input makes
this module raise.  A file with errors still yields the claims that are
valid on their own (a claim is dropped when it, or a figure or source it
names, has an error), so that the rest of the registry can be checked.
"""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import lru_cache
from fractions import Fraction
from pathlib import Path
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

from .expressions import Expr, ExpressionError, check_expression, parse_expression
from .model import VERDICTS, Claim, Figure, Problem, Registry, Settings, Source, Topic
from .numbers import MAX_DIGITS, Interval, NumberError, read_figure_value, read_number
from .periods import Period, PeriodError, parse_period
from .settings import parse_tolerance
from .suggest import did_you_mean, nearest

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_ALIASES",
    "MAX_NESTING",
    "MAX_ALIAS_EXPANSION",
    "ID_PATTERN",
    "load_registry",
    "find_claim_files",
    "ClaimIds",
    "gc_paused",
    "load_file",
    "load_text",
    "url_error",
    "date_error",
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

ID_PATTERN = r"[a-z_][a-z0-9_]*"
_ID_RE = re.compile(ID_PATTERN + r"\Z")
_PLAIN_NUMBER_RE = re.compile(r"([0-9]+)(?:\.([0-9]+))?\Z")

_LOADER: Any = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader

TOP_KEYS = ("title", "topic", "tags", "sources", "figures", "claims")
SOURCE_KEYS = ("title", "publisher", "url", "date", "note")
FIGURE_KEYS = ("value", "series", "what", "unit", "period", "source", "quote", "note", "rounded", "complete")
CLAIM_KEYS = ("says", "of", "vs", "source", "quote", "expect", "note", "hedge_tolerance", "word_tolerance",
              "claim_reviewed", "publish")
EXPECTS = VERDICTS

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
            where_line, where_col = _line_col(text, m.start())
            return Problem(file, where_line, where_col,
                           f'control character U+{ord(char):04X}{_control_name(char)} written as "{m[0]}" '
                           "is not allowed", _CONTROL_HINT)
    return Problem(file, line, column, f"control character U+{code:04X}{_control_name(chr(code))} is not allowed",
                   _CONTROL_HINT)


_ISO_DATE_RE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")
_URL_RE = re.compile(r"https?://[^\s/?#@]+(?:[/?#]\S*)?\Z", re.IGNORECASE)


def url_error(text: str) -> tuple[str, str] | None:
    """None for an http(s) address; else (what is wrong, hint)."""
    if _URL_RE.match(text) is not None:
        return None
    return f"{_q(text)} is not an http(s) address", "write the full address, such as https://example.org/article"


def date_error(text: str) -> tuple[str, str] | None:
    """None for an ISO date (``2024-04-16``, or ``2024-04`` / ``2024`` when the
    day or month is not known); else (what is wrong, hint)."""
    import datetime

    m = _ISO_DATE_RE.match(text)
    if m is not None:
        try:
            datetime.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
            return None
        except ValueError:
            pass
    return (f"{_q(text)} is not a date",
            "write an ISO date: 2024-04-16, or 2024-04 or 2024 when the day or month is not known")


def _control_name(char: str) -> str:
    name = {"\0": "NUL", "\a": "BEL", "\b": "BS", "\v": "VT", "\f": "FF", "\r": "CR", "\x1b": "ESC",
            "\x7f": "DEL", "\x85": "NEL", "\x9b": "CSI"}.get(char)
    return f" ({name})" if name else ""


# --------------------------------------------------------------------------
# Node tree (our own, lighter than yaml.nodes and without resolved tags)
# --------------------------------------------------------------------------


class _Node:
    __slots__ = ("line", "column", "tag")
    line: int  # 1-based
    column: int  # 1-based
    tag: str | None  # explicit tag, or None


class _Scalar(_Node):
    __slots__ = ("value", "style", "end_line")

    # No super().__init__: this runs once per scalar of a big registry.
    def __init__(self, line: int, column: int, tag: str | None, value: str, style: str | None, end_line: int) -> None:
        self.line = line
        self.column = column
        self.tag = tag
        self.value = value
        self.style = style or None  # libyaml says '' for plain, PyYAML None
        self.end_line = end_line


class _Mapping(_Node):
    __slots__ = ("pairs",)

    def __init__(self, line: int, column: int, tag: str | None) -> None:
        self.line = line
        self.column = column
        self.tag = tag
        self.pairs: list[tuple[_Node, _Node]] = []


class _Sequence(_Node):
    __slots__ = ("items",)

    def __init__(self, line: int, column: int, tag: str | None) -> None:
        self.line = line
        self.column = column
        self.tag = tag
        self.items: list[_Node] = []


class _Refused(Exception):
    """The whole file cannot be read; carries the one Problem that says why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _compose(text: str, file: str) -> _Node | None:
    """Build the node tree from the event stream, refusing bad tags, alias
    bombs, deep nesting and multiple documents as soon as they are seen.

    Aliases share nodes (nothing is copied), so a "billion laughs" file
    costs nothing to hold; but whatever walks the tree later would pay for
    the expansion.  So the expanded size is counted as aliases arrive, and a
    file whose aliases stand for more than MAX_ALIAS_EXPANSION values, or
    that uses more than MAX_ALIASES aliases, or whose alias points into the
    collection that holds it (a cycle), is refused.
    """
    # One entry per open collection: [node, pending key or None, expanded
    # size so far, anchor or None].  A mapping's children arrive as key,
    # value, key, value...
    stack: list[list[Any]] = []
    anchors: dict[str, _Node] = {}
    anchor_size: dict[str, int | None] = {}  # None while the collection is open
    aliases = 0
    expanded = 0
    documents = 0
    root: list[_Node] = []  # the top node, once seen

    def refuse(mark: Any, message: str, hint: str | None = None) -> _Refused:
        return _Refused(Problem(file, mark.line + 1, mark.column + 1, message, hint))

    def check_tag(event: Any) -> None:
        tag = event.tag
        if tag not in _ALLOWED_TAGS:
            shown = "!!" + tag[len(_YAML_TAG):] if tag.startswith(_YAML_TAG) else tag
            raise refuse(
                event.start_mark,
                f"YAML tag {shown} is not allowed",
                "claim files hold plain text, numbers, lists and mappings; remove the tag",
            )

    Scalar, Mapping_, Sequence_ = _Scalar, _Mapping, _Sequence
    node: _Node
    for event in yaml.parse(text, Loader=_LOADER):
        cls = event.__class__
        if cls is ScalarEvent:
            if event.tag is not None:
                check_tag(event)
            mark = event.start_mark
            if event.style == '"' and CONTROL_RE.search(event.value) is not None:
                raise _Refused(_control_problem(text, file, mark.line + 1, mark.column + 1, event.value))
            node = Scalar(mark.line + 1, mark.column + 1, event.tag, event.value, event.style, event.end_mark.line + 1)
            if event.anchor is not None:
                anchors[event.anchor] = node
                anchor_size[event.anchor] = 1
            size = 1
        elif cls is MappingStartEvent or cls is SequenceStartEvent:
            if event.tag is not None:
                check_tag(event)
            if len(stack) >= MAX_NESTING:
                raise refuse(event.start_mark, f"nesting deeper than {MAX_NESTING} levels", "a claim file needs four")
            mark = event.start_mark
            node = (Mapping_ if cls is MappingStartEvent else Sequence_)(mark.line + 1, mark.column + 1, event.tag)
            if event.anchor is not None:
                anchors[event.anchor] = node
                anchor_size[event.anchor] = None
            size = 0  # counted when it closes
        elif cls is MappingEndEvent or cls is SequenceEndEvent:
            closed = stack.pop()
            size = closed[2] + 1
            name = closed[3]
            if name is not None and anchors.get(name) is closed[0]:
                anchor_size[name] = size
            if stack:
                stack[-1][2] += size
            continue
        elif cls is AliasEvent:
            aliases += 1
            if aliases > MAX_ALIASES:
                raise refuse(event.start_mark, f"more than {MAX_ALIASES} aliases", "write the values out")
            target = anchors.get(event.anchor)
            if target is None:
                raise refuse(event.start_mark, f"alias *{event.anchor} names no anchor", "define &name before *name")
            size = anchor_size[event.anchor]  # type: ignore[assignment]
            if size is None:
                raise refuse(event.start_mark, f"alias *{event.anchor} points into the collection that holds it",
                             "a claim file cannot refer to itself")
            expanded += size
            if expanded > MAX_ALIAS_EXPANSION:
                raise refuse(event.start_mark, f"aliases expand to more than {MAX_ALIAS_EXPANSION} values",
                             "an alias bomb? write the values out")
            if target.__class__ is Scalar:
                # A copy placed where the alias is written, so that marks
                # and problems point at the use, not at the anchor.  Its
                # end_line of 0 says that the text is not written there, so
                # no column inside it can be computed.
                mark = event.start_mark
                node = Scalar(mark.line + 1, mark.column + 1, target.tag, target.value,  # type: ignore[attr-defined]
                              target.style, 0)  # type: ignore[attr-defined]
            else:
                node = target
        else:
            if cls is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise refuse(event.start_mark, "more than one YAML document in the file",
                                 "one topic per file: remove the '---'")
            continue
        # Attach the node to its parent.
        if stack:
            top = stack[-1]
            top[2] += size
            parent = top[0]
            if parent.__class__ is Mapping_:
                if top[1] is None:
                    top[1] = node
                else:
                    parent.pairs.append((top[1], node))
                    top[1] = None
            else:
                parent.items.append(node)
        else:
            root.append(node)
        if cls is MappingStartEvent or cls is SequenceStartEvent:
            stack.append([node, None, 0, event.anchor])
    return root[0] if root else None


# --------------------------------------------------------------------------
# Scalar types, resolved only where they matter
# --------------------------------------------------------------------------

_RESOLVER = yaml.resolver.Resolver()


def _scalar_type(node: _Scalar) -> str:
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


def _is_null(node: _Node) -> bool:
    return node.__class__ is _Scalar and _scalar_type(node) == "null"  # type: ignore[arg-type]


def _type_name(node: _Node) -> str:
    if node.__class__ is _Scalar:
        t = _scalar_type(node)  # type: ignore[arg-type]
        return {
            "str": "text", "int": "a number", "float": "a number", "bool": "true/false",
            "null": "null", "timestamp": "a date",
        }.get(t, t)
    return "a list" if node.__class__ is _Sequence else "a mapping"


#: "Did you mean" hints computed per file; the rest of its problems go without.
_SUGGESTIONS_PER_FILE = 200

#: Longest text read as a figure value (the longest news figure is far
#: shorter; MAX_DIGITS bounds the digits themselves).
_LONGEST_VALUE = 200


def _q(text: str, limit: int = 60) -> str:
    """Quote a user's text in a message, shortened: a key can be megabytes."""
    return repr(text if len(text) <= limit else text[:limit] + "...")


def _suggest_id(name: str) -> str:
    s = re.sub(r"[^a-z0-9_]+", "_", name.lower()).strip("_") or "_"
    return s if not s[0].isdigit() else "_" + s


# --------------------------------------------------------------------------
# One file
# --------------------------------------------------------------------------


class _FileReader:
    """Walks the node tree of one file by the schema, collecting problems."""

    def __init__(self, file: str, settings: Settings) -> None:
        self.file = file
        self.settings = settings
        self.problems: list[Problem] = []
        self.suggestions_left = _SUGGESTIONS_PER_FILE

    def nearest(self, name: str, names: Iterable[str]) -> str | None:
        """The nearest valid name for a hint, while the file's budget lasts:
        a file with thousands of typos over thousands of ids must not spend
        minutes on "did you mean"."""
        if self.suggestions_left <= 0:
            return None
        self.suggestions_left -= 1
        return nearest(name, names)

    # ---- reporting -------------------------------------------------------
    def problem(self, node: _Node | None, message: str, hint: str | None = None, *, column_offset: int = 0) -> None:
        if node is None:
            self.problems.append(Problem(self.file, None, None, message, hint))
        else:
            self.problems.append(Problem(self.file, node.line, node.column + column_offset, message, hint))

    # ---- generic shapes -----------------------------------------------------
    def mapping(self, node: _Node, what: str, *, allow_null: bool = False) -> _Mapping | None:
        if node.__class__ is _Mapping:
            return node  # type: ignore[return-value]
        if allow_null and _is_null(node):
            return None
        self.problem(node, f"{what} must be a mapping of keys, not {_type_name(node)}")
        return None

    def pairs(self, node: _Mapping, what: str, known: tuple[str, ...] | None = None) -> tuple[dict[str, tuple[_Node, _Node]], bool]:
        """Key text -> (key node, value node), reporting duplicate, unknown
        and non-text keys.  Returns the pairs and whether all were fine."""
        out: dict[str, tuple[_Node, _Node]] = {}
        first_seen: dict[str, _Node] = {}
        ok = True
        for key, value in node.pairs:
            if key.__class__ is not _Scalar:
                self.problem(key, f"a key of {what} must be a name, not {_type_name(key)}")
                ok = False
                continue
            name = key.value  # type: ignore[attr-defined]
            if name == "<<" and key.style is None:  # type: ignore[attr-defined]
                self.problem(key, f"merge keys (<<) are not supported in {what}", "write the keys out")
                ok = False
                continue
            first = first_seen.get(name)
            if first is not None:
                self.problem(key, f"duplicate key {_q(name)} in {what}", f"first written at line {first.line}")
                ok = False
                continue
            first_seen[name] = key
            if known is not None and name not in known:
                best = self.nearest(name, known)
                hint = did_you_mean(best) or f"valid keys: {', '.join(known)}"
                self.problem(key, f"unknown key {_q(name)} in {what}", hint)
                ok = False
                # Keep it out of the result; the entity is still read so
                # that its other problems are reported too.
                continue
            out[name] = (key, value)
        return out, ok

    def text(self, node: _Node, what: str, *, strict: bool = False) -> str | None | bool:
        """A free-text value: any scalar, read as written (None for null).
        ``strict`` refuses numbers and true/false (for ``says``).  Returns
        False on error (after reporting)."""
        if node.__class__ is not _Scalar:
            self.problem(node, f"{what} must be text, not {_type_name(node)}")
            return False
        kind = _scalar_type(node)  # type: ignore[arg-type]
        if kind == "null":
            return None
        if strict and kind != "str":
            self.problem(node, f"{what} must be text, not {_type_name(node)}", f'quote it: "{node.value}"')  # type: ignore[attr-defined]
            return False
        return node.value  # type: ignore[attr-defined]

    def ident(self, key: _Node, what: str) -> str | None:
        if key.__class__ is not _Scalar:
            self.problem(key, f"{what} id must be a name, not {_type_name(key)}")
            return None
        name: str = key.value  # type: ignore[attr-defined]
        if _ID_RE.match(name) is None:
            self.problem(
                key,
                f"{_q(name)} is not a valid {what} id: ids are snake_case ({ID_PATTERN})",
                f"write {_suggest_id(name)[:60]}",
            )
            return None
        return name

    # ---- the file ------------------------------------------------------------
    def read(self, root: _Node, stem: str) -> Topic | None:
        top = self.mapping(root, "the top level of a claim file")
        if top is None:
            return None
        items, _ = self.pairs(top, "the file", TOP_KEYS)
        if "claims" not in items:
            self.problem(root, "the file has no 'claims'", "add a 'claims:' mapping of claim id to claim")

        title = self._top_text(items, "title")
        topic = stem
        if "topic" in items:
            got = self.text(items["topic"][1], "topic", strict=True)
            if isinstance(got, str) and got.strip():
                topic = got.strip()
            elif got is None or got == "":
                self.problem(items["topic"][1], "topic must not be empty", f"leave it out to use the file name ({stem})")
        tags = self._tags(items["tags"][1]) if "tags" in items else ()

        sources, bad_sources = self._sources(items["sources"][1]) if "sources" in items else ({}, set())
        figures, bad_figures = (
            self._figures(items["figures"][1], sources, bad_sources) if "figures" in items else ({}, set())
        )
        claims: list[Claim] = []
        if "claims" in items:
            claims = self._claims(items["claims"][1], topic, sources, bad_sources, figures, bad_figures)
        return Topic(
            name=topic,
            file=self.file,
            title=title,
            tags=tags,
            sources=sources,
            figures=figures,
            claims=tuple(claims),
        )

    def _top_text(self, items: Mapping[str, tuple[_Node, _Node]], key: str) -> str | None:
        if key not in items:
            return None
        got = self.text(items[key][1], key)
        return got if isinstance(got, str) else None

    def _tags(self, node: _Node) -> tuple[str, ...]:
        if _is_null(node):
            return ()
        if node.__class__ is not _Sequence:
            self.problem(node, f"tags must be a list, not {_type_name(node)}", "write tags: [russia, courts]")
            return ()
        out = []
        for item in node.items:  # type: ignore[attr-defined]
            got = self.text(item, "a tag")
            if isinstance(got, str):
                out.append(got)
        return tuple(out)

    # ---- sources -------------------------------------------------------------
    def _sources(self, node: _Node) -> tuple[dict[str, Source], set[str]]:
        sources: dict[str, Source] = {}
        bad: set[str] = set()
        section = self.mapping(node, "sources", allow_null=True)
        if section is None:
            return sources, bad
        entries, _ = self.pairs(section, "sources")
        for name, (key, value) in entries.items():
            sid = self.ident(key, "source")
            if sid is None:
                continue
            fields = self.mapping(value, f"source {_q(sid)}")
            if fields is None:
                bad.add(sid)
                continue
            items, ok = self.pairs(fields, f"source {_q(sid)}", SOURCE_KEYS)
            got: dict[str, str | None] = {}
            for k, (_, v) in items.items():
                t = self.text(v, f"source {_q(sid)}: {k}")
                if t is False:
                    ok = False
                    continue
                if isinstance(t, str):
                    # published in ClaimReview: a link must be a web address
                    # and a date an ISO date (a javascript: URL or 2024-02-30
                    # would go out as written)
                    error = (url_error(t) if k == "url" else date_error(t) if k == "date" else None)
                    if error is not None:
                        self.problem(v, f"source {_q(sid)}: {k} {error[0]}", error[1])
                        ok = False
                        continue
                got[k] = t  # type: ignore[assignment]
            if not ok:
                bad.add(sid)
                continue
            sources[sid] = Source(
                id=sid, title=got.get("title"), publisher=got.get("publisher"), url=got.get("url"),
                date=got.get("date"), line=key.line,
            )
        return sources, bad

    def _source_ref(self, node: _Node, owner: str, sources: Mapping[str, Source], bad: set[str]) -> tuple[bool, str | None]:
        """Read a ``source:`` value; (ok, id).  A source that exists but was
        itself broken is not reported again, but still makes ``ok`` False."""
        got = self.text(node, f"{owner}: source")
        if got is False:
            return False, None
        if got is None:
            return True, None
        name = str(got)
        if name in sources:
            return True, name
        if name in bad:
            return False, None
        best = self.nearest(name, sources)
        hint = did_you_mean(best) or (
            f"sources of this file: {', '.join(list(sources)[:10])}" if sources else "define it under 'sources:' first"
        )
        self.problem(node, f"{owner} names source {_q(name)}, which is not among the sources of this file", hint)
        return False, None

    # ---- figures -------------------------------------------------------------
    def _number(self, node: _Node, what: str, *, rounded: bool = False) -> tuple[bool, Interval | None, bool]:
        """A figure value: (ok, interval or None for null, percent).

        A ``rounded`` figure's bare number is the interval of its written
        precision ("1.9 billion" is [1.85, 1.95] billion), as a number in a
        statement is; a hedged or range value is an interval already."""
        if node.__class__ is not _Scalar:
            self.problem(node, f"{what} must be a number or a hedged number such as 'at least 209', not {_type_name(node)}")
            return False, None, False
        kind = _scalar_type(node)  # type: ignore[arg-type]
        if kind == "null":
            return True, None, False
        if kind not in ("int", "float", "str"):
            self.problem(node, f"{what} must be a number, not {_type_name(node)}")
            return False, None, False
        text: str = node.value  # type: ignore[attr-defined]
        if len(text) > _LONGEST_VALUE:
            self.problem(node, f"{what}: a text of {len(text)} characters is not a number")
            return False, None, False
        m = _PLAIN_NUMBER_RE.match(text)
        if m is not None and len(text) <= MAX_DIGITS and not rounded:
            # The common case, without the general reader: a bare number is
            # the exact point it writes (as read_figure_value has it), and
            # Fraction("...") parsing is the slowest step of a big load.
            whole, decimals = m.group(1), m.group(2)
            if decimals is None:
                return True, Interval.point(Fraction(int(whole))), False
            return True, Interval.point(Fraction(int(whole + decimals), 10 ** len(decimals))), False
        try:
            interval, percent = read_figure_value(text, hedge_tolerance=self.settings.hedge_tolerance)
            if rounded and interval.is_point:
                interval = read_number(text.strip()).interval
        except NumberError as exc:
            message = str(exc)
            hint = "a figure may also be hedged: 'at least 209', 'nearly 14,000'" if "is not a number" in message else None
            self.problem(node, f"{what}: {message}", hint)
            return False, None, False
        except (ValueError, ArithmeticError, RecursionError) as exc:  # defensive: odd text
            self.problem(node, f"{what}: {_q(text)} is not a number ({exc})")
            return False, None, False
        return True, interval, percent

    def _flag(self, node: _Node, what: str) -> tuple[bool, bool]:
        """A true/false key (``rounded``, ``complete``): (ok, value)."""
        if node.__class__ is _Scalar and _scalar_type(node) == "bool":  # type: ignore[arg-type]
            return True, node.value.lower() in ("true", "yes", "on")  # type: ignore[attr-defined]
        shown = f" {_q(node.value)}" if node.__class__ is _Scalar else ""  # type: ignore[attr-defined]
        self.problem(node, f"{what} must be true or false, not {_type_name(node)}{shown}", "write true or false")
        return False, False

    def _period(self, node: _Node, what: str) -> tuple[bool, Period | None]:
        if node.__class__ is not _Scalar:
            self.problem(node, f"{what} must be a period such as 2024, 2024-Q1 or 2023-10..2024-09, not {_type_name(node)}")
            return False, None
        if _is_null(node):
            return True, None
        if len(node.value) > 40:  # type: ignore[attr-defined]
            self.problem(node, f"{what}: {_q(node.value)} is not a period",  # type: ignore[attr-defined]
                         "write a year (2024), a month (2024-03), a quarter (2024-Q1), a half (2024-H1) "
                         "or a span of months (2023-10..2024-09)")
            return False, None
        try:
            return True, parse_period(node.value)  # type: ignore[attr-defined]
        except PeriodError as exc:
            self.problem(node, f"{what}: {exc}")
            return False, None

    def _figures(
        self, node: _Node, sources: Mapping[str, Source], bad_sources: set[str]
    ) -> tuple[dict[str, Figure], set[str]]:
        figures: dict[str, Figure] = {}
        bad: set[str] = set()
        section = self.mapping(node, "figures", allow_null=True)
        if section is None:
            return figures, bad
        entries, _ = self.pairs(section, "figures")
        for _, (key, value) in entries.items():
            fid = self.ident(key, "figure")
            if fid is None:
                continue
            fig = self._figure(fid, key, value, sources, bad_sources)
            if fig is None:
                bad.add(fid)
            else:
                figures[fid] = fig
        return figures, bad

    def _figure(
        self, fid: str, key: _Node, node: _Node, sources: Mapping[str, Source], bad_sources: set[str]
    ) -> Figure | None:
        owner = f"figure {_q(fid)}"
        if node.__class__ is _Scalar:
            ok, interval, percent = self._number(node, owner)
            if not ok:
                return None
            return Figure(id=fid, value=interval, text=node.value if interval is not None else "null",  # type: ignore[attr-defined]
                          percent=percent, line=key.line, column=key.column)
        if node.__class__ is not _Mapping:
            self.problem(node, f"{owner} must be a number, a hedged number or a mapping with value or series, not {_type_name(node)}")
            return None
        items, ok = self.pairs(node, owner, FIGURE_KEYS)  # type: ignore[arg-type]
        fields: dict[str, Any] = {}
        for k in ("what", "unit", "quote", "note"):
            if k in items:
                t = self.text(items[k][1], f"{owner}: {k}")
                if t is False:
                    ok = False
                else:
                    fields[k] = t
        period = None
        if "period" in items:
            pok, period = self._period(items["period"][1], f"{owner}: period")
            ok = ok and pok
        source = None
        if "source" in items:
            sok, source = self._source_ref(items["source"][1], owner, sources, bad_sources)
            ok = ok and sok
        percent = fields.get("unit") is not None and str(fields["unit"]).strip().lower() in ("percent", "per cent", "%")
        rounded = complete = False
        if "rounded" in items:
            fok, rounded = self._flag(items["rounded"][1], f"{owner}: rounded")
            ok = ok and fok
        if "complete" in items:
            fok, complete = self._flag(items["complete"][1], f"{owner}: complete")
            ok = ok and fok
            if fok and "series" not in items:
                self.problem(items["complete"][0], f"{owner}: complete applies to a series only",
                             "leave it out, or give series: {period: value, ...}")
                ok = False
        value: Interval | None = None
        series = None
        text = ""
        if "value" in items and "series" in items:
            self.problem(items["series"][0], f"{owner} has both value and series", "keep one")
            ok = False
        elif "value" in items:
            vnode = items["value"][1]
            vok, value, vpercent = self._number(vnode, f"{owner}: value", rounded=rounded)
            ok = ok and vok
            percent = percent or vpercent
            text = vnode.value if value is not None else "null"  # type: ignore[attr-defined]
        elif "series" in items:
            sok, series, spercent, text = self._series(items["series"][1], owner, rounded=rounded)
            ok = ok and sok
            percent = percent or spercent
        elif ok:
            self.problem(node, f"{owner} has neither value nor series", "add value: (a number, or null if unknown)")
            ok = False
        if not ok:
            return None
        return Figure(
            id=fid, value=value, series=series, text=text, percent=percent,
            what=fields.get("what"), unit=fields.get("unit"), period=period, source=source,
            quote=fields.get("quote"), note=fields.get("note"), line=key.line, column=key.column,
            rounded=rounded, complete=complete,
        )

    def _series(self, node: _Node, owner: str, *, rounded: bool = False) -> tuple[bool, Any, bool, str]:
        """Period -> value.  Periods of different kinds may be mixed (two
        elections in 1974, ``1974-02`` and ``1974-10``, beside yearly
        ones) as long as no two of them overlap: a point for 1974 beside
        one for 1974-02 would count February twice."""
        if node.__class__ is not _Mapping:
            self.problem(node, f"{owner}: series must map periods to values, not {_type_name(node)}",
                         "write series: {2023: 7779, 2024: 13699}")
            return False, None, False, ""
        ok = True
        points: dict[Period, tuple[_Node, Interval | None]] = {}
        texts = []
        percent = False
        kinds: set[str] = set()
        for key, value in node.pairs:  # type: ignore[attr-defined]
            pok, period = self._period(key, f"{owner}: series period")
            if not pok or period is None:
                if pok:
                    self.problem(key, f"{owner}: a series period is empty")
                ok = False
                continue
            if period in points:
                first = points[period][0]
                self.problem(key, f"{owner}: duplicate period {period} in the series", f"first written at line {first.line}")
                ok = False
                continue
            # periods of one calendar kind overlap only when equal (above);
            # the scan is for mixed kinds and spans, which are short series
            kinds.add(period.kind)
            clash = None
            if len(kinds) > 1 or period.kind == "span":
                clash = next((q for q in points if q.overlaps(period)), None)
            if clash is not None:
                self.problem(key, f"{owner}: the series period {period} overlaps {clash} "
                             f"(line {points[clash][0].line})",
                             "the periods of a series must not overlap: give each point its own period")
                ok = False
                continue
            vok, interval, vpercent = self._number(value, f"{owner}: value for {period}", rounded=rounded)
            ok = ok and vok
            percent = percent or vpercent
            points[period] = (key, interval)
            texts.append(f"{period}: {value.value if value.__class__ is _Scalar else '?'}")  # type: ignore[attr-defined]
        series = tuple(sorted(((p, iv) for p, (_, iv) in points.items()), key=lambda pv: pv[0].sort_key()))
        return ok, series, percent, "{" + ", ".join(texts) + "}"

    # ---- claims ----------------------------------------------------------------
    def _claims(
        self,
        node: _Node,
        topic: str,
        sources: Mapping[str, Source],
        bad_sources: set[str],
        figures: Mapping[str, Figure],
        bad_figures: set[str],
    ) -> list[Claim]:
        section = self.mapping(node, "claims", allow_null=True)
        if section is None:
            return []
        entries, _ = self.pairs(section, "claims")
        claims = []
        for _, (key, value) in entries.items():
            cid = self.ident(key, "claim")
            if cid is None:
                continue
            claim = self._claim(cid, key, value, topic, sources, bad_sources, figures, bad_figures)
            if claim is not None:
                claims.append(claim)
        return claims

    def _claim(
        self,
        cid: str,
        key: _Node,
        node: _Node,
        topic: str,
        sources: Mapping[str, Source],
        bad_sources: set[str],
        figures: Mapping[str, Figure],
        bad_figures: set[str],
    ) -> Claim | None:
        owner = f"claim {_q(cid)}"
        fields = self.mapping(node, owner)
        if fields is None:
            return None
        items, ok = self.pairs(fields, owner, CLAIM_KEYS)
        marks = tuple((k, v.line, v.column) for k, (_, v) in items.items())

        says = None
        if "says" not in items:
            self.problem(key, f"{owner} has no 'says'", "add says: the statement, such as 'nearly four times higher'")
            ok = False
        else:
            got = self.text(items["says"][1], f"{owner}: says", strict=True)
            if got is False:
                ok = False
            elif got is None or not str(got).strip():
                self.problem(items["says"][1], f"{owner}: says is empty", "write the statement, such as 'nearly four times higher'")
                ok = False
            else:
                says = str(got)

        of = of_text = None
        if "of" not in items:
            self.problem(key, f"{owner} has no 'of'", "add of: the figure the statement is about")
            ok = False
        else:
            eok, of, of_text = self._expression(items["of"][1], "of", owner, figures, bad_figures, required=True)
            ok = ok and eok
        vs = vs_text = None
        if "vs" in items:
            eok, vs, vs_text = self._expression(items["vs"][1], "vs", owner, figures, bad_figures, required=False)
            ok = ok and eok

        expect = "holds"
        if "expect" in items:
            enode = items["expect"][1]
            got = self.text(enode, f"{owner}: expect", strict=True)
            if got is False:
                ok = False
            elif got not in EXPECTS:
                best = self.nearest(str(got), EXPECTS)
                self.problem(
                    enode,
                    f"{owner}: expect must be one of {', '.join(EXPECTS)}, not {_q(str(got))}",
                    did_you_mean(best),
                )
                ok = False
            else:
                expect = str(got)

        source = None
        if "source" in items:
            sok, source = self._source_ref(items["source"][1], owner, sources, bad_sources)
            ok = ok and sok
        texts: dict[str, str | None] = {}
        for k in ("quote", "note", "claim_reviewed"):
            if k in items:
                t = self.text(items[k][1], f"{owner}: {k}")
                if t is False:
                    ok = False
                elif k == "claim_reviewed" and t is not None and not str(t).strip():
                    self.problem(items[k][1], f"{owner}: claim_reviewed is empty",
                                 "write a short wording of the claim, or leave it out to use says")
                    ok = False
                else:
                    texts[k] = t  # type: ignore[assignment]
        publish = True
        if "publish" in items:
            fok, publish = self._flag(items["publish"][1], f"{owner}: publish")
            ok = ok and fok

        settings = self.settings
        for k in ("hedge_tolerance", "word_tolerance"):
            if k in items:
                tnode = items[k][1]
                if tnode.__class__ is not _Scalar or _scalar_type(tnode) not in ("int", "float", "str"):  # type: ignore[arg-type]
                    self.problem(tnode, f"{owner}: {k} must be a number, not {_type_name(tnode)}")
                    ok = False
                    continue
                try:
                    settings = settings._replace(**{k: parse_tolerance(tnode.value)})  # type: ignore[attr-defined]
                except ValueError as exc:
                    self.problem(tnode, f"{owner}: {k} {exc}")
                    ok = False

        if not ok:
            return None
        return Claim(
            id=cid, topic=topic, file=self.file, line=key.line, column=key.column,
            says=says,  # type: ignore[arg-type]
            of_text=of_text, vs_text=vs_text, of=of, vs=vs, expect=expect,  # type: ignore[arg-type]
            source=source, quote=texts.get("quote"), note=texts.get("note"), settings=settings, marks=marks,
            claim_reviewed=texts.get("claim_reviewed"), publish=publish,
        )

    def _expression(
        self,
        node: _Node,
        key: str,
        owner: str,
        figures: Mapping[str, Figure],
        bad_figures: set[str],
        *,
        required: bool,
    ) -> tuple[bool, Expr | None, str | None]:
        what = f"{owner}: {key}"
        if node.__class__ is not _Scalar:
            self.problem(node, f"{what} must be an expression such as 'a + b', not {_type_name(node)}")
            return False, None, None
        kind = _scalar_type(node)  # type: ignore[arg-type]
        if kind == "null":
            if required:
                self.problem(node, f"{what} is empty", "name a figure of this file")
                return False, None, None
            return True, None, None
        if kind not in ("str", "int", "float"):
            self.problem(node, f"{what} must be an expression such as 'a + b', not {_type_name(node)}")
            return False, None, None
        text: str = node.value  # type: ignore[attr-defined]
        try:
            expr = parse_expression(text)
        except ExpressionError as exc:
            self._expression_problem(node, what, exc)
            return False, None, None
        except RecursionError:  # defensive: bounded by MAX_DEPTH already
            self.problem(node, f"{what} nests too deeply")
            return False, None, None
        # A figure that had its own error was reported already; a claim over
        # it cannot be checked, but is not reported twice.
        if bad_figures and any(r.id in bad_figures for r in expr.ref_nodes()):
            return False, None, None
        errors = check_expression(expr, figures, suggest=lambda name: self.nearest(name, figures))
        for exc in errors:
            self._expression_problem(node, what, exc)
        return not errors, expr, text

    def _expression_problem(self, node: _Node, what: str, exc: ExpressionError) -> None:
        """Report an expression error at its own column: ``what`` is "claim 'x': of"."""
        # Columns inside the value are exact for one-line plain or quoted
        # scalars (a quote adds one); for block scalars, point at the value.
        style = node.style  # type: ignore[attr-defined]
        offset = 0
        if node.line == node.end_line:  # type: ignore[attr-defined]
            if style is None:
                offset = exc.offset
            elif style in ("'", '"') and "\\" not in node.value and "'" not in node.value:  # type: ignore[attr-defined]
                offset = exc.offset + 1
        self.problem(node, f"{what}: {exc.message}", exc.hint, column_offset=offset)


# --------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while loading (and, in verify.py,
    checking).

    A load allocates millions of small objects that all survive; each
    automatic collection rescans them, which more than doubles the time of a
    big registry.  The node tree and the model hold no reference cycles, so
    nothing is leaked by deferring collection to the end.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_text(text: str, *, file: str = "<text>", settings: Settings | None = None) -> tuple[Topic | None, list[Problem]]:
    """Read one claim file's text.  Returns its topic (None when nothing of
    it can be used) and its problems; never raises."""
    settings = settings or Settings()
    try:
        with gc_paused():
            return _load_text(text, file=file, settings=settings)
    except Exception as exc:  # noqa: BLE001 - the contract is "no traceback for any input"
        return None, [Problem(file, None, None, f"cannot read the file: {type(exc).__name__}: {exc}")]


def _load_text(text: str, *, file: str, settings: Settings) -> tuple[Topic | None, list[Problem]]:
    if not isinstance(text, str):
        return None, [Problem(file, None, None, f"expected text, got {type(text).__name__}")]
    if len(text) > MAX_FILE_BYTES:
        return None, [_too_big(file, len(text))]
    if text.startswith("\ufeff"):
        text = text[1:]
    stem = Path(file).stem or file
    try:
        root = _compose(text, file)
    except _Refused as exc:
        return None, [exc.problem]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(p for p in (exc.context, exc.problem) if p)
        return None, [Problem(file, mark.line + 1 if mark else None, mark.column + 1 if mark else None,
                              f"invalid YAML: {message}")]
    except yaml.reader.ReaderError as exc:
        line, col = _line_col(text, exc.position) if isinstance(exc.position, int) else (None, None)
        return None, [Problem(file, line, col, f"invalid YAML: unacceptable character #x{exc.character:04x}"
                              if isinstance(exc.character, int) else f"invalid YAML: {exc}",
                              "claim files hold printable text only")]
    except yaml.YAMLError as exc:
        return None, [Problem(file, None, None, f"invalid YAML: {exc}")]
    except UnicodeEncodeError as exc:  # lone surrogates in a str given to load_text
        line, col = _line_col(text, exc.start)
        return None, [Problem(file, line, col, "text is not valid Unicode (a lone surrogate)")]
    if root is None:
        return None, [Problem(file, 1, 1, "the file is empty", "a claim file needs at least a 'claims:' mapping")]
    reader = _FileReader(file, settings)
    topic = reader.read(root, stem)
    return topic, reader.problems


def _too_big(file: str, size: int) -> Problem:
    return Problem(
        file, None, None,
        f"the file is {size / 1024 / 1024:.1f} MB; claim files are refused over {MAX_FILE_BYTES // 1024 // 1024} MB",
        "split it into one file per topic",
    )


def load_file(path: str | Path, *, settings: Settings | None = None) -> tuple[Topic | None, list[Problem]]:
    """Read one claim file.  Returns its topic (None when nothing of it can
    be used) and its problems; never raises."""
    file = str(path)
    try:
        size = os.stat(path).st_size
        if size > MAX_FILE_BYTES:
            return None, [_too_big(file, size)]
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return None, [Problem(file, None, None, f"cannot read the file: {exc.strerror or exc}")]
    if len(data) > MAX_FILE_BYTES:  # grew since stat, or a special file
        return None, [_too_big(file, len(data))]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode("utf-8", errors="replace")
        line, col = _line_col(good, len(good))
        return None, [Problem(file, line, col, f"the file is not UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start}",
                              "save it as UTF-8")]
    return load_text(text, file=file, settings=settings)


def _claim_files(folder: Path) -> list[Path]:
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        # Hidden folders (.git, .venv) hold no claims.
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.endswith((".yaml", ".yml")) and not name.startswith("."):
                found.append(Path(dirpath) / name)
    return sorted(found)


def find_claim_files(paths: Sequence[str | Path] | str | Path) -> tuple[list[Path], list[Problem]]:
    """The claim files named by ``paths``: files as given, and every
    ``*.yaml`` / ``*.yml`` under a folder, recursively, in sorted order; each
    file once.  A missing path or an empty folder is a problem; never raises."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    problems: list[Problem] = []
    files: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        try:
            if path.is_dir():
                found = _claim_files(path)
                if not found:
                    problems.append(Problem(str(path), None, None, "no claim files (*.yaml, *.yml) in this folder"))
            elif path.exists():
                found = [path]
            else:
                problems.append(_missing(path))
                found = []
        except OSError as exc:
            problems.append(Problem(str(path), None, None, f"cannot read: {exc.strerror or exc}"))
            found = []
        for f in found:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                files.append(f)
    return files, problems


class ClaimIds:
    """The claim ids met so far in a registry: a claim id is unique across
    the registry, and the first claim to use it wins."""

    __slots__ = ("_first",)

    def __init__(self) -> None:
        self._first: dict[str, tuple[str, int]] = {}

    def duplicate(self, claim: Claim) -> Problem | None:
        """None for the first use of ``claim.id`` (which is remembered), else
        the problem to report in place of the claim."""
        first = self._first.get(claim.id)
        if first is None:
            self._first[claim.id] = (claim.file, claim.line)
            return None
        return Problem(
            claim.file, claim.line, claim.column,
            f"claim id {_q(claim.id)} is already used",
            f"first defined at {first[0]}:{first[1]}; claim ids are unique across the registry",
        )


def load_registry(paths: Sequence[str | Path] | str | Path, *, settings: Settings | None = None) -> Registry:
    """Read claim files and folders (see :func:`find_claim_files`) into one
    Registry.  Never raises: every problem, including a missing path, is in
    ``Registry.problems``.

    A claim id is unique across the registry: a second claim with an id
    already used is dropped and reported, with the place of the first.
    """
    settings = settings or Settings()
    files, problems = find_claim_files(paths)
    topics: list[Topic] = []
    ids = ClaimIds()
    with gc_paused():
        for f in files:
            topic, file_problems = load_file(f, settings=settings)
            problems.extend(file_problems)
            if topic is None:
                continue
            kept = []
            for claim in topic.claims:
                dup = ids.duplicate(claim)
                if dup is None:
                    kept.append(claim)
                else:
                    problems.append(dup)
            if len(kept) != len(topic.claims):
                topic = topic._replace(claims=tuple(kept))
            topics.append(topic)
    return Registry(topics=tuple(topics), problems=tuple(problems))


def _missing(path: Path) -> Problem:
    hint = None
    try:
        parent = path.parent if str(path.parent) else Path(".")
        if parent.is_dir():
            best = nearest(path.name, [p.name for p in parent.iterdir()])
            if best:
                hint = f"did you mean {str(parent / best) if str(path.parent) != '.' else best}?"
    except OSError:
        pass
    return Problem(str(path), None, None, "no such file or folder", hint)
