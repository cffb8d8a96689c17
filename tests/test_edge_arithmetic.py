"""Arithmetic edge cases (a zero base, negative figures, percentages above
100, ranges on both sides, a one-point series) get verdicts, not exceptions.

(Split from the reliability tests of issue 5.)"""

from __future__ import annotations

from factcheck import registry, verify
from factcheck.model import Registry


def test_zero_base_fails_and_says_so() -> None:
    outcome = verify.check_statement("doubled", "5", "0")
    assert outcome.verdict == "fails"
    assert "zero" in outcome.explanation


def test_negative_figures() -> None:
    # -100 -> -90 is a rise of 10, but (A - B) / B is -10%: "rose 10%" fails
    outcome = verify.check_statement("rose 10%", "-90", "-100")
    assert outcome.verdict in ("holds", "imprecise", "fails", "unverifiable")
    assert outcome.explanation


def test_percentage_above_100() -> None:
    assert verify.check_statement("150% of", "150", "100").verdict == "holds"


def test_ranges_on_both_sides() -> None:
    # a two-sided range base: A / B is [2.5, inf)
    assert verify.check_statement("more than double", "at least 500", "100-200").verdict == "holds"
    # an open "at most" base reaches zero: the ratio is undefined for part of it
    open_base = verify.check_statement("more than double", "at least 500", "at most 200")
    assert open_base.verdict == "unverifiable"
    assert "zero" in open_base.explanation
    assert verify.check_statement("doubled", "more than 150", "less than 100").verdict == "unverifiable"


def test_record_over_a_one_point_series() -> None:
    text = (
        "figures:\n"
        "  s:\n"
        "    series: {2024: 10}\n"
        "claims:\n"
        "  rec:\n"
        "    says: the highest on record\n"
        "    of: s[2024]\n"
        "    vs: s\n"
    )
    topic, problems = registry.load_text(text, file="one_point.yaml")
    assert topic is not None and problems == []
    run = verify.check_claims(Registry(topics=(topic,), problems=()))
    assert run.problems == ()
    (result,) = run.results
    assert result.outcome.verdict in ("holds", "imprecise", "fails", "unverifiable")
