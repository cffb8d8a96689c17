"""The ``text`` format, for people: one block per claim (verdict in colour,
✓ or ✗ against the expected verdict, the arithmetic), file errors as
``file:line:col: message (hint)`` on stderr, and a summary line.

Also renders ``factcheck show`` (sources, a table of figures, a bar chart
per series) and ``factcheck check``.  rich is imported inside the functions
so that importing the reporters costs nothing at start-up.  Colour follows
rich: off when the stream is not a terminal or ``NO_COLOR`` is set.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Protocol, TextIO

from .base import part_pieces, several_parts, visible

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from ..model import Claim, ClaimResult, Figure, Outcome, Problem
    from ..numbers import Interval
    from ..show import Match
    from .base import Report

__all__ = ["report", "show", "statement", "series_chart", "console"]

VERDICT_STYLE = {"holds": "green", "imprecise": "yellow", "fails": "red", "unverifiable": "magenta"}
#: Verdicts are padded to the longest so that the claim ids line up.
_PAD = max(map(len, VERDICT_STYLE))
_BLOCKS = " ▏▎▍▌▋▊▉█"


_CONSOLE_CLASS: type[Console] | None = None


def console_class() -> type[Console]:
    """rich's Console, but a closed pipe raises BrokenPipeError (which the
    command line turns into exit 141, as for every other write) where rich
    would exit 1 itself."""
    global _CONSOLE_CLASS
    if _CONSOLE_CLASS is None:
        from rich.console import Console

        class PipeConsole(Console):
            def on_broken_pipe(self) -> None:
                self.quiet = True
                raise BrokenPipeError

        _CONSOLE_CLASS = PipeConsole
    return _CONSOLE_CLASS


def console(stream: TextIO, *, soft_wrap: bool = True) -> Console:
    """A console on ``stream`` that never reinterprets the text it prints
    (intervals such as ``[3.6, 4)`` are not markup) and never hard-wraps
    lines into a pipe (unless ``soft_wrap`` is False: ``show`` lays out its
    tables to the width)."""
    return console_class()(file=stream, highlight=False, markup=False, emoji=False, soft_wrap=soft_wrap)


def styled(stream: TextIO) -> bool:
    """Whether rich would style its output on ``stream``: a terminal, or
    colour forced (FORCE_COLOR, TTY_COMPATIBLE=1).  When not, ``verify``
    writes its lines itself, the same text without importing rich."""
    env = os.environ
    if env.get("FORCE_COLOR") or env.get("TTY_COMPATIBLE") == "1":
        return True
    if env.get("TTY_COMPATIBLE") == "0":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed or not a real stream
        return False


# --------------------------------------------------------------------------
# pieces: a line is a list of (text, style) segments, printed through rich
# (to a terminal) or joined as they are (to a pipe or file)
# --------------------------------------------------------------------------

Segment = tuple[str, str]
Line = list[Segment]


class LineWriter(Protocol):
    """Writes one line, after ``indent`` spaces (:func:`line_writer`)."""

    def __call__(self, line: Line, indent: int = 0) -> None: ...


class _Renderer(Protocol):
    """One line, after ``indent`` spaces, as the text to write."""

    def __call__(self, line: Line, indent: int = 0) -> str: ...


def _verdict(verdict: str, *, pad: bool = True) -> Segment:
    return (verdict.ljust(_PAD) if pad else verdict), f"bold {VERDICT_STYLE.get(verdict, '')}".strip()


def _mark(ok: bool) -> Segment:
    return ("✓", "green") if ok else ("✗", "bold red")


def _where(file: str, line: int | None, column: int | None = None) -> str:
    if line is None:
        return file
    return f"{file}:{line}" + (f":{column}" if column is not None else "")


def _outcome_lines(outcome: Outcome, *, detail: bool) -> list[Line]:
    """The arithmetic of a verdict, one line each (the caller indents).

    A statement with several checked parts (docs/semantics.md, "Statements with several parts") shows a
    line per part, each with its verdict and arithmetic, in place of the
    explanation (and, in detail, a line with the part's role and reading
    under each); a statement with one part reads as it always has."""
    if several_parts(outcome):
        lines: list[Line] = []
        for part in outcome.parts:
            body, verdict = part_pieces(part)
            line: Line = [(body, "")]
            if verdict is not None:
                line += [(": ", ""), _verdict(verdict, pad=False)]
            lines.append(line)
            if detail:
                lines.append([("  " + _arithmetic(part.reading, part.computed, part.accepted, role=part.role), "dim")])
    else:
        lines = [[(outcome.explanation, "")]]
        if detail:
            lines.append([(_arithmetic(outcome.reading, outcome.computed, outcome.accepted), "dim")])
    # the notes explain an ambiguity in words; this line gives the other verdict at a glance
    if outcome.ambiguous and outcome.strict_verdict and outcome.strict_verdict != outcome.verdict:
        lines.append([("ambiguous wording; under the strict reading: ", ""), _verdict(outcome.strict_verdict, pad=False)])
    lines += [[(f"note: {note}", "italic")] for note in outcome.notes]
    if outcome.needed:
        lines.append([(f"needed: {outcome.needed}", "")])
    return lines


def _arithmetic(reading: str, computed: str | None, accepted: str | None, *, role: str | None = None) -> str:
    """``reading: ratio; computed: 2.556; accepted: [2.45, 2.55]`` (a part's
    role first)."""
    parts = [f"role: {role}"] if role is not None else []
    parts.append(f"reading: {reading}")
    if computed is not None:
        parts.append(f"computed: {computed}")
    if accepted is not None:
        parts.append(f"accepted: {accepted}")
    return "; ".join(parts)


def _claim_head(claim: Claim, result: ClaimResult | None, *, always_where: bool) -> Line:
    if result is None:
        head: Line = [("? " + "not checked".ljust(_PAD), "bold")]
    else:
        head = [_mark(result.ok), (" ", ""), _verdict(result.outcome.verdict)]
    head += [("  ", ""), (claim.id, "bold"), (f'  "{claim.says}"', "")]
    if result is not None and not result.ok:
        head.append((f"  expected {claim.expect}", "bold red"))
    if always_where or (result is not None and not result.ok):
        head.append((f"  {_where(claim.file, claim.line, claim.column)}", "dim"))
    return head


def _text(line: Line) -> Text:
    from rich.text import Text

    return Text.assemble(*[(visible(text), style) for text, style in line])


def _print_indented(c: Console, lines: Sequence[Line | Text], *, indent: int = 4) -> None:
    """Indent each line; a line longer than the console wraps under itself
    (a console that soft-wraps leaves long lines whole, for grep)."""
    from rich.padding import Padding
    from rich.text import Text

    for line in lines:
        text = line if isinstance(line, Text) else _text(line)
        if c.soft_wrap:
            c.print(Text(" " * indent) + text)
        else:
            c.print(Padding(text, (0, 0, 0, indent), expand=False))


def _problems(problems: Sequence[Problem], err: TextIO) -> None:
    if not problems:
        return
    if not styled(err):
        err.write("".join(f"{visible(str(problem))}\n" for problem in problems))
        return
    from rich.text import Text

    c = console(err)
    for problem in problems:
        c.print(Text(visible(str(problem)), style="red"))  # file:line:col: message (hint)


# --------------------------------------------------------------------------
# verify
# --------------------------------------------------------------------------


#: Lines written at once: one write per line made a terminal 3.4 times
#: slower than a pipe (a tty's stream flushes at every newline).
_BATCH = 512


def report(rep: Report, *, out: TextIO, err: TextIO, rich: bool | None = None) -> None:
    """One block per claim, the problems on ``err``, the summary line.

    Styled when ``out`` is a terminal (or colour is forced; ``rich`` forces
    the choice): each line is written with the ANSI codes rich would write
    for its styles, computed once per style, and lines go out in batches,
    so that a terminal is about as fast as a pipe."""
    render = _renderer(out, rich)
    batch: list[str] = []
    for result in rep.shown():
        batch.append(render(_claim_head(result.claim, result, always_where=False)))
        for line in _outcome_lines(result.outcome, detail=False):
            batch.append(render(line, 4))
        if len(batch) >= _BATCH:
            out.write("".join(batch))
            batch.clear()
    if batch:
        out.write("".join(batch))
    _problems(rep.problems, err)
    # --quiet lists fewer results, but always ends with the counts
    good = not rep.unexpected_count and not rep.problems
    out.write(render([(rep.summary_line(), "bold green" if good else "bold red")]))


def line_writer(out: TextIO, *, rich: bool | None = None) -> LineWriter:
    """A function writing one line (and its indent) to ``out``: styled as
    ``report`` styles it on a terminal (or when ``rich`` says so), plain
    otherwise; control characters always made visible."""
    render = _renderer(out, rich)

    def write(line: Line, indent: int = 0) -> None:
        out.write(render(line, indent))

    return write


def _renderer(out: TextIO, rich: bool | None) -> _Renderer:
    """Lines to text for ``out``: styled on a terminal (or as ``rich``
    forces), plain otherwise."""
    return _styled_renderer(out) if (styled(out) if rich is None else rich) else _plain_line


def _plain_line(line: Line, indent: int = 0) -> str:
    return visible(" " * indent + "".join(text for text, _ in line)) + "\n"


def _styled_renderer(out: TextIO) -> _Renderer:
    """A function from a line to its text with ANSI codes, as rich's
    console on ``out`` would write it (colour system, NO_COLOR), without a
    rich ``print`` per line."""
    from rich.color import ColorSystem
    from rich.style import Style

    c = console(out)
    system = {"standard": ColorSystem.STANDARD, "256": ColorSystem.EIGHT_BIT, "truecolor": ColorSystem.TRUECOLOR,
              "windows": ColorSystem.WINDOWS}.get(c.color_system or "")
    codes: dict[str, tuple[str, str]] = {}

    def wrap(style: str) -> tuple[str, str]:
        got = codes.get(style)
        if got is None:
            if not style or system is None:
                got = ("", "")
            else:
                parsed = Style.parse(style)
                if c.no_color:
                    parsed = parsed.without_color
                before, _, after = parsed.render("\0", color_system=system).partition("\0")
                got = (before, after)
            codes[style] = got
        return got

    def render(line: Line, indent: int = 0) -> str:
        parts = [" " * indent]
        for text, style in line:
            before, after = wrap(style)
            parts.append(before + visible(text) + after)
        return "".join(parts) + "\n"

    return render


# --------------------------------------------------------------------------
# check
# --------------------------------------------------------------------------


def statement(says: str, outcome: Outcome, *, out: TextIO) -> None:
    """``factcheck check``: the verdict on one statement and its arithmetic."""
    c = console(out)
    c.print(_text([_mark(outcome.verdict == "holds"), (" ", ""), _verdict(outcome.verdict, pad=False), (f'  "{says}"', "")]))
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


#: Between two columns of the figures table (padding and the rule's gap).
_TABLE_GAP = 3
#: The narrowest the figures table lets its wrapping columns (value, what) be.
_MIN_VALUE, _MIN_WHAT = 12, 16


def show(matches: Sequence[Match], *, out: TextIO, err: TextIO) -> None:
    """``factcheck show``: each match with its topic, sources, figures, bar
    charts of series and every claim that touches it, with its arithmetic.

    Ids and URLs are never split or cut: the figures table is used when its
    id, period and source columns fit whole beside narrow value and what
    columns, and each figure is a block of lines otherwise; a source's URL
    has a line of its own, written whole (a terminal wraps it, and still
    opens or copies it as one)."""
    c = console(out, soft_wrap=False)
    problems: dict[Problem, None] = {}
    for i, m in enumerate(matches):
        if i:
            c.print()
        _show_heading(c, m)
        if m.sources:
            _show_sources(c, m)
        if m.figures:
            _show_figures(c, m)
        if m.claims:
            _show_claims(c, m)
        elif m.kind != "topic":
            from rich.text import Text

            c.print(Text("\nNo claim uses it.", style="dim"))
        problems.update(dict.fromkeys(m.problems))
    _problems(list(problems), err)


def _show_heading(c: Console, m: Match) -> None:
    """The topic's name and title as a rule, then its file and what matched."""
    from rich.text import Text

    v, t = visible, m.topic
    title = Text(v(t.name), style="bold")
    if t.title and len(t.name) + 2 + len(t.title) + 4 <= c.width:
        title.append(f": {v(t.title)}")
        c.rule(title, align="left")
    else:  # the rule would cut the title: it goes on a line of its own
        c.rule(title, align="left")
        if t.title:
            c.print(Text(v(t.title)))
    where = Text(v(t.file), style="dim")
    if m.kind != "topic":
        where.append(f"  ({m.kind} {v(m.name)})", style="dim")
    c.print(where)


def _show_sources(c: Console, m: Match) -> None:
    """Each source: id, title, publisher and date; its URL whole on a line of
    its own (a terminal can open it); id and title stacked when narrow."""
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    v = visible
    c.print(Text("\nSources", style="bold underline"))
    id_width = max(len(src.id) for src in m.sources)
    for src in m.sources:
        about = Text(v(src.title or "(untitled)"))
        extra = [v(x) for x in (src.publisher, src.date) if x]
        if extra:
            about.append(" — " + ", ".join(extra))
        if 2 + id_width + 2 + 20 <= c.width:
            grid = Table.grid(padding=(0, 2))
            grid.add_column(no_wrap=True, min_width=id_width)
            grid.add_column()
            grid.add_row(Text(v(src.id), style="bold"), about)
            c.print(Padding(grid, (0, 0, 0, 2), expand=False))
            url_indent = 2 + id_width + 2
        else:
            c.print(Text("  " + v(src.id), style="bold"))
            c.print(Padding(about, (0, 0, 0, 4), expand=False))
            url_indent = 4
        if src.url:
            c.print(Text(" " * url_indent + v(src.url), style="blue"), soft_wrap=True)


def _show_figures(c: Console, m: Match) -> None:
    """The figures as a table when its whole-word columns fit, else a block
    per figure (nothing dropped); then the figures' notes and series charts."""
    from rich import box
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    v = visible
    c.print(Text("\nFigures", style="bold underline"))
    rows = []
    for f in m.figures:
        value = _series_summary(f) if f.is_series else f.text or ("" if f.known else "null")
        rows.append((v(f.id), v(value), str(f.period) if f.period else "", v(f.what or ""), v(f.source or "")))
    whole = [max(len(r[k]) for r in rows + [("id", "", "period", "", "source")]) for k in (0, 2, 4)]
    if sum(whole) + _MIN_VALUE + _MIN_WHAT + 4 * _TABLE_GAP <= c.width:
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
        table.add_column("id", no_wrap=True, min_width=whole[0])
        table.add_column("value", overflow="fold", max_width=22, min_width=_MIN_VALUE)
        table.add_column("period", no_wrap=True, min_width=whole[1])
        table.add_column("what", overflow="fold", min_width=_MIN_WHAT)
        table.add_column("source", no_wrap=True, min_width=whole[2])
        for row in rows:
            table.add_row(*row)
        c.print(table)
    else:
        for fid, value, period, what, source in rows:
            head = Text(fid, style="bold")
            head.append("".join(f"  {x}" for x in (value, period) if x))
            c.print(head)
            if what:
                c.print(Padding(Text(what), (0, 0, 0, 4), expand=False))
            if source:
                c.print(Text(f"    source: {source}", style="dim"))
    for f in m.figures:
        if f.note:
            c.print(Text(f"  {v(f.id)}: ", style="bold").append(v(f.note), style="italic"))
    for f in m.figures:
        if f.is_series:
            head = Text("\n" + v(f.id), style="bold")
            if f.what:
                head.append(f": {v(f.what)}")
            c.print(head)
            for line in series_chart(f, width=max(10, min(40, c.width - 32))):
                c.print(line)


def _show_claims(c: Console, m: Match) -> None:
    """Every claim that touches the match: its head, quote, expressions, note
    and the arithmetic of its verdict."""
    from rich.text import Text

    c.print(Text("\nClaims", style="bold underline"))
    for claim, result in m.claims:
        c.print(_text(_claim_head(claim, result, always_where=True)))
        lines: list[Line] = [[(f"quote: “{claim.quote}”", "italic")]] if claim.quote else []
        lines.append([(f"of: {claim.of_text}" + (f"   vs: {claim.vs_text}" if claim.vs_text else ""), "dim")])
        if claim.note:
            lines.append([(f"note: {claim.note.strip()}", "")])
        if result is not None:
            lines += _outcome_lines(result.outcome, detail=True)
        _print_indented(c, lines)
