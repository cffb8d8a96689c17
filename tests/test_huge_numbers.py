"""Enormous numbers, in claim files, expressions and on the command line, are
refused quickly with a problem or a usage error.

(Split from the reliability tests of issue 5.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck import registry, verify
from factcheck.cli import app


def run_cli(*args: str):
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert "Traceback" not in result.output
    return result


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
