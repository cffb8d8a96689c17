"""Reading plus figures to a verdict: the accepted interval of each hedge and
number, the judgement, figures rounded as published, the percentage rule,
rates, and statements with several parts (semantics sections 1-3, 5, 9)."""

from __future__ import annotations

from fractions import Fraction as F

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.evaluate import acceptance, judge
from factcheck.model import Settings
from factcheck.numbers import Interval, fmt, read_figure_value, read_number
from factcheck.phrases import UnreadableStatement
from factcheck.verify import check_statement

S = Settings()


@pytest.mark.parametrize(
    ("number", "hedge", "held", "band"),
    [
        # digits: their written precision, one more step each side for imprecise
        ("2.5", "none", "[2.45, 2.55]", "[2.35, 2.65]"),
        ("14,000", "none", "[13500, 14500]", "[12500, 15500]"),
        # words: +-5%, twice that for imprecise
        ("four", "none", "[3.8, 4.2]", "[3.6, 4.4]"),
        # one-sided hedges
        ("14,000", "nearly", "[12600, 14000)", "[11200, 14000)"),
        ("300", "gt", "(300, inf)", None),
        ("300", "ge", "[300, inf)", None),
        ("300", "lt", "(-inf, 300)", None),
        ("300", "le", "(-inf, 300]", None),
        ("2", "just_over", "(2, 2.2]", "(2, 2.4]"),
        # an approximator before a round number: +-10%
        ("12,000", "about", "[10800, 13200]", "[9600, 14400]"),
        ("1.5 million", "about", "[1350000, 1650000]", "[1200000, 1800000]"),
        # ... before three or more significant digits: one more step each side
        ("48,716", "about", "[48714.5, 48717.5]", "[48713.5, 48718.5]"),
        ("34.2", "about", "[34.05, 34.35]", "[33.95, 34.45]"),
        ("113,500", "about", "[113350, 113650]", "[113250, 113750]"),
    ],
)
def test_acceptance(number, hedge, held, band):
    got_held, got_band = acceptance(read_number(number), hedge, S)
    assert str(got_held) == held
    assert (str(got_band) if got_band is not None else None) == band


def test_a_hedged_figure_keeps_the_precision_of_a_precise_number():
    assert str(read_figure_value("some 48,716")[0]) == "[48714.5, 48717.5]"
    assert str(read_figure_value("some 48,000")[0]) == "[43200, 52800]"


@pytest.mark.parametrize(
    ("q", "verdict"),
    [("[2.46, 2.5]", "holds"), ("[2.5, 2.6]", "unverifiable"), ("[2.6, 2.6]", "imprecise"), ("[2.7, 2.7]", "fails")],
)
def test_judge(q, verdict):
    lo, hi = (F(x) for x in q.strip("[]").split(", "))
    held, band = acceptance(read_number("2.5"), "none", S)
    assert judge(Interval(lo, hi), held, band) == verdict


# --------------------------------------------------------------------------
# Figures rounded as published (section 1): consistency, as statcheck does
# --------------------------------------------------------------------------


def test_rounded_figures_are_consistent_when_some_values_make_the_statement_hold():
    outcome = check_statement("34% higher than", "1.9 billion", "1.4 billion", rounded=True)
    assert outcome.verdict == "holds"
    assert outcome.computed == "[27.586, 44.444]"
    assert "consistent with the rounded figures" in outcome.explanation


def test_exact_figures_are_not_given_the_benefit_of_rounding():
    outcome = check_statement("34% higher than", "1900000000", "1400000000")
    assert (outcome.verdict, outcome.computed) == ("fails", "35.714")


def test_rounded_figures_fail_when_no_values_make_the_statement_hold():
    outcome = check_statement("twice as many as", "1.9 billion", "1.4 billion", rounded=True)
    assert outcome.verdict == "fails"
    assert "the rounded figures give [1.276, 1.444]" in outcome.explanation


@settings(max_examples=200, deadline=None)
@given(st.integers(10, 999), st.integers(10, 999))
def test_a_statement_that_holds_over_exact_figures_holds_over_them_rounded(a, b):
    says = f"{fmt(F(100 * (a - b), b), places=1)}% higher than" if a > b else "no more than"
    exact = check_statement(says, str(a), str(b)).verdict
    rounded = check_statement(says, str(a), str(b), rounded=True).verdict
    if exact == "holds":
        assert rounded == "holds"


# --------------------------------------------------------------------------
# The percentage rule (section 2)
# --------------------------------------------------------------------------


def test_a_bare_percentage_over_two_counts_is_the_share():
    outcome = check_statement("about 60 per cent", "590", "1000")
    assert (outcome.verdict, outcome.reading, outcome.computed) == ("holds", "share", "59")
    assert outcome.explanation.startswith("590 / 1000 x 100 = 59%")


def test_a_bare_percentage_of_a_percentage_figure_is_its_value():
    outcome = check_statement("about 60 per cent", "59%", "40%")
    assert (outcome.verdict, outcome.reading, outcome.computed) == ("holds", "value", "59")


def test_a_percentage_given_as_the_value_of_a_count_is_an_error():
    with pytest.raises(UnreadableStatement, match="'12%' is a percentage, but A .* is a count"):
        check_statement("rose to 12%", "12", "10")
    with pytest.raises(UnreadableStatement):
        check_statement("12%", "12")


# --------------------------------------------------------------------------
# Rates (section 2)
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("says", "a", "b", "period", "computed", "verdict"),
    [
        ("an average of 4.5 per household", "900", "200", None, "4.5", "holds"),
        ("12 per 100,000 people", "1200", "10000000", None, "12", "holds"),
        ("12 per 100,000 people", "1500", "10000000", None, "15", "fails"),
        ("an average of 2,600 per match", "12000", "5", None, "2400", "fails"),
        ("$3.17 per gallon", "3.17", None, None, "3.17", "holds"),  # no count: A is the rate
        ("one every six seconds", "5256000", None, "2023", "0.1667", "holds"),
        ("six every hour", "52560", None, "2023", "6", "holds"),
        ("about 100 a minute", "52560000", None, "2023", "100", "holds"),
        ("an average of 10 per day", "3660", None, "2024", "10", "holds"),
    ],
)
def test_rates(says, a, b, period, computed, verdict):
    outcome = check_statement(says, a, b, period=period)
    assert (outcome.computed, outcome.verdict) == (computed, verdict), outcome.explanation


# --------------------------------------------------------------------------
# Several parts (section 9): each judged, the verdict the worst
# --------------------------------------------------------------------------


def test_each_part_is_judged_and_the_verdict_is_the_worst():
    outcome = check_statement("nearly a quarter (24%)", "21", "100")
    assert [(p.text, p.reading, p.role, p.verdict) for p in outcome.parts] == [
        ("nearly a quarter", "share", "statement", "imprecise"),
        ("24%", "share", "restatement", "fails"),
    ]
    assert outcome.verdict == "fails"
    assert outcome.explanation == (
        '21 / 100 = 0.21; "nearly a quarter" needs [0.225, 0.25): imprecise (within the imprecise band [0.2, 0.25)); '
        'and 21 / 100 x 100 = 21%; "24%" needs [23.5, 24.5]%: fails'
    )


@pytest.mark.parametrize(
    ("says", "a", "b", "verdicts", "verdict"),
    [
        ("most of them - 45 out of 100", "45", "100", ["fails", "holds"], "fails"),
        ("most of them - 60 out of 100", "60", "100", ["holds", "holds"], "holds"),
        ("fewer people, 1.2 million compared with 1.5 million", "1200000", "1800000",
         ["holds", "holds", "fails"], "fails"),
        ("fewer people, 1.2 million compared with 1.5 million", "1200000", "1500000",
         ["holds", "holds", "holds"], "holds"),
        ("12,000 spectators came for five matches, an average of 2,600 per match", "12000", "5",
         ["fails", "holds", "holds"], "fails"),
        ("12,000 spectators came for five matches, an average of 2,400 per match", "12000", "5",
         ["holds", "holds", "holds"], "holds"),
        ("nearly doubled (up 95%)", "195", "100", ["holds", "holds"], "holds"),
        ("nearly doubled (up 95%)", "185", "100", ["holds", "fails"], "fails"),
        ("5% lower than the 60,000", "57000", "60000", ["holds", "holds"], "holds"),
        ("5% lower than the 60,000", "76000", "80000", ["holds", "fails"], "fails"),
        ("slumped to 40", "40", "60", ["holds", "holds"], "holds"),
        ("slumped to 40", "40", "30", ["fails", "holds"], "fails"),
        ("Applications rose 4% to 1,902, from 1,830 a year earlier.", "1902", "1830",
         ["holds", "holds", "holds"], "holds"),
    ],
)
def test_parts(says, a, b, verdicts, verdict):
    outcome = check_statement(says, a, b)
    assert [p.verdict for p in outcome.parts] == verdicts, outcome.explanation
    assert outcome.verdict == verdict


def test_the_previous_low_is_found_among_open_ranged_points() -> None:
    # one key ranks the points of every record statement (evaluate._extreme):
    # a point with no upper bound ("at least 40") used to crash the search for
    # the previous low; it is the lowest-reaching point, and its range leaves
    # the statement unverifiable
    from factcheck.evaluate import evaluate
    from factcheck.model import Operand
    from factcheck.periods import Period
    from factcheck.phrases import read_statement

    reading = read_statement("below the previous low of 40", has_vs=True)
    of = Operand("a", Interval.point(F(30)), period=Period(2024))
    series = ((Period(2020), Interval(F(40), None)), (Period(2021), Interval.point(F(50))))
    outcome = evaluate(reading, of, Operand("s", None, series=series))
    assert outcome.verdict == "unverifiable"
    assert outcome.computed == "30 in 2024 vs previous peak [40, inf) (2020)"


def test_verdicts_and_families_are_their_words() -> None:
    # the vocabularies are StrEnums: equal to, and written as, their words
    import json

    from factcheck.model import SEVERITY, VERDICTS, Verdict, worst
    from factcheck.phrases import Family

    assert VERDICTS == ("holds", "imprecise", "fails", "unverifiable")
    assert [v for v in sorted(Verdict, key=SEVERITY.__getitem__)] == ["holds", "imprecise", "unverifiable", "fails"]
    assert worst([Verdict.UNVERIFIABLE, Verdict.FAILS, Verdict.HOLDS]) == "fails"
    assert worst([]) == "holds"
    assert json.dumps([Verdict.HOLDS, Family.PERCENT_CHANGE]) == '["holds", "percent change"]'
    assert f"{Verdict.IMPRECISE}: {Family.RATE_PER_UNIT}" == "imprecise: rate per unit"
