"""The documentation and the commands agree: every command has a working
``--help`` with an example, and every command appears in the README."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from factcheck.cli import app

README = Path(__file__).resolve().parent.parent / "README.md"
COMMANDS = sorted(c.name for c in typer.main.get_command(app).commands.values())  # type: ignore[attr-defined]


def test_the_commands_are_the_documented_ones():
    assert COMMANDS == ["check", "export", "scan", "schema", "show", "verify"]


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)])
def test_every_help_exits_0_with_an_example(command):
    result = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    assert "Example" in result.output
    assert "factcheck " + (command[0] if command else "") in result.output


@pytest.mark.skipif(not README.exists(), reason="README.md is not written yet")
@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme(command):
    assert f"factcheck {command}" in README.read_text(encoding="utf-8")


def test_start_up_does_not_load_the_engine():
    """``factcheck --help`` must stay fast: the engine is imported inside the commands."""
    import subprocess
    import sys

    code = ("import sys, factcheck.cli; "
            "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in ('yaml', 'rich', 'factcheck'))))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    for heavy in ("yaml", "rich", "factcheck.registry", "factcheck.evaluate", "factcheck.phrases", "factcheck.model"):
        assert heavy not in loaded
