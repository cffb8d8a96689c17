"""Registry to results: load the claim files, resolve each claim's figures,
read its statement (each distinct phrasing once) and evaluate it.

This is the library entry point behind ``factcheck verify`` and
``factcheck check``; it never prints and never exits.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import NamedTuple, TypeVar

from .evaluate import Prepared, evaluate, prepare
from .expressions import EvaluationError, ExpressionError, resolve
from .model import Claim, ClaimResult, Operand, Outcome, Problem, Registry, Settings, Topic, Verdict
from .numbers import NumberError, read_figure_value, read_number
from .periods import PeriodError, parse_period
from .phrases import UnreadableStatement, read_statement

T = TypeVar("T")
R = TypeVar("R")

__all__ = [
    "VerifyRun", "FileRun", "verify_paths", "iter_checked", "check_file", "default_jobs", "PARALLEL_MIN_BYTES",
    "check_statement", "check_claims", "check_claim", "UsageError",
]


class UsageError(ValueError):
    """A command-line argument is not usable (not a number, not a period)."""


class VerifyRun(NamedTuple):
    """Everything ``verify`` found: the registry, a result per readable claim,
    and every problem (invalid files, unreadable statements), file by file."""

    registry: Registry
    results: tuple[ClaimResult, ...]
    problems: tuple[Problem, ...]


class FileRun(NamedTuple):
    """One claim file, checked.

    ``topic`` is None when nothing of the file could be used, and in the
    reply of a worker process (``verify`` needs no figures, and they would
    only cost pickling).  ``problems`` are the file's own; ``checked`` pairs
    every claim, in file order, with its result or the problem that stopped
    it being checked.
    """

    file: str
    topic: Topic | None
    problems: tuple[Problem, ...]
    checked: tuple[tuple[Claim, ClaimResult | Problem], ...]


#: Below this many bytes of claim files, ``--jobs`` is ignored: starting
#: worker processes would cost more than they save (measured in bench/).
PARALLEL_MIN_BYTES = 512 * 1024


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def check_file(path: str | Path, settings: Settings | None = None) -> FileRun:
    """Load one claim file and check each of its claims; never raises."""
    from .registry import load_file

    topic, problems = load_file(path, settings=settings)
    checked = tuple((claim, check_claim(claim, topic)) for claim in topic.claims) if topic else ()
    return FileRun(str(path), topic, tuple(problems), checked)


def iter_checked(paths: Sequence[str | Path], *, settings: Settings | None = None,
                 jobs: int = 1) -> Iterator[ClaimResult | Problem]:
    """Check the claim files and folders in ``paths``, yielding each result
    and each problem as soon as its file is done, in file order.

    Memory stays flat however large the registry: a file's topic is dropped
    once its claims are checked.  With ``jobs`` > 1 (and at least
    :data:`PARALLEL_MIN_BYTES` of claim files), files are checked in that many
    worker processes; the items come out in the same order, so the output is
    byte-identical to ``jobs=1``.
    """
    for _run, items in _runs(paths, settings or Settings(), jobs, keep_topics=False):
        yield from items


def verify_paths(paths: Sequence[str | Path], *, settings: Settings | None = None) -> VerifyRun:
    """Load the claim files and folders in ``paths`` and check every claim,
    keeping the registry (``show`` and ``export`` need its figures).  The
    registry's problems are all the problems of the run."""
    topics: list[Topic] = []
    results: list[ClaimResult] = []
    problems: list[Problem] = []
    for run, items in _runs(paths, settings or Settings(), 1, keep_topics=True):
        for item in items:
            (results if isinstance(item, ClaimResult) else problems).append(item)  # type: ignore[arg-type]
        if run.topic is not None:
            topics.append(run.topic)
    return VerifyRun(Registry(tuple(topics), tuple(problems)), tuple(results), tuple(problems))


def _runs(paths: Sequence[str | Path], settings: Settings, jobs: int, *,
          keep_topics: bool) -> Iterator[tuple[FileRun, list[ClaimResult | Problem]]]:
    """Each file's run with its items: the file's problems, then per claim
    its result or problem.  A claim whose id was used before in the registry
    gives a problem instead of a result (and its topic loses it)."""
    from .registry import ClaimIds, find_claim_files, gc_paused

    files, problems = find_claim_files(paths)
    if problems:
        yield FileRun("", None, tuple(problems), ()), list(problems)
    ids = ClaimIds()
    with gc_paused():  # checking, like loading, builds millions of small acyclic objects
        for run in _file_runs(files, settings, jobs, keep_topics=keep_topics):
            sifted = ids.sift(run.checked)  # (mypy infers a narrower type when this is unpacked at once)
            kept, checked = sifted
            if kept is not None and run.topic is not None:
                run = run._replace(topic=run.topic._replace(claims=kept))
            yield run, [*run.problems, *checked]


def _file_runs(files: list[Path], settings: Settings, jobs: int, *, keep_topics: bool) -> Iterator[FileRun]:
    """Each file checked, in order: here, or over ``jobs`` worker processes."""
    if jobs > 1 and len(files) > 1 and not keep_topics and _at_least_bytes(files, PARALLEL_MIN_BYTES):
        yield from _parallel(files, settings, jobs)
        return
    for f in files:
        yield check_file(f, settings)


def _at_least_bytes(files: list[Path], limit: int) -> bool:
    """Whether the files hold ``limit`` bytes or more, stopping as soon as
    they do (each file is stat'ed again when it is read)."""
    total = 0
    for f in files:
        try:
            total += f.stat().st_size
        except OSError:
            continue  # check_file reports it
        if total >= limit:
            return True
    return False


def _parallel(files: list[Path], settings: Settings, jobs: int) -> Iterator[FileRun]:
    """Files over a pool of worker processes, in order (see :func:`in_order`)."""
    return in_order(_worker, files, settings, jobs)


def in_order(work: Callable[[T, Settings], R], items: Sequence[T], settings: Settings, jobs: int) -> Iterator[R]:
    """``work(item, settings)`` for each item over a pool of ``jobs`` worker
    processes, yielded in the items' order, with at most a few items per
    worker in flight so that memory stays flat (verify's files, scan's
    articles).  ``work`` must be a module-level function (it is pickled)."""
    import multiprocessing
    from collections import deque

    # fork on Linux: workers start in a millisecond with everything already
    # imported; elsewhere the platform's default (spawn), which imports afresh
    ctx = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
    with ctx.Pool(min(jobs, len(items)), initializer=_start_worker) as pool:
        todo = iter(items)
        pending = deque(pool.apply_async(work, (item, settings)) for item in islice(todo, 4 * jobs))
        while pending:
            got = pending.popleft().get()
            nxt = next(todo, None)
            if nxt is not None:
                pending.append(pool.apply_async(work, (nxt, settings)))
            yield got


def _start_worker() -> None:
    """Ctrl-C is the parent's to handle: it stops the pool (and says nothing
    per worker).  No cyclic GC, as in the parent."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.disable()


def _worker(path: Path, settings: Settings) -> FileRun:
    """A worker process's reply: the file's run without what the parent does
    not need (the figures, the parsed expressions, the marks)."""
    run = check_file(path, settings)
    slim = tuple(
        (lean, got if isinstance(got, Problem) else got._replace(claim=lean))
        for claim, got in run.checked
        for lean in (claim._replace(of=None, vs=None, marks=()),)
    )
    return FileRun(run.file, None, run.problems, slim)


def check_claims(registry: Registry) -> VerifyRun:
    """Check every claim of a loaded registry (``verify_paths`` loads and
    checks file by file instead; this is for a registry built in memory)."""
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
        prepared = _prepared(claim.says, claim.settings, claim.vs is not None)
    except UnreadableStatement as exc:
        line, col = claim.mark("says")
        return Problem(claim.file, line, col, f"claim {claim.id!r}: {exc.message}", exc.hint)
    reading = prepared.reading
    if reading.needs_vs and claim.vs is None:
        line, col = claim.mark("says")
        return Problem(claim.file, line, col,
                       f"claim {claim.id!r}: {reading.family} statement {reading.primary.text!r} compares two figures",
                       "add `vs:` with the base figure")
    assert claim.of is not None, "a claim from a worker process has no expressions"
    try:
        of = resolve(claim.of, topic.figures, text=claim.of_text)
        vs = resolve(claim.vs, topic.figures, text=claim.vs_text) if claim.vs is not None else None
    except EvaluationError as exc:
        outcome = Outcome(Verdict.FAILS, reading.family, None, None, f"the figures cannot be computed: {exc}")
        return ClaimResult(claim, outcome)
    except ExpressionError as exc:
        line, col = claim.mark("of")
        return Problem(claim.file, line, col, f"claim {claim.id!r}: {exc}", getattr(exc, "hint", None))
    try:
        return ClaimResult(claim, evaluate(prepared, of, vs))
    except UnreadableStatement as exc:  # a number the figures do not name (docs/semantics.md, "Every number accounted for")
        line, col = claim.mark("says")
        return Problem(claim.file, line, col, f"claim {claim.id!r}: {exc.message}", exc.hint)


@lru_cache(maxsize=4096)
def _prepared(says: str, settings: Settings, has_vs: bool) -> Prepared:
    """A statement read and its accepted intervals worked out, once per
    distinct (statement, settings): registries repeat their phrasings."""
    return prepare(read_statement(says, word_tolerance=settings.word_tolerance, has_vs=has_vs), settings)


def operand_from_text(text: str | None, *, name: str, settings: Settings, period: str | None = None,
                      percent: bool = False, rounded: bool = False) -> Operand | None:
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
        if rounded:  # quoted as rounded: the interval of its written precision
            n = read_number(text)
            value, pct = n.interval, n.percent
        else:
            value, pct = read_figure_value(text, hedge_tolerance=settings.hedge_tolerance)
    except NumberError as exc:
        raise UsageError(f"{name}: {exc}") from None
    return Operand(name, value, (), p, percent or pct, rounded=rounded)


def check_statement(says: str, a: str, b: str | None = None, *, settings: Settings | None = None,
                    period: str | None = None, percent: bool = False, rounded: bool = False) -> Outcome:
    """Check one statement against one or two numbers written as text
    ("23", "at least 28", "null"), as ``factcheck check`` does.

    Raises :class:`UsageError` for a number or period that cannot be read and
    :class:`UnreadableStatement` for a statement that cannot be read.
    """
    settings = settings or Settings()
    of = operand_from_text(a, name="A", settings=settings, period=period, percent=percent, rounded=rounded)
    vs = operand_from_text(b, name="B", settings=settings, percent=percent, rounded=rounded)
    assert of is not None
    reading = read_statement(says, word_tolerance=settings.word_tolerance, has_vs=vs is not None)
    return evaluate(reading, of, vs, settings)
