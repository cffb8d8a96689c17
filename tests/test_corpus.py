"""The generated corpus (tests/corpus.py): thousands of statements from
every family x hedge x number form x direction x frame, each checked for its
reading (family, number, hedge, direction, ambiguity) and its verdict.

One test per family, looping over its cases (parametrizing thousands of
cases would cost more than running them); every mismatch is collected and
the first 30 are printed with the reading and the explanation.  See
``python tests/corpus_report.py`` for where the mismatches lie.
"""

from __future__ import annotations

import pytest

from factcheck.phrases import UnreadableStatement, read_statement
from factcheck.verify import check_statement
from tests.corpus import FAMILIES, Case, by_group

SHOW = 30


def mismatches(case: Case) -> list[str]:
    """What the engine got wrong about one case (empty when nothing)."""
    has_vs = case.b is not None
    try:
        primary = read_statement(case.text, has_vs=has_vs).primary
    except UnreadableStatement as exc:
        return ["read as nothing (unreadable)", f"unreadable: {exc.message}"]
    out = []
    if primary.family != case.family:
        out.append(f"family {primary.family!r} != {case.family!r}")
    if primary.number is None:
        out.append(f"no number read (expected {case.value})")
    elif primary.number.value != case.value:
        out.append(f"number {primary.number.value} != {case.value}")
    if primary.hedge != case.hedge:
        out.append(f"hedge {primary.hedge!r} != {case.hedge!r}")
    if primary.direction != case.direction:
        out.append(f"direction {primary.direction} != {case.direction}")
    if primary.ambiguous != case.ambiguous:
        out.append(f"ambiguous {primary.ambiguous} != {case.ambiguous}")
    try:
        outcome = check_statement(case.text, case.a, case.b, period=case.period, percent=case.percent)
    except Exception as exc:  # noqa: BLE001 - any failure is a mismatch to report
        out.append(f"verdict: {type(exc).__name__}: {exc}")
        return out
    if outcome.verdict != case.verdict:
        out.append(f"verdict {outcome.verdict!r} != {case.verdict!r} ({outcome.explanation})")
    if out:
        out.insert(0, f"read as {primary.family} {primary.number.value if primary.number else None} "
                      f"hedge={primary.hedge} dir={primary.direction} ambiguous={primary.ambiguous}")
    return out


def describe(case: Case, problems: list[str]) -> str:
    figs = f"A={case.a}" + (f" B={case.b}" if case.b is not None else "")
    figs += f" period={case.period}" if case.period else ""
    figs += " (percent)" if case.percent else ""
    head = (f"{case.id} [{case.template} | {case.form} | {case.frame} | {case.intent}] {case.text!r} {figs}: "
            f"expected {case.family} {case.value} hedge={case.hedge} dir={case.direction} -> {case.verdict}")
    return head + "\n    " + "\n    ".join(problems)


@pytest.mark.parametrize("family", FAMILIES)
def test_corpus_family(family):
    cases = by_group()[family]
    assert cases, f"no {family} cases generated"
    bad = []
    for case in cases:
        problems = mismatches(case)
        if problems:
            bad.append(describe(case, problems))
    if bad:
        shown = "\n".join(bad[:SHOW])
        pytest.fail(f"{len(bad)} of {len(cases)} {family} cases mismatch; the first {min(SHOW, len(bad))}:\n{shown}",
                    pytrace=False)


def test_corpus_size_and_spread():
    """Thousands of cases, every family with every verdict it can have."""
    groups = by_group()
    assert sum(len(v) for v in groups.values()) >= 5000
    for family, cases in groups.items():
        verdicts = {c.verdict for c in cases}
        assert {"holds", "fails"} <= verdicts, family
        assert {c.frame for c in cases} == {"bare", "clause", "sentence"}, family
    for family in ("ratio", "percent change", "fraction change", "percentage points", "difference"):
        assert {c.direction for c in groups[family]} >= {1, -1}, family
        assert any(c.intent == "fails-direction" for c in groups[family]), family
