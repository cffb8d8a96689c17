"""The reporters, on hand-built results and problems: exact GitHub lines,
JUnit parsed with xml.etree, JSON parsed and compared field by field, and
the text format without colour at a fixed width."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from fractions import Fraction

import pytest

from factcheck.model import Claim, ClaimResult, Figure, Outcome, PartOutcome, Problem
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

# statements with several checked parts (semantics section 9): a restatement
# in brackets, and numbers naming A and B
_QUARTER_OWN = PartOutcome(text="nearly a quarter", reading="share", verdict="holds", computed="21%",
                           accepted="[20, 25)%",
                           explanation='21 / 100 x 100 = 21%; "nearly a quarter" needs [20, 25)%: holds')
_QUARTER_24 = PartOutcome(text="(24%)", reading="share", verdict="fails", computed="21%", accepted="[23.5, 24.5]%",
                          explanation='21 / 100 x 100 = 21%; "(24%)" needs [23.5, 24.5]%: fails', role="restatement")
QUARTER = ClaimResult(
    claim("women_quarter", says="nearly a quarter (24%)", topic="women", line=12, column=5, of="women", vs="all"),
    Outcome(verdict="fails", reading="share", computed="21%", accepted="[20, 25)%",
            explanation='21 / 100 x 100 = 21%; "nearly a quarter" needs [20, 25)%: holds',
            parts=(_QUARTER_OWN, _QUARTER_24)),
)
RISE = ClaimResult(
    claim("sales_rise", says="up 12% to 1,120 from 1,000", topic="sales", line=4, expect="holds"),
    Outcome(verdict="fails", reading="percent change", computed="13.131%", accepted="[11.5, 12.5]%",
            explanation='(1120 - 990) / 990 x 100 = 13.131%; "up 12%" needs [11.5, 12.5]%: imprecise',
            parts=(
                PartOutcome(text="up 12%", reading="percent change", verdict="imprecise", computed="13.131%",
                            accepted="[11.5, 12.5]%",
                            explanation='(1120 - 990) / 990 x 100 = 13.131%; "up 12%" needs [11.5, 12.5]%: imprecise'),
                PartOutcome(text="to 1,120", reading="value", verdict="holds", computed="1120",
                            accepted="[1119.5, 1120.5]", explanation="A = 1120, in [1119.5, 1120.5]", role="A"),
                PartOutcome(text="from 1,000", reading="value", verdict="fails", computed="990",
                            accepted="[999.5, 1000.5]",
                            explanation='B = 990; "from 1,000" needs [999.5, 1000.5]: fails', role="B"),
            )),
)


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


def test_json_parts_of_a_statement_with_one_part_is_the_statement_itself():
    doc = json.loads(render("json", every())[0])
    for result in doc["results"]:
        (part,) = result["parts"]
        assert part == {"text": result["says"], "reading": result["reading"], "role": "statement",
                        "verdict": result["verdict"], "computed": result["computed"],
                        "accepted": result["accepted"], "explanation": result["explanation"]}


def test_json_lists_every_part_of_a_statement_with_several():
    doc = json.loads(render("json", Report((QUARTER, RISE)))[0])
    quarter, rise = doc["results"]
    assert list(quarter)[-2:] == ["note", "parts"]
    assert (quarter["verdict"], quarter["ok"]) == ("fails", False)
    assert quarter["parts"] == [
        {"text": "nearly a quarter", "reading": "share", "role": "statement", "verdict": "holds",
         "computed": "21%", "accepted": "[20, 25)%",
         "explanation": '21 / 100 x 100 = 21%; "nearly a quarter" needs [20, 25)%: holds'},
        {"text": "(24%)", "reading": "share", "role": "restatement", "verdict": "fails",
         "computed": "21%", "accepted": "[23.5, 24.5]%",
         "explanation": '21 / 100 x 100 = 21%; "(24%)" needs [23.5, 24.5]%: fails'},
    ]
    assert [list(p) for p in rise["parts"]] == [
        ["text", "reading", "role", "verdict", "computed", "accepted", "explanation"]] * 3
    assert [(p["text"], p["role"], p["verdict"]) for p in rise["parts"]] == [
        ("up 12%", "statement", "imprecise"), ("to 1,120", "A", "holds"), ("from 1,000", "B", "fails")]


def test_json_with_parts_is_json_dumps_of_the_document():
    from factcheck.report.json import document, dumps

    assert render("json", Report((QUARTER, FOURFOLD, RISE)))[0] == dumps(document(Report((QUARTER, FOURFOLD, RISE))))


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
    assert render("github", good(quiet=True))[0] == (
        "1 claim: 1 holds, 0 imprecise, 0 fails, 0 unverifiable; 0 unexpected; 0 errors\n")


def test_github_escapes_messages_and_properties():
    assert escape_data("100%\r\nnext: a, b") == "100%25%0D%0Anext: a, b"
    assert escape_property("c:\\x,y%\n") == "c%3A\\x%2Cy%25%0A"
    odd = Problem("claims/a,b:c.yaml", 1, 1, "50% of\nthe file")
    (line, _summary) = render("github", Report((), (odd,)))[0].splitlines()
    assert line == "::error file=claims/a%2Cb%3Ac.yaml,line=1,col=1,title=factcheck (invalid)::50%25 of%0Athe file"


def test_github_message_has_a_line_per_part_when_there_are_several():
    out, _err = render("github", Report((QUARTER, RISE, FOLD)))
    assert out.splitlines()[:3] == [
        "::error file=claims/women.yaml,line=12,col=5,title=factcheck (fails)::women_quarter: fails, expected holds: "
        '21 / 100 x 100 = 21%25; "nearly a quarter" needs [20, 25)%25: holds'
        '%0Apart "nearly a quarter": 21 / 100 x 100 = 21%25; "nearly a quarter" needs [20, 25)%25: holds'
        '%0Apart "(24%25)": 21 / 100 x 100 = 21%25; "(24%25)" needs [23.5, 24.5]%25: fails',
        "::error file=claims/sales.yaml,line=4,col=3,title=factcheck (fails)::sales_rise: fails, expected holds: "
        '(1120 - 990) / 990 x 100 = 13.131%25; "up 12%25" needs [11.5, 12.5]%25: imprecise'
        '%0Apart "up 12%25": (1120 - 990) / 990 x 100 = 13.131%25; "up 12%25" needs [11.5, 12.5]%25: imprecise'
        '%0Apart "to 1,120": A = 1120, in [1119.5, 1120.5]: holds'
        '%0Apart "from 1,000": B = 990; "from 1,000" needs [999.5, 1000.5]: fails',
        "::error file=claims/treason.yaml,line=50,col=3,title=factcheck (fails)::espionage_fold: fails, "
        'expected imprecise: 23 / 9 = 2.556; "2.5-fold" needs [2.45, 2.55]',
    ]


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


def test_junit_failure_has_a_line_per_part_when_there_are_several():
    root = ET.fromstring(render("junit", Report((QUARTER, FOLD)))[0].split("\n", 1)[1])
    failures = {c.get("name"): c.find("failure") for c in root.iter("testcase")}
    quarter = failures["women_quarter"]
    assert quarter.get("message").splitlines() == [
        'fails, expected holds: 21 / 100 x 100 = 21%; "nearly a quarter" needs [20, 25)%: holds',
        'part "nearly a quarter": 21 / 100 x 100 = 21%; "nearly a quarter" needs [20, 25)%: holds',
        'part "(24%)": 21 / 100 x 100 = 21%; "(24%)" needs [23.5, 24.5]%: fails',
    ]
    assert quarter.text.splitlines() == [
        "claims/women.yaml:12:5: women_quarter",
        "says: nearly a quarter (24%)",
        "verdict: fails (expected holds)",
        '21 / 100 x 100 = 21%; "nearly a quarter" needs [20, 25)%: holds',
        'part "nearly a quarter": 21 / 100 x 100 = 21%; "nearly a quarter" needs [20, 25)%: holds',
        'part "(24%)": 21 / 100 x 100 = 21%; "(24%)" needs [23.5, 24.5]%: fails',
    ]
    assert "part" not in failures["espionage_fold"].get("message") + failures["espionage_fold"].text


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
        "3 claims: 1 holds, 0 imprecise, 1 fails, 1 unverifiable; 2 unexpected; 2 errors",
    ]
    assert render("text", good(quiet=True)) == (
        "1 claim: 1 holds, 0 imprecise, 0 fails, 0 unverifiable; 0 unexpected; 0 errors\n", "")


QUARTER_TEXT = [
    '✗ fails         women_quarter  "nearly a quarter (24%)"  expected holds  claims/women.yaml:12:5',
    '    part "nearly a quarter": 21 / 100 x 100 = 21%; "nearly a quarter" needs [20, 25)%: holds',
    '    part "(24%)": 21 / 100 x 100 = 21%; "(24%)" needs [23.5, 24.5]%: fails',
]
RISE_TEXT = [
    '✗ fails         sales_rise  "up 12% to 1,120 from 1,000"  expected holds  claims/sales.yaml:4:3',
    '    part "up 12%": (1120 - 990) / 990 x 100 = 13.131%; "up 12%" needs [11.5, 12.5]%: imprecise',
    '    part "to 1,120": A = 1120, in [1119.5, 1120.5]: holds',  # the verdict added: the explanation lacks it
    '    part "from 1,000": B = 990; "from 1,000" needs [999.5, 1000.5]: fails',
]


@pytest.mark.parametrize("rich", [False, True])
def test_text_shows_a_line_per_part_when_there_are_several(rich):
    from factcheck.report.text import report

    out, err = io.StringIO(), io.StringIO()
    report(Report((FOURFOLD, QUARTER, RISE)), out=out, err=err, rich=rich)
    assert out.getvalue().splitlines() == [
        '✓ holds         treason_nearly_fourfold  "nearly four times higher"',
        '    145 / 39 = 3.718; "nearly four times" needs [3.6, 4)',
        "    ambiguous wording; under the strict reading: fails",
        *QUARTER_TEXT,
        *RISE_TEXT,
        "3 claims: 1 holds, 0 imprecise, 2 fails, 0 unverifiable; 2 unexpected; 0 errors",
    ]
    assert err.getvalue() == ""


def test_text_of_one_part_reads_as_without_parts():
    one = ClaimResult(FOURFOLD.claim, FOURFOLD.outcome._replace(parts=(PartOutcome(
        "nearly four times higher", "ratio", "holds", "3.718", "[3.6, 4)", "anything"),)))
    assert render("text", Report((one,))) == render("text", Report((FOURFOLD,)))


def test_text_part_verdict_is_added_only_when_the_explanation_lacks_it():
    from factcheck.report.base import part_line

    def part(explanation: str, verdict: str) -> PartOutcome:
        return PartOutcome("from 1,000", "value", verdict, None, None, explanation, "B")

    assert part_line(part("B = 990: fails", "fails")) == 'part "from 1,000": B = 990: fails'
    assert part_line(part("B = 990", "fails")) == 'part "from 1,000": B = 990: fails'
    assert part_line(part("B = 990: holds", "fails")) == 'part "from 1,000": B = 990: holds: fails'
    assert part_line(part("B unknown: unverifiable; it would hold if B in [999.5, 1000.5]", "unverifiable")) == (
        'part "from 1,000": B unknown: unverifiable; it would hold if B in [999.5, 1000.5]')
    assert part_line(part("B = 990: imprecise (within the imprecise band [900, 1100])", "imprecise")) == (
        'part "from 1,000": B = 990: imprecise (within the imprecise band [900, 1100])')
    assert part_line(part("B = 990: holds-ish", "holds")) == 'part "from 1,000": B = 990: holds-ish: holds'
    assert part_line(part("", "holds")) == 'part "from 1,000": holds'


def test_check_text_shows_each_part_with_its_reading():
    from factcheck.report.text import statement

    out = io.StringIO()
    outcome = QUARTER.outcome._replace(notes=("a note",))
    statement("nearly a quarter (24%)", outcome, out=out)
    assert out.getvalue().splitlines() == [
        '✗ fails  "nearly a quarter (24%)"',
        '    part "nearly a quarter": 21 / 100 x 100 = 21%; "nearly a quarter" needs [20, 25)%: holds',
        "      role: statement; reading: share; computed: 21%; accepted: [20, 25)%",
        '    part "(24%)": 21 / 100 x 100 = 21%; "(24%)" needs [23.5, 24.5]%: fails',
        "      role: restatement; reading: share; computed: 21%; accepted: [23.5, 24.5]%",
        "    note: a note",
    ]


def test_show_text_shows_each_part_of_a_claim():
    from factcheck.model import Topic
    from factcheck.report.text import show
    from factcheck.show import Match

    topic = Topic(name="women", file="claims/women.yaml", claims=(QUARTER.claim,))
    out, err = io.StringIO(), io.StringIO()
    show([Match("claim", "women_quarter", topic, (), (), ((QUARTER.claim, QUARTER),))], out=out, err=err)
    lines = out.getvalue().splitlines()
    start = lines.index("Claims")
    assert lines[start + 1:] == [
        '✗ fails         women_quarter  "nearly a quarter (24%)"  expected holds  claims/women.yaml:12:5',
        "    of: women   vs: all",
        '    part "nearly a quarter": 21 / 100 x 100 = 21%; "nearly a quarter" needs [20, 25)%: holds',
        "      role: statement; reading: share; computed: 21%; accepted: [20, 25)%",
        '    part "(24%)": 21 / 100 x 100 = 21%; "(24%)" needs [23.5, 24.5]%: fails',
        "      role: restatement; reading: share; computed: 21%; accepted: [23.5, 24.5]%",
    ]


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
