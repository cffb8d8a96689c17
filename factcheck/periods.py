"""Periods of figures: a year (2024), a month (2024-03), a quarter (2024-Q1)
or a half (2024-H1); their length in days, weeks and months (leap years
counted), their order, and the periods between two of them (for gaps in a
series)."""

from __future__ import annotations

import calendar
import re
from fractions import Fraction
from typing import NamedTuple

__all__ = ["Period", "PeriodError", "parse_period"]


class PeriodError(ValueError):
    """A text that should name a period does not."""


#: months per unit of each kind
_MONTHS = {"year": 12, "half": 6, "quarter": 3, "month": 1}
_PER_YEAR = {"year": 1, "half": 2, "quarter": 4, "month": 12}


class Period(NamedTuple):
    """A calendar period. ``index`` is 1-based within the year (1 for a year)."""

    year: int
    kind: str = "year"
    index: int = 1

    @property
    def first_month(self) -> int:
        return (self.index - 1) * _MONTHS[self.kind] + 1

    def sort_key(self) -> tuple[int, int]:
        return (self.year * 12 + self.first_month - 1, _MONTHS[self.kind])

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
        return _MONTHS[self.kind]

    @property
    def days(self) -> int:
        m0 = self.first_month
        return sum(calendar.monthrange(self.year, m)[1] for m in range(m0, m0 + self.months))

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

    def shift(self, n: int) -> Period:
        """The period ``n`` steps later (earlier for negative ``n``)."""
        per = _PER_YEAR[self.kind]
        k = self.year * per + (self.index - 1) + n
        return Period(k // per, self.kind, k % per + 1)

    def __str__(self) -> str:
        if self.kind == "year":
            return str(self.year)
        if self.kind == "month":
            return f"{self.year}-{self.index:02d}"
        return f"{self.year}-{'Q' if self.kind == 'quarter' else 'H'}{self.index}"


_PERIOD_RE = re.compile(r"^\s*(\d{4})(?:-(?:(\d{2})|[Qq]([1-4])|[Hh]([12])))?\s*$")


def parse_period(text: object) -> Period:
    """Read ``2024``, ``"2024-03"``, ``"2024-Q1"`` or ``"2024-H1"``."""
    m = _PERIOD_RE.match(str(text))
    if not m:
        raise PeriodError(f"{text!r} is not a period; write a year (2024), a month (2024-03), a quarter (2024-Q1) or a half (2024-H1)")
    year = int(m[1])
    if m[2]:
        month = int(m[2])
        if not 1 <= month <= 12:
            raise PeriodError(f"{text!r}: month {month} is not between 01 and 12")
        return Period(year, "month", month)
    if m[3]:
        return Period(year, "quarter", int(m[3]))
    if m[4]:
        return Period(year, "half", int(m[4]))
    return Period(year)


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
