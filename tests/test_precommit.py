"""The pre-commit hook that this repository offers (``.pre-commit-hooks.yaml``)."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import yaml
from typer.testing import CliRunner

from factcheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
HOOKS = ROOT / ".pre-commit-hooks.yaml"


def _hook() -> dict:
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert isinstance(hooks, list)
    (hook,) = [h for h in hooks if h["id"] == "factcheck"]
    return hook


def test_the_hook_is_declared():
    hook = _hook()
    assert hook["name"]
    assert hook["entry"] == "factcheck verify"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is True
    files = re.compile(hook["files"])
    assert files.search("claims/treason.yaml") and files.search("claims/x.yml")
    assert not files.search("README.md")


def test_the_entry_runs_on_a_file():
    command, *args = shlex.split(_hook()["entry"])
    assert command == "factcheck"
    result = CliRunner().invoke(app, [*args, str(ROOT / "claims" / "treason.yaml")], env={"GITHUB_ACTIONS": ""},
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output


def test_the_entry_runs_as_a_process():
    _, *args = shlex.split(_hook()["entry"])
    proc = subprocess.run([sys.executable, "-m", "factcheck", *args, "claims/treason.yaml"],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
