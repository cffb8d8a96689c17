"""Registry to results: load the claim files, resolve each claim's figures,
read its statement (each distinct phrasing once) and evaluate it.

This is the library entry point behind ``factcheck verify`` and
``factcheck check``; it never prints and never exits.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .evaluate import evaluate
from .expressions import EvaluationError, ExpressionError, resolve
from .model import ClaimResult, Claim, Operand, Outcome, Problem, Registry, Settings, Topic
from .numbers import NumberError, read_figure_value
from .periods import PeriodError, parse_period
from .phrases import UnreadableStatement, read_statement

__all__ = ["VerifyRun", "verify_paths", "check_statement", "check_claims", "check_claim", "UsageError"]


class UsageError(ValueError):
    """A command-line argument is not usable (not a number, not a period)."""


@dataclass(frozen=True, slots=True)
class VerifyRun:
    """Everything ``verify`` found: the registry, a result per readable claim,
    and every problem (invalid files, unreadable statements)."""

    registry: Registry
    results: tuple[ClaimResult, ...]
    problems: tuple[Problem, ...]


def verify_paths(paths: Sequence[str | Path], *, settings: Settings | None = None) -> VerifyRun:
    """Load the claim files and folders in ``paths`` and check every claim."""
    from .registry import load_registry

    kwargs = {} if settings is None else {"settings": settings}
    # Loading builds millions of small acyclic objects; the cyclic garbage
    # collector would walk them over and over for nothing (about 10% of a run).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return check_claims(load_registry(paths, **kwargs))
    finally:
        if was_enabled:
            gc.enable()


def check_claims(registry: Registry) -> VerifyRun:
    """Check every claim of a loaded registry."""
    results: list[ClaimResult] = []
    problems: list[Problem] = list(registry.problems)
    for topic in registry.topics:
        for claim in topic.claims:
            got = check_claim(claim, topic)
            if isinstance(got, Problem):
                problems.append(got)
            else:
                results.append(got)
    return VerifyRun(registry, tuple(results), tuple(problems))


def check_claim(claim: Claim, topic: Topic) -> ClaimResult | Problem:
    """The result of one claim, or the problem that stops it being checked."""
    try:
        reading = read_statement(claim.says, word_tolerance=claim.settings.word_tolerance,
                                 has_vs=claim.vs is not None)
    except UnreadableStatement as exc:
        line, col = claim.mark("says")
        return Problem(claim.file, line, col, f"claim {claim.id!r}: {exc.message}", exc.hint)
    if reading.needs_vs and claim.vs is None:
        line, col = claim.mark("says")
        return Problem(claim.file, line, col,
                       f"claim {claim.id!r}: {reading.family} statement {reading.primary.text!r} compares two figures",
                       "add `vs:` with the base figure")
    try:
        of = resolve(claim.of, topic.figures, text=claim.of_text)
        vs = resolve(claim.vs, topic.figures, text=claim.vs_text) if claim.vs is not None else None
    except EvaluationError as exc:
        outcome = Outcome("fails", reading.family, None, None, f"the figures cannot be computed: {exc}")
        return ClaimResult(claim, outcome)
    except ExpressionError as exc:
        line, col = claim.mark("of")
        return Problem(claim.file, line, col, f"claim {claim.id!r}: {exc}", getattr(exc, "hint", None))
    return ClaimResult(claim, evaluate(reading, of, vs, claim.settings))


def operand_from_text(text: str | None, *, name: str, settings: Settings, period: str | None = None,
                      percent: bool = False) -> Operand | None:
    """A command-line figure ("23", "at least 28", "null") as an operand."""
    if text is None:
        return None
    p = None
    if period is not None:
        try:
            p = parse_period(period)
        except PeriodError as exc:
            raise UsageError(str(exc)) from None
    if text.strip().lower() in ("null", "none", "unknown", "?", "~"):
        return Operand(name, None, (name,), p, percent)
    try:
        value, pct = read_figure_value(text, hedge_tolerance=settings.hedge_tolerance)
    except NumberError as exc:
        raise UsageError(f"{name}: {exc}") from None
    return Operand(name, value, (), p, percent or pct)


def check_statement(says: str, a: str, b: str | None = None, *, settings: Settings | None = None,
                    period: str | None = None, percent: bool = False) -> Outcome:
    """Check one statement against one or two numbers written as text
    ("23", "at least 28", "null"), as ``factcheck check`` does.

    Raises :class:`UsageError` for a number or period that cannot be read and
    :class:`UnreadableStatement` for a statement that cannot be read.
    """
    settings = settings or Settings()
    of = operand_from_text(a, name="A", settings=settings, period=period, percent=percent)
    vs = operand_from_text(b, name="B", settings=settings, percent=percent)
    assert of is not None
    reading = read_statement(says, word_tolerance=settings.word_tolerance, has_vs=vs is not None)
    return evaluate(reading, of, vs, settings)
