"""Reading plus figures to a verdict, with its arithmetic.

Every family reduces to a quantity ``q`` computed from A (``of``) and B
(``vs``) by exact interval arithmetic, and an accepted interval for ``q``
built from the statement's number and hedge (docs/semantics.md, "Numbers and their precision" and "Hedges"):

=================  ==========================================
ratio              q = A / B  (B / A for "N times less")
percent change     q = (A - B) / B x 100, signed by the verb
fraction change    q = (A - B) / B, signed by the verb
percentage points  q = A - B, signed by the verb
difference         q = A - B, signed by the verb
share              q = A / B (x 100 for a percentage)
value              q = A (or B for a "from X" anchor)
comparison         q = A - B against 0
rate               q = A / days (weeks, months) in A's period
record             A against the points of a series
=================  ==========================================

``q`` inside the accepted interval: holds.  Outside it but inside the
imprecise band (one more step of written precision, or twice the tolerance
for words and about/nearly hedges; never for bound hedges): imprecise.
Partly inside (figures that are ranges): unverifiable.  Otherwise fails.
"""

from __future__ import annotations

import calendar
import re
from fractions import Fraction
from typing import NamedTuple

from .model import Operand, Outcome, PartOutcome, Settings, Verdict, worst
from .numbers import SCALE_SUFFIXES, Hedge, Interval, ReadNumber, fmt, hedge_interval, precise_approximation, relative
from .periods import Period, missing_in
from .phrases import Comparator, Family, Part, Reading, RecordSpec, Target, UnreadableStatement

__all__ = ["evaluate", "prepare", "Prepared", "acceptance", "judge"]

_ZERO = Fraction(0)
_ONE = Fraction(1)
_HUNDRED = Fraction(100)
_POSITIVE = Interval(_ZERO, None, False, True)
_ABOVE_ONE = Interval(_ONE, None, False, True)
_BELOW_ONE = Interval(_ZERO, _ONE, False, False)
_PER_DAY = {"hour": Fraction(24), "minute": Fraction(24 * 60), "second": Fraction(24 * 60 * 60)}


class _Result(NamedTuple):
    verdict: Verdict
    computed: str | None
    accepted: str | None
    explanation: str
    notes: tuple[str, ...] = ()
    needed: str | None = None
    strict_verdict: Verdict | None = None
    #: the family the part was judged as, when not its own (a bare
    #: percentage over two counts is judged as a share)
    reading: Family | None = None


# --------------------------------------------------------------------------
# Accepted intervals
# --------------------------------------------------------------------------


def acceptance(n: ReadNumber, hedge: Hedge, settings: Settings) -> tuple[Interval, Interval | None]:
    """The interval a statement accepts for its quantity, and its imprecise band.

    ``n`` is the statement's number, ``hedge`` its hedge kind.  The accepted
    interval of a hedge is the one a hedged figure stands for
    (numbers.hedge_interval); the band is this module's business.
    """
    v, t, w = n.value, settings.hedge_tolerance, settings.word_tolerance
    written = n.interval if n.step is not None else relative(v, w)
    if hedge == Hedge.NONE:
        return written, n.imprecise_band(w)
    held = hedge_interval(hedge, n._replace(interval=written), hedge_tolerance=t)
    if hedge == Hedge.NEARLY:
        return held, Interval(v * (1 - 2 * t), v, True, False)
    if hedge == Hedge.ABOUT:
        if n.step is not None and precise_approximation(n):  # "some 48,716": one more step each side
            return held, Interval.around(v, n.step * 5 / 2)
        return held, relative(v, 2 * t).hull(held)
    if hedge == Hedge.JUST_OVER:
        return held, Interval(v, v * (1 + 2 * t), False, True)
    return held, None  # bound hedges are never imprecise


def judge(q: Interval, held: Interval, band: Interval | None) -> Verdict:
    """The verdict for a computed quantity against an accepted interval.

    Overlap is tested before the imprecise band: a ``q`` that is a range
    (figures given as ranges) and is partly inside ``held`` may hold, so it
    is unverifiable, even when all of it lies in the band; imprecise is
    only for a ``q`` that surely misses ``held`` but not by much."""
    if q.within(held):
        return Verdict.HOLDS
    if q.overlaps(held):
        return Verdict.UNVERIFIABLE
    if band is not None and q.within(band):
        return Verdict.IMPRECISE
    return Verdict.FAILS


# --------------------------------------------------------------------------
# Families as forward and inverse maps
# --------------------------------------------------------------------------


class _Model(NamedTuple):
    """q = f(A, B), with f's inverses to solve for an unknown A or B."""

    formula: str  # e.g. "{a} / {b}"
    kind: str  # "ratio": q = k*A/B + c ; "diff": q = k*(A - B) ; "value": q = A*k
    k: Fraction = _ONE
    c: Fraction = _ZERO
    inverse: bool = False
    target: Target = Target.A

    def forward(self, a: Interval | None, b: Interval | None) -> Interval:
        if self.kind == "value":
            x = a if self.target == Target.A else b
            assert x is not None
            return x.scale(self.k)
        assert a is not None and b is not None
        if self.kind == "diff":
            return (a - b).scale(self.k)
        num, den = (b, a) if self.inverse else (a, b)
        return (num / den).scale(self.k).shift(self.c)

    def solve(self, held: Interval, *, a: Interval | None, b: Interval | None) -> Interval:
        """The values of the one unknown operand (the one given as None) for
        which q lies in ``held``."""
        if self.kind == "value":
            return held.scale(1 / self.k)
        if self.kind == "diff":
            d = held.scale(1 / self.k)  # A - B in d
            if a is None:
                assert b is not None
                return b + d
            return a - d
        r = held.shift(-self.c).scale(1 / self.k)  # num / den in r
        if a is None:
            assert b is not None
            return b / r if self.inverse else b * r  # r = B / A, or A / B
        return a * r if self.inverse else a / r


def _model(part: Part, percent_number: bool) -> _Model:
    """The model of a part's family; the signs follow its direction (a
    fall is measured as B - A, so that "fell 12%" needs +12)."""
    f, d = part.family, (part.direction or 1)
    if f == Family.RATIO:
        return _Model("{b} / {a}" if part.inverse else "{a} / {b}", "ratio", inverse=part.inverse)
    if f == Family.PERCENT_CHANGE:
        return _Model("({a} - {b}) / {b} x 100" if d > 0 else "({b} - {a}) / {b} x 100", "ratio", _HUNDRED * d, -_HUNDRED * d)
    if f == Family.FRACTION_CHANGE:
        return _Model("({a} - {b}) / {b}" if d > 0 else "({b} - {a}) / {b}", "ratio", Fraction(d), Fraction(-d))
    if f in (Family.PERCENTAGE_POINTS, Family.DIFFERENCE):
        return _Model("{a} - {b}" if d > 0 else "{b} - {a}", "diff", Fraction(d))
    if f == Family.SHARE:
        k = _HUNDRED if percent_number else _ONE
        return _Model("{a} / {b} x 100" if percent_number else "{a} / {b}", "ratio", k)
    if f == Family.RATE_PER_UNIT:
        k = part.per_k
        return _Model("{a} / {b}" + (f" x {fmt(k)}" if k != 1 else ""), "ratio", k)
    if f == Family.VALUE:
        return _Model("{b}" if part.target == Target.B else "{a}", "value", target=part.target)
    raise ValueError(f)


# --------------------------------------------------------------------------
# Evaluation
# --------------------------------------------------------------------------


def _show(op: Operand | None) -> str:
    if op is None:
        return "?"
    if op.value is None:
        return "unknown"
    return op.value.describe()


def _words_of(part: Part) -> str:
    return f'"{part.text}"'


def _clip(part: Part, held: Interval, band: Interval | None) -> tuple[Interval, Interval | None]:
    """Keep the accepted interval on the side the statement's direction says."""
    side: Interval | None = None
    if part.family in (Family.PERCENT_CHANGE, Family.FRACTION_CHANGE, Family.PERCENTAGE_POINTS, Family.DIFFERENCE) and part.direction:
        side = _POSITIVE
    elif part.family == Family.RATIO and (part.inverse or part.direction > 0):
        side = _ABOVE_ONE
    elif part.family == Family.RATIO and part.direction < 0:
        side = _BELOW_ONE
    if side is None:
        return held, band
    return held.intersect(side), (band.intersect(side) if band is not None else None)


class _Accepts(NamedTuple):
    """What a model family part accepts, worked out once per statement and
    settings: the interval, its band, the model, and the strict reading of
    an ambiguous wording (held, band, and the number it reads)."""

    held: Interval
    band: Interval | None
    model: _Model
    strict: tuple[Interval, Interval | None, Fraction] | None


class Prepared(NamedTuple):
    """A reading with what each of its parts accepts under some settings:
    everything about a claim that does not depend on its figures.  A
    registry repeats its phrasings, so ``verify`` prepares each distinct
    statement once (see :func:`prepare`)."""

    reading: Reading
    settings: Settings
    accepts: tuple[_Accepts | None, ...]  # per part: primary, then anchors


def prepare(reading: Reading, settings: Settings) -> Prepared:
    parts = (reading.primary, *reading.anchors)
    return Prepared(reading, settings, tuple(_accepts(p, settings) for p in parts))


def _accepts(part: Part, settings: Settings) -> _Accepts | None:
    if part.family in (Family.RECORD, Family.COMPARISON, Family.RATE):
        return None
    n = part.number
    assert n is not None
    held, band = _clip(part, *acceptance(n, part.hedge, settings))
    strict = None
    if part.ambiguous:
        # "N times more" read strictly is N + 1 times the base ("three times
        # more" = the base plus three times it): docs/semantics.md, "Ambiguous wording".  The
        # number's whole interval moves up by one, so its precision stays.
        strict_n = n._replace(value=n.value + 1, interval=n.interval.shift(_ONE))
        strict = (*_clip(part, *acceptance(strict_n, part.hedge, settings)), strict_n.value)
    return _Accepts(held, band, _model(part, n.percent), strict)


def _evaluate_part(part: Part, accepts: _Accepts | None, of: Operand, vs: Operand | None,
                   settings: Settings) -> _Result:
    """One part of a reading over the figures: its verdict, then the notes
    that go with it (discouraged wording, the strict reading of an
    ambiguous one, a change between percentages that holds as points)."""
    if accepts is None:
        if part.family == Family.RECORD:
            return _evaluate_record(part, of, vs, settings)
        if part.family == Family.COMPARISON:
            return _evaluate_comparison(part, of, vs, settings)
        return _evaluate_rate(part, of, settings)
    n = part.number
    assert n is not None
    model = _model_for_figures(part, accepts.model, of, vs)
    result = _evaluate_model(part, model, accepts.held, accepts.band, of, vs)
    if part.family == Family.VALUE and model.kind == "ratio":
        result = result._replace(reading=Family.SHARE)
    if part.family == Family.VALUE and part.role in ("A", "B") and result.verdict == Verdict.FAILS:
        result = _in_scale_units_result(part, model, of, vs, settings) or result
    notes = list(result.notes)
    if part.discouraged:
        notes.append(part.discouraged)
    strict = None
    if accepts.strict is not None:
        s_held, s_band, s_value = accepts.strict
        strict = _evaluate_model(part, model, s_held, s_band, of, vs).verdict
        notes.append(
            f"ambiguous wording, read as {fmt(n.value)} times the base; the strict reading "
            f"({fmt(s_value)} times the base) needs {s_held}: {strict}"
        )
    points = _as_points_note(part, result.verdict, accepts.held, of, vs)
    if points is not None:
        notes.append(points)
    if not notes and strict is None:
        return result
    return result._replace(notes=tuple(notes), strict_verdict=strict)


def _model_for_figures(part: Part, model: _Model, of: Operand, vs: Operand | None) -> _Model:
    """The prepared model, unless the figures change what it must be: a rate
    per unit with no count of units is the figure itself; a bare percentage
    depends on whether its figure is a percentage (_percentage_model)."""
    n = part.number
    assert n is not None
    if part.family == Family.RATE_PER_UNIT and vs is None:
        return _Model("{a} (no count of units given: the figure is the rate itself)", "value")
    if part.family == Family.VALUE and n.percent:
        return _percentage_model(part, model, of, vs)
    return model


def _in_scale_units_result(part: Part, model: _Model, of: Operand, vs: Operand | None,
                           settings: Settings) -> _Result | None:
    """"to £16.9m" over a figure kept in millions (value: 16.9): the number
    read in the units of its scale word, and said so; None when that does
    not help either (the failing verdict stands)."""
    n = part.number
    assert n is not None
    unscaled = _in_scale_units(n)
    if unscaled is None:
        return None
    u_held, u_band = acceptance(unscaled, part.hedge, settings)
    again = _evaluate_model(part, model, u_held, u_band, of, vs)
    if again.verdict == Verdict.FAILS:
        return None
    return again._replace(explanation=again.explanation + f" (read as {fmt(unscaled.value)}, in the units of {n.text!r})")


def _as_points_note(part: Part, verdict: Verdict, held: Interval, of: Operand, vs: Operand | None) -> str | None:
    """A relative change between two percentages that does not hold, but
    would as a difference in percentage points: say so (the commonest
    confusion of the two)."""
    if part.family != Family.PERCENT_CHANGE or verdict == Verdict.HOLDS or not of.percent:
        return None
    if vs is None or not vs.percent or of.value is None or vs.value is None:
        return None
    pts = (of.value - vs.value).scale(Fraction(part.direction or 1))
    if not pts.within(held):
        return None
    return (f"both figures are percentages: {_show(of)} - {_show(vs)} = {str(of.value - vs.value)} "
            f"percentage points, so the statement would hold as percentage points, not as a relative change")


_SCALE_WORD = re.compile(r"\s?(thousand|million|billion|trillion|mln|mn|bn|tn|k|m|b)$")


def _in_scale_units(n: ReadNumber) -> ReadNumber | None:
    """"£16.9m" as 16.9 (millions), for a figure written in those units."""
    m = _SCALE_WORD.search(n.text)
    if not m:
        return None
    k = SCALE_SUFFIXES[m[1]]
    return n._replace(value=n.value / k, interval=n.interval.scale(Fraction(1, k)),
                      step=None if n.step is None else n.step / k)


def _percentage_model(part: Part, model: _Model, of: Operand, vs: Operand | None) -> _Model:
    """A percentage with no word of change (docs/semantics.md, "Percentages without a word of change"): the value
    of a figure that is itself a percentage; else, with a base, the share
    A / B; a percentage given as the value of a count is an error."""
    n = part.number
    assert n is not None
    figure = vs if part.target == Target.B else of
    if figure is not None and figure.percent:
        return model
    if part.target == Target.A and part.role != "A" and vs is not None:
        return _Model("{a} / {b} x 100", "ratio", _HUNDRED)
    name = "B" if part.target == Target.B else "A"
    raise UnreadableStatement(
        f"{n.text!r} is a percentage, but {name} ({figure.text if figure else 'not given'}) is a count, "
        "so it can be neither its value nor, without a base, a share",
        f"mark {name} as a percentage (unit: percent) if it is one, or give the base as vs to read "
        f"{n.text!r} as the share A / B",
    )


def _evaluate_model(part: Part, model: _Model, held: Interval, band: Interval | None,
                    of: Operand, vs: Operand | None) -> _Result:
    """A part of a model family over the figures: unverifiable when a
    figure it needs is missing or unknown (with the range that would make it
    hold), else q computed and judged."""
    words = _words_of(part)
    uses_b = model.kind != "value" or model.target == Target.B
    if uses_b and vs is None:
        return _Result(Verdict.UNVERIFIABLE, None, str(held),
                       f"{words} compares with a base figure, but none was given (vs)")
    expr = model.formula.format(a=_show(of), b=_show(vs))
    b_val = vs.value if vs is not None else None
    uses_a = model.kind != "value" or model.target == Target.A
    if (uses_a and of.value is None) or (uses_b and b_val is None):
        return _unknown_result(model, held, of, vs, expr, words, uses_b)
    return _computed_result(model, held, band, of, vs, expr, words, uses_b)


def _solve(model: _Model, held: Interval, *, for_a: bool, known: Interval | None) -> Interval | None:
    """The range the unknown operand (A when ``for_a``, else B) must lie in
    for q to be in ``held``, the other operand being ``known``; None when
    that divides by a range that contains zero."""
    try:
        return model.solve(held, a=None, b=known) if for_a else model.solve(held, a=known, b=None)
    except ZeroDivisionError:
        return None


def _unknown_result(model: _Model, held: Interval, of: Operand, vs: Operand | None, expr: str, words: str,
                    uses_b: bool) -> _Result:
    """Unverifiable: a figure is unknown.  When exactly one operand is, the
    range it would need (``needed``), and, for a known operand that is a
    range, the needed range at each of its finite bounds."""
    a_val, b_val = of.value, (vs.value if vs is not None else None)
    names = [*of.unknown, *(vs.unknown if vs is not None else ())]
    expl = f"{expr}: {', '.join(names) or 'a figure'} unknown; {words} needs {held}: unverifiable"
    if a_val is None and (not uses_b or b_val is not None):
        for_a = True
    elif uses_b and b_val is None and a_val is not None:
        for_a = False
    else:  # both unknown
        return _Result(Verdict.UNVERIFIABLE, None, str(held), expl)
    unknown_op, known_op = (of, vs) if for_a else (vs, of)
    assert unknown_op is not None
    known = b_val if for_a else a_val
    r = _solve(model, held, for_a=for_a, known=known)
    if r is None:
        return _Result(Verdict.UNVERIFIABLE, None, str(held), expl)
    needed = f"{unknown_op.text} in {r}"
    ranged = known is not None and not known.is_point
    expl += f"; it {'could hold only' if ranged else 'would hold'} if {needed}"
    if known is not None and ranged:
        assert known_op is not None
        for bound in (known.lo, known.hi):
            if bound is None:
                continue
            at_bound = _solve(model, held, for_a=for_a, known=Interval.point(bound))
            if at_bound is not None:
                expl += f" ({unknown_op.text} in {at_bound} if {known_op.text} is {fmt(bound)})"
    return _Result(Verdict.UNVERIFIABLE, None, str(held), expl, needed=needed)


def _zero_base(model: _Model, a_val: Interval | None, b_val: Interval | None, held: Interval, expr: str,
               words: str) -> _Result | None:
    """A ratio over a base that is (fails) or may be (unverifiable) zero."""
    if model.kind != "ratio":
        return None
    den = a_val if model.inverse else b_val
    assert den is not None
    if not den.contains(_ZERO):
        return None
    if den.is_point:
        return _Result(Verdict.FAILS, None, str(held),
                       f"{expr}: the base is zero, so {words} cannot follow (a ratio over a zero base)")
    return _Result(Verdict.UNVERIFIABLE, None, str(held),
                   f"{expr}: the base may be zero, so the ratio is undefined for part of its range")


def _judge_rounded(q: Interval, held: Interval, band: Interval | None) -> Verdict:
    """Figures rounded as published: the statement holds when some values
    inside their intervals make it hold (statcheck / GRIM consistency), so
    overlap is enough."""
    if q.overlaps(held):
        return Verdict.HOLDS
    if band is not None and q.overlaps(band):
        return Verdict.IMPRECISE
    return Verdict.FAILS


def _computed_result(model: _Model, held: Interval, band: Interval | None, of: Operand, vs: Operand | None,
                     expr: str, words: str, uses_b: bool) -> _Result:
    """q computed from known figures and judged against ``held``."""
    a_val, b_val = of.value, (vs.value if vs is not None else None)
    zero = _zero_base(model, a_val, b_val, held, expr, words)
    if zero is not None:
        return zero
    if model.kind == "ratio" and model.c and b_val is not None and b_val.hi is not None and b_val.hi < 0:
        # a change over a negative base is measured against its size, |B|:
        # from -100 to -90 is a rise of 10%
        model = model._replace(k=-model.k, c=-model.c, formula=model.formula.replace("/ {b}", "/ |{b}|"))
        expr = model.formula.format(a=_show(of), b=_show(vs))
    q = model.forward(a_val, b_val)
    verdict = judge(q, held, band)
    rounded = of.rounded or (uses_b and vs is not None and vs.rounded)
    if rounded and verdict != Verdict.HOLDS:
        verdict = _judge_rounded(q, held, band)
    unit = "%" if model.k == _HUNDRED or model.k == -_HUNDRED else ""
    q_text, held_text = str(q), str(held)
    expl = f"{expr} = {q_text}{unit}; {words} needs {held_text}{unit}: {verdict}"
    if rounded:
        expl += (f" (consistent with the rounded figures, which give {q_text}{unit})" if verdict == Verdict.HOLDS
                 else f" (the rounded figures give {q_text}{unit})")
    needed = None
    if verdict == Verdict.UNVERIFIABLE:
        # one figure a range: the part of it for which the statement holds
        ranged = [op for op in (of, vs if uses_b else None)
                  if op is not None and op.value is not None and not op.value.is_point]
        if len(ranged) == 1:
            for_a = ranged[0] is of
            r = _solve(model, held, for_a=for_a, known=b_val if for_a else a_val)
            if r is not None:
                needed = f"{ranged[0].text} in {r}"
                expl += f"; {ranged[0].text} is a range ({_show(ranged[0])}), and the statement holds only if it is in {r}"
    elif verdict == Verdict.IMPRECISE and band is not None:
        expl += f" (within the imprecise band {band}{unit})"
    return _Result(verdict, q_text, held_text, expl, (), needed)


_COMPARE_WORDS = {
    Comparator.GT: ">", Comparator.GE: ">=", Comparator.LT: "<", Comparator.LE: "<=", Comparator.EQ: "=",
}
#: what A - B must be in for each comparator
_COMPARE_HELD = {
    Comparator.GT: Interval(_ZERO, None, False, True),
    Comparator.GE: Interval(_ZERO, None),
    Comparator.LT: Interval(None, _ZERO, True, False),
    Comparator.LE: Interval(None, _ZERO),
    Comparator.EQ: Interval.point(_ZERO),
}


def _evaluate_comparison(part: Part, of: Operand, vs: Operand | None, settings: Settings) -> _Result:
    words = _words_of(part)
    if vs is None:
        return _Result(Verdict.UNVERIFIABLE, None, None, f"{words} compares with a base figure, but none was given (vs)")
    comp = part.comparator or Comparator.GT
    sym = _COMPARE_WORDS[comp]
    if part.hedge != Hedge.NONE and comp == Comparator.EQ:  # "about the same as": A / B near 1
        held = relative(_ONE, settings.hedge_tolerance)
        model = _Model("{a} / {b}", "ratio")
        return _evaluate_model(part, model, held, relative(_ONE, 2 * settings.hedge_tolerance), of, vs)
    held = _COMPARE_HELD[comp]
    model = _Model("{a} - {b}", "diff")
    res = _evaluate_model(part, model, held, None, of, vs)
    accepted = f"A {sym} B"
    if of.value is not None and vs.value is not None:
        q = of.value - vs.value
        expl = f"{_show(of)} {sym} {_show(vs)} (A - B = {q}); {words}: {res.verdict}"
        return res._replace(accepted=accepted, explanation=expl)
    return res._replace(accepted=accepted)


def _evaluate_rate(part: Part, of: Operand, settings: Settings) -> _Result:
    n = part.number
    assert n is not None and part.per is not None
    held, band = acceptance(n, part.hedge, settings)
    words = _words_of(part)
    per = part.per
    if of.period is None:
        units = _ONE
        how = f"{_show(of)} (no period: the figure is the rate itself)"
    else:
        units = of.period.units("day") * _PER_DAY[per] if per in _PER_DAY else of.period.units(per)
        how = f"{_show(of)} / {fmt(units)} {per}s in {of.period}"
    if of.value is None:
        needed = f"{of.text} in {held.scale(units)}"
        expl = (f"{how}: {', '.join(of.unknown) or of.text} unknown; {words} needs {held} per {per}: unverifiable; "
                f"it would hold if {needed}")
        return _Result(Verdict.UNVERIFIABLE, None, str(held), expl, needed=needed)
    q = of.value.scale(1 / units)
    verdict = judge(q, held, band)
    expl = f"{how} = {q} per {per}; {words} needs {held}: {verdict}"
    return _Result(verdict, str(q), str(held), expl)


def _gt(a: Interval, b: Interval, high: bool) -> Verdict:
    """holds / fails / unverifiable for A above (high) or below B."""
    d = a - b if high else b - a
    return judge(d, Interval(_ZERO, None, False, True), None)


def _evaluate_record(part: Part, of: Operand, vs: Operand | None, settings: Settings) -> _Result:
    """A against the points of a series (docs/semantics.md, "Records").

    The points compared are those of the series before A's period (the
    record as it stood then), all of them for "peaked in P".  "Since S"
    needs a point of S at least as high (low) as A and every later point
    below (above) it; S may be coarser than the series ("since 2001" over
    months: any of 2001's points will do).  Where S has no point but the
    series is ``complete`` (elections), the last point before S stands in
    for it.  "Since at least S" and "for more than N years" need only A
    above every point from S on, with data going back to S.  A rank k
    ("the second highest") needs exactly k - 1 compared points above A, the
    rest below.  A missing period in the span checked (a gap, or a null
    point; none between the points of a complete series) leaves a claim
    unverifiable unless the known points already make it fail.
    """
    spec = part.record
    assert spec is not None
    words = _words_of(part)
    if of.value is None:
        return _Result(Verdict.UNVERIFIABLE, None, None, f"{of.text} is unknown, so {words} cannot be checked")
    if vs is None or vs.series is None:
        return _record_without_series(spec, words, of, vs, settings)
    period = of.period
    if period is None:
        return _Result(Verdict.UNVERIFIABLE, None, None,
                       f"{words}: {of.text} has no period, so its place in the series is unknown; write of: series[period]")
    if spec.peak:
        return _record_peak(spec, words, of, vs, period)
    before = [(p, v) for p, v in vs.series if p.end < period.start]
    if not before:
        return _Result(Verdict.UNVERIFIABLE, None, None, f"{words}: the series has no point before {period}")
    if spec.previous is not None:
        return _record_previous(spec, words, of, vs, period, before, settings)
    return _record_since(spec, words, of, vs, period, before)


_HIGHER = {True: ("above", "below", "highest", "high"), False: ("below", "above", "lowest", "low")}

#: The points of a series: a period and its value (None when unknown).
_Points = list[tuple[Period, Interval | None]]


def _record_without_series(spec: RecordSpec, words: str, of: Operand, vs: Operand | None,
                           settings: Settings) -> _Result:
    """A record over a single figure: only "above the previous peak of N"
    can be checked (A above B, and B as stated); that B was a peak cannot."""
    a = of.value
    assert a is not None
    if vs is None or vs.value is None or spec.previous is None:
        return _Result(Verdict.UNVERIFIABLE, None, None,
                       f"{words} needs a series to compare with: give the series as vs (e.g. vs: convictions)")
    sym = ">" if spec.high else "<"
    v1 = _gt(a, vs.value, spec.high)
    v2 = judge(vs.value, *acceptance(spec.previous, Hedge.NONE, settings))
    parts = [f"{_show(of)} {sym} {_show(vs)}: {v1}", f"{vs.text} = {_show(vs)}, stated {spec.previous.text}: {v2}"]
    verdict = worst((v1, v2))
    note = "that the previous figure was a peak is not checked: give the series as vs to check it"
    return _Result(verdict, _show(of), f"{sym} {_show(vs)}", f"{words}: " + "; ".join(parts) + f": {verdict}", (note,))


def _pv(p: Period, v: Interval) -> str:
    return f"{p}: {v.describe()}"


def _listing(points: _Points) -> str:
    """The points compared, written out while they are few enough to read."""
    if not points:
        return "(none)"
    if len(points) > 12:
        return f"({len(points)} points, {points[0][0]} to {points[-1][0]})"
    return "(" + ", ".join(f"{p}: {'unknown' if v is None else v.describe()}" for p, v in points) + ")"


def _extreme(points: _Points, high: bool) -> tuple[Period, Interval] | None:
    """The highest (``high``) or lowest known point, the first of equals;
    None when no point is known.  One key for every record statement: how
    far a point reaches in the record's direction, i.e. its upper end (lower
    end), or its other end when that one is unbounded.  For the points of
    most series (exact values) that is simply the highest (lowest) value."""
    known = [(p, v) for p, v in points if v is not None]
    if not known:
        return None

    def reach(pv: tuple[Period, Interval]) -> Fraction:
        v = pv[1]
        end = (v.hi if v.hi is not None else v.lo) if high else (v.lo if v.lo is not None else v.hi)
        end = end if end is not None else _ZERO  # (-inf, inf): no reach either way
        return end if high else -end

    return max(known, key=reach)


def _gaps(vs: Operand, first: Period, last: Period, at: Period) -> list[Period]:
    """The periods from ``first`` to ``last`` the series has no value for,
    A's own period ``at`` left out: its null points there and, unless it is
    complete, the periods of its own granularity without a point
    (periods.missing_in)."""
    series = vs.series or ()
    nulls = [p for p, v in series if v is None and p.end >= first.start and p.start <= last.end]
    gaps = [] if vs.complete else missing_in([p for p, _ in series], first, last)
    return sorted(p for p in set(nulls) | set(gaps) if not p.overlaps(at))


def _rank_verdict(a: Interval, points: _Points, spec: RecordSpec, of: Operand,
                  problems: list[str]) -> tuple[Verdict, list[tuple[Period, Interval]]]:
    """Whether exactly ``spec.rank - 1`` of ``points`` beat A and the rest
    fall short of it: holds, fails, or unverifiable (unknown points, or
    ranges that straddle A).  Returns the verdict and the points that beat A."""
    above, below, _, _ = _HIGHER[spec.high]
    beat: list[tuple[Period, Interval]] = []
    ties: list[tuple[Period, Interval]] = []
    unsure = 0
    for p, v in points:
        if v is None:
            unsure += 1
            continue
        over, under = _gt(v, a, spec.high), _gt(a, v, spec.high)
        if over == Verdict.HOLDS:
            beat.append((p, v))
        elif under == Verdict.HOLDS:
            continue
        elif over == Verdict.FAILS and under == Verdict.FAILS:
            ties.append((p, v))
        else:
            unsure += 1
    need = spec.rank - 1
    if ties:
        problems.append("tied with " + _show(of) + ": " + ", ".join(_pv(p, v) for p, v in ties))
    beaten = ", ".join(_pv(p, v) for p, v in beat)
    if len(beat) > need:
        if need == 0:
            problems.append(f"{beaten} {'is' if len(beat) == 1 else 'are'} not {below} {_show(of)}")
        else:
            problems.append(f"{len(beat)} points are {above} {_show(of)} ({beaten}), not {need}")
        return Verdict.FAILS, beat
    if ties:
        return Verdict.FAILS, beat
    if len(beat) + unsure < need:
        problems.append(f"only {len(beat)} point{'s' if len(beat) != 1 else ''} {'are' if len(beat) != 1 else 'is'} "
                        f"{above} {_show(of)}" + (f" ({beaten})" if beat else "") + f", not {need}")
        return Verdict.FAILS, beat
    return (Verdict.UNVERIFIABLE if unsure else Verdict.HOLDS), beat


def _record_text(words: str, computed: str, details: list[str], missing: list[Period],
                 verdict: Verdict, vs: Operand) -> str:
    expl = f"{words}: {computed}"
    if details:
        expl += "; " + "; ".join(details)
    if missing and verdict == Verdict.UNVERIFIABLE:
        expl += f"; the series has no value for {', '.join(str(p) for p in missing)}"
    if vs.complete:
        expl += "; the series is complete (no periods missing between its points)"
    return expl + f": {verdict}"


class _Span(NamedTuple):
    """What a record's span contributes to its verdict: the points A is
    compared with, and what was found on the way (details and problems for
    the explanation, verdicts to combine, periods without a value)."""

    compared: _Points
    details: list[str]
    problems: list[str]
    verdicts: list[Verdict]
    missing: list[Period]


def _record_since(spec: RecordSpec, words: str, of: Operand, vs: Operand, period: Period,
                  before: _Points) -> _Result:
    """"On record", "since S", "since at least S", "in N years": A against
    the earlier points of the span (see _evaluate_record)."""
    above, _, word, _ = _HIGHER[spec.high]
    a = of.value
    assert a is not None
    since, at_least = spec.since, spec.at_least
    if since is None and spec.years is not None:
        since = period.shift_months(-12 * spec.years)
    if since is not None and since.start >= period.start:
        return _Result(Verdict.UNVERIFIABLE, None, None, f"{words}: {since} is not before {of.text}'s period {period}")
    if since is None:  # on record: every earlier point
        compared = before
        span = _Span(compared, [f"every earlier point {_listing(compared)}"], [], [],
                     _gaps(vs, before[0][0], period, period))
    elif at_least:
        span = _span_from(since, vs, period, before)
    else:
        span = _span_since(spec, since, of, vs, period, before)
    problems = span.problems
    rank_verdict, _ = _rank_verdict(a, span.compared, spec, of, problems)
    details = span.details
    if spec.rank > 1:
        details.append(f"rank {spec.rank} needs exactly {spec.rank - 1} of them {above} it")
    missing = sorted(set(span.missing))
    verdict = worst((*span.verdicts, rank_verdict))
    if verdict != Verdict.FAILS and missing:
        verdict = Verdict.UNVERIFIABLE
    top = _extreme(span.compared, spec.high)
    computed = f"{_show(of)} in {period}" + (f" vs {word} earlier point {top[1]} ({top[0]})" if top else "")
    sym = ">" if spec.high else "<"
    rank = f"rank {spec.rank}: " if spec.rank > 1 else ""
    accepted = rank + f"{sym} every point" + (
        f" from {since}" if since is not None and at_least else f" after {since}" if since is not None
        else f" before {period}")
    return _Result(verdict, computed, accepted, _record_text(words, computed, details + problems, missing, verdict, vs))


def _span_from(since: Period, vs: Operand, period: Period, before: _Points) -> _Span:
    """"Since at least S", "for more than N years": A beats every point from
    S on, and the series must reach back to S to show it."""
    first = before[0][0]
    compared = [(p, v) for p, v in before if p.end >= since.start]
    problems: list[str] = []
    verdicts: list[Verdict] = []
    if first.start > since.start:
        problems.append(f"the series starts in {first}, after {since}, so it cannot show the record goes back that far")
        verdicts.append(Verdict.UNVERIFIABLE)
    details = [f"every point from {since} on {_listing(compared)}"]
    return _Span(compared, details, problems, verdicts, _gaps(vs, since, period, period))


def _span_since(spec: RecordSpec, since: Period, of: Operand, vs: Operand, period: Period,
                before: _Points) -> _Span:
    """"Since S": some point of S was at least as high (low) as A, so the
    record goes back to S and no further, and A beats every point after S.
    S may be coarser than the series ("since 2001" over months: any of
    2001's points will do); where S has no point but the series is
    complete (elections), the last point before S stands in for it."""
    _, below, _, high_word = _HIGHER[spec.high]
    a = of.value
    assert a is not None
    details: list[str] = []
    problems: list[str] = []
    at_since = [(p, v) for p, v in before if p.overlaps(since)]
    if not at_since and vs.complete:
        earlier = [(p, v) for p, v in before if p.end < since.start]
        if earlier:
            at_since = [earlier[-1]]
            details.append(f"no point in {since}; the complete series' last point before it, {earlier[-1][0]}, "
                           "stands for it")
    compared = [(p, v) for p, v in before if p.start > since.end and not any(p == q for q, _ in at_since)]
    # the periods after S: S itself is judged on its own points below
    missing = [p for p in _gaps(vs, since, period, period) if not p.overlaps(since)]
    # one point of S at least as high (low) as A: the record goes back to S
    known = [(p, v) for p, v in at_since if v is not None]
    reach = [judge(v - a if spec.high else a - v, Interval(_ZERO, None), None) for _, v in known]
    enough = [pv for pv, r in zip(known, reach, strict=True) if r == Verdict.HOLDS]
    verdict: Verdict
    if enough:
        p, v = enough[0]
        details.append(f"{p} had {v.describe()}, at least as {high_word} as {_show(of)}")
        verdict = Verdict.HOLDS
    elif not at_since:
        verdict = Verdict.UNVERIFIABLE
        missing.append(since)
    elif all(r == Verdict.FAILS for r in reach) and len(known) == len(at_since):
        shown = ", ".join(_pv(p, v) for p, v in known)
        problems.append(f"{shown}, {below} {_show(of)}, so the record goes back further than {since}")
        verdict = Verdict.FAILS
    else:
        verdict = Verdict.UNVERIFIABLE
        missing.extend(p for p, v in at_since if v is None)
    details.append(f"every later point {_listing(compared)}")
    return _Span(compared, details, problems, [verdict], missing)


def _record_previous(spec: RecordSpec, words: str, of: Operand, vs: Operand, period: Period,
                     before: _Points, settings: Settings) -> _Result:
    """"Up from the previous peak of 560 in 2015": the series' value there
    is 560 (as written), it is the highest before A, and A is above it.
    Without a period, the previous peak is the highest earlier point."""
    a = of.value
    assert a is not None and spec.previous is not None
    series = dict(vs.series or ())
    prev_p = spec.previous_period
    if prev_p is None:
        top = _extreme(before, spec.high)
        prev_p = top[0] if top is not None else None
    pv = series.get(prev_p) if prev_p is not None else None
    if prev_p is None or pv is None:
        return _Result(Verdict.UNVERIFIABLE, None, None, f"{words}: the series has no value for {prev_p}")
    problems: list[str] = []
    v_prev = judge(pv, *acceptance(spec.previous, Hedge.NONE, settings))
    if v_prev != Verdict.HOLDS:
        problems.append(f"{vs.text}[{prev_p}] is {pv}, stated {spec.previous.text} ({v_prev})")
    verdicts = [v_prev, _gt(a, pv, spec.high)]
    for p, v in before:
        if p == prev_p or v is None:
            continue
        r = _gt(pv, v, spec.high) if v != pv else Verdict.HOLDS
        verdicts.append(r)
        if r == Verdict.FAILS:
            problems.append(f"{p} had {v}, {'above' if spec.high else 'below'} the {pv} of {prev_p}")
    missing = _gaps(vs, before[0][0], period, period)
    verdict = worst(verdicts)
    if verdict != Verdict.FAILS and missing:
        verdict = Verdict.UNVERIFIABLE
    sym = ">" if spec.high else "<"
    others = [(p, v) for p, v in before if p != prev_p]
    details = [f"{prev_p} had {pv.describe()}; every other earlier point {_listing(others)}"]
    computed = f"{_show(of)} in {period} vs previous peak {pv} ({prev_p})"
    return _Result(verdict, computed, f"{sym} {pv} and {pv} {sym} every earlier point",
                   _record_text(words, computed, details + problems, missing, verdict, vs))


def _record_peak(spec: RecordSpec, words: str, of: Operand, vs: Operand, period: Period) -> _Result:
    """"Peaked in P": A is at P and above every other point of the series,
    later ones included."""
    a = of.value
    assert a is not None
    want = spec.peak_period
    if want is not None and not want.contains(period):
        return _Result(Verdict.UNVERIFIABLE, None, None,
                       f"{words}: {of.text} is for {period}, not {want}; write of: {vs.text}[{want}] to check it")
    if spec.peak_month is not None and (period.kind != "month" or period.index != spec.peak_month):
        return _Result(Verdict.UNVERIFIABLE, None, None,
                       f"{words}: {of.text} is for {period}, not {calendar.month_name[spec.peak_month]}; "
                       f"write of: {vs.text}[YYYY-{spec.peak_month:02d}] to check it")
    series = vs.series or ()
    others = [(p, v) for p, v in series if p != period and not p.overlaps(period)]
    problems: list[str] = []
    if not others:
        return _Result(Verdict.UNVERIFIABLE, None, None, f"{words}: the series has no other point to compare with")
    peak_spec = spec._replace(high=True, rank=1)
    verdict, _ = _rank_verdict(a, others, peak_spec, of, problems)
    missing = _gaps(vs, series[0][0], series[-1][0], period)
    if verdict != Verdict.FAILS and missing:
        verdict = Verdict.UNVERIFIABLE
    details = [f"every other point {_listing(others)}"]
    top = _extreme(others, True)
    computed = f"{_show(of)} in {period}" + (f" vs highest other point {top[1]} ({top[0]})" if top else "")
    return _Result(verdict, computed, "> every other point of the series",
                   _record_text(words, computed, details + problems, missing, verdict, vs))


def evaluate(reading: Reading | Prepared, of: Operand, vs: Operand | None, settings: Settings | None = None) -> Outcome:
    """The verdict on a reading over its figures (``vs`` may be None).

    ``reading`` may be a :class:`Prepared` one, whose settings are then the
    ones used."""
    if isinstance(reading, Prepared):
        prepared = reading
    else:
        prepared = prepare(reading, settings or Settings())
    reading, settings = prepared.reading, prepared.settings
    parts = (reading.primary, *reading.anchors)
    results = [_evaluate_part(p, a, of, vs, settings) for p, a in zip(parts, prepared.accepts, strict=True)]
    outcomes = [
        PartOutcome(p.text, r.reading or p.family, r.verdict, r.computed, r.accepted, r.explanation, p.role)
        for p, r in zip(parts, results, strict=True)
    ]
    outcomes += [_named_figure(n, of, vs, settings) for n in reading.loose]
    main = results[0]
    verdict = worst(o.verdict for o in outcomes)
    explanation = main.explanation
    for o in outcomes[1:]:
        explanation += f"; and {o.explanation}"
    notes = main.notes if len(results) == 1 else tuple(n for r in results for n in r.notes)
    return Outcome(
        verdict=verdict,
        reading=outcomes[0].reading,
        computed=main.computed,
        accepted=main.accepted,
        explanation=explanation,
        ambiguous=reading.primary.ambiguous,
        strict_verdict=main.strict_verdict,
        notes=notes,
        needed=main.needed,
        parts=tuple(outcomes),
    )


def _named_figure(n: ReadNumber, of: Operand, vs: Operand | None, settings: Settings) -> PartOutcome:
    """A number of the statement that no reading uses must name one of the
    claim's figures (docs/semantics.md, "Every number accounted for"): A, B, or a figure their
    expressions use.  It is checked against it; naming none, the statement
    cannot be read."""
    if n.step is None:
        written = relative(n.value, settings.word_tolerance)
    elif n.step > 1 and n.value == n.value // n.step * n.step and " " not in n.text and n.text[-1:].isdigit():
        # an integer names a figure only if it equals it: the trailing zeros
        # of "1,000" count here, or it would name anything from 500 to 1,500
        written = Interval.around(n.value, Fraction(1, 2))
    else:
        written = n.interval
    candidates: list[tuple[str, Interval]] = []
    for op, name in ((of, "A"), (vs, "B")):
        if op is None:
            continue
        if op.value is not None:
            candidates.append((f"{name} ({op.text})" if op.text not in ("A", "B") else name, op.value))
        candidates.extend(f for f in op.figures if f[0] != op.text)
    for name, value in candidates:
        if value.overlaps(written):
            expl = f'"{n.text}" names {name} = {value.describe()}: holds'
            return PartOutcome(n.text, Family.VALUE, Verdict.HOLDS, value.describe(), str(written), expl, "figure")
    unknown = [u for op in (of, vs) if op is not None for u in op.unknown]
    if unknown:
        expl = f'"{n.text}" may name the unknown {", ".join(unknown)}: unverifiable'
        return PartOutcome(n.text, Family.VALUE, Verdict.UNVERIFIABLE, None, str(written), expl, "figure")
    known = ", ".join(f"{name} = {value.describe()}" for name, value in candidates) or "none"
    raise UnreadableStatement(
        f"{n.text!r} is not what the statement asserts, and names none of the claim's figures ({known})",
        "give `says` only the phrase to check (the whole sentence stays in `quote`), or add the figure "
        "this number names to `of` or `vs`",
    )
