"""What every reporter receives and what it may ask of it: the results and
problems of one run, and their summary.  Reporters never decide the exit
code; ``cli.py`` does, from the same :class:`Report`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TextIO

if TYPE_CHECKING:  # the model is imported when a report is made, not at start-up
    from ..model import ClaimResult, Problem

__all__ = ["Report", "Reporter"]


@dataclass(frozen=True, slots=True)
class Report:
    """The results and problems of one run.

    ``quiet`` asks for the problems only: verdicts that differ from the
    expected one, and file errors.  The summary still counts everything.
    """

    results: tuple[ClaimResult, ...]
    problems: tuple[Problem, ...] = ()
    quiet: bool = False

    @property
    def unexpected(self) -> tuple[ClaimResult, ...]:
        return tuple(r for r in self.results if not r.ok)

    @property
    def shown(self) -> tuple[ClaimResult, ...]:
        """The results a reporter lists: all of them, or only the unexpected
        ones when quiet."""
        return self.unexpected if self.quiet else self.results

    def summary(self) -> dict[str, int]:
        """Counts in the order of the JSON contract."""
        from ..model import VERDICTS

        counts = {"claims": len(self.results)}
        for verdict in VERDICTS:
            counts[verdict] = sum(1 for r in self.results if r.outcome.verdict == verdict)
        counts["unexpected"] = len(self.unexpected)
        counts["errors"] = len(self.problems)
        return counts

    def summary_line(self) -> str:
        """One line for people: ``3 claims: 2 holds, 0 imprecise, ...``."""
        from ..model import VERDICTS

        s = self.summary()
        verdicts = ", ".join(f"{s[v]} {v}" for v in VERDICTS)
        noun = "claim" if s["claims"] == 1 else "claims"
        errors = "error" if s["errors"] == 1 else "errors"
        return f"{s['claims']} {noun}: {verdicts}; {s['unexpected']} unexpected; {s['errors']} {errors}"


class Reporter(Protocol):
    """Writes a report: results to ``out``, messages for a person to ``err``."""

    def __call__(self, report: Report, *, out: TextIO, err: TextIO) -> None: ...
