"""The data that flows between the steps: figures, claims, topics, problems,
outcomes and results.  Plain named tuples (immutable, cheap to create and
to send between processes); no behaviour beyond small derived properties, so
that every step can be tested on its own.

Named tuples rather than frozen dataclasses: a frozen, slotted dataclass
compiles five generated methods when it is defined, and the engine has
some thirty such classes, so every ``factcheck`` run started measurably
slower (figures in bench/README.md, start-up).  The vocabularies (verdicts
here, families and hedges in phrases.py and numbers.py) are ``StrEnum``s:
their members are the plain words of the output.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from fractions import Fraction
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

from .numbers import Interval
from .periods import Period

if TYPE_CHECKING:  # expressions.py imports this module
    from .expressions import Expr

__all__ = [
    "Verdict",
    "VERDICTS",
    "SEVERITY",
    "worst",
    "Settings",
    "Problem",
    "Source",
    "Figure",
    "Claim",
    "Topic",
    "Registry",
    "Operand",
    "Outcome",
    "PartOutcome",
    "ClaimResult",
]

class Verdict(StrEnum):
    """The four verdicts (docs/semantics.md, "Verdicts").

    A ``StrEnum``: each member is equal to its value (``Verdict.HOLDS ==
    "holds"``) and is written as it (in JSON, text and f-strings), so the
    output contract is the plain words.

    The members are declared in the order verdicts are *listed* (summaries,
    the ``expect`` values of a claim file): the three verdicts the arithmetic
    decides, from best to worst, then the one it cannot decide.  Combining
    verdicts uses another order, :data:`SEVERITY`.
    """

    HOLDS = "holds"
    IMPRECISE = "imprecise"
    FAILS = "fails"
    UNVERIFIABLE = "unverifiable"


#: The verdicts in the order they are listed (see :class:`Verdict`).
VERDICTS: tuple[Verdict, ...] = tuple(Verdict)

#: How bad each verdict is, for combining them: a statement is as bad as
#: its worst part (docs/semantics.md, "Statements with several parts"), and a ranged figure as bad as its
#: worst value.  ``fails`` is worse than ``unverifiable``: a part whose
#: arithmetic is known to be wrong makes the statement wrong whatever the
#: parts that cannot be checked turn out to be.
SEVERITY: Mapping[str, int] = MappingProxyType({
    Verdict.HOLDS: 0, Verdict.IMPRECISE: 1, Verdict.UNVERIFIABLE: 2, Verdict.FAILS: 3,
})


def worst(verdicts: Iterable[Verdict]) -> Verdict:
    """The worst of ``verdicts`` by :data:`SEVERITY`; ``holds`` for none."""
    return max(verdicts, key=SEVERITY.__getitem__, default=Verdict.HOLDS)


class Settings(NamedTuple):
    """Tolerances of docs/semantics.md, "Tolerances" (relative, as exact fractions)."""

    hedge_tolerance: Fraction = Fraction(1, 10)
    word_tolerance: Fraction = Fraction(1, 20)


class Problem(NamedTuple):
    """An error in a claim file: where it is, what is wrong, what to do."""

    file: str
    line: int | None
    column: int | None
    message: str
    hint: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class Source(NamedTuple):
    id: str
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    date: str | None = None
    line: int | None = None


class Figure(NamedTuple):
    """A figure of a topic: one value (possibly a range or unknown) or a series.

    ``value`` is ``None`` when the figure is unknown (``null``) or a series.
    ``series`` maps periods to values (``None`` for an unknown point).
    ``text`` is the value as written in the file.
    """

    id: str
    value: Interval | None = None
    series: tuple[tuple[Period, Interval | None], ...] | None = None
    text: str = ""
    percent: bool = False
    what: str | None = None
    unit: str | None = None
    period: Period | None = None
    source: str | None = None
    quote: str | None = None
    note: str | None = None
    line: int | None = None
    column: int | None = None
    #: quoted as rounded (``rounded: true``): ``value`` is the interval of
    #: its written precision, and statements over it are checked for
    #: consistency (docs/semantics.md, "Numbers and their precision")
    rounded: bool = False
    #: a series that lists every point there is (``complete: true``)
    complete: bool = False

    @property
    def is_series(self) -> bool:
        return self.series is not None

    @property
    def known(self) -> bool:
        return self.value is not None or self.series is not None


class Operand(NamedTuple):
    """One side of a claim (``of`` or ``vs``), evaluated.

    ``value`` is ``None`` when a figure it needs is unknown; ``unknown`` names
    those figures.  ``series`` is set when the operand is a whole series (for
    record claims), with ``complete`` when it lists every point there is.
    ``rounded`` is set when a figure it uses was quoted as rounded.
    ``figures`` holds (id, value) of every known single figure it used, so
    that a statement's number that names one of them can be checked
    against it (docs/semantics.md, "Every number accounted for").
    """

    text: str
    value: Interval | None
    unknown: tuple[str, ...] = ()
    period: Period | None = None
    percent: bool = False
    series: tuple[tuple[Period, Interval | None], ...] | None = None
    rounded: bool = False
    complete: bool = False
    figures: tuple[tuple[str, Interval], ...] = ()

    @staticmethod
    def number(x: Interval | Fraction | int | None, *, text: str | None = None, period: Period | None = None,
               percent: bool = False) -> Operand:
        if x is None:
            return Operand(text or "unknown", None, (text or "unknown",), period, percent)
        iv = x if isinstance(x, Interval) else Interval.point(Fraction(x))
        return Operand(text or iv.describe(), iv, (), period, percent)


class Claim(NamedTuple):
    """A claim of a topic, with where each of its keys was written.

    ``of`` / ``vs`` hold the parsed expressions (expressions.Expr) of
    ``of_text`` / ``vs_text``; ``vs`` is None when the claim has no base.
    A worker process's reply carries neither (verify._worker sets both to
    None: the parent does not need them), hence ``of``'s ``| None``.
    ``marks`` maps a key ("says", "of", ...) to the (line, column) of its value.
    """

    id: str
    topic: str
    file: str
    line: int
    column: int
    says: str
    of_text: str
    vs_text: str | None
    of: Expr | None
    vs: Expr | None
    expect: str = "holds"
    source: str | None = None
    quote: str | None = None
    note: str | None = None
    settings: Settings = Settings()
    marks: tuple[tuple[str, int, int], ...] = ()
    #: a short wording of the claim for ClaimReview's ``claimReviewed``
    #: (None: ``says``)
    claim_reviewed: str | None = None
    #: False keeps a claim that only supports others out of exports
    publish: bool = True

    def mark(self, key: str) -> tuple[int, int]:
        for k, line, col in self.marks:
            if k == key:
                return line, col
        return self.line, self.column


class Topic(NamedTuple):
    name: str
    file: str
    title: str | None = None
    tags: tuple[str, ...] = ()
    sources: Mapping[str, Source] = MappingProxyType({})
    figures: Mapping[str, Figure] = MappingProxyType({})
    claims: tuple[Claim, ...] = ()


class Registry(NamedTuple):
    topics: tuple[Topic, ...]
    problems: tuple[Problem, ...] = ()


class PartOutcome(NamedTuple):
    """The verdict on one checked part of a statement (docs/semantics.md, "Statements with several parts"):
    the statement's own reading, a restatement ("(24%)"), a number naming A
    or B ("from 1,000"), a size word ("most").  ``role`` says which."""

    text: str
    reading: str
    verdict: Verdict
    computed: str | None
    accepted: str | None
    explanation: str
    role: str = "statement"


class Outcome(NamedTuple):
    """The verdict on one statement over its figures, with its arithmetic.

    ``computed`` and ``accepted`` are text (exact numbers formatted by
    numbers.fmt) so that output is deterministic.  ``strict_verdict`` is the
    verdict under the strict reading of an ambiguous wording (None when the
    wording is not ambiguous).  ``needed`` is, for a claim over one unknown
    figure, the range that figure would have to lie in for the claim to hold.
    """

    verdict: Verdict
    reading: str
    computed: str | None
    accepted: str | None
    explanation: str
    ambiguous: bool = False
    strict_verdict: Verdict | None = None
    notes: tuple[str, ...] = ()
    needed: str | None = None
    #: every checked part, the statement's own reading first; the verdict
    #: is the worst of theirs (by :data:`SEVERITY`)
    parts: tuple[PartOutcome, ...] = ()


class ClaimResult(NamedTuple):
    claim: Claim
    outcome: Outcome

    @property
    def ok(self) -> bool:
        return self.outcome.verdict == self.claim.expect
