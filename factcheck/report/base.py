"""What every reporter receives and what it may ask of it: the results and
problems of one run, and their summary.  Reporters never decide the exit
code; ``cli.py`` does, from the same :class:`Report`.

A report is read once, as the run goes: ``verify`` streams results file by
file, so that a registry of any size is reported in flat memory.  A
reporter walks :meth:`Report.shown` (or :meth:`Report.each`) first; the
problems and the summary are complete once that walk is over.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Protocol, TextIO

if TYPE_CHECKING:  # the model is imported when a report is made, not at start-up
    from ..model import ClaimResult, Outcome, PartOutcome, Problem

__all__ = ["Report", "Reporter", "several_parts", "part_head", "part_needs_verdict", "part_pieces", "part_line",
           "visible", "CONTROL_RE"]

#: Control characters no output format writes raw: C0 but tab and newline,
#: DEL and C1.  The loader refuses them in claim files; this is the second
#: line of defence, for text that reaches a reporter some other way (a
#: statement given to ``factcheck check``, a library caller's results).
CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_VISIBLE = {c: f"\\x{c:02x}" for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))}


def visible(text: str) -> str:
    """``text`` with each control character written as ``\\x1b`` (tab and
    newline kept): what a terminal, a CI log or an XML report can show."""
    if CONTROL_RE.search(text) is None:
        return text
    return text.translate(_VISIBLE)


class Report:
    """The results and problems of one run.

    ``items`` is any iterable of results and problems, in the order they
    should be reported (a tuple, or the generator of
    :func:`factcheck.verify.iter_checked`); ``problems`` are problems known
    before the run (a settings file).  ``quiet`` asks for the problems only:
    verdicts that differ from the expected one, and file errors.  The summary
    still counts everything.
    """

    __slots__ = ("quiet", "_items", "_problems", "_counts", "_unexpected", "_done")

    def __init__(self, items: Iterable[ClaimResult | Problem] = (), problems: Iterable[Problem] = (), *,
                 quiet: bool = False) -> None:
        from ..model import VERDICTS

        self.quiet = quiet
        self._items = iter(items)
        self._problems: list[Problem] = list(problems)
        self._counts = dict.fromkeys(VERDICTS, 0)
        self._unexpected = 0
        self._done = False

    def each(self) -> Iterator[ClaimResult]:
        """Every result, once, counting verdicts and collecting problems on the way."""
        from ..model import ClaimResult

        counts, problems = self._counts, self._problems
        for item in self._items:
            if isinstance(item, ClaimResult):
                counts[item.outcome.verdict] += 1
                if not item.ok:
                    self._unexpected += 1
                yield item
            else:
                problems.append(item)
        self._done = True

    def shown(self) -> Iterator[ClaimResult]:
        """The results a reporter lists: all of them, or only the unexpected
        ones when quiet."""
        return self.unexpected() if self.quiet else self.each()

    def unexpected(self) -> Iterator[ClaimResult]:
        """The results whose verdict differs from the expected one."""
        return (r for r in self.each() if not r.ok)

    def _finish(self) -> None:
        if not self._done:
            for _ in self.each():
                pass

    @property
    def problems(self) -> tuple[Problem, ...]:
        """Every problem (reading the rest of the run first)."""
        self._finish()
        return tuple(self._problems)

    @property
    def unexpected_count(self) -> int:
        self._finish()
        return self._unexpected

    def summary(self) -> dict[str, int]:
        """Counts in the order of the JSON contract (reading the rest of the run first)."""
        self._finish()
        counts: dict[str, int] = {"claims": sum(self._counts.values())}
        counts.update(self._counts.items())  # Verdict keys, which are str
        counts["unexpected"] = self._unexpected
        counts["errors"] = len(self._problems)
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

    def __call__(self, report: Report, /, *, out: TextIO, err: TextIO) -> None: ...


# --------------------------------------------------------------------------
# the parts of a statement (docs/semantics.md, "Statements with several parts"), as the text, github and
# junit formats write them
# --------------------------------------------------------------------------


def several_parts(outcome: Outcome) -> bool:
    """Whether the statement has more than one checked part: only then are
    the parts written one by one (a statement with one part reads as before)."""
    return len(outcome.parts) > 1


def part_head(part: PartOutcome) -> str:
    """``part "(24%)"``: what a part's line starts with."""
    return f'part "{part.text}"'


def part_needs_verdict(part: PartOutcome) -> bool:
    """Whether a part's explanation does not already give its verdict, as
    ``: fails`` at its end or before more words (``: unverifiable; it would
    hold if ...``, ``: imprecise (within the imprecise band ...)``)."""
    return re.search(f": {re.escape(part.verdict)}(?![\\w-])", part.explanation) is None


def part_pieces(part: PartOutcome) -> tuple[str, str | None]:
    """A part's line as (body, verdict to add after ``": "``, or None when the
    explanation already gives it)."""
    body = part_head(part) + (f": {part.explanation}" if part.explanation else "")
    return body, (part.verdict if not part.explanation or part_needs_verdict(part) else None)


def part_line(part: PartOutcome) -> str:
    """One part on one line: ``part "(24%)": 21 / 100 x 100 = 21%; "(24%)" needs
    [23.5, 24.5]%: fails``, the verdict added when the explanation lacks it."""
    body, verdict = part_pieces(part)
    return body if verdict is None else f"{body}: {verdict}"
