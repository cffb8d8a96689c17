"""Reliability (issue 5): every broken file is reported and the rest still
checked; mutated files never raise; arithmetic edge cases get verdicts;
output is deterministic; enormous numbers and hostile YAML are refused
quickly and nothing in a claim file is ever executed."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from factcheck import registry, verify
from factcheck.cli import app
from factcheck.model import Registry, Topic

ROOT = Path(__file__).parent.parent
DATA = Path(__file__).parent / "data"
BROKEN = DATA / "broken"
GOOD = DATA / "good"
SMALL_GOOD = GOOD / "nested" / "small.yml"
MAKE_REGISTRY = ROOT.parent / "shared" / "bench" / "make_registry.py"


def run_cli(*args: str):
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert "Traceback" not in result.output
    return result


# --------------------------------------------------------------------------
# a. Every broken file beside a good one: exit 3, the error, the good claims
# --------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(p.name for p in BROKEN.iterdir()))
def test_broken_file_beside_a_good_one(name: str, tmp_path: Path) -> None:
    broken = tmp_path / name
    shutil.copyfile(BROKEN / name, broken)  # bytes as they are (not_utf8.yaml)
    shutil.copyfile(SMALL_GOOD, tmp_path / "good.yml")
    _, expected = registry.load_file(broken)
    assert expected, f"{name} should have a problem"

    result = run_cli("verify", str(tmp_path), "--format", "json")
    assert result.exit_code == 3, result.output
    doc = json.loads(result.stdout)

    errors = [e for e in doc["errors"] if Path(e["file"]).name == name]
    assert errors, doc["errors"]
    if expected[0].line is not None:
        assert any(isinstance(e["line"], int) and e["line"] >= 1 for e in errors), errors
        assert {e["line"] for e in errors} >= {p.line for p in expected}
    assert not [e for e in doc["errors"] if Path(e["file"]).name == "good.yml"]

    good = [r for r in doc["results"] if Path(r["file"]).name == "good.yml"]
    assert [r["claim"] for r in good] == ["two_and_a_half"]
    assert all(r["ok"] is True for r in good)


# --------------------------------------------------------------------------
# b. Fuzzing: mutated claim files give (topic or None, problems), no exception
# --------------------------------------------------------------------------

SEEDS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "claims").glob("*.yaml"))] + [
    p.read_text(encoding="utf-8")
    for p in sorted(DATA.rglob("*.y*ml"))
    if p.parent.name != "broken" and p.name != "public_cases.yaml"
]

YAML_BITS = [":", "- ", "&a ", "*a", "!!python/object:os.system ", "{", "}", "[", '"', "'", "#", "? ",
             "<<: *a", "|", ">", "\t", "\x00", "\x07", "---\n", "...", "%YAML 1.1\n", "~", "null", "1e999",
             "9" * 150, "(", ")", "+", "/ 0", "[2024]", "at least ", "\ufeff", "\ud800", "é"]


@st.composite
def mutated_file(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 4))):
        lines = text.split("\n")
        op = draw(st.sampled_from(["del_char", "ins_char", "rep_char", "del_line", "ins_line",
                                   "dup_line", "swap_lines", "ins_yaml"]))
        if op in ("del_char", "ins_char", "rep_char", "ins_yaml"):
            i = draw(st.integers(0, len(text)))
            piece = (draw(st.sampled_from(YAML_BITS)) if op == "ins_yaml"
                     else draw(st.characters(codec="utf-8", exclude_categories=("Cs",))))
            if op == "del_char":
                text = text[:i] + text[i + 1:]
            elif op == "rep_char":
                text = text[:i] + piece + text[i + 1:]
            else:
                text = text[:i] + piece + text[i:]
            continue
        i = draw(st.integers(0, max(len(lines) - 1, 0)))
        j = draw(st.integers(0, max(len(lines) - 1, 0)))
        if op == "del_line" and lines:
            del lines[i]
        elif op == "ins_line":
            lines.insert(i, draw(st.sampled_from(YAML_BITS + lines)))
        elif op == "dup_line" and lines:
            lines.insert(i, lines[i])
        elif op == "swap_lines" and lines:
            lines[i], lines[j] = lines[j], lines[i]
        text = "\n".join(lines)
    return text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_file())
def test_mutated_files_never_raise(text: str) -> None:
    topic, problems = registry.load_text(text, file="mutated.yaml")
    assert topic is None or isinstance(topic, Topic)
    assert isinstance(problems, list)
    assert topic is not None or problems
    run = verify.check_claims(Registry(topics=(topic,) if topic else (), problems=tuple(problems)))
    assert isinstance(run, verify.VerifyRun)


# --------------------------------------------------------------------------
# c. Arithmetic edge cases have verdicts, not exceptions
# --------------------------------------------------------------------------


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


# --------------------------------------------------------------------------
# d. Determinism
# --------------------------------------------------------------------------


def test_verify_json_is_byte_identical(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    first = run_cli("verify", "claims", "--format", "json")
    second = run_cli("verify", "claims", "--format", "json")
    assert first.exit_code == 0, first.output
    assert first.stdout == second.stdout
    assert first.stdout_bytes == second.stdout_bytes


@pytest.mark.skipif(not MAKE_REGISTRY.exists(), reason="shared/bench/make_registry.py is not here")
def test_generated_registry_verifies(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    subprocess.run([sys.executable, str(MAKE_REGISTRY), str(out), "--files", "2", "--claims", "20"],
                   check=True, capture_output=True, timeout=60)
    result = run_cli("verify", str(out), "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["summary"]["claims"] >= 20
    assert doc["errors"] == []


# --------------------------------------------------------------------------
# e. Enormous numbers
# --------------------------------------------------------------------------

HUGE = "1" + "0" * 5000


def test_huge_figure_in_a_claim_file_is_a_problem(tmp_path: Path) -> None:
    f = tmp_path / "huge.yaml"
    f.write_text(
        f"figures:\n  a: {HUGE}\n  b: 1\nclaims:\n  c:\n    says: doubled\n    of: a\n    vs: b\n",
        encoding="utf-8",
    )
    result = run_cli("verify", str(f), "--format", "json")
    assert result.exit_code == 3, result.output
    (error,) = json.loads(result.stdout)["errors"]
    assert error["line"] == 2
    assert "not a number" in error["message"] or "digits" in error["message"]
    assert len(error["message"]) < 500  # the number is not echoed in full


@pytest.mark.parametrize("number, message", [("9" * 200, "digits"), (HUGE, "longer than")])
def test_huge_number_in_an_expression_is_a_problem(number: str, message: str) -> None:
    text = f"figures:\n  b: 1\nclaims:\n  c:\n    says: doubled\n    of: {number} + 0\n    vs: b\n"
    topic, problems = registry.load_text(text, file="huge_expr.yaml")
    assert len(problems) == 1 and problems[0].line == 6
    assert message in problems[0].message


@pytest.mark.parametrize("a, b", [(HUGE, "1"), ("1", HUGE), ("at least " + HUGE, "1")])
def test_huge_number_on_the_command_line_is_a_usage_error(a: str, b: str) -> None:
    with pytest.raises(verify.UsageError) as caught:
        verify.check_statement("doubled", a, b)
    assert "digits" in str(caught.value)
    assert len(str(caught.value)) < 300  # the number is not echoed in full


def test_huge_number_in_check_exits_2() -> None:
    result = run_cli("check", "doubled", HUGE, "1")
    assert result.exit_code == 2, result.output
    assert "more than 100 digits" in result.output
    assert len(result.output) < 500


# --------------------------------------------------------------------------
# f. Hostile YAML: refused fast, nothing executed
# --------------------------------------------------------------------------

BILLION_LAUGHS = "\n".join(
    ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    + [f"{chr(ord('a') + i)}: &{chr(ord('a') + i)} [" + ", ".join(["*" + chr(ord("a") + i - 1)] * 9) + "]"
       for i in range(1, 9)]
    + ["claims: *i", ""]
)


@pytest.mark.parametrize("text, message", [
    (BILLION_LAUGHS, "aliases expand to more than"),
    ('claims: !!python/object/apply:os.system ["echo pwned > {marker}"]\n', "is not allowed"),
    ('!!python/object/apply:os.system ["echo pwned > {marker}"]\n', "is not allowed"),
    ('claims:\n  x: !!python/object/new:os.system ["echo pwned > {marker}"]\n', "is not allowed"),
])
def test_hostile_yaml_is_refused_fast(text: str, message: str, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    f = tmp_path / "hostile.yaml"
    f.write_text(text.replace("{marker}", str(marker)), encoding="utf-8")
    start = time.perf_counter()
    topic, problems = registry.load_file(f)
    elapsed = time.perf_counter() - start
    assert elapsed < 2  # a safety bound, not a benchmark
    assert topic is None
    assert any(message in p.message for p in problems), problems
    result = run_cli("verify", str(f), "--format", "json")
    assert result.exit_code == 3
    assert not marker.exists()
    assert "pwned" not in result.stdout.replace(str(marker), "")
