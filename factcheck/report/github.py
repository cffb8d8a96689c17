"""The ``github`` format: workflow commands that GitHub Actions turns into
annotations on the lines of the claim files.

One ``::error`` per claim whose verdict differs from the expected one and
per file problem; a statement with several checked parts has a line per
part after its explanation (GitHub shows a message's lines as written).
GitHub requires ``%``, CR and LF to be escaped in the message, and also
``:`` and ``,`` in the properties (file, title, ...).

GitHub shows at most 10 error annotations per step and drops the rest: over
that cap, the first 9 are annotated, a tenth says how many more failures
there are, and those are written to the log as ``file:line:col: message``
lines.  When ``GITHUB_STEP_SUMMARY`` names a file (as it does in every
Actions step), a Markdown table of every failing claim and invalid file is
appended to it, which GitHub shows on the run's summary page."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, TextIO

from .base import part_line, several_parts, visible

if TYPE_CHECKING:
    from ..model import ClaimResult, Problem
    from .base import Report

__all__ = ["report", "annotation", "claim_annotation", "problem_annotation", "escape_data", "escape_property",
           "summary_table", "MAX_ANNOTATIONS"]

#: Error annotations GitHub shows per step; it drops the rest.
MAX_ANNOTATIONS = 10


def escape_data(text: str) -> str:
    """A message as the runner reads it: ``%``, CR and LF escaped, and any
    other control character written visibly (a log must not be retitled or
    cleared by a claim)."""
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(*, file: str | None, line: int | None, col: int | None, title: str, message: str,
               level: str = "error") -> str:
    props = [f"file={escape_property(file)}"] if file is not None else []
    if file is not None and line is not None:
        props.append(f"line={line}")
        if col is not None:
            props.append(f"col={col}")
    props.append(f"title={escape_property(title)}")
    return f"::{level} {','.join(props)}::{escape_data(message)}"


def claim_annotation(result: ClaimResult) -> str:
    claim, outcome = result.claim, result.outcome
    message = _claim_message(result)
    if several_parts(outcome):
        message += "".join(f"\n{part_line(part)}" for part in outcome.parts)
    return annotation(file=claim.file, line=claim.line, col=claim.column,
                      title=f"factcheck ({outcome.verdict})", message=message)


def problem_annotation(problem: Problem) -> str:
    message = _problem_message(problem)
    return annotation(file=problem.file, line=problem.line, col=problem.column,
                      title="factcheck (invalid)", message=message)


def _claim_message(result: ClaimResult) -> str:
    claim, outcome = result.claim, result.outcome
    return f"{claim.id}: {outcome.verdict}, expected {claim.expect}: {outcome.explanation}"


def _problem_message(problem: Problem) -> str:
    return problem.message + (f" ({problem.hint})" if problem.hint else "")


def _cell(text: str) -> str:
    """A Markdown table cell: one line, ``|`` and ``\\`` escaped, controls visible."""
    text = visible(text.replace("\r\n", " ").replace("\n", " ").replace("\r", " "))
    return text.replace("\\", "\\\\").replace("|", "\\|")


def summary_table(failures: list[ClaimResult], problems: tuple[Problem, ...] | list[Problem], summary_line: str) -> str:
    """The Markdown appended to ``GITHUB_STEP_SUMMARY``: a heading, the
    summary line and a row per failing claim and per invalid file."""
    lines = ["### factcheck", "", summary_line, ""]
    if failures or problems:
        lines += ["| where | claim | verdict | expected | explanation |", "| --- | --- | --- | --- | --- |"]
        for r in failures:
            c, o = r.claim, r.outcome
            lines.append(f"| `{_cell(f'{c.file}:{c.line}:{c.column}')}` | `{_cell(c.id)}` | {o.verdict} | {c.expect} "
                         f"| {_cell(o.explanation)} |")
        for p in problems:
            where = p.file + (f":{p.line}" if p.line is not None else "") + (
                f":{p.column}" if p.line is not None and p.column is not None else "")
            lines.append(f"| `{_cell(where)}` | | invalid | | {_cell(_problem_message(p))} |")
        lines.append("")
    return "\n".join(lines) + "\n"


def report(rep: Report, *, out: TextIO, err: TextIO, step_summary: str | None = None) -> None:
    """Annotations on ``out`` (at most :data:`MAX_ANNOTATIONS`), the rest
    as log lines, the summary line; and the Markdown table appended to
    ``step_summary`` (default: the ``GITHUB_STEP_SUMMARY`` file, if set)."""
    failures = list(rep.unexpected())
    problems = rep.problems
    total = len(failures) + len(problems)
    shown = total if total <= MAX_ANNOTATIONS else MAX_ANNOTATIONS - 1
    written = 0
    rest: list[str] = []
    for result in failures:
        if written < shown:
            out.write(claim_annotation(result) + "\n")
            written += 1
        else:
            c = result.claim
            rest.append(f"{c.file}:{c.line}:{c.column}: {_claim_message(result)}")
    for problem in problems:
        if written < shown:
            out.write(problem_annotation(problem) + "\n")
            written += 1
        else:
            rest.append(str(problem))
    if rest:
        more = len(rest)
        noun = "failure" if more == 1 else "failures"
        out.write(annotation(file=None, line=None, col=None, title="factcheck (more)",
                             message=f"{more} more {noun} not annotated (GitHub shows {MAX_ANNOTATIONS} "
                                     "annotations per step): see the log of this step and the job summary")
                  + "\n")
        out.write("".join(visible(line) + "\n" for line in rest))
    out.write(rep.summary_line() + "\n")  # --quiet too: it lists fewer results, never hides the count
    path = os.environ.get("GITHUB_STEP_SUMMARY") if step_summary is None else step_summary
    if path:
        try:
            with open(path, "a", encoding="utf-8") as f:
                f.write(summary_table(failures, problems, rep.summary_line()))
        except OSError as exc:
            err.write(visible(f"factcheck: cannot append to GITHUB_STEP_SUMMARY {path}: {exc.strerror or exc}") + "\n")
