"""Records (semantics section 2), spans of months and mixed series
(periods.py), figures rounded as published and complete series (the
registry), and what an operand carries for them (expressions.resolve)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from factcheck.expressions import parse_expression, resolve
from factcheck.numbers import Interval
from factcheck.periods import Period, PeriodError, missing_in, parse_period, step_of
from factcheck.registry import load_text
from factcheck.verify import check_statement

F = Fraction


def _load(figures: str):
    """A file with the given ``figures:`` body and no claims."""
    topic, problems = load_text("figures:\n" + figures + "claims: {}\n", file="t.yaml")
    return topic, problems


# --------------------------------------------------------------------------
# Periods: spans of months
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "days", "months"),
    [
        ("2019-01..2019-05", 31 + 28 + 31 + 30 + 31, 5),  # a year to date
        ("2020-01..2020-05", 31 + 29 + 31 + 30 + 31, 5),  # a leap year
        ("2023-10..2024-09", 366, 12),  # the 12 months to September, across 29 February 2024
        ("2017-04..2018-03", 365, 12),  # a financial year
        ("2024-02..2024-02", 29, 1),
    ],
)
def test_span_counts_days_and_months_exactly(text, days, months):
    p = parse_period(text)
    assert p.kind == "span"
    assert str(p) == text  # round-trips
    assert parse_period(str(p)) == p
    assert p.days == days
    assert p.months == months
    assert p.units("week") == F(days, 7)
    assert p.units("year") == F(months, 12)


def test_span_order_and_steps():
    fy17, fy18 = parse_period("2017-04..2018-03"), parse_period("2018-04..2019-03")
    assert fy17.shift(1) == fy18 and fy18.shift(-1) == fy17
    assert fy17 < fy18
    assert sorted([Period(2019), parse_period("2019-01..2019-05"), Period(2018)]) == [
        Period(2018), parse_period("2019-01..2019-05"), Period(2019)]
    assert parse_period("2023-10..2024-09").shift_months(-120) == parse_period("2013-10..2014-09")
    assert Period(2019).contains(parse_period("2019-01..2019-05"))
    assert parse_period("2018-12..2019-01").overlaps(Period(2019))
    assert not parse_period("2018-01..2018-12").overlaps(Period(2019))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2019-05..2019-01", "ends before it starts"),
        ("2019-00..2019-05", "month 0"),
        ("2019-01..2019-13", "month 13"),
        ("2019-01..", "is not a period"),
    ],
)
def test_bad_spans(text, message):
    with pytest.raises(PeriodError, match=message):
        parse_period(text)


def test_rate_over_a_span_divides_by_its_days():
    # 151 days in January-May 2019
    ytd = check_statement("an average of 10.0 per day", "1510", period="2019-01..2019-05")
    assert ytd.verdict == "holds"
    assert ytd.explanation.startswith("1510 / 151 days in 2019-01..2019-05 = 10 per day")
    leap = check_statement("an average of 10.0 per day", "1510", period="2020-01..2020-05")
    assert leap.explanation.startswith("1510 / 152 days in 2020-01..2020-05 = 9.934 per day")


def test_missing_periods_at_the_series_own_granularity():
    ps = [parse_period(x) for x in ("1970", "1974-02", "1974-10", "1979")]
    assert step_of(ps) == Period(0, "year")
    # 1974 is present (it has points); the years with none are missing
    assert [str(p) for p in missing_in(ps, Period(1970), Period(1979))] == [
        "1971", "1972", "1973", "1975", "1976", "1977", "1978"]
    months = [parse_period(x) for x in ("2020-01", "2020-03")]
    assert [str(p) for p in missing_in(months, months[0], months[-1])] == ["2020-02"]
    fys = [parse_period(x) for x in ("2017-04..2018-03", "2019-04..2020-03")]
    assert [str(p) for p in missing_in(fys, fys[0], fys[-1])] == ["2018-04..2019-03"]


# --------------------------------------------------------------------------
# Registry: spans, mixed series, rounded, complete
# --------------------------------------------------------------------------


def test_span_as_figure_period_and_series_key():
    topic, problems = _load(
        "  ytd:\n    value: 1510\n    period: 2019-01..2019-05\n"
        "  fy:\n    series: {2017-04..2018-03: 10, 2018-04..2019-03: 12}\n"
    )
    assert problems == []
    assert topic.figures["ytd"].period == parse_period("2019-01..2019-05")
    assert [str(p) for p, _ in topic.figures["fy"].series] == ["2017-04..2018-03", "2018-04..2019-03"]


def test_series_may_hold_two_points_in_one_year_under_finer_keys():
    topic, problems = _load("  turnout:\n    series: {1970: 72.0, 1974-02: 78.8, 1974-10: 72.8, 1979: 76.0}\n")
    assert problems == []
    assert [str(p) for p, _ in topic.figures["turnout"].series] == ["1970", "1974-02", "1974-10", "1979"]


@pytest.mark.parametrize(
    ("series", "column", "message"),
    [
        ("{1974: 1, 1974-02: 2}", 23, "the series period 1974-02 overlaps 1974 (line 3)"),
        ("{2024-Q1: 1, 2024-03: 2}", 26, "the series period 2024-03 overlaps 2024-Q1"),
        ("{2019-01..2019-05: 1, 2019-05..2019-09: 2}", 35, "2019-05..2019-09 overlaps 2019-01..2019-05"),
    ],
)
def test_overlapping_series_periods_are_refused(series, column, message):
    _, problems = _load(f"  s:\n    series: {series}\n")
    (p,) = problems
    assert (p.line, p.column) == (3, column)
    assert message in p.message
    assert p.hint and "must not overlap" in p.hint


def test_rounded_figure_carries_its_written_precision():
    topic, problems = _load(
        "  revenue:\n    value: 1.9 billion\n    rounded: true\n"
        "  plain:\n    value: 1.9 billion\n"
        "  count:\n    value: 145\n    rounded: true\n"
        "  big:\n    value: 1900000000\n    rounded: yes\n"
        "  hedged:\n    value: at least 209\n    rounded: true\n"
    )
    assert problems == []
    f = topic.figures
    assert f["revenue"].rounded is True
    assert f["revenue"].value == Interval(F(185, 100) * 10**9, F(195, 100) * 10**9)
    assert f["plain"].rounded is False and f["plain"].value == Interval.point(F(19, 10) * 10**9)
    assert f["count"].value == Interval(F(289, 2), F(291, 2))
    assert f["big"].value == Interval(F(1850000000), F(1950000000))
    assert f["hedged"].value.lo == 209 and f["hedged"].value.hi is None


def test_rounded_series_rounds_every_point_and_complete_is_kept():
    topic, problems = _load("  s:\n    series: {2023: 1.4 billion, 2024: 1.9 billion}\n    rounded: true\n    complete: true\n")
    assert problems == []
    s = topic.figures["s"]
    assert s.rounded and s.complete
    assert dict(s.series)[Period(2024)] == Interval(F(185, 100) * 10**9, F(195, 100) * 10**9)


@pytest.mark.parametrize(
    ("body", "line", "column", "message", "hint"),
    [
        ("  a:\n    value: 3\n    rounded: 1\n", 4, 14, "figure 'a': rounded must be true or false, not a number '1'",
         "write true or false"),
        ("  a:\n    series: {2024: 3}\n    complete: 'yes'\n", 4, 15, "complete must be true or false, not text", None),
        ("  a:\n    value: 3\n    complete: true\n", 4, 5, "figure 'a': complete applies to a series only", "series"),
        ("  a:\n    value: 3\n    rounde: true\n", 4, 5, "unknown key 'rounde'", "did you mean 'rounded'?"),
    ],
)
def test_bad_flags_name_where_they_are(body, line, column, message, hint):
    _, problems = _load(body)
    (p,) = problems
    assert (p.line, p.column) == (line, column)
    assert message in p.message
    if hint:
        assert hint in (p.hint or "")


# --------------------------------------------------------------------------
# expressions.resolve: rounded, complete, figures
# --------------------------------------------------------------------------


def test_resolve_carries_rounded_complete_and_the_figures_used():
    topic, problems = _load(
        "  a:\n    value: 1.9 billion\n    rounded: true\n"
        "  b: 1400000000\n"
        "  u: null\n"
        "  s:\n    series: {2023: 5, 2024: 7}\n    complete: true\n"
    )
    assert problems == []
    figs = topic.figures
    op = resolve(parse_expression("a - b"), figs)
    assert op.rounded is True
    assert op.figures == (("a", figs["a"].value), ("b", figs["b"].value))
    op = resolve(parse_expression("b * 2 + s[2024] + b"), figs)
    assert op.rounded is False
    assert op.figures == (("b", figs["b"].value), ("s[2024]", Interval.point(F(7))))
    op = resolve(parse_expression("b + u"), figs)
    assert op.value is None and op.unknown == ("u",)
    assert op.figures == (("b", figs["b"].value),)  # only known figures
    whole = resolve(parse_expression("s"), figs)
    assert whole.series is not None and whole.complete is True and whole.figures == ()
    assert resolve(parse_expression("100"), figs).figures == ()
