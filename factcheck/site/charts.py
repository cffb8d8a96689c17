"""Series as inline SVG: a horizontal bar per period, drawn by factcheck.

The same chart as ``factcheck show`` prints in a terminal (a row per
period, scaled to the largest value), as a small accessible SVG: a
``<title>`` and a ``<desc>`` that lists every point in words, a period axis
with a label per row, a value axis with round ticks, and the periods
without a value marked as gaps ("unknown" for a ``null`` point, "no data"
for a period the series does not list between its first and last).

Coordinates are exact fractions rounded to two decimals only when written,
so the same series always gives the same bytes.  Every piece of text that
comes from a claim file goes through :func:`markupsafe.escape`.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, NamedTuple

from markupsafe import Markup, escape

if TYPE_CHECKING:
    from ..model import Figure
    from ..numbers import Interval

__all__ = ["Row", "rows", "series_svg", "nice_ticks"]

#: the chart's own units: the SVG scales to its box (CSS), text with it
WIDTH = 400
ROW = 24
BAR = 15
FONT = 13
#: an estimate of one character's width at FONT (no font metrics here)
CHAR = Fraction(84, 10)
TOP = 6
AXIS = 40  # below the rows: ticks, tick labels and the axis title

BAR_FILL = "#2f6fb0"
RANGE_FILL = "#9cc1e6"
GAP_STROKE = "#8a6d00"
AXIS_STROKE = "#6b6b6b"
TEXT_FILL = "#1f1f1f"


class Row(NamedTuple):
    """One row of the chart: a period (or a run of missing periods), its
    value (None when unknown or missing) and whether it is missing from the
    series altogether (not listed) rather than listed as unknown."""

    label: str
    value: Interval | None
    missing: bool = False


def rows(figure: Figure) -> list[Row]:
    """The rows of a series, in period order: each point, and each run of
    consecutive periods missing between the first and the last point (one
    row, ``2011–2019``), as ``factcheck show`` lists them."""
    from ..periods import Period, missing_between

    points = sorted(figure.series or (), key=lambda p: p[0].sort_key())
    runs: list[list[Period]] = []
    if len({p.kind for p, _ in points}) == 1:  # gaps only mean something within one kind
        for gap in missing_between([p for p, _ in points]):
            if runs and runs[-1][-1].shift(1) == gap:
                runs[-1].append(gap)
            else:
                runs.append([gap])
    events: list[tuple[tuple[int, int], Row]] = [(p.sort_key(), Row(str(p), v)) for p, v in points]
    events += [(r[0].sort_key(), Row(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}", None, True)) for r in runs]
    events.sort(key=lambda e: e[0])
    return [row for _, row in events]


def _representative(x: Interval) -> Fraction:
    """Where a bar ends for a value that may be a range: its lower bound,
    else its upper bound (``at most 20``)."""
    v = x.lo if x.lo is not None else x.hi
    return v if v is not None else Fraction(0)


def nice_ticks(lo: Fraction, hi: Fraction, *, most: int = 5) -> list[Fraction]:
    """Round tick values (1, 2 or 5 times a power of ten apart) that cover
    [lo, hi] with at most ``most`` intervals; exact."""
    if hi <= lo:
        hi = lo + 1
    raw = (hi - lo) / most
    power = Fraction(1)
    while power > raw:
        power /= 10
    while power * 10 <= raw:
        power *= 10
    step = next(k * power for k in (1, 2, 5, 10) if k * power >= raw)
    first = (lo / step).__floor__() * step
    last = (hi / step).__ceil__() * step
    count = int((last - first) / step)
    return [first + i * step for i in range(count + 1)]


def _n(x: Fraction | int) -> str:
    """A coordinate: at most two decimals, no trailing zeros (exact rounding)."""
    hundredths = round(Fraction(x) * 100)
    sign = "-" if hundredths < 0 else ""
    whole, frac = divmod(abs(hundredths), 100)
    return f"{sign}{whole}" + (f".{frac:02d}".rstrip("0") if frac else "")


def _tick_label(x: Fraction) -> str:
    from ..numbers import fmt

    return fmt(x)


def _row_text(row: Row) -> str:
    """A row's value as the chart writes it beside its bar."""
    if row.missing:
        return "no data"
    if row.value is None:
        return "unknown"
    return row.value.describe()


def series_svg(figure: Figure, *, ident: str) -> Markup:
    """The chart of a series figure as an ``<svg>`` element.

    ``ident`` makes the ids of the title and description unique in the page
    (``figure-treason_by_year``)."""
    table = rows(figure)
    labels = [row.label for row in table]
    texts = [_row_text(r) for r in table]
    label_w = max((len(s) for s in labels), default=1) * CHAR + 10
    text_w = max((len(s) for s in texts), default=1) * CHAR + 8
    x0 = label_w
    area = max(Fraction(WIDTH) - label_w - text_w, Fraction(120))
    width = x0 + area + text_w

    known = [_representative(r.value) for r in table if r.value is not None]
    ends = [Fraction(0), *known, *(r.value.hi for r in table if r.value is not None and r.value.hi is not None)]
    ticks = nice_ticks(min(ends), max(ends))
    lo, hi = ticks[0], ticks[-1]

    def x(v: Fraction) -> Fraction:
        return x0 + (v - lo) * area / (hi - lo)

    height = TOP + ROW * len(table) + AXIS
    bottom = TOP + ROW * len(table)
    title = figure.id + (f": {figure.what}" if figure.what else "")
    unit = figure.unit or ("percent" if figure.percent else "value")
    desc = "; ".join(f"{label}: {text}" for label, text in zip(labels, texts, strict=True))
    tid, did = f"{ident}-title", f"{ident}-desc"

    out = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {_n(width)} {_n(height)}"'
        f' width="{_n(width)}" height="{_n(height)}" aria-labelledby="{escape(tid)} {escape(did)}"'
        f' font-family="system-ui, sans-serif" font-size="{FONT}">',
        f'<title id="{escape(tid)}">{escape(title)}</title>',
        f'<desc id="{escape(did)}">{escape(desc)}</desc>',
    ]
    # value axis: grid lines and round ticks
    for t in ticks:
        xt = _n(x(t))
        out.append(f'<line x1="{xt}" y1="{TOP}" x2="{xt}" y2="{bottom}" stroke="#e3e3e3"/>')
        out.append(f'<text x="{xt}" y="{bottom + 15}" text-anchor="middle" fill="{TEXT_FILL}">{escape(_tick_label(t))}</text>')
    out.append(f'<line x1="{_n(x0)}" y1="{bottom}" x2="{_n(x0 + area)}" y2="{bottom}" stroke="{AXIS_STROKE}"/>')
    out.append(f'<text class="axis-title" x="{_n(x0 + area)}" y="{bottom + 33}" text-anchor="end"'
               f' fill="{TEXT_FILL}">{escape(unit)}</text>')
    out.append(f'<text class="axis-title" x="0" y="{bottom + 33}" fill="{TEXT_FILL}">period</text>')
    zero = _n(x(Fraction(0)))
    # one row per period
    for i, (row, text) in enumerate(zip(table, texts, strict=True)):
        top = TOP + ROW * i
        mid = top + ROW // 2
        base = mid + FONT * 35 // 100  # text baseline, centred on the row
        out.append(f'<text x="{_n(label_w - 8)}" y="{base}" text-anchor="end" fill="{TEXT_FILL}">{escape(row.label)}</text>')
        y = top + (ROW - BAR) // 2
        if row.value is None:
            kind = "no data" if row.missing else "unknown"
            out.append(f'<g class="gap"><rect x="{_n(x0 + 1)}" y="{y}" width="{_n(area - 2)}" height="{BAR}" fill="none"'
                       f' stroke="{GAP_STROKE}" stroke-dasharray="4 3"/>'
                       f'<text x="{_n(x0 + 6)}" y="{base}" font-style="italic" fill="{GAP_STROKE}">{kind}</text></g>')
            continue
        v = _representative(row.value)
        left, right = sorted((x(Fraction(0)), x(v)))
        end = right
        if row.value.lo is not None and row.value.hi is not None and row.value.hi != row.value.lo:
            # a range: the bar to its lower bound, a lighter band to its upper
            band_r = x(row.value.hi)
            out.append(f'<rect x="{_n(right)}" y="{y}" width="{_n(max(band_r - right, Fraction(0)))}" height="{BAR}"'
                       f' fill="{RANGE_FILL}"/>')
            end = max(end, band_r)
        elif row.value.hi is None and row.value.lo is not None:
            # open above (at least N): an arrowhead past the bar's end
            out.append(f'<path d="M{_n(right)} {y} l7 {BAR // 2} l-7 {BAR // 2}z" fill="{RANGE_FILL}"/>')
            end = right + 7
        out.append(f'<rect x="{_n(left)}" y="{y}" width="{_n(right - left)}" height="{BAR}" fill="{BAR_FILL}"/>')
        out.append(f'<text x="{_n(end + 5)}" y="{base}" fill="{TEXT_FILL}">{escape(text)}</text>')
    out.append(f'<line x1="{zero}" y1="{TOP}" x2="{zero}" y2="{bottom}" stroke="{AXIS_STROKE}"/>')
    out.append("</svg>")
    return Markup("\n".join(out))
