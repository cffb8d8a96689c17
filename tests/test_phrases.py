"""Statement text to a reading: the family, the number, the hedge, the
direction, the further checked parts and the place of every number
(semantics sections 1-4, 8 and 9).  These pin the reading itself, so that a
misreading that happens to land on the right verdict still fails."""

from __future__ import annotations

import re
from fractions import Fraction as F

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.evaluate import evaluate
from factcheck.model import Operand
from factcheck.phrases import UnreadableStatement, read_statement
from factcheck.verify import check_statement


def _primary(text: str, has_vs: bool = True):
    p = read_statement(text, has_vs=has_vs).primary
    return (p.family, p.number.value if p.number is not None else None, p.hedge, p.direction)


# (statement, family, number, hedge, direction)
PRIMARY = [
    # every way copy writes a percentage (section 1)
    ("thirty per cent lower", "percent change", F(30), "none", -1),
    ("fifty percent higher", "percent change", F(50), "none", 1),
    ("increased by 45pc", "percent change", F(45), "none", 1),
    ("a 15-percent drop", "percent change", F(15), "none", -1),
    ("down 8 pct", "percent change", F(8), "none", -1),
    ("rose by nearly twenty per cent", "percent change", F(20), "nearly", 1),
    ("a rise of 3.5 per cent", "percent change", F(7, 2), "none", 1),
    # basis points are hundredths of a percentage point
    ("up 25 basis points", "percentage points", F(1, 4), "none", 1),
    ("cut by 50bp", "percentage points", F(1, 2), "none", -1),
    ("raised rates by 75 bps", "percentage points", F(3, 4), "none", 1),
    # ratios: x, factor of
    ("grew by a factor of 4", "ratio", F(4), "none", 1),
    ("fell by a factor of four", "ratio", F(4), "none", -1),
    ("2.5x higher", "ratio", F(5, 2), "none", 1),
    ("almost halved", "ratio", F(2), "nearly", -1),
    # scale suffixes and currencies are part of the number
    ("reached 2b", "value", F(2 * 10**9), "none", 0),
    ("about £1.43bn", "value", F(143 * 10**7), "about", 0),
    ("some US$139.7 billion", "value", F(1397 * 10**8), "about", 0),
    ("nearly €3m", "value", F(3 * 10**6), "nearly", 0),
    ("more than 5,000 rubles", "value", F(5000), "gt", 0),
    # rates over time and per unit
    ("an average of 34 per day", "rate", F(34), "none", 0),
    ("six every hour", "rate", F(6), "none", 0),
    ("one every six seconds", "rate", F(1, 6), "none", 0),
    ("an average of 4.5 per household", "rate per unit", F(9, 2), "none", 0),
    ("3.20 goals per game", "rate per unit", F(16, 5), "none", 0),
    ("12 per 100,000 people", "rate per unit", F(12), "none", 0),
    ("68.5 deaths for every 100,000 people", "rate per unit", F(137, 2), "none", 0),
    # a bare percentage is a share or a value, decided by the figures
    ("about 60 per cent of respondents", "share", F(60), "about", 0),
    ("Men aged between 26 and 55 made up 60% of the total.", "share", F(60), "none", 0),
    ("most of them - 45 out of 100", "share", F(1, 2), "gt", 0),
    # comparisons with figures named
    ("fewer people, 1.2 million compared with 1.5 million", "comparison", None, "none", -1),
    ("slumped to 40", "comparison", None, "none", -1),
]


@pytest.mark.parametrize(("text", "family", "number", "hedge", "direction"), PRIMARY, ids=[r[0] for r in PRIMARY])
def test_primary_reading(text, family, number, hedge, direction):
    assert _primary(text) == (family, number, hedge, direction)


# (statement, the roles of its numbers in order, the further parts as (family, role))
PLACES = [
    ("nearly a quarter (24%)", [("a quarter", "statement"), ("24%", "restatement")], [("value", "restatement")]),
    ("most of them - 45 out of 100", [("45", "restatement"), ("100", "restatement")], [("share", "restatement")]),
    ("nearly doubled (up 95%)", [("doubled", "statement"), ("95%", "restatement")], [("percent change", "restatement")]),
    ("fewer people, 1.2 million compared with 1.5 million", [("1.2 million", "A"), ("1.5 million", "B")],
     [("value", "A"), ("value", "B")]),
    ("12,000 spectators came for five matches, an average of 2,600 per match",
     [("12,000", "A"), ("five", "B"), ("2,600", "statement")], [("value", "A"), ("value", "B")]),
    ("Arrests rose 12% last year to 1,120, the ministry said.", [("12%", "statement"), ("1,120", "A")], [("value", "A")]),
    ("Applications rose 4% to 1,902, from 1,830 a year earlier.",
     [("4%", "statement"), ("1,902", "A"), ("1,830", "B")], [("value", "A"), ("value", "B")]),
    ("5% lower than the 60,000", [("5%", "statement"), ("60,000", "B")], [("value", "B")]),
    ("Inflation fell to 3.2% in March from 4.1% in February, the ONS said.", [("3.2%", "A"), ("4.1%", "B")],
     [("value", "A"), ("value", "B")]),
    ("12 per 100,000 people", [("12", "statement"), ("100,000", "statement")], []),
    ("The club averaged 7,560 fans per match across 19 home games.", [("7,560", "statement"), ("19", "B")],
     [("value", "B")]),
    # years, periods, durations, ages, labels, times are placed, not checked
    ("Article 275 convictions rose 12% last year.", [("275", "label"), ("12%", "statement")], []),
    ("Prices in the 20-team league jumped 15% this season.", [("20", "label"), ("15%", "statement")], []),
    ("Men aged between 26 and 55 made up 60% of the total.", [("26", "age"), ("55", "age"), ("60%", "statement")], []),
    ("Shares closed at 7 p.m. up 3%.", [("7", "time"), ("3%", "statement")], []),
    ("In the first seven months, exports fell 12%.", [("seven", "duration"), ("12%", "statement")], []),
    ("Crime rose by a third over the past five years.", [("a third", "statement"), ("five", "duration")], []),
    ("COVID-19 deaths fell by half in 2022.", [("half", "statement")], []),
    ("The number of asylum seekers was 74,400 in 2023, up 20 per cent on the previous year.",
     [("74,400", "figure"), ("20%", "statement")], []),
]


@pytest.mark.parametrize(("text", "numbers", "parts"), PLACES, ids=[r[0] for r in PLACES])
def test_every_number_has_a_place(text, numbers, parts):
    reading = read_statement(text, has_vs=True)
    assert [tuple(x) for x in reading.numbers] == numbers
    assert [(p.family, p.role) for p in reading.anchors] == parts


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("waits of more than 65 weeks have more than halved", "more than 65 weeks"),
        ("Crime rose 12% in more than 40 towns", "more than 40 towns"),
    ],
)
def test_a_number_that_cannot_be_placed_is_an_error_that_names_it(text, quoted):
    with pytest.raises(UnreadableStatement) as err:
        read_statement(text, has_vs=True)
    assert repr(quoted) in err.value.message
    assert "give `says` only the phrase" in (err.value.hint or "")


def test_a_plain_number_that_names_no_figure_is_an_error():
    with pytest.raises(UnreadableStatement, match="'40' is not what the statement asserts.*A = 336, B = 300"):
        check_statement("More than 300 people in 40 towns were arrested, up 12%", "336", "300")


def test_a_plain_number_must_name_a_figure_of_the_claim():
    says = "The number of asylum seekers was 74,400 in 2023, up 20 per cent on the previous year."
    outcome = check_statement(says, "74400", "62000")
    assert outcome.verdict == "holds"
    assert [(p.text, p.role, p.verdict) for p in outcome.parts] == [
        ("up 20%", "statement", "holds"), ("74,400", "figure", "holds")]
    with pytest.raises(UnreadableStatement, match="'74,400' is not what the statement asserts"):
        check_statement(says, "80000", "62000")


def test_a_number_may_name_a_figure_inside_an_expression():
    reading = read_statement("Syrians (74,400) and Afghans (52,500) accounted for 28%", has_vs=True)
    figures = (("syrians", F(74400)), ("afghans", F(52500)))
    from factcheck.numbers import Interval

    of = Operand("syrians + afghans", Interval.point(F(126900)),
                 figures=tuple((k, Interval.point(v)) for k, v in figures))
    vs = Operand("total", Interval.point(F(453214)))
    outcome = evaluate(reading, of, vs)
    assert outcome.verdict == "holds", outcome.explanation
    assert [p.role for p in outcome.parts] == ["statement", "figure", "figure"]


def test_a_percentage_as_the_value_of_a_count_is_an_error():
    with pytest.raises(UnreadableStatement, match="is a percentage, but A"):
        check_statement("rose to 12%", "12", "10")
    assert check_statement("rose to 12%", "12%", "10%").verdict == "holds"


# --------------------------------------------------------------------------
# The rule of section 8, for all inputs
# --------------------------------------------------------------------------

_WORDS = ["rose", "fell", "nearly", "about", "more than", "the", "of", "in", "to", "from", "per", "cent",
          "percent", "people", "times", "higher", "a", "third", "half", "since", "record", "most", "and",
          "up", "down", "by", "compared with", "than", "million", "bn", "%", "(", ")", ",", "aged",
          "article", "weeks", "matches", "average", "per match", "year", "doubled", "fold", "points"]
_NUMBERS = st.one_of(
    st.integers(0, 10**7).map(lambda n: f"{n:,}"),
    st.integers(0, 999).map(str),
    st.decimals(0, 1000, places=1).map(str),
    st.sampled_from(["two", "thirty", "a quarter", "one in five", "12%", "4.5 per cent", "25bp", "2012", "£3m"]),
)
_DIGITS = re.compile(r"(?<![\w.,:$£€-])\d[\d,]*(?:\.\d+)?(?![\w:])")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_WORDS), _NUMBERS), min_size=1, max_size=12),
       st.integers(1, 10**6), st.integers(1, 10**6))
def test_every_number_is_accounted_for_or_the_statement_is_unreadable(words, a, b):
    text = " ".join(words)
    try:
        reading = read_statement(text, has_vs=True)
        outcome = evaluate(reading, Operand.number(a, text="A"), Operand.number(b, text="B"))
    except UnreadableStatement:
        return
    placed = {"statement", "restatement", "A", "B", "figure", "duration", "date", "time", "age", "label"}
    assert all(role in placed for _, role in reading.numbers)
    # every checked part and every number a figure names has its own result
    assert len(outcome.parts) == 1 + len(reading.anchors) + len(reading.loose)
    # every number written in digits (other than a year) is one the reader placed
    written = " ".join(t for t, _ in reading.numbers)
    for digits in _DIGITS.findall(text.lower()):
        if re.fullmatch(r"(1[89]|20)\d\d", digits):
            continue
        assert digits in written, (digits, reading.numbers)


@pytest.mark.parametrize("text, parts", [
    ("rose 12% to 1,120 from 1,000", ["rose 12%", "to 1,120", "from 1,000"]),
    ("Robberies rose 30% to 650 from 600", ["robberies rose 30%", "to 650", "from 600"]),
    ("a rise of 24 per cent on the 1,000 recorded a year earlier", ["rise of 24%", "on the 1,000 recorded"]),
])
def test_a_part_is_its_own_words_not_the_next_parts_lead_in(text, parts):
    """A part's text is what it checks: the "to" / "from" / "on the" that
    lead to the next number belong to that number's part, not this one."""
    assert [p.text for p in read_statement(text, has_vs=True).parts] == parts


@pytest.mark.parametrize("text, family, verdict", [
    ("has risen by almost a quarter compared to last year", "fraction change", "holds"),
    ("rose by a third compared to 2019", "fraction change", "fails"),
    ("up 41,377 compared with last year", "difference", "holds"),
])
def test_after_a_word_of_change_compared_with_names_b_not_a(text, family, verdict):
    """ "X compared with ..." names A ("1.2 million compared with 1.5
    million"), but not when X is the size of a change: the rest names B's
    period (read from published copy: "has risen by almost a quarter
    compared to last year" was once read as a comparison and "fails")."""
    from factcheck.verify import check_statement

    outcome = check_statement(text, "210497", "169120")
    assert (outcome.reading, outcome.verdict) == (family, verdict)
