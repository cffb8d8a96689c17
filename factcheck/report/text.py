"""The ``text`` format, for people: one block per claim (verdict in colour,
✓ or ✗ against the expected verdict, the arithmetic), file errors as
``file:line:col: message (hint)`` on stderr, and a summary line.

Also renders ``factcheck show`` (sources, a table of figures, a bar chart
per series) and ``factcheck check``.  rich is imported inside the functions
so that importing the reporters costs nothing at start-up.  Colour follows
rich: off when the stream is not a terminal or ``NO_COLOR`` is set.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from ..model import Claim, ClaimResult, Figure, Outcome, Problem
    from ..numbers import Interval
    from .base import Report
    from ..show import Match

__all__ = ["report", "show", "statement", "series_chart", "console"]

VERDICT_STYLE = {"holds": "green", "imprecise": "yellow", "fails": "red", "unverifiable": "magenta"}
#: Verdicts are padded to the longest so that the claim ids line up.
_PAD = max(map(len, VERDICT_STYLE))
_BLOCKS = " ▏▎▍▌▋▊▉█"


def console(stream: TextIO) -> Console:
    """A console on ``stream`` that never reinterprets the text it prints
    (intervals such as ``[3.6, 4)`` are not markup) and never hard-wraps
    lines into a pipe."""
    from rich.console import Console

    return Console(file=stream, highlight=False, markup=False, emoji=False, soft_wrap=True)


# --------------------------------------------------------------------------
# pieces
# --------------------------------------------------------------------------


def _verdict(verdict: str, *, pad: bool = True) -> Text:
    from rich.text import Text

    return Text(verdict.ljust(_PAD) if pad else verdict, style=f"bold {VERDICT_STYLE.get(verdict, '')}".strip())


def _mark(ok: bool) -> Text:
    from rich.text import Text

    # a styled span, not a base style: what is appended later must not inherit it
    return Text.assemble(("✓", "green") if ok else ("✗", "bold red"))


def _where(file: str, line: int | None, column: int | None = None) -> str:
    if line is None:
        return file
    return f"{file}:{line}" + (f":{column}" if column is not None else "")


def _outcome_lines(outcome: Outcome, *, detail: bool) -> list[Text]:
    """The arithmetic of a verdict, one line each (the caller indents)."""
    from rich.text import Text

    lines = [Text(outcome.explanation)]
    if detail:
        parts = [f"reading: {outcome.reading}"]
        if outcome.computed is not None:
            parts.append(f"computed: {outcome.computed}")
        if outcome.accepted is not None:
            parts.append(f"accepted: {outcome.accepted}")
        lines.append(Text("; ".join(parts), style="dim"))
    # the notes explain an ambiguity in words; this line gives the other verdict at a glance
    if outcome.ambiguous and outcome.strict_verdict and outcome.strict_verdict != outcome.verdict:
        line = Text("ambiguous wording; under the strict reading: ")
        line.append_text(_verdict(outcome.strict_verdict, pad=False))
        lines.append(line)
    lines += [Text(f"note: {note}", style="italic") for note in outcome.notes]
    if outcome.needed:
        lines.append(Text(f"needed: {outcome.needed}"))
    return lines


def _print_indented(c: Console, lines: Sequence[Text], *, indent: int = 4) -> None:
    """Indent each line; a line longer than the console wraps under itself
    (a console that soft-wraps leaves long lines whole, for grep)."""
    from rich.padding import Padding
    from rich.text import Text

    for line in lines:
        if c.soft_wrap:
            c.print(Text(" " * indent) + line)
        else:
            c.print(Padding(line, (0, 0, 0, indent), expand=False))


def _claim_head(claim: Claim, result: ClaimResult | None, *, always_where: bool) -> Text:
    from rich.text import Text

    if result is None:
        head = Text()
        head.append("? " + "not checked".ljust(_PAD), style="bold")
    else:
        head = _mark(result.ok)
        head.append(" ")
        head.append_text(_verdict(result.outcome.verdict))
    head.append("  ")
    head.append(claim.id, style="bold")
    head.append(f'  "{claim.says}"')
    if result is not None and not result.ok:
        head.append(f"  expected {claim.expect}", style="bold red")
    if always_where or (result is not None and not result.ok):
        head.append(f"  {_where(claim.file, claim.line, claim.column)}", style="dim")
    return head


def _problems(problems: Sequence[Problem], err: TextIO) -> None:
    from rich.text import Text

    c = console(err)
    for problem in problems:
        c.print(Text(str(problem), style="red"))  # file:line:col: message (hint)


# --------------------------------------------------------------------------
# verify
# --------------------------------------------------------------------------


def report(rep: Report, *, out: TextIO, err: TextIO) -> None:
    from rich.text import Text

    c = console(out)
    for result in rep.shown():
        c.print(_claim_head(result.claim, result, always_where=False))
        _print_indented(c, _outcome_lines(result.outcome, detail=False))
    _problems(rep.problems, err)
    if not rep.quiet:
        good = not rep.unexpected_count and not rep.problems
        c.print(Text(rep.summary_line(), style="bold green" if good else "bold red"))


# --------------------------------------------------------------------------
# check
# --------------------------------------------------------------------------


def statement(says: str, outcome: Outcome, *, out: TextIO) -> None:
    """``factcheck check``: the verdict on one statement and its arithmetic."""
    c = console(out)
    head = _mark(outcome.verdict == "holds")
    head.append(" ")
    head.append_text(_verdict(outcome.verdict, pad=False))
    head.append(f'  "{says}"')
    c.print(head)
    _print_indented(c, _outcome_lines(outcome, detail=True))


# --------------------------------------------------------------------------
# show
# --------------------------------------------------------------------------


def _representative(x: Interval) -> Fraction:
    """The length to draw for a value that may be a range: its lower bound,
    else its upper bound (``at most 20``)."""
    v = x.lo if x.lo is not None else x.hi
    return abs(v) if v is not None else Fraction(0)


def _bar(value: Fraction, top: Fraction, width: int) -> str:
    if top <= 0:
        return ""
    eighths = value * width * 8 / top
    n = int(eighths + Fraction(1, 2))  # rounded half up, exactly
    return "█" * (n // 8) + (_BLOCKS[n % 8] if n % 8 else "")


def series_chart(figure: Figure, *, width: int = 40) -> list[Text]:
    """A horizontal bar per period, scaled to the largest value; unknown
    points and periods missing from the series are marked as such."""
    from rich.text import Text

    from ..periods import Period, missing_between

    points = sorted(figure.series or (), key=lambda p: p[0].sort_key())
    # periods missing between the first and the last point, consecutive ones
    # as one row ("2011–2021"); only meaningful when all points are one kind
    runs: list[list[Period]] = []
    if len({p.kind for p, _ in points}) == 1:
        for gap in missing_between([p for p, _ in points]):
            if runs and runs[-1][-1].shift(1) == gap:
                runs[-1].append(gap)
            else:
                runs.append([gap])
    events = [(p, str(p), v, False) for p, v in points]
    events += [(r[0], str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}", None, True) for r in runs]
    events.sort(key=lambda e: e[0].sort_key())
    rows = [(label, v, missing) for _, label, v, missing in events]

    top = max((_representative(v) for _, v, _ in rows if v is not None), default=Fraction(0))
    label_width = max((len(label) for label, _, _ in rows), default=0)
    lines = []
    for label, value, missing in rows:
        line = Text("  " + label.ljust(label_width) + "  ")
        if missing:
            line.append("no data", style="dim italic")
        elif value is None:
            line.append("unknown", style="yellow italic")
        else:
            bar = _bar(_representative(value), top, width)
            line.append(bar, style="cyan")
            line.append((" " if bar else "") + value.describe())
        lines.append(line)
    return lines


def _series_summary(figure: Figure) -> str:
    """A series in the figures table: its span and size; the chart has the values."""
    periods = sorted((p for p, _ in figure.series or ()), key=lambda p: p.sort_key())
    if not periods:
        return "series, empty"
    return f"series {periods[0]}" if len(periods) == 1 else f"series {periods[0]}–{periods[-1]}"


def show(matches: Sequence[Match], *, out: TextIO, err: TextIO) -> None:
    """``factcheck show``: each match with its topic, sources, figures, bar
    charts of series and every claim that touches it, with its arithmetic."""
    from rich import box
    from rich.console import Console
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    c = Console(file=out, highlight=False, markup=False, emoji=False)
    problems: dict[Problem, None] = {}
    for i, m in enumerate(matches):
        if i:
            c.print()
        t = m.topic
        title = Text(t.name, style="bold")
        if t.title:
            title.append(f": {t.title}")
        c.rule(title, align="left")
        where = Text(t.file, style="dim")
        if m.kind != "topic":
            where.append(f"  ({m.kind} {m.name})", style="dim")
        c.print(where)

        if m.sources:
            c.print(Text("\nSources", style="bold underline"))
            grid = Table.grid(padding=(0, 2))
            grid.add_column(no_wrap=True)
            grid.add_column(overflow="fold")  # a long URL folds whole, never cut
            for src in m.sources:
                about = Text(src.title or "(untitled)")
                extra = [x for x in (src.publisher, src.date) if x]
                if extra:
                    about.append(" — " + ", ".join(extra))
                if src.url:  # whole, so that a terminal can open it
                    about.append("\n" + src.url, style="blue")
                grid.add_row(Text(src.id, style="bold"), about)
            c.print(Padding(grid, (0, 0, 0, 2), expand=False))

        if m.figures:
            c.print(Text("\nFigures", style="bold underline"))
            table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
            table.add_column("id", overflow="fold")
            table.add_column("value", overflow="fold", max_width=22)
            table.add_column("period", overflow="fold")
            table.add_column("what", overflow="fold", min_width=24)
            table.add_column("source", overflow="fold")
            for f in m.figures:
                value = _series_summary(f) if f.is_series else f.text or ("" if f.known else "null")
                table.add_row(f.id, value, str(f.period) if f.period else "", f.what or "", f.source or "")
            c.print(table)
            noted = [f for f in m.figures if f.note]
            for f in noted:
                c.print(Text(f"  {f.id}: ", style="bold").append(f.note or "", style="italic"))
            for f in m.figures:
                if f.is_series:
                    head = Text("\n" + f.id, style="bold")
                    if f.what:
                        head.append(f": {f.what}")
                    c.print(head)
                    for line in series_chart(f):
                        c.print(line)

        if m.claims:
            c.print(Text("\nClaims", style="bold underline"))
            for claim, result in m.claims:
                c.print(_claim_head(claim, result, always_where=True))
                lines = [Text(f"quote: “{claim.quote}”", style="italic")] if claim.quote else []
                lines.append(Text(f"of: {claim.of_text}" + (f"   vs: {claim.vs_text}" if claim.vs_text else ""),
                                  style="dim"))
                if claim.note:
                    lines.append(Text(f"note: {claim.note.strip()}"))
                if result is not None:
                    lines += _outcome_lines(result.outcome, detail=True)
                _print_indented(c, lines)
        elif m.kind != "topic":
            c.print(Text("\nNo claim uses it.", style="dim"))
        problems.update(dict.fromkeys(m.problems))
    _problems(list(problems), err)
