"""The ``of`` / ``vs`` expressions of a claim: parsed, never eval'd.

An expression names figures of its topic and combines them with numbers:

    treason_2024
    convictions[2024]
    rtvi_ukrainian + rtvi_russian + rtvi_american
    (a - b) / b * 100

Grammar (a hand-written tokenizer and recursive descent; nothing here ever
reaches Python's ``eval``)::

    expr    := term (("+" | "-") term)*
    term    := unary (("*" | "/") unary)*
    unary   := "-" unary | primary
    primary := NUMBER | ID ("[" PERIOD "]")? | "(" expr ")"

``ID`` is a figure id (``[a-z_][a-z0-9_]*``), ``PERIOD`` a period as in
periods.py (2024, 2024-03, 2024-Q1, 2024-H1), ``NUMBER`` digits with optional
decimals (``1,000`` with thousands separators is accepted too), read into an
exact ``Fraction``.  A number written in an expression is exact: it is a
constant of the arithmetic (``* 100``), not a measurement.

:func:`parse_expression` gives a small frozen AST; :func:`check_expression`
lists what is wrong with its figure references (the registry reports these
at load time); :func:`resolve` computes it over the figures' intervals.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from fractions import Fraction
from functools import lru_cache
from typing import Any, NamedTuple, Union, cast

from .model import Figure, Operand
from .numbers import MAX_DIGITS, Interval, fmt
from .periods import Period, PeriodError, parse_period
from .suggest import did_you_mean, nearest

__all__ = [
    "MAX_LENGTH",
    "MAX_DEPTH",
    "MAX_OPERATORS",
    "ExpressionError",
    "EvaluationError",
    "Expr",
    "Number",
    "Ref",
    "Neg",
    "BinOp",
    "parse_expression",
    "check_expression",
    "resolve",
    "nearest",
    "Suggest",
]

#: Longest expression text read.  Real expressions are a few dozen
#: characters; the bound keeps hostile input cheap.
MAX_LENGTH = 1000
#: Deepest nesting of parentheses and unary minus.  Bounds the recursion of
#: the parser far below Python's limit.
MAX_DEPTH = 50
#: Most operators in one expression (a year of months summed needs 11).
#: With MAX_DEPTH it bounds the height of the tree, so that printing,
#: comparing and evaluating it (all recursive) stay far below Python's limit.
MAX_OPERATORS = 100


class ExpressionError(ValueError):
    """An ``of`` / ``vs`` expression that cannot be read or does not fit its figures."""

    def __init__(self, message: str, offset: int = 0, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        #: 0-based character position in the expression text.
        self.offset = offset
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message} ({self.hint})"


class EvaluationError(ExpressionError):
    """An expression that reads but cannot be computed (a division by zero)."""


# --------------------------------------------------------------------------
# The tree
# --------------------------------------------------------------------------

# Binding strength, for canonical text with as few parentheses as round-trip.
_PREC_ADD, _PREC_MUL, _PREC_UNARY, _PREC_ATOM = 1, 2, 3, 4


class _Node:
    """Behaviour shared by the node classes.

    Each node is a named tuple (cheap to define and to create; see
    model.py) with this class first in its bases.  ``offset`` (and a
    number's ``text``) say where and how the node was written; they are the
    trailing fields and do not take part in equality: two expressions are
    equal when they compute the same thing from the same figures.
    """

    __slots__ = ()
    #: how many leading fields equality and hashing compare
    _compared = 0

    def _key(self) -> tuple[Any, ...]:
        return cast("tuple[Any, ...]", self)[: self._compared]

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._key() == other._key()

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._key()))

    def walk(self) -> Iterator[Expr]:
        """Every node, parents first, left to right (iterative: no recursion)."""
        stack: list[Expr] = [self]  # type: ignore[list-item]
        while stack:
            node = stack.pop()
            yield node
            if isinstance(node, BinOp):
                stack.append(node.right)
                stack.append(node.left)
            elif isinstance(node, Neg):
                stack.append(node.operand)

    def ref_nodes(self) -> tuple[Ref, ...]:
        """The figure references, in the order written (with their offsets)."""
        return tuple(n for n in self.walk() if isinstance(n, Ref))

    @property
    def precedence(self) -> int:
        return _PREC_ATOM


class _NumberFields(NamedTuple):
    value: Fraction
    text: str = ""
    offset: int = 0


class Number(_Node, _NumberFields):
    """A constant, exact as written."""

    __slots__ = ()
    _compared = 1

    def __str__(self) -> str:
        return self.text or fmt(self.value)


class _RefFields(NamedTuple):
    id: str
    period: Period | None = None
    offset: int = 0


class Ref(_Node, _RefFields):
    """A figure, or one point of a series (``convictions[2024]``)."""

    __slots__ = ()
    _compared = 2

    @property
    def name(self) -> str:
        return self.id if self.period is None else f"{self.id}[{self.period}]"

    def __str__(self) -> str:
        return self.name


class _NegFields(NamedTuple):
    operand: Expr
    offset: int = 0


class Neg(_Node, _NegFields):
    __slots__ = ()
    _compared = 1

    @property
    def precedence(self) -> int:
        return _PREC_UNARY

    def __str__(self) -> str:
        inner = str(self.operand)
        return f"-({inner})" if self.operand.precedence < _PREC_UNARY else f"-{inner}"


class _BinOpFields(NamedTuple):
    op: str
    left: Expr
    right: Expr
    offset: int = 0


class BinOp(_Node, _BinOpFields):
    """``left op right``; ``offset`` is where the operator was written."""

    __slots__ = ()
    _compared = 3

    @property
    def precedence(self) -> int:
        return _PREC_ADD if self.op in "+-" else _PREC_MUL

    def __str__(self) -> str:
        p = self.precedence
        left, right = str(self.left), str(self.right)
        if self.left.precedence < p:
            left = f"({left})"
        # Left-associative: a right operand of the same strength keeps its
        # parentheses, so that parse(str(e)) == e.
        if self.right.precedence <= p:
            right = f"({right})"
        return f"{left} {self.op} {right}"


Expr = Union[Number, Ref, Neg, BinOp]


# --------------------------------------------------------------------------
# Tokenizer
# --------------------------------------------------------------------------

_TOKEN_RE = re.compile(
    r"""\s*(?:
        (?P<id>[a-z_][a-z0-9_]*)(?![A-Za-z0-9_])
      | (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,.])|\d+(?:\.\d+)?)
      | (?P<op>[-+*/()])
      | \[(?P<period>[^\[\]]*)\]
    )""",
    re.X,
)
_SPACE_RE = re.compile(r"\s*")
_WORD_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

#: Characters people write for an operator we spell differently.
_LOOKALIKES = {
    "×": "write * to multiply",
    "·": "write * to multiply",
    "÷": "write / to divide",
    "−": "write an ASCII minus: -",
    "–": "write an ASCII minus: -",
    "—": "write an ASCII minus: -",
    "%": "expressions hold plain numbers; divide by 100 or mark the figure unit: percent",
    "^": "powers are not supported",
    "=": "comparisons belong in 'says', not in the expression",
    "<": "comparisons belong in 'says', not in the expression",
    ">": "comparisons belong in 'says', not in the expression",
    ",": "write numbers with groups of three digits (1,000) or none (1000)",
    ".": "write a digit before the decimal point: 0.5",
    "]": "a period in brackets follows a series id: convictions[2024]",
    "[": "close the period: convictions[2024]",
}

_Token = tuple[str, str, int]  # (kind, text, offset); kind "end" closes the list


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    pos, n = 0, len(text)
    match = _TOKEN_RE.match
    while True:
        m = match(text, pos)
        if m is None or m.end() == pos:
            # Either the end, or something no token starts with.
            pos = _SPACE_RE.match(text, pos).end()  # type: ignore[union-attr]
            if pos >= n:
                tokens.append(("end", "", n))
                return tokens
            raise _bad_character(text, pos)
        kind = m.lastgroup
        assert kind is not None
        start = m.start(kind)
        value = m.group(kind)
        if kind == "num" and sum(c.isdigit() for c in value) > MAX_DIGITS:
            raise ExpressionError(f"number with more than {MAX_DIGITS} digits", start)
        if kind == "period":
            start -= 1  # point at the bracket
        tokens.append((kind, value, start))
        pos = m.end()


def _bad_character(text: str, pos: int) -> ExpressionError:
    word = _WORD_RE.match(text, pos)
    if word is not None:
        w = word.group()[:60]  # quoted in the message: keep it short
        return ExpressionError(
            f"{w!r} is not a figure id: ids are lower-case snake_case",
            pos,
            f"write {w.lower()}",
        )
    ch = text[pos]
    if text.startswith("**", pos):
        return ExpressionError("'**' is not an operator here", pos, "powers are not supported")
    if ch == "[":
        return ExpressionError("'[' is never closed", pos, _LOOKALIKES["["])
    shown = repr(ch) if ch.isprintable() else f"U+{ord(ch):04X}"
    return ExpressionError(f"unexpected character {shown}", pos, _LOOKALIKES.get(ch, "an expression holds figure ids, numbers, + - * / and parentheses"))


# --------------------------------------------------------------------------
# Parser
# --------------------------------------------------------------------------


def _describe(tok: _Token) -> str:
    kind, value, _ = tok
    if kind == "end":
        return "the end"
    if len(value) > 40:  # quoted in a message: keep it short
        value = value[:40] + "..."
    if kind == "period":
        return f"'[{value}]'"
    return repr(value)


class _Parser:
    __slots__ = ("tokens", "i", "operators")

    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.i = 0
        self.operators = 0

    def operator(self, offset: int) -> None:
        self.operators += 1
        if self.operators > MAX_OPERATORS:
            raise ExpressionError(f"expression has more than {MAX_OPERATORS} operators", offset,
                                  "define the parts as figures")

    def peek(self) -> _Token:
        return self.tokens[self.i]

    def next(self) -> _Token:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def expr(self, depth: int) -> Expr:
        left = self.term(depth)
        while True:
            kind, value, offset = self.peek()
            if kind == "op" and value in "+-":
                self.i += 1
                self.operator(offset)
                left = BinOp(value, left, self.term(depth), offset)
            else:
                return left

    def term(self, depth: int) -> Expr:
        left = self.unary(depth)
        while True:
            kind, value, offset = self.peek()
            if kind == "op" and value in "*/":
                self.i += 1
                self.operator(offset)
                left = BinOp(value, left, self.unary(depth), offset)
            else:
                return left

    def unary(self, depth: int) -> Expr:
        kind, value, offset = self.peek()
        if kind == "op" and value == "-":
            self.i += 1
            self.operator(offset)
            return Neg(self.unary(self._deeper(depth, offset)), offset)
        return self.primary(depth)

    def primary(self, depth: int) -> Expr:
        tok = self.next()
        kind, value, offset = tok
        if kind == "num":
            return Number(Fraction(value.replace(",", "")), value.replace(",", ""), offset)
        if kind == "id":
            period = None
            if self.peek()[0] == "period":
                _, ptext, poffset = self.next()
                if not ptext.strip():
                    raise ExpressionError(f"empty period after {value!r}", poffset, "write a period such as convictions[2024]")
                try:
                    period = parse_period(ptext)
                except PeriodError as exc:
                    raise ExpressionError(str(exc), poffset + 1) from None
            return Ref(value, period, offset)
        if kind == "op" and value == "(":
            inner = self.expr(self._deeper(depth, offset))
            close = self.next()
            if close[:2] != ("op", ")"):
                if close[0] == "end":
                    raise ExpressionError("'(' is never closed", offset, "add a ')'")
                raise ExpressionError(f"expected ')' before {_describe(close)}", close[2])
            return inner
        if kind == "end":
            prev = self.tokens[self.i - 2] if self.i >= 2 else None
            if prev is None:
                raise ExpressionError("empty expression", offset, "write a figure id, such as treason_2024")
            raise ExpressionError(f"expression ends after {_describe(prev)}", offset, "a figure id, number or '(' must follow")
        if kind == "period":
            raise ExpressionError("a period in brackets must follow a series id", offset, "write convictions[2024]")
        if kind == "op" and value == ")":
            raise ExpressionError("unexpected ')'", offset, "every ')' closes an earlier '('")
        if kind == "op" and value == "+":
            raise ExpressionError("unexpected '+'", offset, "a figure id, number or '(' must come first")
        if kind == "op" and value == "*" and self.i >= 2 and self.tokens[self.i - 2][1:] == ("*", offset - 1):
            raise ExpressionError("'**' is not an operator here", offset - 1, "powers are not supported")
        raise ExpressionError(f"expected a figure id, number or '(' before {_describe(tok)}", offset)

    @staticmethod
    def _deeper(depth: int, offset: int) -> int:
        if depth >= MAX_DEPTH:
            raise ExpressionError(f"expression nests deeper than {MAX_DEPTH} levels", offset, "simplify it")
        return depth + 1


_BARE_ID_RE = re.compile(r"\s*([a-z_][a-z0-9_]*)\s*\Z")


@lru_cache(maxsize=8192)
def _parse(text: str) -> Expr:
    bare = _BARE_ID_RE.match(text)
    if bare is not None:  # most expressions name one figure
        return Ref(bare.group(1), None, bare.start(1))
    parser = _Parser(_tokenize(text))
    tree = parser.expr(0)
    kind, value, offset = parser.peek()
    if kind != "end":
        if kind == "op" and value == ")":
            raise ExpressionError("unexpected ')'", offset, "every ')' closes an earlier '('")
        if kind == "period":
            raise ExpressionError("a period in brackets must follow a series id", offset, "write convictions[2024]")
        raise ExpressionError(
            f"expected an operator before {_describe(parser.peek())}", offset, "join terms with + - * or /"
        )
    return tree


def parse_expression(text: str) -> Expr:
    """Parse an ``of`` / ``vs`` expression; raise :class:`ExpressionError`.

    >>> str(parse_expression("(a+b)  /c[2024]"))
    '(a + b) / c[2024]'
    """
    if not isinstance(text, str):
        raise ExpressionError(f"an expression is text, not {type(text).__name__}", 0)
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"expression is longer than {MAX_LENGTH} characters", MAX_LENGTH, "split it into figures")
    # Parsed trees are immutable, so identical texts (common in big
    # registries: "treason_2024" in many claims) share one parse.
    return _parse(text)


# --------------------------------------------------------------------------
# Checking references against figures
# --------------------------------------------------------------------------


Suggest = Callable[[str], "str | None"]


def _series_lookup(fig: Figure, period: Period) -> tuple[bool, Interval | None]:
    for p, v in fig.series or ():
        if p == period:
            return True, v
    return False, None


def _ref_error(
    ref: Ref, figures: Mapping[str, Figure], *, standalone: bool, suggest: Suggest | None = None
) -> ExpressionError | None:
    fig = figures.get(ref.id)
    if fig is None:
        if not figures:
            hint: str | None = "no figures are defined in this file"
        else:
            best = (suggest or (lambda n: nearest(n, figures)))(ref.id)
            hint = did_you_mean(best)
        return ExpressionError(f"unknown figure {ref.id!r}", ref.offset, hint)
    if fig.is_series:
        if ref.period is None:
            if standalone:
                return None
            return ExpressionError(
                f"the whole series {ref.id!r} cannot be used in arithmetic",
                ref.offset,
                f"name one point, such as {ref.id}[{fig.series[-1][0]}]" if fig.series else None,
            )
        found, _ = _series_lookup(fig, ref.period)
        if not found:
            have = ", ".join(str(p) for p, _ in fig.series or ())
            return ExpressionError(
                f"series {ref.id!r} has no point for {ref.period}",
                ref.offset + len(ref.id) + 1,
                f"it has {have}" if have else "it has no points",
            )
        return None
    if ref.period is not None:
        return ExpressionError(
            f"{ref.id!r} is a single figure, not a series; it has no [{ref.period}]",
            ref.offset + len(ref.id),
            f"write {ref.id}",
        )
    return None


def check_expression(
    expr: Expr, figures: Mapping[str, Figure], *, suggest: Suggest | None = None
) -> list[ExpressionError]:
    """Everything wrong with the figure references of ``expr`` (empty if none).

    Unknown ids (with the nearest valid one), a period a series lacks (with
    the periods it has), a period on a single figure, and a whole series
    used inside arithmetic (a series stands alone only, for record claims).
    ``suggest`` finds the nearest figure id for a hint (default: difflib
    over ``figures``); the registry passes one with a budget.
    """
    standalone = isinstance(expr, Ref)
    errors = []
    for ref in expr.ref_nodes():
        err = _ref_error(ref, figures, standalone=standalone, suggest=suggest)
        if err is not None:
            errors.append(err)
    return errors


# --------------------------------------------------------------------------
# Evaluation
# --------------------------------------------------------------------------


class _Value(NamedTuple):
    """A partial result: its interval (None if unknown), period and percentness."""

    value: Interval | None
    period: Period | None = None
    percent: bool = False
    constant: bool = False


_ZERO = Fraction(0)


def resolve(expr: Expr, figures: Mapping[str, Figure], *, text: str | None = None) -> Operand:
    """Compute ``expr`` over the figures' intervals, as an :class:`Operand`.

    A lone series reference gives the series (for record claims).  An unknown
    figure (``null``, or a ``null`` point of a series) makes the value None
    and is named in ``unknown``.  Period and percentness follow the figures:
    a single figure gives its own; a sum or difference of figures of one
    period keeps it, and a sum or difference of percentages stays a
    percentage; multiplying or dividing by a constant keeps both.

    ``rounded`` is set when any figure used was quoted as rounded, so that
    evaluation can judge the statement for consistency with the rounding;
    ``figures`` lists (name, value) of every known single figure used
    (``id`` or ``id[period]``; not whole series, not constants), once each
    in the order written, so that a statement's number can be matched to
    the figure it names.

    Raises :class:`ExpressionError` for a reference the figures cannot
    satisfy (the registry reports these at load time) and
    :class:`EvaluationError` for a division by an interval containing zero.
    """
    shown = str(expr) if text is None else text
    if isinstance(expr, Ref) and expr.period is None:
        fig = figures.get(expr.id)
        if fig is not None and fig.is_series:
            return Operand(shown, None, (), None, fig.percent, fig.series, rounded=fig.rounded, complete=fig.complete)
    unknown: dict[str, None] = {}
    used: dict[str, tuple[Interval | None, bool]] = {}
    result = _evaluate(expr, figures, unknown, used)
    rounded = any(r for _, r in used.values())
    known = tuple((name, v) for name, (v, _) in used.items() if v is not None)
    if unknown:
        return Operand(shown, None, tuple(unknown), result.period, result.percent, rounded=rounded, figures=known)
    return Operand(shown, result.value, (), result.period, result.percent, rounded=rounded, figures=known)


def _evaluate(expr: Expr, figures: Mapping[str, Figure], unknown: dict[str, None],
              used: dict[str, tuple[Interval | None, bool]] | None = None) -> _Value:
    """The value of ``expr``; names unknown figures in ``unknown`` and, when
    ``used`` is given, records every figure reference's (value, rounded)."""
    if isinstance(expr, Number):
        return _Value(Interval.point(expr.value), constant=True)
    if isinstance(expr, Ref):
        err = _ref_error(expr, figures, standalone=False)
        if err is not None:
            raise err
        fig = figures[expr.id]
        period: Period | None
        if expr.period is not None:
            _, value = _series_lookup(fig, expr.period)
            period = expr.period
        else:
            value, period = fig.value, fig.period
        if value is None:
            unknown.setdefault(expr.name, None)
        if used is not None:
            used.setdefault(expr.name, (value, fig.rounded))
        return _Value(value, period, fig.percent)
    if isinstance(expr, Neg):
        inner = _evaluate(expr.operand, figures, unknown, used)
        return _Value(None if inner.value is None else -inner.value, inner.period, inner.percent, inner.constant)
    left = _evaluate(expr.left, figures, unknown, used)
    right = _evaluate(expr.right, figures, unknown, used)
    op = expr.op
    if op in "+-":
        period = _same_period(left, right)
        percent = (left.percent or left.constant) and (right.percent or right.constant) and not (
            left.constant and right.constant
        )
    elif op == "*":
        period = right.period if left.constant else left.period if right.constant else None
        percent = (left.percent and right.constant) or (right.percent and left.constant)
    else:
        period = left.period if right.constant else None
        percent = left.percent and right.constant
    constant = left.constant and right.constant
    if op == "/" and right.value is not None and right.value.contains(_ZERO):
        what = str(expr.right)
        if right.value.is_point:
            raise EvaluationError(f"division by zero: {what} is 0", expr.offset)
        raise EvaluationError(
            f"division by a range that includes zero: {what} is {right.value.describe()}", expr.offset
        )
    if left.value is None or right.value is None:
        return _Value(None, period, percent, constant)
    if op == "+":
        value = left.value + right.value
    elif op == "-":
        value = left.value - right.value
    elif op == "*":
        value = left.value * right.value
    else:
        value = left.value / right.value
    return _Value(value, period, percent, constant)


def _same_period(left: _Value, right: _Value) -> Period | None:
    if left.constant:
        return right.period
    if right.constant:
        return left.period
    return left.period if left.period == right.period else None
