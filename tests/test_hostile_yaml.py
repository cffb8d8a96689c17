"""Hostile YAML (alias bombs, deep nesting, python tags) is refused fast and
nothing in a claim file is ever executed.

(Split from the reliability tests of issue 5.)"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck import registry
from factcheck.cli import app


def run_cli(*args: str):
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert "Traceback" not in result.output
    return result


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
