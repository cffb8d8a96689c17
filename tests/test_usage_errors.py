"""`check` reports a number, period or statement it cannot read as a usage
error (exit 2), and nothing else: a bug in the engine is not the user's."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from factcheck import verify
from factcheck.cli import ExitCode, app


@pytest.mark.parametrize("args", [
    ("check", "doubled", "abc", "5"),  # A is not a number
    ("check", "an average of 34 per day", "12410", "--period", "2024-13"),  # not a period
    ("check", "the weather was fine", "10", "5"),  # no statement to check
])
def test_what_check_cannot_read_is_a_usage_error(args: tuple[str, ...]) -> None:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == ExitCode.USAGE, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_an_engine_error_in_check_is_not_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("a bug in the engine")

    monkeypatch.setattr(verify, "check_statement", broken)
    result = CliRunner().invoke(app, ["check", "doubled", "10", "5"])
    assert result.exit_code == ExitCode.UNEXPECTED
    assert "internal error: ValueError: a bug in the engine (please report this)" in result.stderr
