"""Registry to results: load the claim files, resolve each claim's figures,
read its statement (each distinct phrasing once) and evaluate it.

This is the library entry point behind ``factcheck verify`` and
``factcheck check``; it never prints and never exits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .model import ClaimResult, Operand, Outcome, Problem, Registry, Settings

__all__ = ["VerifyRun", "verify_paths", "check_statement", "check_claims"]


@dataclass(frozen=True, slots=True)
class VerifyRun:
    """Everything ``verify`` found: the registry, a result per readable claim,
    and every problem (invalid files, unreadable statements)."""

    registry: Registry
    results: tuple[ClaimResult, ...]
    problems: tuple[Problem, ...]


def verify_paths(paths: Sequence[str | Path], *, settings: Settings | None = None) -> VerifyRun:
    """Load the claim files and folders in ``paths`` and check every claim."""
    raise NotImplementedError  # filled in by the engine work


def check_claims(registry: Registry) -> VerifyRun:
    raise NotImplementedError


def check_statement(says: str, a: str, b: str | None = None, *, settings: Settings | None = None,
                    period: str | None = None, percent: bool = False) -> Outcome:
    """Check one statement against one or two numbers written as text
    ("23", "at least 28", "null"), as ``factcheck check`` does."""
    raise NotImplementedError
