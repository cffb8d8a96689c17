"""Statements against figures: the public cases, then a table per family,
hedge, verb and noun, each row (statement, A, B, verdict)."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
import yaml

from factcheck.evaluate import evaluate
from factcheck.expressions import parse_expression, resolve
from factcheck.model import Operand
from factcheck.numbers import Interval
from factcheck.periods import parse_period
from factcheck.phrases import UnreadableStatement, read_statement
from factcheck.verify import check_statement

CASES = yaml.safe_load((Path(__file__).parent / "data" / "public_cases.yaml").read_text())


def _text(x: object) -> str:
    return "null" if x is None else str(x)


def _run_case(case: dict):
    if "series" in case:
        series = tuple(sorted((parse_period(k), Interval.point(Fraction(v))) for k, v in case["series"].items()))
        at = parse_period(case["at"])
        of = Operand(f"s[{at}]", dict(series)[at], (), at)
        vs = Operand("s", None, (), None, False, series, complete=bool(case.get("complete")))
        return evaluate(read_statement(case["says"], has_vs=True), of, vs)
    if isinstance(case["of"], dict):
        text = case["of"]["expr"]
        of = resolve(parse_expression(text), {}, text=text)
        vs = Operand.number(Fraction(case["vs"]))
        return evaluate(read_statement(case["says"], has_vs=True), of, vs)
    return check_statement(
        case["says"], _text(case["of"]), _text(case["vs"]) if "vs" in case else None,
        period=str(case["period"]) if "period" in case else None,
        percent=case.get("unit") == "percent", rounded=bool(case.get("rounded")),
    )


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_public_case(case):
    outcome = _run_case(case)
    assert outcome.verdict == case["expect"], outcome.explanation
    if "ambiguous" in case:
        assert outcome.ambiguous is case["ambiguous"]


# (statement, A, B or None, verdict) -- families, hedges, verbs and nouns.
TABLE = [
    # ratio: times, fold, multiplier verbs, "as many as", factor
    ("grew threefold", "30", "10", "holds"),
    ("a threefold increase", "30", "10", "holds"),
    ("fourfold", "40", "10", "holds"),
    ("an almost fourfold rise", "39", "10", "holds"),
    ("quadrupled", "40", "10", "holds"),
    ("nearly quadrupled", "38", "10", "holds"),
    ("nearly quadrupled", "41", "10", "fails"),
    ("twice as many", "20", "10", "holds"),
    ("more than twice as high as", "21", "10", "holds"),
    ("almost twice as many", "19", "10", "holds"),
    ("two and a half times as many", "25", "10", "holds"),
    ("one and a half times higher", "15", "10", "holds"),
    ("increased 2.5 times", "25", "10", "holds"),
    ("increased by a factor of three", "30", "10", "holds"),
    ("3x as many", "30", "10", "holds"),
    ("halved", "50", "100", "holds"),
    ("was cut in half", "50", "100", "holds"),
    ("three times less than", "10", "30", "holds"),
    ("tripled", "25", "10", "fails"),
    ("doubled", "21.5", "10", "imprecise"),
    ("a tenfold increase", "21", "2", "holds"),
    ("a 2.5-fold increase", "23", "9", "imprecise"),
    ("nearly four times higher", "145", "39", "holds"),
    # percent change: verbs, nouns, comparatives, per cent spellings
    ("increased by 76 per cent", "13699", "7779", "holds"),
    ("a 76% increase", "13699", "7779", "holds"),
    ("a rise of nearly 40 percent", "138", "100", "holds"),
    ("jumped 76%", "176", "100", "holds"),
    ("climbed 5 pct", "105", "100", "holds"),
    ("soared by more than 70%", "176", "100", "holds"),
    ("surged 70%", "160", "100", "fails"),
    ("plunged 20%", "80", "100", "holds"),
    ("slid 20%", "120", "100", "fails"),
    ("declined by about 12 percent", "88", "100", "holds"),
    ("a drop of 20%", "80", "100", "holds"),
    ("a 20% decline", "80", "100", "holds"),
    ("was 20% lower than", "80", "100", "holds"),
    ("40% more than", "140", "100", "holds"),
    ("40 percent higher", "140", "100", "holds"),
    ("a 150% increase", "250", "100", "holds"),
    ("up 12% year-on-year", "112", "100", "holds"),
    ("Sales slumped 8.5%", "91.5", "100", "holds"),
    ("growth of seventy-six per cent", "176", "100", "holds"),
    ("increased its output of oil and gas by around 10%", "109", "100", "holds"),
    ("rose by around 10%", "125", "100", "fails"),
    ("rose by around 10%", "111.5", "100", "imprecise"),
    # fraction change
    ("up by a quarter", "125", "100", "holds"),
    ("rose by a fifth", "120", "100", "holds"),
    ("a one-third increase", "133", "100", "holds"),
    ("jumped by two-thirds", "167", "100", "holds"),
    ("cut by two-thirds", "33", "100", "holds"),
    ("fell by more than half", "40", "100", "holds"),
    ("Crime dropped by a third", "66", "100", "holds"),
    ("a one-third increase", "at least 209", "null", "unverifiable"),
    # percentage points
    ("a 5 percentage point increase", "25", "20", "holds"),
    ("fell 2 points", "18", "20", "holds"),
    ("up 3 pp", "23", "20", "holds"),
    # difference
    ("120 more than", "220", "100", "holds"),
    ("an increase of 300", "1300", "1000", "holds"),
    ("40 fewer", "60", "100", "holds"),
    ("an additional 120", "220", "100", "holds"),
    ("120 more than", "100", "220", "fails"),
    # share
    ("seventy-six percent of", "76", "100", "holds"),
    ("three in ten", "30", "100", "holds"),
    ("nine out of ten", "90", "100", "holds"),
    ("1 in 3", "33", "100", "holds"),
    ("two-thirds of", "66", "100", "holds"),
    ("nearly half", "48", "100", "holds"),
    ("more than half of", "51", "100", "holds"),
    ("roughly a third of", "33", "100", "holds"),
    ("more than a third of", "34", "100", "holds"),
    ("most", "60", "100", "holds"),
    ("a minority of", "60", "100", "fails"),
    # value
    ("14,000", "13699", None, "holds"),
    ("nearly 14,000", "13699", None, "holds"),
    ("1.5 million", "1520000", None, "holds"),
    ("nearly 2 million", "2193843", None, "fails"),
    ("some 34", "33", None, "holds"),
    ("upwards of 500", "501", None, "holds"),
    ("fewer than 100", "99", None, "holds"),
    ("just over 10%", "10.5%", None, "holds"),
    ("about 1%", "1%", None, "holds"),
    ("at least 28", "27", None, "fails"),
    # "climbed" is checked too: without a base the direction is open
    ("The death toll climbed to 145", "145", None, "unverifiable"),
    ("The death toll climbed to 145", "145", "120", "holds"),
    ("The death toll climbed to 145", "145", "160", "fails"),
    ("slumped to 40", "40", "60", "holds"),
    ("slumped to 40", "40", "30", "fails"),
    # comparison
    ("exceeds", "5", "4", "holds"),
    ("down from", "3", "4", "holds"),
    ("the same as", "4", "4", "holds"),
    ("about the same as", "41", "40", "holds"),
    ("≈ the same as", "41", "40", "holds"),  # a hedge need not be a word
    ("the same as", "41", "40", "fails"),
    ("far short of", "1", "4.5", "holds"),
    ("no more than", "27", "at least 28", "holds"),
    ("more than", "at least 28", "23", "holds"),
    # rate
    ("an average of 34 per day", "34", None, "holds"),
    ("about 100 a week", "5200", None, "fails"),
    ("Homicides have nearly halved since 2015", "52", "100", "holds"),
    ("Homicides have nearly halved since 2015", "48", "100", "fails"),
    ("more than halved", "48", "100", "holds"),
    ("The number of prisoners has grown more than fivefold", "51", "10", "holds"),
    ("Spending increased sevenfold", "70", "10", "holds"),
    ("convictions increased 1.76 times", "13699", "7779", "holds"),
    ("costs are 2.5 times what they were", "250", "100", "holds"),
    ("a third as many", "33", "100", "holds"),
    ("at least double", "20", "10", "holds"),
    ("a 12 percent year-on-year decrease", "88", "100", "holds"),
    ("The figure is up 8% on last year", "108", "100", "holds"),
    ("exports shrank by 4.2 per cent", "95.8", "100", "holds"),
    ("The budget was slashed by 40 percent", "60", "100", "holds"),
    ("up more than 300%", "410", "100", "holds"),
    ("sales fell by almost a fifth", "81", "100", "holds"),
    ("rose by a third to 400", "400", "300", "holds"),
    ("decreased by 3 percentage points", "17", "20", "holds"),
    ("The turnout was 5 points higher than in 2019", "65", "60", "holds"),
    ("Enrolment fell by 1,200 students", "8800", "10000", "holds"),
    ("one in every five", "20", "100", "holds"),
    ("just under half", "49", "100", "holds"),
    ("less than half", "40", "100", "holds"),
    ("roughly three-quarters of", "75", "100", "holds"),
    ("well over a million", "1200000", None, "holds"),
    ("Police made 3,400 arrests, more than double the previous year", "3400", "1600", "holds"),
    # whole sentences: the statement among the other numbers
    ("Prices rose 3.4% in March from a year earlier", "103.4", "100", "holds"),
    ("The number of arrests fell by 12 per cent to 880", "880", "1000", "holds"),
    ("The number of arrests fell by 12 per cent to 900", "880", "1000", "fails"),
    ("Unemployment rose from 5% to 7%", "7%", "5%", "holds"),
    ("The company's revenue more than doubled to $4.2 billion", "4200000000", "2000000000", "holds"),
    ("Twenty-one individuals were found guilty on this charge, marking a tenfold increase from the previous year.", "21", "2", "holds"),
]


@pytest.mark.parametrize(("says", "a", "b", "verdict"), TABLE, ids=[f"{r[0]}|{r[1]}|{r[2]}" for r in TABLE])
def test_statement_table(says, a, b, verdict):
    outcome = check_statement(says, a, b)
    assert outcome.verdict == verdict, outcome.explanation


def test_rate_uses_the_days_of_the_period():
    # 2024 is a leap year: 12,410 / 366 = 33.907, inside [33.5, 34.5]
    outcome = check_statement("an average of 34 verdicts per day", "12410", None, period="2024")
    assert outcome.verdict == "holds"
    assert outcome.computed == "33.907"
    assert outcome.explanation.startswith("12410 / 366 days in 2024 = 33.907 per day")


def test_explanation_shows_the_arithmetic():
    outcome = check_statement("nearly four times higher", "145", "39")
    assert outcome.explanation.startswith('145 / 39 = 3.718; "nearly four times higher" needs [3.6, 4): holds')
    assert (outcome.reading, outcome.computed, outcome.accepted) == ("ratio", "3.718", "[3.6, 4)")
    assert outcome.ambiguous is True
    assert outcome.strict_verdict == "fails"


def test_unknown_base_gives_the_range_it_would_need():
    outcome = check_statement("nearly doubled", "150", "null")
    assert outcome.verdict == "unverifiable"
    assert outcome.needed == "B in (75, 83.333]"


def test_percent_change_between_percentages_names_the_points_reading():
    outcome = check_statement("rose 4%", "12", "8", percent=True)
    assert outcome.verdict == "fails"
    assert any("would hold as percentage points" in n for n in outcome.notes)


def test_times_less_is_marked_discouraged():
    outcome = check_statement("three times less than", "10", "30")
    assert outcome.verdict == "holds"
    assert any("discouraged" in n for n in outcome.notes)


@pytest.mark.parametrize("text", ["", "the weather was fine", "convictions in 2024"])
def test_unreadable_statement_raises_with_a_hint(text):
    with pytest.raises(UnreadableStatement) as info:
        read_statement(text)
    assert info.value.hint


def _record(says: str, series: dict, at: int):
    points = tuple(sorted((parse_period(k), None if v is None else Interval.point(Fraction(v))) for k, v in series.items()))
    period = parse_period(at)
    of = Operand(f"s[{at}]", dict(points)[period], (), period)
    vs = Operand("s", None, (), None, False, points)
    return evaluate(read_statement(says, has_vs=True), of, vs)


@pytest.mark.parametrize(
    ("says", "series", "verdict"),
    [
        ("up from the previous peak of 560 cases in 2015", {2014: 300, 2015: 560, 2016: 400, 2017: 774}, "holds"),
        ("up from the previous peak of 560 cases in 2015", {2014: 300, 2015: 561, 2016: 400, 2017: 774}, "imprecise"),
        ("up from the previous peak of 560 cases in 2015", {2014: 600, 2015: 560, 2016: 400, 2017: 774}, "fails"),
        ("up from the previous peak of 560 cases in 2015", {2014: 300, 2015: 560, 2016: None, 2017: 774}, "unverifiable"),
        ("the lowest since 2015", {2015: 3, 2016: 8, 2017: 5}, "holds"),
        ("a record low", {2015: 3, 2016: 8, 2017: 5}, "fails"),
        # "in a decade" is since P - 10: 2007 at least as high (semantics section 2)
        ("the highest in a decade", {2007: 12, **{y: 10 for y in range(2008, 2017)}, 2017: 11}, "holds"),
    ],
)
def test_record_table(says, series, verdict):
    assert _record(says, series, max(series)).verdict == verdict


def test_record_names_the_missing_periods():
    outcome = _record("the highest since at least 2010", {2010: 8632, 2013: 5000, 2014: 9000}, 2014)
    assert outcome.verdict == "unverifiable"
    assert "no value for 2011, 2012" in outcome.explanation


def test_change_over_a_negative_base_is_measured_against_its_size():
    outcome = check_statement("rose 10%", "-90", "-100")
    assert outcome.verdict == "holds"
    assert outcome.explanation.startswith("(-90 - -100) / |-100| x 100 = 10%")
