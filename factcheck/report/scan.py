"""Output of ``factcheck scan``: text for people (the sentence with the
statement highlighted, the numbers used and why, the verdict and its
arithmetic; rich on a terminal, plain in a pipe) and the JSON object of
the contract (docs/scan.md and docs/claims-format.md, "JSON output")."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TextIO

from .text import LineWriter, _outcome_lines, _verdict, line_writer

if TYPE_CHECKING:
    from ..scan import ArticleScan, Statement
    from ..scan.article import ArticleError
    from ..scan.mentions import Mention

__all__ = ["Tally", "text_report", "json_report", "article_object", "statement_object"]

VERSION = 1
_VERDICTS = ("holds", "imprecise", "fails", "unverifiable")


class Tally:
    """The counts of a run, for the summary and the exit code."""

    def __init__(self) -> None:
        self.counts = dict.fromkeys(_VERDICTS, 0)
        self.errors = 0

    def add(self, scan: ArticleScan) -> None:
        for st in scan.statements:
            self.counts[st.outcome.verdict] += 1

    @property
    def alarms(self) -> int:
        return self.counts["imprecise"] + self.counts["fails"]

    def summary(self) -> dict[str, int]:
        return {"statements": sum(self.counts.values()), **self.counts}

    def line(self) -> str:
        s = self.summary()
        noun = "statement" if s["statements"] == 1 else "statements"
        errors = f"; {self.errors} unreadable" if self.errors else ""
        return f"{s['statements']} {noun}: " + ", ".join(f"{s[v]} {v}" for v in _VERDICTS) + errors


def _error_line(err: ArticleError) -> str:
    return f"{err.file}: {err.message}" + (f" ({err.hint})" if err.hint else "")


# --------------------------------------------------------------------------
# text
# --------------------------------------------------------------------------


def _figure(name: str, m: Mention | None, reason: str) -> str:
    if m is None:
        return f"{name}: none, {reason}"
    return f"{name} = {' '.join(m.text.split())}  ({reason})"


def text_report(items: Iterable[ArticleScan | ArticleError], *, out: TextIO, err: TextIO,
                rich: bool | None = None) -> Tally:
    """Each article's statements, unreadable articles on ``err``, a summary line."""
    from ..scan.article import ArticleError

    write = line_writer(out, rich=rich)
    tally = Tally()
    first = True
    for item in items:
        if isinstance(item, ArticleError):
            tally.errors += 1
            err.write(f"factcheck: {_error_line(item)}\n")
            continue
        tally.add(item)
        a = item.article
        if not first:
            write([("", "")])
        first = False
        about = ", ".join(x for x in (a.title, a.publisher, a.date) if x)
        n = len(item.statements)
        write([(a.file, "bold"), (f"  {about}" if about else "", ""),
               (f"  ({n} statement{'s' if n != 1 else ''})", "dim")])
        for st in item.statements:
            _statement_lines(st, a.text, write)
    write([(tally.line(), "bold red" if tally.alarms else "bold green")])
    return tally


def _statement_lines(st: Statement, text: str, write: LineWriter) -> None:
    s = st.sentence
    write([_verdict(st.outcome.verdict), (f'  "{st.says}"', ""), (f"  [{st.start}:{st.end}]", "dim")], indent=2)
    before = " ".join(text[s.start:st.start].split())
    inside = " ".join(text[st.start:st.end].split())
    after = " ".join(text[st.end:s.end].split())
    line = [(before + (" " if before else ""), "dim"), (inside, "bold underline"), ((" " if after and after[0].isalnum() else "") + after, "dim")]
    write([("in: ", "")] + line, indent=6)
    p = st.pairing
    write([(_figure("A", p.a.mention, p.a.reason), "")], indent=6)
    if p.b is not None:
        write([(_figure("B", p.b.mention, p.b.reason), "")], indent=6)
    if p.candidates:
        shown = ", ".join(" ".join(m.text.split()) for m in p.candidates)
        write([(f"candidates for B: {shown}", "")], indent=6)
    for line in _outcome_lines(st.outcome, detail=False):
        write(line, indent=6)


# --------------------------------------------------------------------------
# json
# --------------------------------------------------------------------------


def _number(m: Mention | None) -> dict[str, Any] | None:
    if m is None:
        return None
    from ..numbers import fmt

    value = m.number.value
    shown = fmt(value) if m.hedge == "none" else f"{m.hedge_text.lower()} {fmt(value)}"
    return {"text": " ".join(m.text.split()), "value": shown, "start": m.start, "end": m.end,
            "form": m.form, "noun": m.noun, "period": m.period}


def statement_object(st: Statement) -> dict[str, Any]:
    """One statement, with the keys of the contract first."""
    o, p = st.outcome, st.pairing
    return {
        "says": st.says,
        "start": st.start,
        "end": st.end,
        "sentence": " ".join(st.sentence.text.split()),
        "a": _number(p.a.mention),
        "b": _number(p.b.mention) if p.b is not None else None,
        "verdict": o.verdict,
        "reading": o.reading,
        "computed": o.computed,
        "accepted": o.accepted,
        "ambiguous": o.ambiguous,
        "strict_verdict": o.strict_verdict,
        "explanation": o.explanation,
        "needed": o.needed,
        "pairing": {"a": p.a.reason, "b": p.b.reason if p.b is not None else None},
        "candidates": [_number(m) for m in p.candidates],
        "notes": list(o.notes),
    }


def article_object(scan: ArticleScan) -> dict[str, Any]:
    a = scan.article
    return {"file": a.file, "title": a.title, "url": a.url, "date": a.date,
            "statements": [statement_object(st) for st in scan.statements], "publisher": a.publisher}


def json_report(items: Iterable[ArticleScan | ArticleError], *, out: TextIO, err: TextIO) -> Tally:
    """``dumps`` of the whole object: articles, errors, summary."""
    from ..scan.article import ArticleError
    from .json import dumps

    tally = Tally()
    articles: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, ArticleError):
            tally.errors += 1
            errors.append({"file": item.file, "message": item.message, "hint": item.hint})
            err.write(f"factcheck: {_error_line(item)}\n")
        else:
            tally.add(item)
            articles.append(article_object(item))
    out.write(dumps({"version": VERSION, "articles": articles, "errors": errors, "summary": tally.summary()}))
    return tally


REPORTERS = {"text": text_report, "json": json_report}
