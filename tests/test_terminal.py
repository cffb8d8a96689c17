"""On a terminal and in pipes, as a person and a shell use them (issue 13,
point 5): a closed pipe gives 141 for every command, a progress display
on a terminal only, styled lines byte-identical to rich's own, and ``show``
keeping ids and URLs whole at 60 columns."""

from __future__ import annotations

import io
import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ENV = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS", "FORCE_COLOR", "NO_COLOR")}


@pytest.fixture(scope="module")
def big_registry(tmp_path_factory) -> Path:
    """3,000 claims: their text is far more than a pipe holds (64 KB)."""
    out = tmp_path_factory.mktemp("big")
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_registry.py"), str(out), "--files", "30",
                    "--claims", "100"], check=True, capture_output=True)
    return out


# --------------------------------------------------------------------------
# 141 into a closed pipe
# --------------------------------------------------------------------------

COMMANDS = [
    ["verify"], ["verify", "--format", "json"], ["verify", "--format", "junit"], ["verify", "--format", "github"],
    ["verify", "--quiet"], ["show", "treason"], ["show", "treason", "--format", "json"], ["check", "doubled", "2", "1"],
    ["check", "doubled", "2", "1", "--format", "json"], ["schema"], ["export"], ["--help"], ["--version"],
    ["verify", "--help"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_exits_141_into_a_closed_pipe(command):
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the first byte is written
    try:
        proc = subprocess.run([sys.executable, "-m", "factcheck", *command], cwd=ROOT, stdout=write,
                              stderr=subprocess.PIPE, text=True, env=ENV, timeout=60)
    finally:
        os.close(write)
    assert proc.returncode == 141, proc.stderr
    assert proc.stderr == ""  # no traceback, no message: the reader left


@pytest.mark.parametrize("output", ["text", "json"])
def test_verify_into_head_c1_exits_141(big_registry, output):
    """The formats that stream (text, json) write long after ``head -c1``
    has gone.  (A format written in one piece at the end, such as junit,
    may be taken whole by head before it exits: then nothing is lost and
    the exit is 0; the closed pipe above pins 141 for those.)"""
    script = f'{sys.executable} -m factcheck verify {big_registry} --format {output} | head -c1; ' \
             'echo " ${PIPESTATUS[0]}"'
    proc = subprocess.run(["bash", "-c", script], cwd=ROOT, capture_output=True, env=ENV, timeout=120)
    assert proc.stdout[1:] == b" 141\n", proc.stdout[:50] + proc.stderr
    assert proc.stderr == b""


# --------------------------------------------------------------------------
# the progress display: on a terminal only
# --------------------------------------------------------------------------


def _in_a_pty(args: list[str], env: dict[str, str], *, delay: float = 0.0) -> tuple[int, str]:
    """Run factcheck with stdout and stderr on a pseudo-terminal (the
    progress display waits ``delay`` seconds, 1 in real use); return the
    exit code and everything the terminal received."""
    code = f"import factcheck.cli as c; c._Progress.DELAY = {delay}; c._Progress.EVERY = 0; c.run()"
    pid, fd = pty.fork()
    if pid == 0:  # the child: a terminal of 100 columns
        os.chdir(ROOT)
        os.execve(sys.executable, [sys.executable, "-c", code, *args], {"TERM": "xterm"} | env | {"COLUMNS": "100"})
    chunks = []
    while True:
        ready, _, _ = select.select([fd], [], [], 60)
        if not ready:
            break
        try:
            data = os.read(fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), b"".join(chunks).decode("utf-8", "replace")


def test_progress_shows_on_a_terminal_and_is_erased(big_registry):
    code, screen = _in_a_pty(["verify", str(big_registry)], ENV)
    assert code == 0
    assert re.search(r"checked [0-9,]+ claims", screen)
    summary = "3000 claims: 3000 holds, 0 imprecise, 0 fails, 0 unverifiable; 0 unexpected; 0 errors"
    assert summary in screen
    # after the summary, the display is drawn once more and erased (transient)
    assert screen.rstrip().endswith("\x1b[2K")


@pytest.mark.parametrize(("args", "env"), [
    (["verify"], {"CI": "true"}),                      # CI
    (["verify", "--format", "json"], {}),              # not text
    (["verify", "--format", "github"], {}),
    (["verify"], {"TERM": "dumb"}),
])
def test_no_progress_in_ci_or_other_formats(big_registry, args, env):
    code, screen = _in_a_pty([*args, str(big_registry)], ENV | env)
    assert code == 0
    assert "checked " not in screen


def test_no_progress_before_a_second(tmp_path):
    code, screen = _in_a_pty(["verify", str(ROOT / "claims")], ENV, delay=1.0)
    assert code == 0
    assert "checked " not in screen


def test_no_progress_into_a_pipe(big_registry):
    proc = subprocess.run([sys.executable, "-c", "import factcheck.cli as c; c._Progress.DELAY = 0; c.run()",
                           "verify", str(big_registry)], capture_output=True, text=True, env=ENV, cwd=ROOT)
    assert proc.returncode == 0
    assert "checked " not in proc.stdout + proc.stderr and proc.stderr == ""


# --------------------------------------------------------------------------
# styled lines without a rich print per line, as rich would print them
# --------------------------------------------------------------------------

LINES = [
    [("✓", "green"), (" ", ""), ("holds       ", "bold green"), ("  ", ""), ("claim_id", "bold"), ('  "doubled"', "")],
    [("✗", "bold red"), ("  expected holds", "bold red"), ("  claims/x.yaml:3:5", "dim")],
    [("note: [3.6, 4) is not markup", "italic"), (" unverifiable", "bold magenta"), (" imprecise", "bold yellow")],
]


@pytest.mark.parametrize("env", [{"FORCE_COLOR": "1"}, {"FORCE_COLOR": "1", "NO_COLOR": "1"},
                                 {"FORCE_COLOR": "1", "COLORTERM": "truecolor"}, {"TERM": "xterm-256color"}])
def test_styled_lines_are_byte_identical_to_rich(monkeypatch, env):
    from factcheck.report.text import _styled_renderer, console

    for key in ("FORCE_COLOR", "NO_COLOR", "COLORTERM"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    ours, theirs = io.StringIO(), io.StringIO()
    render = _styled_renderer(ours)
    from rich.text import Text

    c = console(theirs)
    for line in LINES:
        ours.write(render(line, 4))
        c.print(Text(" " * 4) + Text.assemble(*line))
    assert ours.getvalue() == theirs.getvalue()


# --------------------------------------------------------------------------
# show at 60 columns
# --------------------------------------------------------------------------


def test_show_at_60_columns_keeps_ids_and_urls_whole_and_every_column():
    import yaml

    env = ENV | {"COLUMNS": "60"}
    proc = subprocess.run([sys.executable, "-m", "factcheck", "show", "treason"], cwd=ROOT, capture_output=True,
                          text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    words = {word for line in lines for word in line.split()}
    data = yaml.safe_load((ROOT / "claims" / "treason.yaml").read_text(encoding="utf-8"))
    for sid, source in data["sources"].items():
        assert sid in words
        assert source["url"] in words, source["url"]  # on one line, whole
    for fid, figure in data["figures"].items():
        assert fid in words, fid
        if isinstance(figure, dict) and figure.get("source"):  # the source column is never dropped
            assert f"    source: {figure['source']}" in lines, fid
    for cid in data["claims"]:
        assert cid in words, cid
    assert "…" not in proc.stdout  # nothing cut
