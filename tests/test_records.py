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


# --------------------------------------------------------------------------
# Reading records: RecordSpec and the tokens a record part claims
# --------------------------------------------------------------------------


def _reading(says: str):
    from factcheck.phrases import read_statement

    part = read_statement(says, has_vs=True).primary
    assert part.family == "record", part
    return part


def _claimed(says: str, part) -> list[str]:
    """The text of the number tokens the part claims."""
    from factcheck.phrases import _tag, normalise

    tg = _tag(normalise(says), word_tolerance=F(1, 20))
    return [tg.numbers[i].text for i in part.tokens]


Y = Period


@pytest.mark.parametrize(
    ("says", "fields", "claimed"),
    [
        ("a 10-year low", {"high": False, "years": 10, "at_least": False, "since": None}, ["10"]),
        ("a 20-year high", {"high": True, "years": 20}, ["20"]),
        ("a three-year high", {"high": True, "years": 3}, ["a three"]),
        ("a 10-year record low", {"high": False, "years": 10}, ["10"]),
        ("a decade high", {"high": True, "years": 10}, []),
        ("a two-decade low", {"high": False, "years": 20}, ["a two"]),
        ("the highest in ten years", {"high": True, "years": 10, "at_least": False}, ["ten"]),
        ("the highest for ten years", {"high": True, "years": 10, "at_least": False}, ["ten"]),
        ("the highest in a decade", {"years": 10, "at_least": False}, []),
        ("the highest in the past 10 years", {"years": 10, "at_least": False}, ["10"]),
        ("the lowest level in 15 years", {"high": False, "years": 15}, ["15"]),
        ("the lowest in more than 20 years", {"high": False, "years": 20, "at_least": True}, ["20"]),
        ("the lowest for more than 20 years", {"high": False, "years": 20, "at_least": True}, ["20"]),
        ("the highest in over a decade", {"years": 10, "at_least": True}, []),
        ("the highest in at least 20 years", {"years": 20, "at_least": True}, ["20"]),
        ("the second highest on record", {"high": True, "rank": 2, "since": None}, []),
        ("the third-lowest since 2010", {"high": False, "rank": 3, "since": Y(2010)}, []),
        ("the second-highest ever", {"rank": 2, "since": None}, []),
        ("the 4th highest on record", {"rank": 4}, []),
        ("the 2nd-lowest in 20 years", {"high": False, "rank": 2, "years": 20}, ["20"]),
        ("peaked in 2022", {"peak": True, "peak_period": Y(2022), "peak_month": None}, []),
        ("peaked in October", {"peak": True, "peak_period": None, "peak_month": 10}, []),
        ("peaked in October 2023", {"peak": True, "peak_period": Y(2023, "month", 10), "peak_month": None}, []),
        ("reached its peak in 2019", {"peak": True, "peak_period": Y(2019)}, []),
        ("the lowest turnout since 2001", {"high": False, "since": Y(2001), "rank": 1, "at_least": False}, []),
        ("the highest number of convictions since 2010", {"high": True, "since": Y(2010)}, []),
        ("the highest since at least 2010", {"since": Y(2010), "at_least": True}, []),
        ("the highest since records began", {"since": None, "years": None}, []),
        ("up from the previous peak of 560 cases in 2015", {"previous_period": Y(2015)}, ["560"]),
    ],
)
def test_record_readings(says, fields, claimed):
    part = _reading(says)
    spec = part.record._asdict()
    assert {k: spec[k] for k in fields} == fields
    assert _claimed(says, part) == claimed


def test_a_number_before_the_superlative_is_not_a_rank():
    part = _reading("the 3 highest since 2010")
    assert part.record.rank == 1 and part.tokens == ()


def test_a_record_in_a_sentence_claims_only_its_own_numbers():
    says = "Turnout fell to 59.9% in 2024, the lowest in more than 20 years"
    part = _reading(says)
    assert part.record.years == 20 and part.record.at_least
    assert _claimed(says, part) == ["20"]


# --------------------------------------------------------------------------
# Evaluating records
# --------------------------------------------------------------------------


def _record(says: str, series: dict, at, *, complete: bool = False):
    from factcheck.evaluate import evaluate
    from factcheck.model import Operand
    from factcheck.phrases import read_statement

    points = tuple(sorted((parse_period(k), None if v is None else Interval.point(F(str(v)))) for k, v in series.items()))
    period = parse_period(at)
    of = Operand(f"s[{at}]", dict(points)[period], (), period)
    vs = Operand("s", None, (), None, False, points, complete=complete)
    return evaluate(read_statement(says, has_vs=True), of, vs)


TURNOUT = {2001: 59.4, 2005: 61.4, 2010: 65.1, 2015: 66.4, 2017: 68.8, 2019: 67.3, 2024: 59.9}
YEARLY = {2014: 50, 2015: 60, 2016: 70, 2017: 65, 2018: 66, 2019: 70, 2020: 72, 2021: 68, 2022: 61, 2023: 58, 2024: 55}
MONTHS_2001 = {"2001-01": 10, "2001-02": 30, "2001-03": 5, **{f"2002-{m:02d}": 8 for m in range(1, 13)}, "2003-01": 20}


@pytest.mark.parametrize(
    ("says", "series", "at", "complete", "verdict"),
    [
        # the public cases p72-p76
        ("a 10-year low", YEARLY, 2024, False, "holds"),
        ("peaked in 2022", {2020: 5, 2021: 8, 2022: 12, 2023: 10, 2024: 9}, 2022, False, "holds"),
        ("peaked in 2022", {2020: 5, 2021: 8, 2022: 12, 2023: 10, 2024: 13}, 2022, False, "fails"),
        ("the second highest on record", {2019: 10, 2020: 30, 2021: 20, 2022: 25}, 2022, False, "holds"),
        ("the lowest turnout since 2001", TURNOUT, 2024, True, "holds"),
        # N years: since P - N, whose point must be at least as high (low)
        ("a 10-year low", {**YEARLY, 2014: 56}, 2024, False, "fails"),
        ("a 9-year low", YEARLY, 2024, False, "fails"),  # 2015 (60) is not as low as 55
        ("the highest in ten years", {2014: 9, **{y: 5 for y in range(2015, 2024)}, 2024: 8}, 2024, False, "holds"),
        ("the highest for ten years", {2014: 7, **{y: 5 for y in range(2015, 2024)}, 2024: 8}, 2024, False, "fails"),
        ("a 10-year high", {"2014-09": 9, **{f"{y}-{m:02d}": 5 for y in range(2014, 2025) for m in range(1, 13)
                                             if "2014-09" < f"{y}-{m:02d}" < "2024-09"}, "2024-09": 8},
         "2024-09", False, "holds"),
        # more than N years: since at least P - N, data back that far
        ("the lowest for more than 20 years", {**{y: 70 for y in range(2000, 2024)}, 2024: 60}, 2024, False, "holds"),
        ("the lowest for more than 20 years", {**{y: 70 for y in range(2000, 2024)}, 2001: 50, 2024: 60}, 2024, False,
         "holds"),  # 2001 is before P - 20
        ("the lowest for more than 20 years", {**{y: 70 for y in range(2000, 2024)}, 2004: 59, 2024: 60}, 2024, False,
         "fails"),
        ("the lowest in more than 20 years", {**{y: 70 for y in range(2005, 2024)}, 2024: 60}, 2024, False,
         "unverifiable"),  # the data start after 2004
        # ranks: exactly rank - 1 points of the span beat A
        ("the second highest on record", {2019: 10, 2020: 30, 2021: 26, 2022: 25}, 2022, False, "fails"),
        ("the second highest on record", {2019: 10, 2020: 20, 2021: 24, 2022: 25}, 2022, False, "fails"),
        ("the second highest on record", {2019: 10, 2020: 25, 2021: 24, 2022: 25}, 2022, False, "fails"),  # a tie
        ("the third-lowest since 2010", {2010: 1, 2011: 5, 2012: 2, 2013: 3, 2014: 6, 2015: 4}, 2015, False, "holds"),
        ("the third-lowest since 2010", {2010: 1, 2011: 5, 2012: 2, 2013: 7, 2014: 6, 2015: 4}, 2015, False, "fails"),
        ("the second-highest ever", {2019: 10, 2020: 30, 2021: None, 2022: 25}, 2022, False, "unverifiable"),
        ("the second-highest ever", {2019: 40, 2020: 30, 2021: None, 2022: 25}, 2022, False, "fails"),
        # peaks: the whole series, later points included
        ("peaked in 2022", {2020: 5, 2021: 8, 2022: 12, 2024: 9}, 2022, False, "unverifiable"),  # 2023 missing
        ("peaked in 2022", {2020: 5, 2021: 8, 2022: 12, 2024: 9}, 2022, True, "holds"),
        ("peaked in 2022", {2020: 5, 2021: 8, 2022: 12, 2024: 13}, 2022, False, "fails"),  # fails despite the gap
        ("peaked in October", {"2023-08": 1, "2023-09": 2, "2023-10": 5, "2023-11": 3}, "2023-10", False, "holds"),
        ("peaked in October 2023", {"2023-08": 1, "2023-09": 2, "2023-10": 5, "2023-11": 6}, "2023-10", False, "fails"),
        ("peaked in October", {"2023-08": 1, "2023-09": 2, "2023-10": 5}, "2023-09", False, "unverifiable"),
        ("peaked in 2023", {"2023-08": 1, "2023-09": 2, "2023-10": 5}, "2023-10", False, "holds"),
        # since a period coarser than the series
        ("the highest since 2001", MONTHS_2001, "2003-01", False, "holds"),
        ("the highest since 2001", {**MONTHS_2001, "2001-02": 15}, "2003-01", False, "fails"),
        ("the highest since 2001", {**MONTHS_2001, "2002-06": None}, "2003-01", False, "unverifiable"),
        # complete series: no missing periods between points
        ("the lowest turnout since 2001", TURNOUT, 2024, False, "unverifiable"),
        ("the lowest since 2001", {**TURNOUT, 2005: 59.0}, 2024, True, "fails"),
        ("the lowest since 2003", TURNOUT, 2024, True, "holds"),  # 2001 stands for 2003
        ("the lowest since 2003", {**TURNOUT, 2001: 60.0}, 2024, True, "fails"),
        ("the lowest since 2003", TURNOUT, 2024, False, "unverifiable"),
        ("the highest since 1970", {"1970": 80, "1974-02": 70, "1974-10": 60, "1979": 75}, "1979", True, "holds"),
        ("the highest since 1970", {"1970": 80, "1974-02": 70, "1974-10": 60, "1979": 75}, "1979", False,
         "unverifiable"),
        # spans of months: financial years
        ("the highest on record", {"2017-04..2018-03": 5, "2018-04..2019-03": 6, "2019-04..2020-03": 7},
         "2019-04..2020-03", False, "holds"),
        ("the highest on record", {"2017-04..2018-03": 5, "2019-04..2020-03": 7}, "2019-04..2020-03", False,
         "unverifiable"),
    ],
)
def test_record_verdicts(says, series, at, complete, verdict):
    outcome = _record(says, series, at, complete=complete)
    assert outcome.verdict == verdict, outcome.explanation
    assert outcome.reading == "record"


def test_record_explanations_show_the_points_compared():
    o = _record("a 10-year low", YEARLY, 2024)
    assert o.explanation == (
        '"a 10-year low": 55 in 2024 vs lowest earlier point 58 (2023); 2014 had 50, at least as low as 55; '
        "every later point (2015: 60, 2016: 70, 2017: 65, 2018: 66, 2019: 70, 2020: 72, 2021: 68, 2022: 61, "
        "2023: 58): holds"
    )
    o = _record("peaked in 2022", {2020: 5, 2021: 8, 2022: 12, 2023: 10, 2024: 13}, 2022)
    assert "every other point (2020: 5, 2021: 8, 2023: 10, 2024: 13)" in o.explanation
    assert "2024: 13 is not below 12" in o.explanation
    o = _record("the second highest on record", {2019: 10, 2020: 30, 2021: 26, 2022: 25}, 2022)
    assert "rank 2 needs exactly 1 of them above it" in o.explanation
    assert "2 points are above 25 (2020: 30, 2021: 26), not 1" in o.explanation
    o = _record("the highest since 2001", {**MONTHS_2001, "2001-02": 15}, "2003-01")
    assert "2001-01: 10, 2001-02: 15, 2001-03: 5, below 20, so the record goes back further than 2001" in o.explanation


def test_since_must_come_before_a():
    o = _record("the highest since 2024", {2023: 1, 2024: 2}, 2024)
    assert o.verdict == "unverifiable"
    assert "2024 is not before s[2024]'s period 2024" in o.explanation


def test_missing_periods_are_named_and_complete_series_have_none():
    o = _record("the lowest turnout since 2001", TURNOUT, 2024)
    assert o.verdict == "unverifiable"
    assert "the series has no value for 2002, 2003, 2004, 2006" in o.explanation
    o = _record("the lowest turnout since 2001", TURNOUT, 2024, complete=True)
    assert "no value" not in o.explanation
    assert "the series is complete" in o.explanation
    # a null point is unknown even in a complete series
    o = _record("the lowest turnout since 2001", {**TURNOUT, 2010: None}, 2024, complete=True)
    assert o.verdict == "unverifiable" and "the series has no value for 2010" in o.explanation
    o = _record("peaked in October", {"2023-08": 1, "2023-10": 5, "2023-11": 3}, "2023-10")
    assert o.verdict == "unverifiable" and "no value for 2023-09" in o.explanation
    o = _record("peaked in October", {"2023-08": 1, "2023-09": 2, "2023-10": 5}, "2023-09")
    assert "s[2023-09] is for 2023-09, not October" in o.explanation


# --------------------------------------------------------------------------
# Through the registry: a claim file with a complete, mixed series
# --------------------------------------------------------------------------

ELECTIONS = """\
figures:
  turnout:
    series: {2001: 59.4, 2005: 61.4, 2010: 65.1, 2015: 66.4, 2017: 68.8, 2019: 67.3, 2024: 59.9}
    unit: percent
    complete: true
  turnout_seventies:
    series: {1970: 72.0, 1974-02: 78.8, 1974-10: 72.8, 1979: 76.0}
    complete: true
  gaps:
    series: {2001: 59.4, 2005: 61.4, 2024: 59.9}
claims:
  lowest_since_2001:
    says: the lowest turnout since 2001
    of: turnout[2024]
    vs: turnout
  peak_1974:
    says: peaked in February 1974
    of: turnout_seventies[1974-02]
    vs: turnout_seventies
  second_lowest:
    says: the second lowest since 1970
    of: turnout_seventies[1974-10]
    vs: turnout_seventies
    expect: fails
  with_gaps:
    says: the lowest since 2001
    of: gaps[2024]
    vs: gaps
    expect: unverifiable
"""


def test_records_through_the_registry():
    from factcheck import verify
    from factcheck.model import Registry

    topic, problems = load_text(ELECTIONS, file="elections.yaml")
    assert problems == []
    assert topic.figures["turnout"].complete and not topic.figures["gaps"].complete
    run = verify.check_claims(Registry(topics=(topic,), problems=()))
    assert run.problems == ()
    by_id = {r.claim.id: r for r in run.results}
    assert {k: r.outcome.verdict for k, r in by_id.items()} == {
        "lowest_since_2001": "holds", "peak_1974": "holds", "second_lowest": "fails", "with_gaps": "unverifiable"}
    assert all(r.ok for r in run.results)
    assert "no value for 2002, 2003, 2004, 2006" in by_id["with_gaps"].outcome.explanation
