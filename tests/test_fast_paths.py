"""The fast paths of ``verify`` give the same answers as the plain ones:
``--jobs N`` the same bytes as ``--jobs 1``, the streamed JSON the same text
as ``json.dumps``, the text written without rich the same as rich's, and a
run that streams file by file the same results as one that loads the whole
registry first.  Correctness only: speed is measured in bench/, never here."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factcheck.verify as engine
from factcheck.model import ClaimResult, Problem
from factcheck.registry import find_claim_files
from factcheck.report import REPORTERS, Report
from factcheck.report import json as json_report
from factcheck.report import text as text_report

ROOT = Path(__file__).resolve().parent.parent
CLAIMS = ROOT / "claims"
GENERATOR = ROOT / "bench" / "make_registry.py"

# A file with one bad key and one unreadable statement, and a file that
# reuses a claim id of the generated registry: the problems must come out in
# the same place whichever way the files are checked.
BROKEN = """\
figures:
  a: 10
  b: 5
claims:
  bad_key:
    sayz: doubled
    of: a
    vs: b
  unreadable:
    says: thousands of cases
    of: a
    vs: b
"""
DUPLICATE = """\
figures:
  a: 10
  b: 5
claims:
  t0_c0:
    says: doubled
    of: a
    vs: b
"""


@pytest.fixture(scope="module")
def big_registry(tmp_path_factory) -> Path:
    """20 generated files (about 720 KB, above the parallel threshold), the
    bundled registry, a broken file and a duplicate claim id."""
    out = tmp_path_factory.mktemp("registry")
    subprocess.run([sys.executable, str(GENERATOR), str(out / "gen"), "--files", "20", "--claims", "100"],
                   check=True, capture_output=True)
    shutil.copytree(CLAIMS, out / "seed")
    (out / "m_broken.yaml").write_text(BROKEN, encoding="utf-8")
    (out / "z_duplicate.yaml").write_text(DUPLICATE, encoding="utf-8")
    assert engine._at_least_bytes(find_claim_files([out])[0], engine.PARALLEL_MIN_BYTES)
    return out


def factcheck(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "FORCE_COLOR", "TTY_COMPATIBLE")}
    return subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=cwd, env=env, capture_output=True,
                          timeout=300)


# --------------------------------------------------------------------------
# --jobs
# --------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "text", "github", "junit"])
def test_jobs_2_gives_the_same_bytes_and_exit_code_as_jobs_1(big_registry, fmt):
    one = factcheck("verify", ".", "--format", fmt, "--jobs", "1", cwd=big_registry)
    two = factcheck("verify", ".", "--format", fmt, "--jobs", "2", cwd=big_registry)
    assert one.returncode == two.returncode == 3  # the broken file
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr
    if fmt == "json":
        doc = json.loads(two.stdout)
        assert doc["summary"]["claims"] == 2000 + 30 + 0  # generated + seed; broken and duplicate give errors
        messages = [e["message"] for e in doc["errors"]]
        assert any("unknown key 'sayz'" in m for m in messages)
        assert any("claim id 't0_c0' is already used" in m for m in messages)
        assert any("'unreadable'" in m for m in messages)


def test_jobs_must_be_at_least_1(big_registry):
    result = factcheck("verify", ".", "--jobs", "0", cwd=big_registry)
    assert result.returncode == 2
    assert b"--jobs" in result.stderr


def test_parallel_items_equal_serial_items_below_the_threshold_too(monkeypatch):
    monkeypatch.setattr(engine, "PARALLEL_MIN_BYTES", 0)  # force the pool on the small seed registry
    serial = list(engine.iter_checked([CLAIMS], jobs=1))
    parallel = list(engine.iter_checked([CLAIMS], jobs=2))
    assert [_key(i) for i in parallel] == [_key(i) for i in serial]
    assert len(serial) == 30


def _key(item: ClaimResult | Problem) -> object:
    if isinstance(item, Problem):
        return item
    c = item.claim  # a worker's claim drops the parsed expressions; the rest is the same
    return (c.id, c.topic, c.file, c.line, c.column, c.says, c.expect, c.note, item.outcome)


# --------------------------------------------------------------------------
# streaming
# --------------------------------------------------------------------------


def test_the_stream_gives_what_the_whole_registry_gives(big_registry):
    whole = engine.verify_paths([big_registry])
    streamed = list(engine.iter_checked([big_registry], jobs=1))
    assert [i for i in streamed if isinstance(i, ClaimResult)] == list(whole.results)
    assert [i for i in streamed if isinstance(i, Problem)] == list(whole.problems)
    # the duplicate claim is dropped from its topic, as load_registry drops it
    dup_topic = next(t for t in whole.registry.topics if t.name == "z_duplicate")
    assert dup_topic.claims == ()


def test_a_file_is_reported_before_the_next_is_read(tmp_path, monkeypatch):
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.yaml").write_text(DUPLICATE.replace("t0_c0", f"{name}_claim"), encoding="utf-8")
    read: list[str] = []
    real = engine.check_file

    def counting(path, settings=None):
        read.append(Path(path).stem)
        return real(path, settings)

    monkeypatch.setattr(engine, "check_file", counting)
    stream = engine.iter_checked([tmp_path])
    first = next(stream)
    assert isinstance(first, ClaimResult) and first.claim.id == "a_claim"
    assert read == ["a"]
    assert [r.claim.id for r in stream] == ["b_claim", "c_claim"]  # type: ignore[union-attr]
    assert read == ["a", "b", "c"]


def test_a_report_counts_what_it_streams_and_keeps_the_problems_in_order():
    results = engine.verify_paths([CLAIMS]).results
    p1 = Problem("x.yaml", 1, 1, "one")
    p2 = Problem("y.yaml", 2, 2, "two")
    rep = Report(iter([results[0], p1, *results[1:], p2]), (Problem("pyproject.toml", 3, 1, "settings"),))
    shown = list(rep.shown())
    assert shown == list(results)
    assert [p.message for p in rep.problems] == ["settings", "one", "two"]
    assert rep.summary() == {"claims": 30, "holds": 17, "imprecise": 1, "fails": 4, "unverifiable": 8,
                             "unexpected": 0, "errors": 3}


def test_asking_for_the_summary_first_still_counts_everything():
    rep = Report(iter(engine.verify_paths([CLAIMS]).results))
    assert rep.summary()["claims"] == 30
    assert rep.unexpected_count == 0


# --------------------------------------------------------------------------
# JSON written one result at a time
# --------------------------------------------------------------------------


def _render(name: str, rep: Report) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    REPORTERS[name](rep, out=out, err=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.parametrize("quiet", [False, True])
def test_streamed_json_is_json_dumps_of_the_document(big_registry, quiet):
    run = engine.verify_paths([big_registry])
    streamed, _ = _render("json", Report(run.results, run.problems, quiet=quiet))
    whole = json_report.dumps(json_report.document(Report(run.results, run.problems, quiet=quiet)))
    assert streamed == whole


def test_streamed_json_of_nothing_is_an_empty_document():
    out, _ = _render("json", Report(()))
    assert out == json_report.dumps({"version": 1, "results": [], "errors": [], "summary": Report(()).summary()})


_SCALARS = st.none() | st.booleans() | st.integers(min_value=-(10**30), max_value=10**30) | st.text()
_VALUES = st.recursive(_SCALARS | st.floats(allow_nan=False),
                       lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
                       max_leaves=12)


@given(st.dictionaries(st.text(), _VALUES, max_size=8), st.sampled_from(["", "  ", "    "]))
def test_flat_object_is_json_dumps_with_an_indent(obj, indent):
    want = json.dumps(obj, indent=2, ensure_ascii=True).replace("\n", "\n" + indent)
    assert json_report.flat_object(obj, indent) == want


# --------------------------------------------------------------------------
# text without rich
# --------------------------------------------------------------------------


def _text_both_ways(rep_items, problems, *, quiet=False) -> tuple[tuple[str, str], tuple[str, str]]:
    plain = (io.StringIO(), io.StringIO())
    text_report.report(Report(rep_items, problems, quiet=quiet), out=plain[0], err=plain[1])
    styled = (io.StringIO(), io.StringIO())
    text_report.report(Report(rep_items, problems, quiet=quiet), out=styled[0], err=styled[1], rich=True)
    return (plain[0].getvalue(), plain[1].getvalue()), (styled[0].getvalue(), styled[1].getvalue())


@pytest.mark.parametrize("quiet", [False, True])
def test_text_without_rich_is_what_rich_prints_without_style(big_registry, monkeypatch, quiet):
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    run = engine.verify_paths([big_registry])
    plain, styled = _text_both_ways(run.results, run.problems, quiet=quiet)
    assert plain == styled
    assert "ambiguous wording" in plain[0] or quiet  # the seed's ambiguous claims are in the run
    assert plain[1].count("\n") == len(run.problems)


def test_forced_colour_styles_the_same_text(monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    run = engine.verify_paths([CLAIMS])
    out = io.StringIO()
    REPORTERS["text"](Report(run.results), out=out, err=io.StringIO())
    coloured = out.getvalue()
    assert "\x1b[" in coloured
    monkeypatch.delenv("FORCE_COLOR")
    plain = io.StringIO()
    REPORTERS["text"](Report(run.results), out=plain, err=io.StringIO())
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain.getvalue()


def test_workers_leave_ctrl_c_to_the_parent():
    # the parent stops the pool on Ctrl-C; a worker that took SIGINT itself
    # would print "Process ForkPoolWorker-1:" and a traceback per worker
    code = ("import gc, signal; from factcheck.verify import _start_worker; _start_worker(); "
            "print(signal.getsignal(signal.SIGINT) is signal.SIG_IGN, gc.isenabled())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out == "True False\n"


# --------------------------------------------------------------------------
# the console script ends the process at once (cli.run)
# --------------------------------------------------------------------------


def test_the_script_writes_everything_before_it_ends(big_registry, monkeypatch):
    from typer.testing import CliRunner

    from factcheck.cli import app

    ran = factcheck("verify", ".", "--format", "json", "--jobs", "1", cwd=big_registry)
    monkeypatch.chdir(big_registry)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    inside = CliRunner().invoke(app, ["verify", ".", "--format", "json", "--jobs", "1"])
    assert ran.returncode == inside.exit_code == 3
    assert len(ran.stdout) > 1_000_000 and ran.stdout.decode() == inside.stdout


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_a_reader_that_stops_reading_ends_it_quietly_with_141(big_registry, fmt):
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "FORCE_COLOR", "TTY_COMPATIBLE")}
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", "verify", ".", "--format", fmt], cwd=big_registry,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(100)  # like `factcheck verify | head`
    proc.stdout.close()
    assert proc.wait(timeout=300) == 141
    assert proc.stderr.read() == b""
