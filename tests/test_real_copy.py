"""Statements from published copy (tests/data/real_statements.yaml, built from
stored news pages with verdicts worked out by hand; see real_statements.md).

The engine is not tuned to this set, so it does not pin every verdict. It
pins the rule the product stands on: never a "holds" for a statement that
does not hold (section 8), and at least the share of right verdicts
measured when the set was added (194 of 267)."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import yaml

from factcheck.evaluate import evaluate
from factcheck.expressions import parse_expression, resolve
from factcheck.model import Operand
from factcheck.numbers import Interval
from factcheck.periods import parse_period
from factcheck.phrases import UnreadableStatement, read_statement
from factcheck.verify import check_statement

CASES = yaml.safe_load((Path(__file__).parent / "data" / "real_statements.yaml").read_text(encoding="utf-8"))


def _text(x: object) -> str:
    return "null" if x is None else str(x)


def verdict(c: dict) -> str:
    try:
        if "series" in c:
            series = tuple(sorted((parse_period(k), Interval.point(Fraction(str(v)))) for k, v in c["series"].items()))
            at = parse_period(c["at"])
            of = Operand(f"s[{at}]", dict(series)[at], (), at, c.get("unit") == "percent")
            vs = Operand("s", None, (), None, False, series, complete=bool(c.get("complete")))
            return evaluate(read_statement(c["says"], has_vs=True), of, vs).verdict
        if isinstance(c.get("of"), dict) or isinstance(c.get("vs"), dict):
            ops = []
            for key in ("of", "vs"):
                x = c.get(key)
                if x is None:
                    ops.append(None if key == "vs" else Operand.number(None, text="A"))
                elif isinstance(x, dict):
                    ops.append(resolve(parse_expression(x["expr"]), {}, text=x["expr"]))
                else:
                    ops.append(Operand.number(Fraction(str(x))))
            return evaluate(read_statement(c["says"], has_vs=ops[1] is not None), ops[0], ops[1]).verdict
        return check_statement(c["says"], _text(c.get("of")), _text(c["vs"]) if "vs" in c else None,
                               period=str(c["period"]) if "period" in c else None,
                               percent=c.get("unit") == "percent", rounded=bool(c.get("rounded"))).verdict
    except (UnreadableStatement, ValueError):
        return "unreadable"


def test_no_holds_for_a_statement_that_does_not_hold():
    wrong = [(c["id"], c["says"], c["expect"]) for c in CASES if c["expect"] != "holds" and verdict(c) == "holds"]
    assert wrong == []


def test_the_share_of_right_verdicts_does_not_fall():
    right = sum(verdict(c) == c["expect"] for c in CASES)
    assert len(CASES) == 267
    assert right >= 194, f"{right} of {len(CASES)} verdicts right"
