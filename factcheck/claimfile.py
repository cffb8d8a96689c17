"""A claim file's node tree to a :class:`~factcheck.model.Topic`, by the
claim-file schema (docs/claims-format.md).

The key lists here are the schema's own: factcheck/schema.py builds the JSON
Schema from them.  Every mistake becomes a :class:`~factcheck.model.Problem`
with the line and column of the node at fault.  A file with errors still
yields the claims that are valid on their own (a claim is dropped when it, or
a figure or source it names, has an error), so that the rest of the registry
can be checked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from enum import Enum
from fractions import Fraction
from typing import Any, Final, TypeVar

from .expressions import Expr, ExpressionError, check_expression, parse_expression
from .model import VERDICTS, Claim, Figure, Problem, Settings, Source, Topic
from .numbers import MAX_DIGITS, Interval, NumberError, read_figure_value, read_number
from .periods import Period, PeriodError, parse_period
from .settings import parse_tolerance
from .suggest import did_you_mean, nearest
from .yamltree import MappingNode, Node, Scalar, SequenceNode, is_null, scalar_type, type_name

__all__ = [
    "TOP_KEYS",
    "SOURCE_KEYS",
    "FIGURE_KEYS",
    "CLAIM_KEYS",
    "EXPECTS",
    "ID_PATTERN",
    "read_topic",
    "url_error",
    "date_error",
    "quoted",
]

ID_PATTERN = r"[a-z_][a-z0-9_]*"
_ID_RE = re.compile(ID_PATTERN + r"\Z")
_PLAIN_NUMBER_RE = re.compile(r"([0-9]+)(?:\.([0-9]+))?\Z")

TOP_KEYS = ("title", "topic", "tags", "sources", "figures", "claims")
SOURCE_KEYS = ("title", "publisher", "url", "date", "note")
FIGURE_KEYS = ("value", "series", "what", "unit", "period", "source", "quote", "note", "rounded", "complete")
CLAIM_KEYS = ("says", "of", "vs", "source", "quote", "expect", "note", "hedge_tolerance", "word_tolerance",
              "claim_reviewed", "publish")
EXPECTS = VERDICTS

_ISO_DATE_RE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")
_URL_RE = re.compile(r"https?://[^\s/?#@]+(?:[/?#]\S*)?\Z", re.IGNORECASE)


def url_error(text: str) -> tuple[str, str] | None:
    """None for an http(s) address; else (what is wrong, hint)."""
    if _URL_RE.match(text) is not None:
        return None
    return f"{quoted(text)} is not an http(s) address", "write the full address, such as https://example.org/article"


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
    return (f"{quoted(text)} is not a date",
            "write an ISO date: 2024-04-16, or 2024-04 or 2024 when the day or month is not known")


_SUGGESTIONS_PER_FILE = 200

#: Longest text read as a figure value (the longest news figure is far
#: shorter; MAX_DIGITS bounds the digits themselves).
_LONGEST_VALUE = 200


class _Invalid(Enum):
    INVALID = "invalid"


#: What a reader of a value returns when the value is in error (the problem
#: is reported already); None is a valid value (YAML null).
INVALID: Final = _Invalid.INVALID

_T = TypeVar("_T")
_D = TypeVar("_D")


def quoted(text: str, limit: int = 60) -> str:
    """Quote a user's text in a message, shortened: a key can be megabytes."""
    return repr(text if len(text) <= limit else text[:limit] + "...")


def _suggest_id(name: str) -> str:
    s = re.sub(r"[^a-z0-9_]+", "_", name.lower()).strip("_") or "_"
    return s if not s[0].isdigit() else "_" + s


# --------------------------------------------------------------------------
# One file
# --------------------------------------------------------------------------


def read_topic(root: Node, file: str, stem: str, settings: Settings) -> tuple[Topic | None, list[Problem]]:
    """The topic of one claim file's node tree (None when nothing of it can
    be used; ``stem``, the file name without its extension, names it when it
    has no ``topic:``) and its problems."""
    reader = _FileReader(file, settings)
    return reader.read(root, stem), reader.problems


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
    def problem(self, node: Node | None, message: str, hint: str | None = None, *, column_offset: int = 0) -> None:
        if node is None:
            self.problems.append(Problem(self.file, None, None, message, hint))
        else:
            self.problems.append(Problem(self.file, node.line, node.column + column_offset, message, hint))

    # ---- generic shapes -----------------------------------------------------
    def mapping(self, node: Node, what: str, *, allow_null: bool = False) -> MappingNode | None:
        if node.__class__ is MappingNode:
            return node
        if allow_null and is_null(node):
            return None
        self.problem(node, f"{what} must be a mapping of keys, not {type_name(node)}")
        return None

    def pairs(self, node: MappingNode, what: str, known: tuple[str, ...] | None = None) -> tuple[dict[str, tuple[Node, Node]], bool]:
        """Key text -> (key node, value node), reporting duplicate, unknown
        and non-text keys.  Returns the pairs and whether all were fine."""
        out: dict[str, tuple[Node, Node]] = {}
        first_seen: dict[str, Node] = {}
        ok = True
        for key, value in node.pairs:
            if key.__class__ is not Scalar:
                self.problem(key, f"a key of {what} must be a name, not {type_name(key)}")
                ok = False
                continue
            name = key.value
            if name == "<<" and key.style is None:
                self.problem(key, f"merge keys (<<) are not supported in {what}", "write the keys out")
                ok = False
                continue
            first = first_seen.get(name)
            if first is not None:
                self.problem(key, f"duplicate key {quoted(name)} in {what}", f"first written at line {first.line}")
                ok = False
                continue
            first_seen[name] = key
            if known is not None and name not in known:
                best = self.nearest(name, known)
                hint = did_you_mean(best) or f"valid keys: {', '.join(known)}"
                self.problem(key, f"unknown key {quoted(name)} in {what}", hint)
                ok = False
                # Keep it out of the result; the entity is still read so
                # that its other problems are reported too.
                continue
            out[name] = (key, value)
        return out, ok

    def text(self, node: Node, what: str, *, strict: bool = False) -> str | None | _Invalid:
        """A free-text value: any scalar, read as written (None for null).
        ``strict`` refuses numbers and true/false (for ``says``)."""
        if node.__class__ is not Scalar:
            self.problem(node, f"{what} must be text, not {type_name(node)}")
            return INVALID
        kind = scalar_type(node)
        if kind == "null":
            return None
        if strict and kind != "str":
            self.problem(node, f"{what} must be text, not {type_name(node)}", f'quote it: "{node.value}"')
            return INVALID
        return node.value

    def ident(self, key: Node, what: str) -> str | None:
        if key.__class__ is not Scalar:
            self.problem(key, f"{what} id must be a name, not {type_name(key)}")
            return None
        name: str = key.value
        if _ID_RE.match(name) is None:
            self.problem(
                key,
                f"{quoted(name)} is not a valid {what} id: ids are snake_case ({ID_PATTERN})",
                f"write {_suggest_id(name)[:60]}",
            )
            return None
        return name

    # ---- the file ------------------------------------------------------------
    def read(self, root: Node, stem: str) -> Topic | None:
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

    def _top_text(self, items: Mapping[str, tuple[Node, Node]], key: str) -> str | None:
        if key not in items:
            return None
        got = self.text(items[key][1], key)
        return got if isinstance(got, str) else None

    def _tags(self, node: Node) -> tuple[str, ...]:
        if is_null(node):
            return ()
        if node.__class__ is not SequenceNode:
            self.problem(node, f"tags must be a list, not {type_name(node)}", "write tags: [russia, courts]")
            return ()
        out = []
        for item in node.items:
            got = self.text(item, "a tag")
            if isinstance(got, str):
                out.append(got)
        return tuple(out)

    # ---- sources -------------------------------------------------------------
    def _sources(self, node: Node) -> tuple[dict[str, Source], set[str]]:
        sources: dict[str, Source] = {}
        bad: set[str] = set()
        section = self.mapping(node, "sources", allow_null=True)
        if section is None:
            return sources, bad
        entries, _ = self.pairs(section, "sources")
        for key, value in entries.values():
            sid = self.ident(key, "source")
            if sid is None:
                continue
            fields = self.mapping(value, f"source {quoted(sid)}")
            if fields is None:
                bad.add(sid)
                continue
            items, ok = self.pairs(fields, f"source {quoted(sid)}", SOURCE_KEYS)
            got: dict[str, str | None] = {}
            for k, (_, v) in items.items():
                t = self.text(v, f"source {quoted(sid)}: {k}")
                if t is INVALID:
                    ok = False
                    continue
                if t is not None:
                    # published in ClaimReview: a link must be a web address
                    # and a date an ISO date (a javascript: URL or 2024-02-30
                    # would go out as written)
                    error = (url_error(t) if k == "url" else date_error(t) if k == "date" else None)
                    if error is not None:
                        self.problem(v, f"source {quoted(sid)}: {k} {error[0]}", error[1])
                        ok = False
                        continue
                got[k] = t
            if not ok:
                bad.add(sid)
                continue
            sources[sid] = Source(
                id=sid, title=got.get("title"), publisher=got.get("publisher"), url=got.get("url"),
                date=got.get("date"), line=key.line,
            )
        return sources, bad

    def _source_ref(self, node: Node, owner: str, sources: Mapping[str, Source], bad: set[str]) -> str | None | _Invalid:
        """Read a ``source:`` value: the id, or None.  A source that exists
        but was itself broken is not reported again, but is still INVALID."""
        name = self.text(node, f"{owner}: source")
        if name is None or name is INVALID:
            return name
        if name in sources:
            return name
        if name in bad:
            return INVALID
        best = self.nearest(name, sources)
        hint = did_you_mean(best) or (
            f"sources of this file: {', '.join(list(sources)[:10])}" if sources else "define it under 'sources:' first"
        )
        self.problem(node, f"{owner} names source {quoted(name)}, which is not among the sources of this file", hint)
        return INVALID

    # ---- figures -------------------------------------------------------------
    def _number(self, node: Node, what: str, *, rounded: bool = False) -> tuple[bool, Interval | None, bool]:
        """A figure value: (ok, interval or None for null, percent).

        A ``rounded`` figure's bare number is the interval of its written
        precision ("1.9 billion" is [1.85, 1.95] billion), as a number in a
        statement is; a hedged or range value is an interval already."""
        if node.__class__ is not Scalar:
            self.problem(node, f"{what} must be a number or a hedged number such as 'at least 209', not {type_name(node)}")
            return False, None, False
        kind = scalar_type(node)
        if kind == "null":
            return True, None, False
        if kind not in ("int", "float", "str"):
            self.problem(node, f"{what} must be a number, not {type_name(node)}")
            return False, None, False
        text: str = node.value
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
            self.problem(node, f"{what}: {quoted(text)} is not a number ({exc})")
            return False, None, False
        return True, interval, percent

    def _flag(self, node: Node, what: str) -> bool | _Invalid:
        """A true/false key (``rounded``, ``complete``, ``publish``)."""
        if node.__class__ is Scalar and scalar_type(node) == "bool":
            return node.value.lower() in ("true", "yes", "on")
        shown = f" {quoted(node.value)}" if node.__class__ is Scalar else ""
        self.problem(node, f"{what} must be true or false, not {type_name(node)}{shown}", "write true or false")
        return INVALID

    def _period(self, node: Node, what: str) -> Period | None | _Invalid:
        if node.__class__ is not Scalar:
            self.problem(node, f"{what} must be a period such as 2024, 2024-Q1 or 2023-10..2024-09, not {type_name(node)}")
            return INVALID
        if is_null(node):
            return None
        if len(node.value) > 40:
            self.problem(node, f"{what}: {quoted(node.value)} is not a period",
                         "write a year (2024), a month (2024-03), a quarter (2024-Q1), a half (2024-H1) "
                         "or a span of months (2023-10..2024-09)")
            return INVALID
        try:
            return parse_period(node.value)
        except PeriodError as exc:
            self.problem(node, f"{what}: {exc}")
            return INVALID

    def _figures(
        self, node: Node, sources: Mapping[str, Source], bad_sources: set[str]
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
        self, fid: str, key: Node, node: Node, sources: Mapping[str, Source], bad_sources: set[str]
    ) -> Figure | None:
        owner = f"figure {quoted(fid)}"
        if node.__class__ is Scalar:
            ok, interval, percent = self._number(node, owner)
            if not ok:
                return None
            return Figure(id=fid, value=interval, text=node.value if interval is not None else "null",
                          percent=percent, line=key.line, column=key.column)
        if node.__class__ is not MappingNode:
            self.problem(node, f"{owner} must be a number, a hedged number or a mapping with value or series, not {type_name(node)}")
            return None
        items, ok = self.pairs(node, owner, FIGURE_KEYS)
        keys = _Keys(self, owner, key, items)
        what, unit, quote, note = keys.text("what"), keys.text("unit"), keys.text("quote"), keys.text("note")
        period = keys.read("period", lambda v: self._period(v, f"{owner}: period"), None)
        source = keys.read("source", lambda v: self._source_ref(v, owner, sources, bad_sources), None)
        percent = unit is not None and unit.strip().lower() in ("percent", "per cent", "%")
        rounded = keys.read("rounded", lambda v: self._flag(v, f"{owner}: rounded"), False)
        complete = keys.read("complete", lambda v: self._flag(v, f"{owner}: complete"), None)
        ok = ok and keys.ok
        if complete is not None and "series" not in items:
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
            text = vnode.value if value is not None and vnode.__class__ is Scalar else "null"
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
            what=what, unit=unit, period=period, source=source,
            quote=quote, note=note, line=key.line, column=key.column,
            rounded=rounded, complete=bool(complete),
        )

    def _series(self, node: Node, owner: str, *, rounded: bool = False) -> tuple[bool, Any, bool, str]:
        """Period -> value.  Periods of different kinds may be mixed (two
        elections in 1974, ``1974-02`` and ``1974-10``, beside yearly
        ones) as long as no two of them overlap: a point for 1974 beside
        one for 1974-02 would count February twice."""
        if node.__class__ is not MappingNode:
            self.problem(node, f"{owner}: series must map periods to values, not {type_name(node)}",
                         "write series: {2023: 7779, 2024: 13699}")
            return False, None, False, ""
        ok = True
        points: dict[Period, tuple[Node, Interval | None]] = {}
        texts = []
        percent = False
        kinds: set[str] = set()
        for key, value in node.pairs:
            period = self._period(key, f"{owner}: series period")
            if period is None or period is INVALID:
                if period is None:
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
            texts.append(f"{period}: {value.value if value.__class__ is Scalar else '?'}")
        series = tuple(sorted(((p, iv) for p, (_, iv) in points.items()), key=lambda pv: pv[0].sort_key()))
        return ok, series, percent, "{" + ", ".join(texts) + "}"

    # ---- claims ----------------------------------------------------------------
    def _claims(
        self,
        node: Node,
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
        key: Node,
        node: Node,
        topic: str,
        sources: Mapping[str, Source],
        bad_sources: set[str],
        figures: Mapping[str, Figure],
        bad_figures: set[str],
    ) -> Claim | None:
        owner = f"claim {quoted(cid)}"
        fields = self.mapping(node, owner)
        if fields is None:
            return None
        items, ok = self.pairs(fields, owner, CLAIM_KEYS)
        marks = tuple((k, v.line, v.column) for k, (_, v) in items.items())
        keys = _Keys(self, owner, key, items)
        says = keys.read("says", lambda v: self._says(v, owner), None,
                         missing="add says: the statement, such as 'nearly four times higher'")
        of = keys.read("of", lambda v: self._expression(v, "of", owner, figures, bad_figures, required=True), None,
                       missing="add of: the figure the statement is about")
        vs = keys.read("vs", lambda v: self._expression(v, "vs", owner, figures, bad_figures, required=False), None)
        expect = keys.read("expect", lambda v: self._expect(v, owner), "holds")
        source = keys.read("source", lambda v: self._source_ref(v, owner, sources, bad_sources), None)
        quote, note = keys.text("quote"), keys.text("note")
        claim_reviewed = keys.read("claim_reviewed", lambda v: self._claim_reviewed(v, owner), None)
        publish = keys.read("publish", lambda v: self._flag(v, f"{owner}: publish"), True)
        settings = self.settings
        hedge = keys.read("hedge_tolerance", lambda v: self._tolerance(v, f"{owner}: hedge_tolerance"), None)
        if hedge is not None:
            settings = settings._replace(hedge_tolerance=hedge)
        word = keys.read("word_tolerance", lambda v: self._tolerance(v, f"{owner}: word_tolerance"), None)
        if word is not None:
            settings = settings._replace(word_tolerance=word)
        if not (ok and keys.ok) or says is None or of is None:
            return None
        return Claim(
            id=cid, topic=topic, file=self.file, line=key.line, column=key.column, says=says,
            of_text=of[1], vs_text=vs[1] if vs else None, of=of[0], vs=vs[0] if vs else None, expect=expect,
            source=source, quote=quote, note=note, settings=settings, marks=marks,
            claim_reviewed=claim_reviewed, publish=publish,
        )

    def _says(self, node: Node, owner: str) -> str | _Invalid:
        got = self.text(node, f"{owner}: says", strict=True)
        if got is INVALID:
            return got
        if got is None or not got.strip():
            self.problem(node, f"{owner}: says is empty", "write the statement, such as 'nearly four times higher'")
            return INVALID
        return got

    def _expect(self, node: Node, owner: str) -> str | _Invalid:
        got = self.text(node, f"{owner}: expect", strict=True)
        if got is INVALID:
            return got
        if got not in EXPECTS:
            best = self.nearest(str(got), EXPECTS)
            self.problem(
                node,
                f"{owner}: expect must be one of {', '.join(EXPECTS)}, not {quoted(str(got))}",
                did_you_mean(best),
            )
            return INVALID
        return got

    def _claim_reviewed(self, node: Node, owner: str) -> str | None | _Invalid:
        got = self.text(node, f"{owner}: claim_reviewed")
        if got is not None and got is not INVALID and not got.strip():
            self.problem(node, f"{owner}: claim_reviewed is empty",
                         "write a short wording of the claim, or leave it out to use says")
            return INVALID
        return got

    def _tolerance(self, node: Node, what: str) -> Fraction | _Invalid:
        if node.__class__ is not Scalar or scalar_type(node) not in ("int", "float", "str"):
            self.problem(node, f"{what} must be a number, not {type_name(node)}")
            return INVALID
        try:
            return parse_tolerance(node.value)
        except ValueError as exc:
            self.problem(node, f"{what} {exc}")
            return INVALID

    def _expression(
        self,
        node: Node,
        key: str,
        owner: str,
        figures: Mapping[str, Figure],
        bad_figures: set[str],
        *,
        required: bool,
    ) -> tuple[Expr, str] | None | _Invalid:
        """An ``of`` or ``vs`` value: the expression and its text, or None
        for an empty ``vs``."""
        what = f"{owner}: {key}"
        if node.__class__ is not Scalar:
            self.problem(node, f"{what} must be an expression such as 'a + b', not {type_name(node)}")
            return INVALID
        kind = scalar_type(node)
        if kind == "null":
            if required:
                self.problem(node, f"{what} is empty", "name a figure of this file")
                return INVALID
            return None
        if kind not in ("str", "int", "float"):
            self.problem(node, f"{what} must be an expression such as 'a + b', not {type_name(node)}")
            return INVALID
        text = node.value
        try:
            expr = parse_expression(text)
        except ExpressionError as exc:
            self._expression_problem(node, what, exc)
            return INVALID
        except RecursionError:  # defensive: bounded by MAX_DEPTH already
            self.problem(node, f"{what} nests too deeply")
            return INVALID
        # A figure that had its own error was reported already; a claim over
        # it cannot be checked, but is not reported twice.
        if bad_figures and any(r.id in bad_figures for r in expr.ref_nodes()):
            return INVALID
        errors = check_expression(expr, figures, suggest=lambda name: self.nearest(name, figures))
        for error in errors:
            self._expression_problem(node, what, error)
        return INVALID if errors else (expr, text)

    def _expression_problem(self, node: Scalar, what: str, exc: ExpressionError) -> None:
        """Report an expression error at its own column: ``what`` is "claim 'x': of"."""
        # Columns inside the value are exact for one-line plain or quoted
        # scalars (a quote adds one); for block scalars, point at the value.
        style = node.style
        offset = 0
        if node.line == node.end_line:
            if style is None:
                offset = exc.offset
            elif style in ("'", '"') and "\\" not in node.value and "'" not in node.value:
                offset = exc.offset + 1
        self.problem(node, f"{what}: {exc.message}", exc.hint, column_offset=offset)


class _Keys:
    """The values of one mapping's keys, each read by a reader that reports
    its problems and returns INVALID; ``ok`` turns False at the first."""

    __slots__ = ("reader", "owner", "owner_key", "items", "ok")

    def __init__(self, reader: _FileReader, owner: str, owner_key: Node, items: Mapping[str, tuple[Node, Node]]) -> None:
        self.reader = reader
        self.owner = owner  # "claim 'x'", for messages
        self.owner_key = owner_key  # where a missing key is reported
        self.items = items
        self.ok = True

    def read(self, key: str, read: Callable[[Node], _T | _Invalid], default: _D, *,
             missing: str | None = None) -> _T | _D:
        """The value of ``key`` as ``read`` has it, or ``default`` when the key
        is absent or in error.  A ``missing`` hint makes the key required."""
        entry = self.items.get(key)
        if entry is None:
            if missing is not None:
                self.reader.problem(self.owner_key, f"{self.owner} has no {key!r}", missing)
                self.ok = False
            return default
        got = read(entry[1])
        if isinstance(got, _Invalid):
            self.ok = False
            return default
        return got

    def text(self, key: str) -> str | None:
        """A free-text key (``quote``, ``note``...), None when absent."""
        return self.read(key, lambda node: self.reader.text(node, f"{self.owner}: {key}"), None)
