"""The ``github`` format: workflow commands that GitHub Actions turns into
annotations on the lines of the claim files.

One ``::error`` per claim whose verdict differs from the expected one and
per file problem; a statement with several checked parts has a line per
part after its explanation (GitHub shows a message's lines as written).
GitHub requires ``%``, CR and LF to be escaped in the message, and also
``:`` and ``,`` in the properties (file, title, ...)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from .base import part_line, several_parts, visible

if TYPE_CHECKING:
    from ..model import ClaimResult, Problem
    from .base import Report

__all__ = ["report", "annotation", "claim_annotation", "problem_annotation", "escape_data", "escape_property"]


def escape_data(text: str) -> str:
    """A message as the runner reads it: ``%``, CR and LF escaped, and any
    other control character written visibly (a log must not be retitled or
    cleared by a claim)."""
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(*, file: str, line: int | None, col: int | None, title: str, message: str,
               level: str = "error") -> str:
    props = [f"file={escape_property(file)}"]
    if line is not None:
        props.append(f"line={line}")
        if col is not None:
            props.append(f"col={col}")
    props.append(f"title={escape_property(title)}")
    return f"::{level} {','.join(props)}::{escape_data(message)}"


def claim_annotation(result: ClaimResult) -> str:
    claim, outcome = result.claim, result.outcome
    message = f"{claim.id}: {outcome.verdict}, expected {claim.expect}: {outcome.explanation}"
    if several_parts(outcome):
        message += "".join(f"\n{part_line(part)}" for part in outcome.parts)
    return annotation(file=claim.file, line=claim.line, col=claim.column,
                      title=f"factcheck ({outcome.verdict})", message=message)


def problem_annotation(problem: Problem) -> str:
    message = problem.message + (f" ({problem.hint})" if problem.hint else "")
    return annotation(file=problem.file, line=problem.line, col=problem.column,
                      title="factcheck (invalid)", message=message)


def report(rep: Report, *, out: TextIO, err: TextIO) -> None:
    for result in rep.unexpected():
        out.write(claim_annotation(result) + "\n")
    for problem in rep.problems:
        out.write(problem_annotation(problem) + "\n")
    if not rep.quiet:
        out.write(rep.summary_line() + "\n")
