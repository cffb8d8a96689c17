"""Determinism: the same registry gives byte-identical JSON, and a generated
registry verifies as built.

(Split from the reliability tests of issue 5.)"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

ROOT = Path(__file__).parent.parent
MAKE_REGISTRY = ROOT.parent / "shared" / "bench" / "make_registry.py"


def run_cli(*args: str):
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert "Traceback" not in result.output
    return result


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
