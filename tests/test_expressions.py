"""`of` / `vs` expressions: what parses, what does not (and where), and what
they compute over the figures, with exact intervals."""

from __future__ import annotations

from fractions import Fraction as F

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.expressions import (
    MAX_DEPTH,
    MAX_LENGTH,
    MAX_OPERATORS,
    BinOp,
    EvaluationError,
    ExpressionError,
    Neg,
    Number,
    Ref,
    check_expression,
    parse_expression,
    resolve,
)
from factcheck.model import Figure
from factcheck.numbers import Interval
from factcheck.periods import Period, parse_period

Y2024 = Period(2024)


def point(x: int | F) -> Interval:
    return Interval.point(F(x))


# --------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, canonical",
    [
        ("treason_2024", "treason_2024"),
        ("  treason_2024  ", "treason_2024"),
        ("convictions[2024]", "convictions[2024]"),
        ("sales[2024-Q1]", "sales[2024-Q1]"),
        ("sales[2024-q1]", "sales[2024-Q1]"),
        ("sales[2024-03]", "sales[2024-03]"),
        ("sales[ 2024-H2 ]", "sales[2024-H2]"),
        ("a+b+c", "a + b + c"),
        ("a + (b + c)", "a + (b + c)"),
        ("(a + b) + c", "a + b + c"),
        ("a - (b - c)", "a - (b - c)"),
        ("(a - b) / b * 100", "(a - b) / b * 100"),
        ("a / (b * c)", "a / (b * c)"),
        ("a * b / c", "a * b / c"),
        ("-a", "-a"),
        ("-(a + b)", "-(a + b)"),
        ("a * -b", "a * -b"),
        ("- - a", "--a"),
        ("((a))", "a"),
        ("2.5 * a", "2.5 * a"),
        ("1,000 * a", "1000 * a"),
        ("_private", "_private"),
        ("145", "145"),
    ],
)
def test_parse_gives_canonical_text(text: str, canonical: str) -> None:
    assert str(parse_expression(text)) == canonical


def test_parse_builds_the_tree() -> None:
    assert parse_expression("a + b * 2") == BinOp("+", Ref("a"), BinOp("*", Ref("b"), Number(F(2))))
    assert parse_expression("-x[2024]") == Neg(Ref("x", Y2024))
    # subtraction is left-associative
    assert parse_expression("a - b - c") == BinOp("-", BinOp("-", Ref("a"), Ref("b")), Ref("c"))


def test_numbers_are_exact_fractions_of_their_text() -> None:
    assert parse_expression("0.1") == Number(F(1, 10))
    assert parse_expression("2.50").value == F(5, 2)  # type: ignore[union-attr]
    assert parse_expression("1,234,567.5").value == F(2469135, 2)  # type: ignore[union-attr]


def test_ref_nodes_name_every_reference_in_order() -> None:
    expr = parse_expression("b + a[2024] - b * a + a[2024]")
    assert [(r.id, r.period) for r in expr.ref_nodes()] == [
        ("b", None), ("a", Y2024), ("b", None), ("a", None), ("a", Y2024)]


def test_ref_nodes_keep_their_offsets() -> None:
    expr = parse_expression("rtvi_ukrainian + rtvi_russian")
    assert [(r.id, r.offset) for r in expr.ref_nodes()] == [("rtvi_ukrainian", 0), ("rtvi_russian", 17)]


@pytest.mark.parametrize(
    "text, offset, message",
    [
        ("", 0, "empty expression"),
        ("   ", 3, "empty expression"),
        ("a +", 3, "expression ends after '+'"),
        ("(a + b", 0, "'(' is never closed"),
        ("a + b)", 5, "unexpected ')'"),
        ("a b", 2, "expected an operator before 'b'"),
        ("2x", 1, "expected an operator before 'x'"),
        ("Treason_2024", 0, "is not a figure id: ids are lower-case"),
        ("a + treasonX", 4, "'treasonX' is not a figure id"),
        ("a % b", 2, "unexpected character '%'"),
        ("a ** 2", 2, "'**' is not an operator"),
        ("a × b", 2, "unexpected character '×'"),
        ("a − b", 2, "unexpected character '−'"),
        ("a = b", 2, "unexpected character '='"),
        (".5", 0, "unexpected character '.'"),
        ("12,34", 2, "unexpected character ','"),
        ("a[2024", 1, "'[' is never closed"),
        ("a[]", 1, "empty period after 'a'"),
        ("a[2024-13]", 2, "month 13 is not between 01 and 12"),
        ("a[last year]", 2, "is not a period"),
        ("[2024]", 0, "a period in brackets must follow a series id"),
        ("a[2024][2025]", 7, "a period in brackets must follow a series id"),
        ("+a", 0, "unexpected '+'"),
        ("a * / b", 4, "expected a figure id, number or '(' before '/'"),
        ("a\x00", 1, "unexpected character U+0000"),
        ("1" * 101, 0, "more than 100 digits"),
    ],
)
def test_parse_errors_say_where(text: str, offset: int, message: str) -> None:
    with pytest.raises(ExpressionError) as info:
        parse_expression(text)
    assert info.value.offset == offset
    assert message in info.value.message


def test_lookalike_operators_get_a_hint() -> None:
    with pytest.raises(ExpressionError) as info:
        parse_expression("a × b")
    assert info.value.hint == "write * to multiply"
    with pytest.raises(ExpressionError) as info:
        parse_expression("Treason")
    assert info.value.hint == "write treason"


def test_length_is_bounded() -> None:
    with pytest.raises(ExpressionError) as info:
        parse_expression("a" * (MAX_LENGTH + 1))
    assert f"longer than {MAX_LENGTH}" in info.value.message
    parse_expression("a" * MAX_LENGTH)  # the limit itself is fine


def test_nesting_is_bounded() -> None:
    ok = "(" * MAX_DEPTH + "a" + ")" * MAX_DEPTH
    assert str(parse_expression(ok)) == "a"
    with pytest.raises(ExpressionError) as info:
        parse_expression("(" * (MAX_DEPTH + 1) + "a" + ")" * (MAX_DEPTH + 1))
    assert info.value.offset == MAX_DEPTH
    assert "deeper than" in info.value.message
    with pytest.raises(ExpressionError, match="deeper than"):
        parse_expression("-" * (MAX_DEPTH + 1) + "a")


def test_operators_are_bounded() -> None:
    with pytest.raises(ExpressionError) as info:
        parse_expression("+".join(["a"] * (MAX_OPERATORS + 2)))
    assert info.value.offset == 2 * MAX_OPERATORS + 1
    assert f"more than {MAX_OPERATORS} operators" in info.value.message


def test_the_tallest_trees_still_print_compare_and_resolve() -> None:
    # As many operators and as deep a nesting as the bounds allow: no
    # recursion error in parsing, printing, comparing or evaluating.
    half = MAX_OPERATORS // 2
    text = "-(" * (MAX_DEPTH // 2) + "+".join(["a"] * half) + ")" * (MAX_DEPTH // 2)
    expr = parse_expression(text)
    assert parse_expression(str(expr)) == expr
    got = resolve(expr, {"a": Figure("a", value=point(1))}, text=text)
    assert got.value == point(half * (-1) ** (MAX_DEPTH // 2))


def test_not_text_is_an_expression_error() -> None:
    with pytest.raises(ExpressionError):
        parse_expression(145)  # type: ignore[arg-type]


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=200))
def test_any_text_parses_or_raises_expression_error(text: str) -> None:
    try:
        expr = parse_expression(text)
    except ExpressionError as exc:
        assert 0 <= exc.offset <= max(len(text), MAX_LENGTH)
    else:
        assert parse_expression(str(expr)) == expr


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab_19 .,+-*/()[]Q-H", max_size=60))
def test_grammar_like_text_parses_or_raises_expression_error(text: str) -> None:
    try:
        expr = parse_expression(text)
    except ExpressionError as exc:
        assert 0 <= exc.offset <= len(text)
    else:
        assert parse_expression(str(expr)) == expr


_leaves = st.one_of(
    st.sampled_from(["a", "b", "c_2", "_x"]).map(Ref),
    st.sampled_from([2024, 2023]).map(lambda y: Ref("s", Period(y))),
    st.fractions(min_value=0, max_value=1000, max_denominator=1).map(Number),
)
_trees = st.recursive(
    _leaves,
    lambda sub: st.one_of(
        st.builds(Neg, sub),
        st.builds(BinOp, st.sampled_from("+-*/"), sub, sub),
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(_trees)
def test_canonical_text_parses_back_to_the_same_tree(tree) -> None:  # type: ignore[no-untyped-def]
    assert parse_expression(str(tree)) == tree


# --------------------------------------------------------------------------
# Resolving over figures
# --------------------------------------------------------------------------

FIGURES = {
    "treason_2024": Figure("treason_2024", value=point(145), period=Y2024),
    "treason_2023": Figure("treason_2023", value=point(39), period=Period(2023)),
    "secrets_2024": Figure("secrets_2024", value=Interval(F(209), None), period=Y2024),
    "nearly_14000": Figure("nearly_14000", value=Interval(F(12600), F(14000), True, False)),
    "secrets_2023": Figure("secrets_2023", value=None),
    "zero": Figure("zero", value=point(0)),
    "at_most_5": Figure("at_most_5", value=Interval(None, F(5))),
    "share_2024": Figure("share_2024", value=point(76), percent=True, period=Y2024),
    "share_2023": Figure("share_2023", value=point(F(11, 2)), percent=True, period=Period(2023)),
    "deaths_q1": Figure("deaths_q1", value=point(90), period=parse_period("2024-Q1")),
    "injured_q1": Figure("injured_q1", value=point(10), period=parse_period("2024-Q1")),
    "convictions": Figure(
        "convictions",
        series=((Period(2010), point(8632)), (Period(2023), point(7779)), (Period(2024), point(13699)),
                (Period(2025), None)),
    ),
}


@pytest.mark.parametrize(
    "text, value, period, percent",
    [
        ("treason_2024", point(145), Y2024, False),
        ("treason_2024 + treason_2023", point(184), None, False),
        ("treason_2024 - treason_2023", point(106), None, False),
        ("treason_2024 / treason_2023", point(F(145, 39)), None, False),
        ("(treason_2024 - treason_2023) / treason_2023 * 100", point(F(10600, 39)), None, False),
        ("-treason_2024", point(-145), Y2024, False),
        ("treason_2024 * 2", point(290), Y2024, False),
        ("treason_2024 / 2", point(F(145, 2)), Y2024, False),
        ("0.1 * 3", point(F(3, 10)), None, False),
        ("secrets_2024 + treason_2024", Interval(F(354), None), Y2024, False),
        ("treason_2024 - secrets_2024", Interval(None, F(-64)), Y2024, False),
        ("secrets_2024 / treason_2023", Interval(F(209, 39), None), None, False),
        ("treason_2024 / secrets_2024", Interval(F(0), F(145, 209), False, True), None, False),
        ("nearly_14000 / 2", Interval(F(6300), F(7000), True, False), None, False),
        ("nearly_14000 - nearly_14000", Interval(F(-1400), F(1400), False, False), None, False),
        ("convictions[2024]", point(13699), Y2024, False),
        ("convictions[2024] / convictions[2010]", point(F(13699, 8632)), None, False),
        ("share_2024", point(76), Y2024, True),
        ("share_2024 - share_2023", point(F(141, 2)), None, True),
        ("share_2024 / 2", point(38), Y2024, True),
        ("share_2024 * share_2023", point(418), None, False),
        ("share_2024 + treason_2024", point(221), Y2024, False),
        ("deaths_q1 + injured_q1", point(100), parse_period("2024-Q1"), False),
    ],
)
def test_resolve_computes_exact_intervals(text: str, value: Interval, period: Period | None, percent: bool) -> None:
    got = resolve(parse_expression(text), FIGURES, text=text)
    assert got.value == value
    assert got.period == period
    assert got.percent is percent
    assert got.unknown == ()
    assert got.text == text


def test_a_lone_series_resolves_to_the_series() -> None:
    got = resolve(parse_expression("convictions"), FIGURES, text="convictions")
    assert got.value is None and got.period is None and got.unknown == ()
    assert got.series == FIGURES["convictions"].series


@pytest.mark.parametrize(
    "text, unknown",
    [
        ("secrets_2023", ("secrets_2023",)),
        ("secrets_2024 - secrets_2023", ("secrets_2023",)),
        ("secrets_2023 / secrets_2023 + convictions[2025]", ("secrets_2023", "convictions[2025]")),
    ],
)
def test_unknown_figures_make_the_value_unknown_and_are_named(text: str, unknown: tuple[str, ...]) -> None:
    got = resolve(parse_expression(text), FIGURES, text=text)
    assert got.value is None
    assert got.unknown == unknown


@pytest.mark.parametrize(
    "text, message",
    [
        ("treason_2024 / zero", "division by zero: zero is 0"),
        ("treason_2024 / (treason_2023 - treason_2023)", "division by zero: treason_2023 - treason_2023 is 0"),
        ("treason_2024 / at_most_5", "division by a range that includes zero: at_most_5 is at most 5"),
        ("secrets_2023 / zero", "division by zero"),
    ],
)
def test_division_by_zero_is_an_evaluation_error(text: str, message: str) -> None:
    with pytest.raises(EvaluationError) as info:
        resolve(parse_expression(text), FIGURES, text=text)
    assert message in info.value.message
    assert isinstance(info.value, ExpressionError)


@pytest.mark.parametrize(
    "text, message, offset, hint",
    [
        ("treason_2042", "unknown figure 'treason_2042'", 0, "did you mean 'treason_2024'?"),
        ("treason_2024 + convictions", "the whole series 'convictions' cannot be used in arithmetic", 15,
         "name one point, such as convictions[2025]"),
        ("convictions[2019]", "series 'convictions' has no point for 2019", 12, "it has 2010, 2023, 2024, 2025"),
        ("treason_2024[2024]", "'treason_2024' is a single figure, not a series", 12, "write treason_2024"),
    ],
)
def test_check_expression_finds_bad_references(text: str, message: str, offset: int, hint: str) -> None:
    expr = parse_expression(text)
    (err,) = check_expression(expr, FIGURES)
    assert message in err.message
    assert err.offset == offset
    assert err.hint == hint
    # resolve refuses the same references
    with pytest.raises(ExpressionError, match="figure|series"):
        resolve(expr, FIGURES, text=text)


def test_check_expression_lists_every_problem() -> None:
    errors = check_expression(parse_expression("nope + convictions + convictions[1999]"), FIGURES)
    assert [e.offset for e in errors] == [0, 7, 33]


def test_a_good_expression_has_no_problems() -> None:
    assert check_expression(parse_expression("convictions"), FIGURES) == []
    assert check_expression(parse_expression("convictions[2024] - treason_2024"), FIGURES) == []


def test_equality_ignores_where_and_how_a_node_was_written():
    a, b = parse_expression("a + 2"), parse_expression("a  +  2.0")
    assert a == b and not (a != b) and hash(a) == hash(b)  # noqa: SIM202 (__ne__ itself)
    assert a.offset != b.offset and str(a) != str(b)
    assert Number(F(2)) != Ref("a") and Ref("a") != ("a", None, 0)
    assert parse_expression("a - 2") != a


def test_nodes_survive_pickling():
    import pickle

    e = parse_expression("-(a[2024] - b) / 3")
    back = pickle.loads(pickle.dumps(e))
    assert back == e and str(back) == str(e) and back.ref_nodes()[0].offset == e.ref_nodes()[0].offset
