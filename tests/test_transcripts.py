"""Every console transcript in README.md and docs/ is replayed against the
real commands, so the documentation cannot drift from what factcheck prints
(the idea of sqlite-utils' cog-generated docs, checked instead of generated).

A transcript is a fenced block marked ``console``. Each line that starts
with ``$ `` is a command, run with bash from a scratch copy of the
repository of its own (so commands that write files leave the checkout,
and the other transcripts, alone); the
lines up to the next command are its exact output, standard output and
standard error together, as in a pipe (no colour), with ``COLUMNS=100``.
``echo $?`` after a command sees that command's exit status. Trailing
spaces are not compared (rich pads table rows; editors strip them). Output that is
illustrative rather than replayable belongs in a ``text`` fence.

To refresh a transcript after a deliberate change of output, run the
commands by hand (``COLUMNS=100 factcheck ...``) and paste what they print.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```console[^\n]*\n(.*?)^```", re.M | re.S)
#: What a scratch copy of the repository holds: what the transcripts read.
COPIED = ("claims", "docs", "tests/data", "pyproject.toml", "README.md")


class Step(NamedTuple):
    command: str
    output: str


class Transcript(NamedTuple):
    document: Path
    line: int
    steps: tuple[Step, ...]

    @property
    def name(self) -> str:
        return f"{self.document.relative_to(ROOT)}:{self.line}"


MALFORMED: list[str] = []


def transcripts(document: Path) -> list[Transcript]:
    """The console blocks of one Markdown document, split into steps; a block
    that does not start with a command is listed in ``MALFORMED``."""
    text = document.read_text(encoding="utf-8")
    found = []
    for m in FENCE.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        steps: list[Step] = []
        for row in m.group(1).splitlines():
            if row.startswith("$ "):
                steps.append(Step(row[2:], ""))
            elif not steps:
                MALFORMED.append(f"{document.relative_to(ROOT)}:{line}")
                break
            else:
                steps[-1] = Step(steps[-1].command, steps[-1].output + row + "\n")
        if steps:
            found.append(Transcript(document, line, tuple(steps)))
    return found


ALL = [t for d in DOCUMENTS if d.exists() for t in transcripts(d)]


def replay(transcript: Transcript, where: Path) -> list[str]:
    """Run the steps in one bash session; the output of each step."""
    script = ["__rc=0"]
    for k, step in enumerate(transcript.steps):
        script.append(f"printf '\\n@@step {k}@@\\n'; ( exit $__rc ); {step.command}\n__rc=$?")
    env = {
        **os.environ,
        "COLUMNS": "100",
        "NO_COLOR": "1",
        "TERM": "dumb",
        "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""),
    }
    for var in ("CI", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "FORCE_COLOR"):
        env.pop(var, None)
    run = subprocess.run(
        ["bash", "-c", "\n".join(script)], cwd=where, env=env, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True, timeout=300,
    )
    chunks = re.split(r"\n?@@step \d+@@\n", "\n" + run.stdout)
    return chunks[1:]


def copy_repository(where: Path) -> Path:
    """The parts of the checkout the transcripts read, copied to ``where``."""
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, where / name)
        elif source.exists():
            shutil.copy2(source, where / name)
    return where


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    """A copy of the repository of its own for each transcript, so that one
    transcript's files (a site, a draft) never meet another's."""
    return copy_repository(tmp_path)


def test_every_console_block_starts_with_a_command():
    """Output shown without its command goes in a ``text`` fence."""
    assert MALFORMED == []


def test_there_are_transcripts_to_replay():
    assert len(ALL) >= 20
    assert any(t.document.name == "README.md" for t in ALL)


@pytest.mark.parametrize("transcript", ALL, ids=[t.name for t in ALL])
def test_transcript_matches_the_real_commands(transcript: Transcript, scratch: Path):
    outputs = replay(transcript, scratch)
    assert len(outputs) == len(transcript.steps)
    for step, got in zip(transcript.steps, outputs, strict=True):
        assert _lines(got) == _lines(step.output), f"{transcript.name}: $ {step.command}"


def _lines(output: str) -> list[str]:
    return [row.rstrip() for row in output.splitlines()]
