"""Periods of figures: a year (2024), a month (2024-03), a quarter (2024-Q1),
a half (2024-H1) or a span of months (2019-01..2019-05: a year to date, "the
12 months to September", a financial year); their length in days, weeks and
months (leap years counted), their order, and the periods between two of
them (for gaps in a series)."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from fractions import Fraction
from typing import NamedTuple

__all__ = ["Period", "PeriodError", "parse_period", "missing_between", "missing_in", "step_of"]


class PeriodError(ValueError):
    """A text that should name a period does not."""


#: months per unit of each kind (a span has its own length)
_MONTHS = {"year": 12, "half": 6, "quarter": 3, "month": 1}
_PER_YEAR = {"year": 1, "half": 2, "quarter": 4, "month": 12}


class Period(NamedTuple):
    """A calendar period. ``index`` is 1-based within the year (1 for a year).

    A span of months (``kind == "span"``) starts in month ``index`` of
    ``year`` and lasts ``length`` months; ``length`` is 0 for the other kinds,
    whose length their kind gives.  Spans are a kind of their own, not a
    run of months, so that a figure for "the 12 months to September" is one
    point, with its own days for rates.
    """

    year: int
    kind: str = "year"
    index: int = 1  # type: ignore[assignment]  # (a field, in place of tuple.index)
    length: int = 0

    @property
    def first_month(self) -> int:
        if self.kind == "span":
            return self.index
        return (self.index - 1) * _MONTHS[self.kind] + 1

    @property
    def start(self) -> int:
        """The first month, counted from January of year 0."""
        return self.year * 12 + self.first_month - 1

    @property
    def end(self) -> int:
        """The last month (inclusive), counted like :attr:`start`."""
        return self.start + self.months - 1

    def sort_key(self) -> tuple[int, int]:
        return (self.start, self.months)

    def __lt__(self, other: Period) -> bool:  # type: ignore[override]
        return self.sort_key() < other.sort_key()

    def __le__(self, other: Period) -> bool:  # type: ignore[override]
        return self.sort_key() <= other.sort_key()

    def __gt__(self, other: Period) -> bool:  # type: ignore[override]
        return self.sort_key() > other.sort_key()

    def __ge__(self, other: Period) -> bool:  # type: ignore[override]
        return self.sort_key() >= other.sort_key()

    @property
    def months(self) -> int:
        return self.length if self.kind == "span" else _MONTHS[self.kind]

    @property
    def days(self) -> int:
        return sum(calendar.monthrange(m // 12, m % 12 + 1)[1] for m in range(self.start, self.end + 1))

    def units(self, unit: str) -> Fraction:
        """How many days, weeks, months or years the period lasts."""
        if unit == "day":
            return Fraction(self.days)
        if unit == "week":
            return Fraction(self.days, 7)
        if unit == "month":
            return Fraction(self.months)
        if unit == "year":
            return Fraction(self.months, 12)
        raise ValueError(unit)

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end

    def contains(self, other: Period) -> bool:
        """Whether ``other`` lies wholly inside this period."""
        return self.start <= other.start and other.end <= self.end

    def shift(self, n: int) -> Period:
        """The period ``n`` steps later (earlier for negative ``n``); a span
        steps by its own length (the next financial year)."""
        if self.kind == "span":
            return _span(self.start + n * self.length, self.length)
        per = _PER_YEAR[self.kind]
        k = self.year * per + (self.index - 1) + n
        return Period(k // per, self.kind, k % per + 1)

    def shift_months(self, n: int) -> Period:
        """The same kind of period ``n`` months later (earlier for negative
        ``n``); ``n`` must be a whole number of the kind's steps ("ten years
        before 2024-03" is 2014-03)."""
        if self.kind == "span":
            return _span(self.start + n, self.length)
        return self.shift(n // _MONTHS[self.kind])

    def __str__(self) -> str:
        if self.kind == "year":
            return str(self.year)
        if self.kind == "month":
            return f"{self.year}-{self.index:02d}"
        if self.kind == "span":
            e = self.end
            return f"{self.year}-{self.index:02d}..{e // 12}-{e % 12 + 1:02d}"
        return f"{self.year}-{'Q' if self.kind == 'quarter' else 'H'}{self.index}"


def _span(start: int, length: int) -> Period:
    return Period(start // 12, "span", start % 12 + 1, length)


_PERIOD_RE = re.compile(r"^\s*(\d{4})(?:-(?:(\d{2})|[Qq]([1-4])|[Hh]([12])))?\s*$")
_SPAN_RE = re.compile(r"^\s*(\d{4})-(\d{2})\s*\.\.\s*(\d{4})-(\d{2})\s*$")
_FORMS = "write a year (2024), a month (2024-03), a quarter (2024-Q1), a half (2024-H1) or a span of months (2023-10..2024-09)"


def _month(text: object, month: int) -> None:
    if not 1 <= month <= 12:
        raise PeriodError(f"{text!r}: month {month} is not between 01 and 12")


def parse_period(text: object) -> Period:
    """Read ``2024``, ``"2024-03"``, ``"2024-Q1"``, ``"2024-H1"`` or
    ``"2023-10..2024-09"`` (a span of months, both ends included)."""
    s = str(text)
    m = _PERIOD_RE.match(s)
    if not m:
        sm = _SPAN_RE.match(s) if ".." in s else None
        if not sm:
            raise PeriodError(f"{text!r} is not a period; {_FORMS}")
        y1, m1, y2, m2 = (int(g) for g in sm.groups())
        _month(text, m1)
        _month(text, m2)
        start, end = y1 * 12 + m1 - 1, y2 * 12 + m2 - 1
        if end < start:
            raise PeriodError(f"{text!r}: the span ends before it starts; write the earlier month first")
        return _span(start, end - start + 1)
    year = int(m[1])
    if m[2]:
        month = int(m[2])
        _month(text, month)
        return Period(year, "month", month)
    if m[3]:
        return Period(year, "quarter", int(m[3]))
    if m[4]:
        return Period(year, "half", int(m[4]))
    return Period(year)


def step_of(periods: Iterable[Period]) -> Period | None:
    """The granularity at which a series is checked for gaps: a period of
    that step (its year and index do not matter), or None when there is
    no step (an empty series, or spans of different lengths mixed).

    Decision: a series of one kind steps by that kind (spans by their
    length, when they all have one).  A series that mixes kinds (elections
    held twice in one year, ``1974-02`` and ``1974-10``, beside yearly
    points) steps by the coarsest kind among its calendar periods: a year
    counts as present when any point falls in it, so gaps inside a year of
    finer points cannot be seen (nor can they be told from a year with only
    one event).  Periods of a series never overlap (the registry refuses
    overlaps), so this never counts a point twice.
    """
    ps = list(periods)
    if not ps:
        return None
    kinds = {p.kind for p in ps}
    if kinds == {"span"}:
        lengths = {p.length for p in ps}
        return ps[0] if len(lengths) == 1 else None
    calendar_kinds = [k for k in kinds if k != "span"]
    coarsest = max(calendar_kinds, key=_MONTHS.__getitem__)
    if "span" in kinds and coarsest != "year":
        coarsest = "year"
    return Period(0, coarsest, 1)


def _align(step: Period, month: int) -> Period:
    """The period of ``step``'s kind that holds ``month`` (for a span step:
    the span of its length in step with ``step`` that holds it)."""
    if step.kind == "span":
        k = (month - step.start) // step.length
        return _span(step.start + k * step.length, step.length)
    per = _PER_YEAR[step.kind]
    return Period(month // 12, step.kind, (month % 12) // (12 // per) + 1)


def missing_in(points: Iterable[Period], first: Period, last: Period, *, step: Period | None = None) -> list[Period]:
    """The periods at the series' own granularity (:func:`step_of`) from the
    one holding ``first`` to the one holding ``last`` that no point of
    ``points`` falls in."""
    ps = sorted(set(points))
    step = step or step_of(ps)
    if step is None:
        return []
    out = []
    p = _align(step, first.start)
    stop = last.end
    while p.start <= stop:
        if not any(q.overlaps(p) for q in ps):
            out.append(p)
        p = p.shift(1)
    return out


def missing_between(periods: list[Period]) -> list[Period]:
    """Periods of the same kind missing between the first and the last given."""
    if not periods:
        return []
    ps = sorted(set(periods))
    have = set(ps)
    out, p = [], ps[0]
    while p < ps[-1]:
        p = p.shift(1)
        if p not in have:
            out.append(p)
    return out
