"""Text to number: exact rationals and the interval that their writing implies.

Nothing here ever goes through a binary float.  ``read_number("14,000")``
gives the value 14000 and the interval [13500, 14500], because trailing zeros
of an integer of 1,000 or more are not significant; ``read_number("2.5")``
gives [2.45, 2.55]; number words ("four", "a third", "one and a half") are
precise to a relative tolerance chosen by the caller (``word_tolerance``).

The module also owns :class:`Interval` (closed or open bounds, possibly
unbounded, with interval arithmetic) and :func:`fmt`, the one place where a
number is turned back into text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import StrEnum
from fractions import Fraction
from functools import lru_cache
from typing import NamedTuple

__all__ = [
    "Interval",
    "NumberError",
    "ReadNumber",
    "fmt",
    "hedge_interval",
    "relative",
    "read_number",
    "read_figure_value",
    "NUMBER_WORDS",
    "Hedge",
    "HEDGES",
    "MAX_DIGITS",
]

#: The longest digit string read as a number.  Python refuses to convert
#: strings of more than 4,300 digits to int; we refuse much earlier, with a
#: clear message, because no news figure has more than a few dozen digits.
MAX_DIGITS = 100


_ZERO = Fraction(0)


class NumberError(ValueError):
    """A text that should hold a number does not."""


# --------------------------------------------------------------------------
# Intervals
# --------------------------------------------------------------------------


class Interval(NamedTuple):
    """A set of rationals between two bounds; ``None`` is unbounded.

    ``lo_closed`` / ``hi_closed`` say whether each bound is included.
    """

    lo: Fraction | None
    hi: Fraction | None
    lo_closed: bool = True
    hi_closed: bool = True

    @staticmethod
    def point(x: Fraction | int) -> Interval:
        x = Fraction(x)
        return Interval(x, x)

    @staticmethod
    def around(x: Fraction, half_width: Fraction) -> Interval:
        return Interval(x - half_width, x + half_width)

    # A named tuple would otherwise inherit tuple's meanings: ``3 * iv``
    # would repeat it and ``x in iv`` would look among its bounds.
    def __rmul__(self, other: object) -> Interval:
        return NotImplemented

    def __contains__(self, x: object) -> bool:
        return isinstance(x, (int, Fraction)) and self.contains(Fraction(x))

    # ---- predicates ------------------------------------------------------
    @property
    def is_point(self) -> bool:
        lo = self.lo
        return lo is not None and (lo is self.hi or lo == self.hi)

    @property
    def is_empty(self) -> bool:
        if self.lo is None or self.hi is None:
            return False
        if self.lo > self.hi:
            return True
        return self.lo == self.hi and not (self.lo_closed and self.hi_closed)

    def contains(self, x: Fraction) -> bool:
        if self.lo is not None and (x < self.lo or (x == self.lo and not self.lo_closed)):
            return False
        if self.hi is not None and (x > self.hi or (x == self.hi and not self.hi_closed)):
            return False
        return True

    def within(self, other: Interval) -> bool:
        """Whether every element of ``self`` is in ``other``."""
        if self.is_empty:
            return True
        if other.lo is not None:
            if self.lo is None or self.lo < other.lo:
                return False
            if self.lo == other.lo and self.lo_closed and not other.lo_closed:
                return False
        if other.hi is not None:
            if self.hi is None or self.hi > other.hi:
                return False
            if self.hi == other.hi and self.hi_closed and not other.hi_closed:
                return False
        return True

    def intersect(self, other: Interval) -> Interval:
        lo, lo_c = _max_lo((self.lo, self.lo_closed), (other.lo, other.lo_closed))
        hi, hi_c = _min_hi((self.hi, self.hi_closed), (other.hi, other.hi_closed))
        return Interval(lo, hi, lo_c, hi_c)

    def overlaps(self, other: Interval) -> bool:
        return not self.intersect(other).is_empty

    def hull(self, other: Interval) -> Interval:
        if self.is_empty:
            return other
        if other.is_empty:
            return self
        lo, lo_c = _min_lo((self.lo, self.lo_closed), (other.lo, other.lo_closed))
        hi, hi_c = _max_hi((self.hi, self.hi_closed), (other.hi, other.hi_closed))
        return Interval(lo, hi, lo_c, hi_c)

    # ---- arithmetic ------------------------------------------------------
    def __neg__(self) -> Interval:
        return Interval(
            None if self.hi is None else -self.hi,
            None if self.lo is None else -self.lo,
            self.hi_closed,
            self.lo_closed,
        )

    def __add__(self, other: Interval) -> Interval:  # type: ignore[override]
        lo = None if self.lo is None or other.lo is None else self.lo + other.lo
        hi = None if self.hi is None or other.hi is None else self.hi + other.hi
        return Interval(lo, hi, self.lo_closed and other.lo_closed, self.hi_closed and other.hi_closed)

    def __sub__(self, other: Interval) -> Interval:
        return self + (-other)

    def __mul__(self, other: Interval) -> Interval:  # type: ignore[override]
        # (tuple's ``*`` repeats a tuple; an interval's multiplies it)
        if other.lo is not None and other._is_closed_point():
            return self.scale(other.lo)
        if self.lo is not None and self._is_closed_point():
            return other.scale(self.lo)
        return _combine(self, other, lambda a, b: a * b)

    def __truediv__(self, other: Interval) -> Interval:
        if other.lo and other._is_closed_point():  # the usual case: a figure
            return self.scale(1 / other.lo)
        if other.contains(_ZERO):
            raise ZeroDivisionError("division by an interval that contains zero")
        return self * other.reciprocal()

    def _is_closed_point(self) -> bool:
        return self.lo_closed and self.hi_closed and self.is_point

    def reciprocal(self) -> Interval:
        if self.contains(_ZERO):
            raise ZeroDivisionError("reciprocal of an interval that contains zero")
        # Entirely positive or entirely negative: 1/x is decreasing there.
        lo = None if self.hi is None else 1 / self.hi
        hi = None if self.lo is None else 1 / self.lo
        if self.hi is None:
            lo = Fraction(0)  # (a, inf) -> (0, 1/a)
            return Interval(lo, hi, False, self.lo_closed)
        if self.lo is None:
            return Interval(lo, Fraction(0), self.hi_closed, False)
        return Interval(lo, hi, self.hi_closed, self.lo_closed)

    def scale(self, k: Fraction) -> Interval:
        """Multiply by a constant (a fast path of ``*``; the hot path of evaluation)."""
        if k.__class__ is not Fraction:
            k = Fraction(k)
        if not k:
            return Interval.point(k)
        lo, hi = self.lo, self.hi
        if lo is not None and lo is hi:  # a point: one product
            v = lo * k
            return Interval(v, v, self.lo_closed, self.hi_closed) if k > 0 else Interval(v, v, self.hi_closed, self.lo_closed)
        lo = None if lo is None else lo * k
        hi = None if hi is None else hi * k
        if k > 0:
            return Interval(lo, hi, self.lo_closed, self.hi_closed)
        return Interval(hi, lo, self.hi_closed, self.lo_closed)

    def shift(self, k: Fraction) -> Interval:
        if not k:
            return self
        if self.lo is not None and self.lo is self.hi:  # a point: one sum
            v = self.lo + k
            return Interval(v, v, self.lo_closed, self.hi_closed)
        lo = None if self.lo is None else self.lo + k
        hi = None if self.hi is None else self.hi + k
        return Interval(lo, hi, self.lo_closed, self.hi_closed)

    # ---- text --------------------------------------------------------------
    def __str__(self) -> str:
        if self.lo is not None and self.is_point:
            return fmt(self.lo)
        left = "[" if self.lo_closed and self.lo is not None else "("
        right = "]" if self.hi_closed and self.hi is not None else ")"
        lo = "-inf" if self.lo is None else fmt(self.lo)
        hi = "inf" if self.hi is None else fmt(self.hi)
        return f"{left}{lo}, {hi}{right}"

    def describe(self) -> str:
        """A reader's wording: ``145``, ``at least 209``, ``[3.6, 4)``."""
        if self.lo is not None and self.is_point:
            return fmt(self.lo)
        if self.hi is None and self.lo is not None:
            return f"{'at least' if self.lo_closed else 'more than'} {fmt(self.lo)}"
        if self.lo is None and self.hi is not None:
            return f"{'at most' if self.hi_closed else 'less than'} {fmt(self.hi)}"
        return str(self)


_Bound = tuple["Fraction | None", bool]


def _max_lo(a: _Bound, b: _Bound) -> _Bound:
    if a[0] is None:
        return b
    if b[0] is None:
        return a
    if a[0] != b[0]:
        return a if a[0] > b[0] else b
    return (a[0], a[1] and b[1])


def _min_lo(a: _Bound, b: _Bound) -> _Bound:
    if a[0] is None or b[0] is None:
        return (None, True)
    if a[0] != b[0]:
        return a if a[0] < b[0] else b
    return (a[0], a[1] or b[1])


def _min_hi(a: _Bound, b: _Bound) -> _Bound:
    if a[0] is None:
        return b
    if b[0] is None:
        return a
    if a[0] != b[0]:
        return a if a[0] < b[0] else b
    return (a[0], a[1] and b[1])


def _max_hi(a: _Bound, b: _Bound) -> _Bound:
    if a[0] is None or b[0] is None:
        return (None, True)
    if a[0] != b[0]:
        return a if a[0] > b[0] else b
    return (a[0], a[1] or b[1])


_Op = Callable[[Fraction, Fraction], Fraction]


def _combine(x: Interval, y: Interval, op: _Op) -> Interval:
    """Interval product: the extremes of the corner products.

    An unbounded end counts as -inf (lower) or +inf (upper); 0 times an
    unbounded end is 0, the usual convention of interval arithmetic.
    """
    corners = []
    for a, ac, a_lo in ((x.lo, x.lo_closed, True), (x.hi, x.hi_closed, False)):
        for b, bc, b_lo in ((y.lo, y.lo_closed, True), (y.hi, y.hi_closed, False)):
            corners.append((_end_product(a, a_lo, b, b_lo, op), ac and bc))
    lo = min(corners, key=lambda c: c[0])[0]
    hi = max(corners, key=lambda c: c[0])[0]
    lo_closed = any(c for k, c in corners if k == lo)
    hi_closed = any(c for k, c in corners if k == hi)
    return Interval(
        None if lo[0] != 0 else lo[1],
        None if hi[0] != 0 else hi[1],
        lo_closed or lo[0] != 0,
        hi_closed or hi[0] != 0,
    )


def _end_product(a: Fraction | None, a_lo: bool, b: Fraction | None, b_lo: bool, op: _Op) -> tuple[int, Fraction]:
    """Product of two interval ends as a sortable key: (-1|0|1, finite value)."""
    if a is not None and b is not None:
        return (0, op(a, b))
    sa = (-1 if a_lo else 1) if a is None else (a > 0) - (a < 0)
    sb = (-1 if b_lo else 1) if b is None else (b > 0) - (b < 0)
    s = sa * sb
    return (s, Fraction(0))


# --------------------------------------------------------------------------
# Formatting
# --------------------------------------------------------------------------


def fmt(x: Fraction | int, *, places: int = 3) -> str:
    """Deterministic text for a rational: integers as they are, others rounded.

    Values of magnitude 1 or more keep ``places`` decimals; smaller ones keep
    ``places + 1`` significant digits.  Trailing zeros are dropped.  Rounding
    is half away from zero, done on the rational itself (in integers).
    """
    n, d = x.numerator, x.denominator
    if d == 1:
        return str(n)
    return _fmt_ratio(n, d, places)


@lru_cache(maxsize=65536)
def _fmt_ratio(n: int, d: int, places: int) -> str:
    sign = "-" if n < 0 else ""
    an = abs(n)
    digits = places
    if an < d:
        # significant digits for small magnitudes
        k = 0
        while an * 10 ** (k + 1) < d and k < 40:
            k += 1
        digits = places + 1 + k
    q, r = divmod(an * 10**digits, d)
    if 2 * r >= d:
        q += 1
    text = str(q).rjust(digits + 1, "0")
    whole, frac = text[:-digits], text[-digits:].rstrip("0")
    out = whole + ("." + frac if frac else "")
    if out.strip("0.") == "":
        return "0"
    return sign + out


# --------------------------------------------------------------------------
# Reading numbers
# --------------------------------------------------------------------------

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {
    "hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9,
    "trillion": 10**12,
}
#: Scale words after digits ("1.5 million", "2bn", "300k").
SCALE_SUFFIXES = {
    "thousand": 1000, "k": 1000, "million": 10**6, "mn": 10**6, "m": 10**6,
    "mln": 10**6, "billion": 10**9, "bn": 10**9, "b": 10**9, "trillion": 10**12,
    "tn": 10**12,
}
FRACTION_WORDS = {
    "half": Fraction(1, 2), "halves": Fraction(1, 2),
    "third": Fraction(1, 3), "thirds": Fraction(1, 3),
    "quarter": Fraction(1, 4), "quarters": Fraction(1, 4),
    "fourth": Fraction(1, 4), "fourths": Fraction(1, 4),
    "fifth": Fraction(1, 5), "fifths": Fraction(1, 5),
    "sixth": Fraction(1, 6), "sixths": Fraction(1, 6),
    "seventh": Fraction(1, 7), "sevenths": Fraction(1, 7),
    "eighth": Fraction(1, 8), "eighths": Fraction(1, 8),
    "ninth": Fraction(1, 9), "ninths": Fraction(1, 9),
    "tenth": Fraction(1, 10), "tenths": Fraction(1, 10),
}
#: Every single word that can be part of a number written in words.
NUMBER_WORDS = frozenset(UNITS) | frozenset(TENS) | frozenset(SCALES) | frozenset(FRACTION_WORDS) | {"dozen"}
#: One word of a number written in words, as a pattern (longest first).
NUMBER_WORD_PATTERN = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))


class ReadNumber(NamedTuple):
    """A number as written in a statement.

    ``value`` is what the text says; ``interval`` is the set of values the
    writing is consistent with; ``step`` is the written precision (the unit
    of the last significant digit) for digits, ``None`` for words, whose
    precision is relative (``word_tolerance``).  ``percent`` is set when the
    text carried ``%``, "percent" or "per cent".
    """

    value: Fraction
    interval: Interval
    step: Fraction | None
    text: str
    percent: bool = False
    words: bool = False

    def imprecise_band(self, word_tolerance: Fraction) -> Interval:
        """One more step of precision each side (digits), or twice the tolerance (words)."""
        if self.step is None:
            return relative(self.value, 2 * word_tolerance)
        return Interval.around(self.value, self.step * 3 / 2)


def relative(x: Fraction, tol: Fraction) -> Interval:
    """x within a relative tolerance: [x(1 - tol), x(1 + tol)] (ordered for negative x)."""
    a, b = x * (1 - tol), x * (1 + tol)
    return Interval(min(a, b), max(a, b))


# --------------------------------------------------------------------------
# The number grammar: one vocabulary and one set of patterns, for figures in
# claim files (read_number) and for numbers inside statements (phrases.py
# builds its tagger from these), so that the two can never read the same
# text differently.
# --------------------------------------------------------------------------

#: Currency signs and codes, before or after a number ("£1.43bn",
#: "US$139.7 billion", "€3m", "5,000 rubles"): units, named in the reading,
#: never part of the arithmetic.
CURRENCY_SIGNS = r"(?:us\$|a\$|c\$|nz\$|hk\$|\$|£|€|¥|₽|₹)"
CURRENCY_CODES = (
    "usd|eur|gbp|rub|jpy|cny|inr|chf|cad|aud|dollars?|euros?|pounds?|sterling|rubles?|roubles?|"
    "yen|yuan|rupees?|francs?|hryvnias?|lira|naira|rand"
)
#: "%", "percent", "per cent", "pc", "pct", "-percent" after a number.
PERCENT_PATTERN = r"(?:\s?%|[\s-]?(?:percent|per\s*cent|pct|pc)\b)"
#: scale words and suffixes after digits ("1.5 million", "2bn", "300k", "2b").
SCALE_PATTERN = r"(?:thousand|million|billion|trillion|mln|mn|bn|tn|k|m|b)"
#: digits: "14,000", "2.5", ".5", with an optional currency sign before them.
DIGITS_PATTERN = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"

_DIGITS_RE = re.compile(
    r"""^(?P<sign>[-+−–])?\s*
        (?P<cur>""" + CURRENCY_SIGNS + r"""|(?:""" + CURRENCY_CODES + r""")\s)?\s*
        (?P<num>""" + DIGITS_PATTERN + r""")
        (?:\s*(?P<scale>""" + SCALE_PATTERN + r""")\b)?\.?
        (?P<pct>""" + PERCENT_PATTERN + r""")?
        (?:\s*(?P<code>""" + CURRENCY_CODES + r"""))?
        \s*$""",
    re.X | re.I,
)


def _shown(text: str, limit: int = 60) -> str:
    """Quote a user's text in a message, shortened: it can be thousands of digits."""
    return repr(text if len(text) <= limit else text[:limit] + "...")


def _digits_number(text: str) -> ReadNumber | None:
    m = _DIGITS_RE.match(text.strip())
    if not m:
        return None
    raw = m["num"].replace(",", "")
    if len(raw) > MAX_DIGITS:
        raise NumberError(f"{_shown(text)} has more than {MAX_DIGITS} digits; no figure in the news is that long")
    value = Fraction(raw)
    scale = SCALE_SUFFIXES[m["scale"].lower()] if m["scale"] else 1
    if "." in raw:
        decimals = len(raw.split(".")[1])
        step = Fraction(1, 10**decimals)
    else:
        step = Fraction(1)
        if value >= 1000 and m["scale"] is None:
            stripped = raw.rstrip("0")
            step = Fraction(10 ** (len(raw) - len(stripped)))
    value *= scale
    step *= scale
    if m["sign"] and m["sign"] != "+":
        value = -value
    pct = bool(m["pct"])
    return ReadNumber(value, Interval.around(value, step / 2), step, text.strip(), pct)


def currency_of(text: str) -> str | None:
    """The currency sign or code a number was written with ("£1.43bn" ->
    "£"), or None: named in a reading, never part of the arithmetic."""
    m = _DIGITS_RE.match(text.strip())
    if not m:
        return None
    return (m["cur"] or m["code"] or "").strip().upper() or None


_WORD_SPLIT = re.compile(r"[\s\-]+")


def _words_value(words: list[str]) -> Fraction | None:
    """Read an English number written in words: "twenty-one", "one and a half",
    "two-thirds", "a quarter", "one hundred and five", "half a million"."""
    if not words:
        return None
    ws = [w for w in words if w]
    # a leading "a"/"an" means one before a scale or fraction ("a third",
    # "a hundred", "a dozen") and is an article otherwise ("an eight-fold")
    if ws[0] in ("a", "an") and len(ws) > 1:
        ws = (["one"] if ws[1] in SCALES or ws[1] in FRACTION_WORDS or ws[1] == "dozen" else []) + ws[1:]
    # "half a million", "half a dozen"
    if ws[0] == "half" and len(ws) >= 3 and ws[1] in ("a", "an"):
        rest = _words_value(["one"] + ws[2:])
        return None if rest is None else rest / 2
    if ws == ["half"]:
        return Fraction(1, 2)
    if ws == ["dozen"] or ws == ["one", "dozen"]:
        return Fraction(12)
    # "X and a half", "X and a quarter", "X and three quarters"
    if "and" in ws:
        i = len(ws) - 1 - ws[::-1].index("and")
        tail = ws[i + 1 :]
        if tail and tail[-1] in FRACTION_WORDS:
            head = _words_value(ws[:i])
            frac = _words_value(tail)
            if head is not None and frac is not None and frac < 1:
                return head + frac
    # "two thirds", "one third", "three quarters"
    if ws[-1] in FRACTION_WORDS and ws[-1] not in ("half",):
        if len(ws) == 1:
            return None
        num = _integer_words(ws[:-1])
        if num is None:
            return None
        return num * FRACTION_WORDS[ws[-1]]
    if ws[-1] == "half" and len(ws) == 2 and ws[0] == "one":
        return Fraction(1, 2)
    n = _integer_words(ws)
    return None if n is None else Fraction(n)


def _integer_words(ws: list[str]) -> int | None:
    total, current, seen = 0, 0, False
    for w in ws:
        if w == "and":
            continue
        if w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in SCALES:
            total += (current or 1) * SCALES[w]
            current = 0
        elif w.isascii() and w.isdigit() and len(w) <= MAX_DIGITS:
            current += int(w)
        else:
            return None
        seen = True
    return total + current if seen else None


def read_number(text: str, *, word_tolerance: Fraction = Fraction(1, 20)) -> ReadNumber:
    """Read a number written in digits or words, with the interval it implies.

    >>> read_number("14,000").interval
    Interval(lo=Fraction(13500, 1), hi=Fraction(14500, 1), lo_closed=True, hi_closed=True)
    """
    t = text.strip().replace("\u00a0", " ").replace("\u2212", "-")
    if not t:
        raise NumberError("empty text where a number was expected")
    got = _digits_number(t)
    if got is not None:
        return got
    low = t.lower()
    pct = False
    m = re.search(r"[\s-]*(%|percent|per\s*cent|pct|pc)$", low)
    if m:
        pct = True
        low = low[: m.start()]
    # "1.5 million" handled above; "one and a half million", "two million"
    words = [w for w in _WORD_SPLIT.split(low) if w]
    value = _words_value(words)
    if value is None:
        # digits followed by a scale word written in full ("3 hundred")
        raise NumberError(f"{_shown(text)} is not a number (write digits such as 14,000 or 2.5, or words such as 'four' or 'a third')")
    return ReadNumber(value, relative(value, word_tolerance), None, text.strip(), pct, True)


# --------------------------------------------------------------------------
# Figure values in claim files
# --------------------------------------------------------------------------

class Hedge(StrEnum):
    """The kind of a hedge (docs/semantics.md, "Hedges").

    A ``StrEnum``: each member is equal to its value ("nearly" ==
    Hedge.NEARLY), so that text written before the types (tests, the corpus)
    and JSON keep working.  ``NONE`` is "no hedge" (a bare number, read at
    its written precision); the others are tolerance hedges (``NEARLY``,
    ``ABOUT``, ``JUST_OVER``: a band on one or both sides of the number) and
    bound hedges (``GT``, ``GE``, ``LT``, ``LE``: a half-line, never
    imprecise).
    """

    NONE = "none"
    NEARLY = "nearly"
    ABOUT = "about"
    JUST_OVER = "just_over"
    GT = "gt"
    GE = "ge"
    LT = "lt"
    LE = "le"


#: The bound hedges: "more than", "at least", "under", "at most".
BOUND_HEDGES = frozenset((Hedge.GT, Hedge.GE, Hedge.LT, Hedge.LE))

#: hedge phrase -> kind (docs/semantics.md, "Hedges"), for statements and for hedged
#: figure values alike.
HEDGES: dict[str, Hedge] = {}
for _kind, _phrases in {
    "nearly": "nearly|almost|close to|approaching|just under|not quite|just shy of|just below|"
              "slightly less than|slightly fewer than|slightly under|a little under|a little less than|"
              "nearing|getting on for|shy of",
    "about": "about|around|roughly|approximately|approx|some|an estimated|estimated|circa|c|"
             "an approximate|approximate|in the region of|on the order of|of the order of|"
             "or so|~|≈|more or less|give or take|upward of about",
    "just_over": "just over|slightly more than|a little over|a little more than|slightly over|"
                 "just above|slightly above|just more than|just beyond|a touch over|slightly higher than",
    "gt": "more than|over|above|exceeding|upwards of|upward of|in excess of|greater than|higher than|"
          "well over|well above|well in excess of|far more than|much more than|comfortably over|"
          "north of|beyond|larger than|bigger than|at least more than",
    "ge": "at least|no fewer than|no less than|a minimum of|not less than|not fewer than|"
          "at a minimum|as a minimum|fully",
    "lt": "less than|fewer than|under|below|short of|lower than|smaller than|well under|"
          "well below|far less than|far fewer than|far short of|much less than|not even",
    "le": "at most|up to|no more than|a maximum of|not more than|as many as|as much as|"
          "not exceeding|maximum of|at the most|no greater than|no higher than|as high as",
}.items():
    for _p in _phrases.split("|"):
        HEDGES[_p] = Hedge(_kind)

#: The most words in a hedge ("well in excess of" has four).
HEDGE_MAX_WORDS = max(len(h.split()) for h in HEDGES)


def hedge_at_end(words: list[str]) -> int:
    """How many of the last ``words`` form a hedge (the longest), or 0.

    Hedges are found by looking words up in :data:`HEDGES`, not with one
    regular expression of all of them: compiling such an expression, at
    every start, takes longer than reading every statement of the bundled
    registry (bench/README.md, start-up).
    """
    for k in range(min(HEDGE_MAX_WORDS, len(words)), 0, -1):
        if " ".join(words[-k:]) in HEDGES:
            return k
    return 0


def split_hedge(text: str) -> tuple[str, str] | None:
    """A leading hedge and the rest: ``"At least  209"`` -> ``("at least", "209")``.

    The hedge is whole words, in any case, the longest first; ``~`` and
    ``≈`` need no space after them.  None when the text does not start
    with a hedge followed by something.
    """
    t = text.strip()
    if t[:1] in ("~", "≈"):
        rest = t[1:].lstrip()
        return (t[0], rest) if rest and "\n" not in rest else None
    for k in range(HEDGE_MAX_WORDS, 0, -1):
        parts = t.split(None, k)
        if len(parts) == k + 1 and "\n" not in parts[k]:
            hedge = " ".join(parts[:k]).lower()
            if hedge in HEDGES:
                return hedge, parts[k]
    return None


_RANGE_RE = re.compile(r"^\s*(?P<a>[\d.,]+)\s*(?:-|–|to)\s*(?P<b>[\d.,]+)\s*(?P<pct>%)?\s*$")


def significant_digits(x: ReadNumber) -> int:
    """How many significant digits a number written in digits has; trailing
    zeros of an integer do not count ("14,000" has 2, "48,716" 5, "34.2"
    3, "1.5 million" 2).  0 for a number in words."""
    if x.step is None or not x.value:
        return 0
    units = abs(x.value / x.step)
    if units.denominator != 1:
        return 0
    digits = str(units.numerator)
    if x.step >= 1 and x.step.denominator == 1 and "." not in x.text:
        digits = digits.rstrip("0")
    return len(digits)


def precise_approximation(x: ReadNumber) -> bool:
    """"some 48,716": an approximator before a number written with three or
    more significant digits keeps that number's own precision, widened by
    one step each side, instead of +-10% (docs/semantics.md, "Hedges")."""
    return significant_digits(x) >= 3


def hedge_interval(kind: Hedge, x: ReadNumber, *, hedge_tolerance: Fraction) -> Interval:
    """The interval of values a hedge on X admits (docs/semantics.md, "Hedges").

    ``kind`` may not be ``Hedge.NONE``: a bare number's interval is its
    written precision (``x.interval``), which is the caller's to choose."""
    v = x.value
    t = hedge_tolerance
    if kind == "ge":
        return Interval(v, None)
    if kind == "gt":
        return Interval(v, None, False, True)
    if kind == "le":
        return Interval(None, v)
    if kind == "lt":
        return Interval(None, v, True, False)
    if kind == "nearly":
        return Interval(v * (1 - t), v, True, False)
    if kind == "just_over":
        return Interval(v, v * (1 + t), False, True)
    if kind == "about":
        if x.step is not None and precise_approximation(x):
            return Interval.around(v, x.step * 3 / 2)
        return relative(v, t).hull(x.interval)
    raise ValueError(kind)


def read_figure_value(
    text: str, *, hedge_tolerance: Fraction = Fraction(1, 10)
) -> tuple[Interval, bool]:
    """Read a figure's value as written in a claim file.

    A bare number is exact (the registry records the data, not a rounding
    of it): ``"145"`` is the point 145.  A hedged number is an interval:
    ``"at least 209"`` is [209, inf).  A range ``"10-15%"`` is [10, 15].
    Returns the interval and whether the text was a percentage.
    """
    t = text.strip()
    hedged = split_hedge(t)
    if hedged:
        hedge, rest = hedged
        x = read_number(rest)
        return hedge_interval(HEDGES[hedge], x, hedge_tolerance=hedge_tolerance), x.percent
    m = _RANGE_RE.match(t)
    if m:
        a, b = read_number(m["a"]).value, read_number(m["b"]).value
        if a > b:
            raise NumberError(f"range {_shown(text)} runs backwards; write the smaller bound first")
        return Interval(a, b), bool(m["pct"])
    x = read_number(t)
    return Interval.point(x.value), x.percent
