"""Every broken claim file beside a good one: exit 3, its error where it is,
and the good file's claims still checked.

(Split from the reliability tests of issue 5.)"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck import registry
from factcheck.cli import app

DATA = Path(__file__).parent / "data"
BROKEN = DATA / "broken"
GOOD = DATA / "good"
SMALL_GOOD = GOOD / "nested" / "small.yml"


def run_cli(*args: str):
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert "Traceback" not in result.output
    return result


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
