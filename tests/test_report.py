"""The reporters, on hand-built results and problems: exact GitHub lines,
JUnit parsed with xml.etree, JSON parsed and compared field by field, and
the text format without colour at a fixed width."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from fractions import Fraction

import pytest

from factcheck.model import Claim, ClaimResult, Figure, Outcome, Problem
from factcheck.numbers import Interval
from factcheck.periods import Period
from factcheck.report import REPORTERS, Report
from factcheck.report.github import escape_data, escape_property
from factcheck.report.text import series_chart


def claim(id: str, *, says: str, expect: str = "holds", topic: str = "treason", line: int = 31,
          column: int = 3, of: str = "a", vs: str | None = "b") -> Claim:
    return Claim(id=id, topic=topic, file=f"claims/{topic}.yaml", line=line, column=column, says=says,
                 of_text=of, vs_text=vs, of=None, vs=None, expect=expect)


FOURFOLD = ClaimResult(
    claim("treason_nearly_fourfold", says="nearly four times higher"),
    Outcome(verdict="holds", reading="ratio", computed="3.718", accepted="[3.6, 4)",
            explanation='145 / 39 = 3.718; "nearly four times" needs [3.6, 4)', ambiguous=True,
            strict_verdict="fails"),
)
FOLD = ClaimResult(
    claim("espionage_fold", says="a 2.5-fold increase", expect="imprecise", line=50),
    Outcome(verdict="fails", reading="ratio", computed="2.556", accepted="[2.45, 2.55]",
            explanation='23 / 9 = 2.556; "2.5-fold" needs [2.45, 2.55]', notes=("100% sure: no",)),
)
SECRETS = ClaimResult(
    claim("secrets_rise", says="up 20%", topic="secrets", line=7, column=5),
    Outcome(verdict="unverifiable", reading="percent change", computed=None, accepted="[19.5, 20.5]",
            explanation="secrets_2023 is unknown", needed="secrets_2023 in [173.4, 174.9]"),
)
BROKEN = Problem("claims/broken.yaml", 3, 5, "unknown key 'sayz'", "did you mean 'says'?")
NOLINE = Problem("claims/gone.yaml", None, None, "cannot read the file: no such file")

def every(*, quiet: bool = False) -> Report:
    """Three results and two problems (a report is read once: a new one each time)."""
    return Report((FOURFOLD, FOLD, SECRETS), (BROKEN, NOLINE), quiet=quiet)


def good(*, quiet: bool = False) -> Report:
    return Report((FOURFOLD,), quiet=quiet)


def render(name: str, report: Report) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    REPORTERS[name](report, out=out, err=err)
    return out.getvalue(), err.getvalue()


def test_the_formats_are_the_documented_ones():
    assert list(REPORTERS) == ["text", "json", "github", "junit"]


def test_summary_counts_every_verdict():
    assert every().summary() == {"claims": 3, "holds": 1, "imprecise": 0, "fails": 1, "unverifiable": 1,
                             "unexpected": 2, "errors": 2}
    assert every().summary_line() == "3 claims: 1 holds, 0 imprecise, 1 fails, 1 unverifiable; 2 unexpected; 2 errors"
    assert good().summary_line() == "1 claim: 1 holds, 0 imprecise, 0 fails, 0 unverifiable; 0 unexpected; 0 errors"


# --------------------------------------------------------------------------
# json
# --------------------------------------------------------------------------


def test_json_has_the_contract_shape():
    out, err = render("json", every())
    assert err == ""
    doc = json.loads(out)
    assert list(doc) == ["version", "results", "errors", "summary"]
    assert doc["version"] == 1
    first = doc["results"][0]
    assert list(first) == ["claim", "topic", "file", "line", "says", "verdict", "expected", "ok", "reading",
                           "computed", "accepted", "ambiguous", "strict_verdict", "explanation", "notes",
                           "needed", "note", "parts"]
    assert first == {
        "claim": "treason_nearly_fourfold", "topic": "treason", "file": "claims/treason.yaml", "line": 31,
        "says": "nearly four times higher", "verdict": "holds", "expected": "holds", "ok": True,
        "reading": "ratio", "computed": "3.718", "accepted": "[3.6, 4)", "ambiguous": True,
        "strict_verdict": "fails", "explanation": '145 / 39 = 3.718; "nearly four times" needs [3.6, 4)',
        "notes": [], "needed": None, "note": None,
        "parts": [{"text": "nearly four times higher", "reading": "ratio", "role": "statement", "verdict": "holds",
                   "computed": "3.718", "accepted": "[3.6, 4)",
                   "explanation": '145 / 39 = 3.718; "nearly four times" needs [3.6, 4)'}],
    }
    second, third = doc["results"][1], doc["results"][2]
    assert (second["verdict"], second["expected"], second["ok"]) == ("fails", "imprecise", False)
    assert second["notes"] == ["100% sure: no"]
    assert (third["computed"], third["needed"]) == (None, "secrets_2023 in [173.4, 174.9]")
    assert doc["errors"] == [
        {"file": "claims/broken.yaml", "line": 3, "column": 5, "message": "unknown key 'sayz'",
         "hint": "did you mean 'says'?"},
        {"file": "claims/gone.yaml", "line": None, "column": None,
         "message": "cannot read the file: no such file", "hint": None},
    ]
    assert doc["summary"] == every().summary()


def test_json_is_byte_identical_run_to_run():
    assert render("json", every()) == render("json", every())


def test_json_quiet_lists_only_unexpected_results_but_counts_all():
    doc = json.loads(render("json", every(quiet=True))[0])
    assert [r["claim"] for r in doc["results"]] == ["espionage_fold", "secrets_rise"]
    assert doc["summary"]["claims"] == 3


# --------------------------------------------------------------------------
# github
# --------------------------------------------------------------------------


def test_github_annotates_unexpected_verdicts_and_problems():
    out, err = render("github", every())
    assert err == ""
    assert out.splitlines() == [
        "::error file=claims/treason.yaml,line=50,col=3,title=factcheck (fails)::espionage_fold: fails, "
        'expected imprecise: 23 / 9 = 2.556; "2.5-fold" needs [2.45, 2.55]',
        "::error file=claims/secrets.yaml,line=7,col=5,title=factcheck (unverifiable)::secrets_rise: "
        "unverifiable, expected holds: secrets_2023 is unknown",
        "::error file=claims/broken.yaml,line=3,col=5,title=factcheck (invalid)::unknown key 'sayz' "
        "(did you mean 'says'?)",
        "::error file=claims/gone.yaml,title=factcheck (invalid)::cannot read the file: no such file",
        "3 claims: 1 holds, 0 imprecise, 1 fails, 1 unverifiable; 2 unexpected; 2 errors",
    ]


def test_github_says_nothing_but_the_summary_when_all_is_well():
    assert render("github", good())[0] == "1 claim: 1 holds, 0 imprecise, 0 fails, 0 unverifiable; 0 unexpected; 0 errors\n"
    assert render("github", good(quiet=True))[0] == ""


def test_github_escapes_messages_and_properties():
    assert escape_data("100%\r\nnext: a, b") == "100%25%0D%0Anext: a, b"
    assert escape_property("c:\\x,y%\n") == "c%3A\\x%2Cy%25%0A"
    odd = Problem("claims/a,b:c.yaml", 1, 1, "50% of\nthe file")
    (line, _summary) = render("github", Report((), (odd,)))[0].splitlines()
    assert line == "::error file=claims/a%2Cb%3Ac.yaml,line=1,col=1,title=factcheck (invalid)::50%25 of%0Athe file"


# --------------------------------------------------------------------------
# junit
# --------------------------------------------------------------------------


def test_junit_has_a_suite_per_topic_a_case_per_claim_and_an_error_per_file():
    out, err = render("junit", every())
    assert err == ""
    assert out.startswith('<?xml version="1.0" encoding="utf-8"?>\n')
    root = ET.fromstring(out.split("\n", 1)[1])
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("5", "2", "2")
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert list(suites) == ["treason", "secrets", "broken", "gone"]
    treason = suites["treason"]
    assert (treason.get("tests"), treason.get("failures"), treason.get("errors")) == ("2", "1", "0")
    cases = treason.findall("testcase")
    assert [(c.get("classname"), c.get("name")) for c in cases] == [
        ("treason", "treason_nearly_fourfold"), ("treason", "espionage_fold")]
    assert cases[0].find("failure") is None
    failure = cases[1].find("failure")
    assert failure.get("message") == 'fails, expected imprecise: 23 / 9 = 2.556; "2.5-fold" needs [2.45, 2.55]'
    assert failure.get("type") == "fails"
    assert "note: 100% sure: no" in failure.text
    error = suites["broken"].find("testcase/error")
    assert suites["broken"].find("testcase").get("name") == "claims/broken.yaml"
    assert error.get("message") == "claims/broken.yaml:3:5: unknown key 'sayz' (did you mean 'says'?)"


def test_junit_problem_in_a_file_with_claims_joins_its_topic():
    problem = Problem("claims/treason.yaml", 40, 7, "unreadable statement")
    root = ET.fromstring(render("junit", Report((FOURFOLD,), (problem,)))[0].split("\n", 1)[1])
    (suite,) = root.findall("testsuite")
    assert (suite.get("name"), suite.get("tests"), suite.get("errors")) == ("treason", "2", "1")


# --------------------------------------------------------------------------
# text
# --------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _fixed_width(monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("FORCE_COLOR", raising=False)


def test_text_lists_each_claim_with_its_arithmetic():
    out, err = render("text", every())
    assert "\x1b[" not in out + err  # not a terminal: no colour
    assert out.splitlines() == [
        '✓ holds         treason_nearly_fourfold  "nearly four times higher"',
        '    145 / 39 = 3.718; "nearly four times" needs [3.6, 4)',
        "    ambiguous wording; under the strict reading: fails",
        '✗ fails         espionage_fold  "a 2.5-fold increase"  expected imprecise  claims/treason.yaml:50:3',
        '    23 / 9 = 2.556; "2.5-fold" needs [2.45, 2.55]',
        "    note: 100% sure: no",
        '✗ unverifiable  secrets_rise  "up 20%"  expected holds  claims/secrets.yaml:7:5',
        "    secrets_2023 is unknown",
        "    needed: secrets_2023 in [173.4, 174.9]",
        "3 claims: 1 holds, 0 imprecise, 1 fails, 1 unverifiable; 2 unexpected; 2 errors",
    ]
    assert err.splitlines() == [
        "claims/broken.yaml:3:5: unknown key 'sayz' (did you mean 'says'?)",
        "claims/gone.yaml: cannot read the file: no such file",
    ]


def test_text_quiet_shows_only_problems():
    out, _err = render("text", every(quiet=True))
    assert [line for line in out.splitlines() if not line.startswith(" ")] == [
        '✗ fails         espionage_fold  "a 2.5-fold increase"  expected imprecise  claims/treason.yaml:50:3',
        '✗ unverifiable  secrets_rise  "up 20%"  expected holds  claims/secrets.yaml:7:5',
    ]
    assert render("text", good(quiet=True)) == ("", "")


def test_series_chart_scales_bars_and_marks_gaps_and_unknowns():
    def p(x: int) -> Interval:
        return Interval.point(Fraction(x))

    fig = Figure(id="convictions", series=(
        (Period(2024), p(13699)), (Period(2010), p(8632)), (Period(2022), p(4191)), (Period(2023), None),
    ))
    from rich.console import Console

    buf = io.StringIO()
    console = Console(file=buf, width=100)
    for line in series_chart(fig, width=20):
        console.print(line)
    assert buf.getvalue().splitlines() == [
        "  2010       ████████████▋ 8632",
        "  2011–2021  no data",
        "  2022       ██████▏ 4191",
        "  2023       unknown",
        "  2024       ████████████████████ 13699",
    ]
