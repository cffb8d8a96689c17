"""Text to exact numbers and intervals, and the properties that hold for all
inputs (hypothesis)."""

from __future__ import annotations

from fractions import Fraction as F

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.numbers import Interval, NumberError, fmt, read_figure_value, read_number
from factcheck.phrases import UnreadableStatement, read_statement
from factcheck.verify import check_statement


@pytest.mark.parametrize(
    ("text", "value", "interval"),
    [
        ("145", F(145), Interval(F(289, 2), F(291, 2))),
        ("2.5", F(5, 2), Interval(F(49, 20), F(51, 20))),
        ("76%", F(76), Interval(F(151, 2), F(153, 2))),
        ("14,000", F(14000), Interval(F(13500), F(14500))),
        ("13,700", F(13700), Interval(F(13650), F(13750))),
        ("13,699", F(13699), Interval(F(27397, 2), F(27399, 2))),
        ("1.5 million", F(1500000), Interval(F(1450000), F(1550000))),
        ("0.1", F(1, 10), Interval(F(1, 20), F(3, 20))),
        ("four", F(4), Interval(F(19, 5), F(21, 5))),
        ("a third", F(1, 3), Interval(F(19, 60), F(7, 20))),
        ("two-thirds", F(2, 3), Interval(F(19, 30), F(7, 10))),
        ("one and a half", F(3, 2), Interval(F(57, 40), F(63, 40))),
        ("seventy-six", F(76), Interval(F(361, 5), F(399, 5))),
        ("half a million", F(500000), Interval(F(475000), F(525000))),
    ],
)
def test_read_number(text, value, interval):
    got = read_number(text)
    assert (got.value, got.interval) == (value, interval)


@pytest.mark.parametrize(
    ("text", "interval"),
    [
        ("145", Interval.point(F(145))),
        ("at least 209", Interval(F(209), None)),
        ("more than 60", Interval(F(60), None, False, True)),
        ("nearly 14,000", Interval(F(12600), F(14000), True, False)),
        ("10-15%", Interval(F(10), F(15))),
        ("0.1", Interval.point(F(1, 10))),
    ],
)
def test_read_figure_value(text, interval):
    assert read_figure_value(text)[0] == interval


def test_refuses_absurdly_long_digit_strings():
    with pytest.raises(NumberError, match="more than 100 digits"):
        read_number("9" * 5000)


@pytest.mark.parametrize(("x", "text"), [(F(145, 39), "3.718"), (F(1, 3), "0.3333"), (F(2), "2"), (F(-7, 2000), "-0.0035")])
def test_fmt(x, text):
    assert fmt(x) == text


@given(st.text(max_size=60))
@settings(max_examples=300, deadline=None)
def test_number_reader_returns_or_raises_its_own_error(text):
    try:
        read_number(text)
    except NumberError:
        pass


@given(st.text(max_size=120))
@settings(max_examples=300, deadline=None)
def test_statement_reader_returns_or_raises_its_own_error(text):
    try:
        read_statement(text)
    except UnreadableStatement:
        pass


@given(st.decimals(min_value=-10**6, max_value=10**6, places=3, allow_nan=False, allow_infinity=False))
def test_formatted_number_reads_back_to_the_same_value(d):
    x = F(d)
    assert read_number(fmt(x)).value == x


exact = st.fractions(min_value=-1000, max_value=1000, max_denominator=50)


@given(exact, exact)
def test_interval_arithmetic_agrees_with_exact_arithmetic_on_points(a, b):
    ia, ib = Interval.point(a), Interval.point(b)
    assert ia + ib == Interval.point(a + b)
    assert ia - ib == Interval.point(a - b)
    assert ia * ib == Interval.point(a * b)
    if b != 0:
        assert ia / ib == Interval.point(a / b)


@given(exact, exact, exact, exact)
def test_interval_product_contains_every_product_of_members(a, b, c, d):
    x = Interval(min(a, b), max(a, b))
    y = Interval(min(c, d), max(c, d))
    prod = x * y
    for p in (a, b):
        for q in (c, d):
            assert prod.contains(p * q)


@given(st.integers(1, 10**6), st.integers(1, 10**6), st.integers(0, 10**6))
@settings(max_examples=200, deadline=None)
def test_raising_a_never_turns_more_than_from_holds_to_fails(a, b, bump):
    before = check_statement("more than double", str(a), str(b)).verdict
    after = check_statement("more than double", str(a + bump), str(b)).verdict
    if before == "holds":
        assert after == "holds"


@given(st.integers(1, 10**6), st.integers(1, 10**6))
@settings(max_examples=200, deadline=None)
def test_direction_is_part_of_the_statement(a, b):
    # "rose" never holds for a fall, "fell" never for a rise
    if a < b:
        assert check_statement("rose 20%", str(a), str(b)).verdict == "fails"
    if a > b:
        assert check_statement("fell 20%", str(a), str(b)).verdict == "fails"


def test_interval_is_not_a_plain_tuple():
    """Intervals are named tuples (cheap to define and create); tuple's own
    meanings of ``*`` and ``in`` must not leak through."""
    iv = Interval(F(1), F(3), True, False)
    assert F(2) in iv and 1 in iv
    assert 3 not in iv and "1" not in iv
    with pytest.raises(TypeError):
        3 * iv  # noqa: B018 - would repeat the tuple
    assert iv * Interval.point(F(2)) == Interval(F(2), F(6), True, False)
