"""The ``json`` format: one object, written with the standard library (never
through rich) so that it always parses.  Keys are in the order of the
contract (docs/claims-format.md, "JSON output") and nothing depends on dict or set order,
so the same input gives byte-identical output."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

from .base import Report

if TYPE_CHECKING:
    from ..model import ClaimResult, Figure, Outcome, PartOutcome, Problem
    from ..show import Match

__all__ = ["VERSION", "report", "document", "result_object", "statement_object", "outcome_fields",
           "part_object", "parts_list", "problem_object", "show_document", "dumps", "flat_object"]

#: The version of the JSON output; bumped only on a change that breaks readers.
VERSION = 1


def outcome_fields(outcome: Outcome) -> dict[str, Any]:
    """The fields of a result that come from the verdict and its arithmetic."""
    return {
        "reading": outcome.reading,
        "computed": outcome.computed,
        "accepted": outcome.accepted,
        "ambiguous": outcome.ambiguous,
        "strict_verdict": outcome.strict_verdict,
        "explanation": outcome.explanation,
        "notes": list(outcome.notes),
        "needed": outcome.needed,
    }


def part_object(part: PartOutcome) -> dict[str, Any]:
    """One checked part of a statement (docs/semantics.md, "Statements with several parts")."""
    return {
        "text": part.text,
        "reading": part.reading,
        "role": part.role,
        "verdict": part.verdict,
        "computed": part.computed,
        "accepted": part.accepted,
        "explanation": part.explanation,
    }


def parts_list(says: str, outcome: Outcome) -> list[dict[str, Any]]:
    """``parts`` of a result: every checked part, the statement's own reading
    first; never empty: an outcome without parts is its own one part, the
    statement as a whole."""
    if outcome.parts:
        return [part_object(p) for p in outcome.parts]
    return [{
        "text": says,
        "reading": outcome.reading,
        "role": "statement",
        "verdict": outcome.verdict,
        "computed": outcome.computed,
        "accepted": outcome.accepted,
        "explanation": outcome.explanation,
    }]


def result_object(result: ClaimResult) -> dict[str, Any]:
    """One claim's result, as in ``results`` of ``verify --format json``;
    ``parts`` comes last, after the keys of version 1 as they were."""
    claim, outcome = result.claim, result.outcome
    head = {
        "claim": claim.id,
        "topic": claim.topic,
        "file": claim.file,
        "line": claim.line,
        "says": claim.says,
        "verdict": outcome.verdict,
        "expected": claim.expect,
        "ok": result.ok,
    }
    return head | outcome_fields(outcome) | {"note": claim.note, "parts": parts_list(claim.says, outcome)}


def statement_object(says: str, outcome: Outcome) -> dict[str, Any]:
    """The result of ``factcheck check``: the shape of a claim's result without
    ``claim``, ``file`` and ``line``; a statement is expected to hold."""
    head = {
        "topic": None,
        "says": says,
        "verdict": outcome.verdict,
        "expected": "holds",
        "ok": outcome.verdict == "holds",
    }
    return head | outcome_fields(outcome) | {"parts": parts_list(says, outcome)}


def problem_object(problem: Problem) -> dict[str, Any]:
    return {
        "file": problem.file,
        "line": problem.line,
        "column": problem.column,
        "message": problem.message,
        "hint": problem.hint,
    }


def document(rep: Report) -> dict[str, Any]:
    """The whole JSON object of a run."""
    return {
        "version": VERSION,
        "results": [result_object(r) for r in rep.shown()],
        "errors": [problem_object(p) for p in rep.problems],
        "summary": rep.summary(),
    }


def flat_object(obj: dict[str, Any], indent: str = "") -> str:
    """``json.dumps(obj, indent=2, ensure_ascii=True)``, each line after the
    first indented by ``indent``: the same text, several times faster, for an
    object whose values are strings, integers, booleans, None, and lists and
    objects of those (a result, with its ``parts``); anything else (a float,
    a key that is not a string) goes to json.dumps.

    json.dumps with an indent runs the encoder written in Python; this one
    leans on the C string encoder."""
    if not obj:
        return "{}"
    inner = indent + "  "
    lines = []
    for key, value in obj.items():
        if key.__class__ is not str:  # json.dumps turns 1, True, None keys into text its own way
            return json.dumps(obj, indent=2, ensure_ascii=True).replace("\n", "\n" + indent)
        lines.append(f"{inner}{_encode_string(key)}: {_value_text(value, inner)}")
    body = ",\n".join(lines)
    return f"{{\n{body}\n{indent}}}"


def _value_text(value: Any, indent: str) -> str:
    """One value as json.dumps with an indent writes it, at ``indent``."""
    cls = value.__class__
    if cls is str:
        return _encode_string(value)
    if value is None or cls is bool:
        return _CONSTANTS[value]
    if cls is int:
        return int.__repr__(value)
    if cls is list:
        if not value:
            return "[]"
        inner = indent + "  "
        if all(_scalar(v) for v in value):
            items = f",\n{inner}".join(map(_scalar_text, value))
        else:
            items = f",\n{inner}".join([_value_text(v, inner) for v in value])
        return f"[\n{inner}{items}\n{indent}]"
    if cls is dict:
        return flat_object(value, indent)
    if isinstance(value, str):  # a StrEnum (a Verdict, a Family): its words, as json.dumps writes them
        return _encode_string(value)
    # a float, a tuple, a subclass: json.dumps; a JSON string never holds a
    # raw newline, so re-indenting by lines is exact
    return json.dumps(value, indent=2, ensure_ascii=True).replace("\n", "\n" + indent)


_encode_string = json.encoder.encode_basestring_ascii  # the C function when available
_CONSTANTS = {None: "null", True: "true", False: "false"}


def _scalar(value: Any) -> bool:
    return value is None or value.__class__ in (str, int, bool)


def _scalar_text(value: Any) -> str:
    if value.__class__ is str:
        return _encode_string(value)
    if value is None or value.__class__ is bool:
        return _CONSTANTS[value]
    return int.__repr__(value)


def dumps(obj: Any) -> str:
    """JSON text with a final newline; ASCII only, so any terminal or pipe
    can carry it."""
    return json.dumps(obj, indent=2, ensure_ascii=True) + "\n"


def report(rep: Report, *, out: TextIO, err: TextIO) -> None:
    """Write ``dumps(document(rep))``, one result at a time: the text is the
    same to the byte, but a run of any size needs no more memory than one
    result."""
    out.write(f'{{\n  "version": {VERSION},\n  "results": [')
    sep = "\n    "
    for result in rep.shown():
        out.write(sep + flat_object(result_object(result), "    "))
        sep = ",\n    "
    out.write("\n  ]" if sep != "\n    " else "]")
    tail = {"errors": [problem_object(p) for p in rep.problems], "summary": rep.summary()}
    out.write("," + dumps(tail)[1:])


def show_document(query: str, matches: Sequence[Match]) -> dict[str, Any]:
    """``factcheck show --format json``: what the query matched, the topics
    it lies in (sources and figures), and the results of every claim shown,
    in the shape of ``verify``'s results."""
    topics: dict[str, dict[str, Any]] = {}
    results: dict[str, ClaimResult] = {}
    problems: dict[Problem, None] = {}
    for m in matches:
        t = m.topic
        entry = topics.setdefault(t.name, {"topic": t.name, "title": t.title, "file": t.file,
                                           "sources": {}, "figures": {}})
        for s in m.sources:
            entry["sources"][s.id] = {"id": s.id, "title": s.title, "publisher": s.publisher,
                                      "url": s.url, "date": s.date}
        for f in m.figures:
            entry["figures"][f.id] = _figure_object(f)
        for _claim, result in m.claims:
            if result is not None:
                results.setdefault(result.claim.id, result)
        problems.update(dict.fromkeys(m.problems))
    for entry in topics.values():
        entry["sources"] = list(entry["sources"].values())
        entry["figures"] = list(entry["figures"].values())
    rep = Report(tuple(results.values()), tuple(problems))
    return {
        "version": VERSION,
        "query": query,
        "matches": [{"kind": m.kind, "name": m.name, "topic": m.topic.name} for m in matches],
        "topics": list(topics.values()),
    } | document(rep)


def _figure_object(f: Figure) -> dict[str, Any]:
    return {
        "id": f.id,
        "value": f.text or None,
        "interval": None if f.value is None else str(f.value),
        "series": None if f.series is None else [
            {"period": str(p), "value": None if v is None else str(v)} for p, v in f.series
        ],
        "percent": f.percent,
        "period": None if f.period is None else str(f.period),
        "what": f.what,
        "unit": f.unit,
        "source": f.source,
        "quote": f.quote,
        "note": f.note,
    }
