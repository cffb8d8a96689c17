"""Real clients of the output: the JUnit report validated against the
Jenkins ``junit-10.xsd`` with lxml, and control characters (issue 13,
points 1 and 2): refused at load wherever a claim file writes them, and
never written raw by any output format whatever a result holds."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from factcheck.export import claim_review
from factcheck.export import dumps as export_dumps
from factcheck.model import Claim, ClaimResult, Outcome, PartOutcome, Problem
from factcheck.registry import load_text
from factcheck.report import REPORTERS, Report
from factcheck.report.base import visible
from factcheck.report.junit import xml_text

DATA = Path(__file__).resolve().parent / "data"
XSD = etree.XMLSchema(etree.parse(str(DATA / "junit-10.xsd")))

#: what no output may hold raw: C0 but tab and newline, DEL, C1
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _result(text: str, *, ok: bool = False) -> ClaimResult:
    claim = Claim(id="c", topic=f"t{text}", file=f"claims/{text}.yaml", line=3, column=5, says=f"says {text}",
                  of_text=f"a{text}", vs_text="b", of=None, vs=None, expect="holds" if ok else "fails",
                  quote=f"quote {text}", note=f"note {text}")
    part = PartOutcome(text=text, reading="ratio", verdict="fails", computed="1", accepted=text,
                       explanation=f"part {text}")
    outcome = Outcome(verdict="holds", reading="ratio", computed="2", accepted=f"[{text}]",
                      explanation=f"explained {text}", ambiguous=True, strict_verdict="fails",
                      notes=(f"note {text}",), needed=text, parts=(part, part))
    return ClaimResult(claim, outcome)


def _report(text: str) -> Report:
    problem = Problem(f"claims/{text}.yaml", 1, 2, f"message {text}", f"hint {text}")
    return Report((_result(text), _result(text, ok=True)), (problem,))


def _render(name: str, rep: Report) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    REPORTERS[name](rep, out=out, err=err)
    return out.getvalue(), err.getvalue()


def _validate(document: str) -> etree._Element:
    root = etree.fromstring(document.encode("utf-8"))  # fails unless well formed
    XSD.assertValid(root)
    return root


# --------------------------------------------------------------------------
# 1. JUnit against junit-10.xsd
# --------------------------------------------------------------------------


def test_junit_of_claims_failures_and_problems_is_valid_against_the_xsd():
    out, _ = _render("junit", _report("x"))
    root = _validate(out)
    suite = root.find("testsuite")
    # the claim file is on the suite, and in its properties
    assert suite.get("file") == "claims/x.yaml"
    assert [(p.get("name"), p.get("value")) for p in suite.iter("property")] == [("file", "claims/x.yaml")]
    failure = root.find(".//failure")
    assert failure.text.splitlines()[0] == "claims/x.yaml:3:5: c"
    # no attribute the schema does not know
    assert all(set(case.attrib) == {"classname", "name"} for case in root.iter("testcase"))


def test_junit_of_the_project_registry_is_valid_against_the_xsd():
    from factcheck.verify import iter_checked

    out, _ = _render("junit", Report(iter_checked(["claims"])))
    root = _validate(out)
    assert len(root.findall(".//testcase")) > 10


def test_junit_suite_over_two_files_lists_both_in_its_properties():
    a = _result("a")
    b = a._replace(claim=a.claim._replace(file="claims/b.yaml", id="d"))
    root = _validate(_render("junit", Report((a, b)))[0])
    (suite,) = root.findall("testsuite")
    assert suite.get("file") is None
    assert [p.get("value") for p in suite.iter("property")] == ["claims/a.yaml", "claims/b.yaml"]


@pytest.mark.parametrize("text", ["\x1b[2J", "\x07", "\x00", "\x85", "\ud800", "\ufffe", "]]>", "<&'\">"])
def test_junit_is_well_formed_and_valid_whatever_a_claim_holds(text):
    out, _ = _render("junit", _report(text))
    root = _validate(out)
    assert RAW_CONTROL.search(out) is None
    assert root.find("testsuite").get("name") == "t" + xml_text(text)
    assert xml_text(text) == {"\ud800": "\\ud800", "\ufffe": "\\ufffe"}.get(text, visible(text))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=()), max_size=40))
def test_junit_is_valid_for_any_text(text):
    _validate(_render("junit", _report(text))[0])


# --------------------------------------------------------------------------
# 2. control characters: refused at load ...
# --------------------------------------------------------------------------

HINT = "claim files hold printable text only; tab and newline are the only control characters allowed"


@pytest.mark.parametrize(("text", "where", "message"), [
    ('title: "clear \\e[2J"\nclaims: {}\n', (1, 15), 'U+001B (ESC) written as "\\e"'),
    ('title: "ring \\x07"\nclaims: {}\n', (1, 14), 'U+0007 (BEL) written as "\\x07"'),
    ('title: "\\0"\nclaims: {}\n', (1, 9), 'U+0000 (NUL) written as "\\0"'),
    ('title: "next \\N line"\nclaims: {}\n', (1, 14), 'U+0085 (NEL) written as "\\N"'),
    ('title: "\\x85"\nclaims: {}\n', (1, 9), 'U+0085 (NEL) written as "\\x85"'),
    ('title: "\\u009b"\nclaims: {}\n', (1, 9), 'U+009B (CSI) written as "\\u009b"'),
    ('title: "\\r"\nclaims: {}\n', (1, 9), 'U+000D (CR) written as "\\r"'),
    ('title: "\\x7f"\nclaims: {}\n', (1, 9), 'U+007F (DEL) written as "\\x7f"'),
    # in a key, in a claim, past an escaped backslash, on a later line of a scalar
    ('claims:\n  x:\n    says: "a \\\\x07 \\x07"\n    of: 1\n', (3, 20), 'U+0007 (BEL) written as "\\x07"'),
    ('"k\\e": 1\nclaims: {}\n', (1, 3), 'U+001B (ESC) written as "\\e"'),
    ('claims:\n  x:\n    says: "two\n      lines \\e"\n    of: 1\n', (4, 13), 'U+001B (ESC) written as "\\e"'),
    ('sources:\n  s: {url: "https://x.org/\\x1b"}\nclaims: {}\n', (2, 27), 'U+001B (ESC) written as "\\x1b"'),
])
def test_an_escaped_control_character_is_refused_where_it_is_written(text, where, message):
    topic, problems = load_text(text, file="claims/x.yaml")
    assert topic is None
    (problem,) = problems
    assert (problem.file, (problem.line, problem.column)) == ("claims/x.yaml", where)
    assert problem.message == f"control character {message} is not allowed"
    assert problem.hint == HINT


def test_a_raw_control_character_is_refused_too():
    topic, problems = load_text("title: ring \x07 bell\nclaims: {}\n", file="claims/x.yaml")
    assert topic is None
    assert [str(p) for p in problems] == [
        "claims/x.yaml:1:13: invalid YAML: unacceptable character #x0007 (claim files hold printable text only)"]


@pytest.mark.parametrize("text", [
    'title: "tab\\there"\nclaims: {}\n',
    'title: "line\\nbreak"\nclaims: {}\n',
    'title: "no-break\\_space and \\u00e9"\nclaims: {}\n',
    'title: "next\x85line"\nclaims: {}\n',  # a raw NEL is a line break in YAML 1.1, folded to a space
])
def test_tab_newline_and_printable_escapes_are_allowed(text):
    topic, problems = load_text(text, file="claims/x.yaml")
    assert problems == [] and topic is not None
    assert RAW_CONTROL.search(topic.title) is None


def test_the_cli_refuses_the_file_with_file_line_column(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from factcheck.cli import ExitCode, app

    monkeypatch.chdir(tmp_path)
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "x.yaml").write_text(
        'figures: {a: 2, b: 1}\nclaims:\n  c:\n    says: "doubled \\e[2J"\n    of: a\n    vs: b\n')
    result = CliRunner().invoke(app, ["verify"], env={"GITHUB_ACTIONS": "", "CI": ""})
    assert result.exit_code == ExitCode.INVALID
    assert result.stderr == (f'claims/x.yaml:4:20: control character U+001B (ESC) written as "\\e" is not allowed '
                             f"({HINT})\n")
    assert result.stdout == "0 claims: 0 holds, 0 imprecise, 0 fails, 0 unverifiable; 0 unexpected; 1 error\n"


# --------------------------------------------------------------------------
# ... and never written raw by any format
# --------------------------------------------------------------------------

NASTY = "\x1b]0;owned\x07\x1b[2J\x00\x85\x9b\r"


@pytest.mark.parametrize("name", ["text", "json", "github", "junit"])
def test_no_format_writes_a_control_character_raw(name):
    out, err = _render(name, _report(NASTY))
    assert RAW_CONTROL.search(out) is None, out
    assert RAW_CONTROL.search(err) is None, err
    assert "\\x1b]0;owned\\x07" in out + err or name == "json"
    if name == "json":  # the data is kept exactly, as JSON escapes
        document = json.loads(out)
        assert document["results"][0]["says"] == f"says {NASTY}"


def test_the_rich_text_path_writes_no_control_character_raw(monkeypatch):
    from factcheck.report.text import report

    out, err = io.StringIO(), io.StringIO()
    report(_report(NASTY), out=out, err=err, rich=True)
    assert RAW_CONTROL.search(out.getvalue()) is None
    assert "\\x1b]0;owned\\x07" in out.getvalue()


def test_show_writes_no_control_character_raw():
    from factcheck.model import Source, Topic
    from factcheck.report.json import dumps, show_document
    from factcheck.report.text import show
    from factcheck.show import Match

    result = _result(NASTY)
    source = Source(id="s", title=f"title {NASTY}", publisher=NASTY, url=f"https://x.org/{NASTY}", date=NASTY)
    topic = Topic(name=f"t{NASTY}", file="claims/x.yaml", title=NASTY, sources={"s": source},
                  claims=(result.claim,))
    match = Match(kind="claim", name=f"c{NASTY}", topic=topic, sources=(source,), figures=(),
                  claims=((result.claim, result),), problems=(Problem("claims/x.yaml", 1, 1, NASTY),))
    out, err = io.StringIO(), io.StringIO()
    show([match], out=out, err=err)
    assert RAW_CONTROL.search(out.getvalue() + err.getvalue()) is None
    assert "\\x1b]0;owned\\x07" in out.getvalue()
    assert RAW_CONTROL.search(dumps(show_document(NASTY, [match]))) is None


def test_claimreview_writes_no_control_character_raw():
    review = claim_review(_result(NASTY))
    text = export_dumps([review])
    assert RAW_CONTROL.search(text) is None
    assert json.loads(text)[0]["claimReviewed"] == f"says {NASTY}"


# --------------------------------------------------------------------------
# 6. GitHub: the cap of 10 annotations per step, and the job summary
# --------------------------------------------------------------------------


def _failing(n: int) -> list[ClaimResult]:
    out = []
    for i in range(n):
        claim = Claim(id=f"c{i}", topic="t", file="claims/t.yaml", line=10 + i, column=3, says="doubled",
                      of_text="a", vs_text="b", of=None, vs=None)
        out.append(ClaimResult(claim, Outcome(verdict="fails", reading="ratio", computed="3", accepted="[1.95, 2.05]",
                                              explanation=f"3 / 1 = 3; case | {i}")))
    return out


def _annotations(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("::error ")]


@pytest.mark.parametrize("n", [1, 10])
def test_github_annotates_every_failure_up_to_the_cap(n, monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    out, err = _render("github", Report(_failing(n)))
    assert len(_annotations(out)) == n
    assert "more failures" not in out and err == ""


def test_github_over_the_cap_says_how_many_more_and_logs_them(monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    problem = Problem("claims/u.yaml", 2, 1, "unknown key 'sayz'", "did you mean 'says'?")
    out, _ = _render("github", Report(_failing(12), (problem,)))
    annotations = _annotations(out)
    assert len(annotations) == 10
    assert annotations[8].startswith("::error file=claims/t.yaml,line=18,col=3,title=factcheck (fails)::c8: fails")
    assert annotations[9] == ("::error title=factcheck (more)::4 more failures not annotated (GitHub shows 10 "
                              "annotations per step): see the log of this step and the job summary")
    assert out.splitlines()[10:] == [
        "claims/t.yaml:19:3: c9: fails, expected holds: 3 / 1 = 3; case | 9",
        "claims/t.yaml:20:3: c10: fails, expected holds: 3 / 1 = 3; case | 10",
        "claims/t.yaml:21:3: c11: fails, expected holds: 3 / 1 = 3; case | 11",
        "claims/u.yaml:2:1: unknown key 'sayz' (did you mean 'says'?)",
        "12 claims: 0 holds, 0 imprecise, 12 fails, 0 unverifiable; 12 unexpected; 1 error",
    ]


def test_github_appends_a_table_of_every_failure_to_the_step_summary(tmp_path, monkeypatch):
    summary = tmp_path / "step_summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    problem = Problem("claims/u.yaml", 2, 1, "unknown key 'sayz'", "did you mean 'says'?")
    _render("github", Report(_failing(12), (problem,)))
    lines = summary.read_text(encoding="utf-8").splitlines()
    assert lines[:6] == [
        "earlier step",
        "### factcheck",
        "",
        "12 claims: 0 holds, 0 imprecise, 12 fails, 0 unverifiable; 12 unexpected; 1 error",
        "",
        "| where | claim | verdict | expected | explanation |",
    ]
    rows = lines[7:-1] if lines[-1] == "" else lines[7:]
    assert len(rows) == 13  # every failure, not only the annotated ones
    assert rows[0] == "| `claims/t.yaml:10:3` | `c0` | fails | holds | 3 / 1 = 3; case \\| 0 |"
    assert rows[-1] == "| `claims/u.yaml:2:1` | | invalid | | unknown key 'sayz' (did you mean 'says'?) |"


def test_github_step_summary_from_the_command_line(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from factcheck.cli import ExitCode, app

    monkeypatch.chdir(tmp_path)
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "x.yaml").write_text("figures: {a: 3, b: 1}\nclaims:\n  c:\n    says: doubled\n"
                                                "    of: a\n    vs: b\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    result = CliRunner().invoke(app, ["verify"], env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == ExitCode.UNEXPECTED
    assert _annotations(result.stdout)[0].startswith("::error file=claims/x.yaml,line=3,col=3,")
    assert "| `claims/x.yaml:3:3` | `c` | fails | holds |" in summary.read_text(encoding="utf-8")
