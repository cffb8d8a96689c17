"""The ``junit`` format: JUnit XML, which most CI systems display as a test
report.  One ``<testsuite>`` per topic; one ``<testcase>`` per claim
(classname = topic, name = claim id), with a ``<failure>`` carrying the
arithmetic when the verdict is not the expected one; one ``<testcase>`` with
an ``<error>`` per invalid file.  A statement with several checked parts
has a line per part after its explanation, in the failure's message and
its text.

The document is valid against the Jenkins ``junit-10.xsd`` (the schema
GitLab and Jenkins readers follow), which has no ``file`` or ``line`` on a
``<testcase>``: the suite carries its claim file (``file``, and a
``<property name="file">``), and a failure's text starts with
``file:line:column: claim id``, which GitLab and Jenkins show.  Every text
goes through :func:`xml_text`, so that the document is well formed whatever
a claim holds (XML 1.0 cannot carry most control characters even escaped)."""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import TYPE_CHECKING, TextIO

from .base import part_line, several_parts, visible

if TYPE_CHECKING:
    from ..model import ClaimResult, Outcome, Problem
    from .base import Report

__all__ = ["report", "render", "xml_text"]

#: Characters XML 1.0 cannot hold, even as references, beside the control
#: characters :func:`visible` deals with: lone surrogates, U+FFFE, U+FFFF.
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` as an XML 1.0 document can hold it: control characters
    written as ``\\x1b``, and the code points XML excludes as ``\\ud800``."""
    text = visible(text)
    if _NOT_XML.search(text) is not None:
        text = _NOT_XML.sub(lambda m: f"\\u{ord(m[0]):04x}", text)
    return text


def render(rep: Report) -> str:
    """The XML document as text (built with xml.etree, so it is well formed)."""
    import xml.etree.ElementTree as ET

    results = list(rep.each())  # JUnit counts come first: the whole run is needed
    claims: dict[str, list[ClaimResult]] = {}
    for result in results:
        claims.setdefault(result.claim.topic, []).append(result)
    # a file that could not be read has no topic yet: its stem is the name it
    # would have had
    broken: dict[str, dict[str, list[Problem]]] = {}
    topic_of_file = {r.claim.file: r.claim.topic for r in results}
    for problem in rep.problems:
        topic = topic_of_file.get(problem.file) or PurePath(problem.file).stem
        broken.setdefault(topic, {}).setdefault(problem.file, []).append(problem)

    summary = rep.summary()
    x = xml_text

    def element(parent: ET.Element | None, tag: str, attrs: dict[str, str]) -> ET.Element:
        attrib = {k: x(v) for k, v in attrs.items()}
        return ET.Element(tag, attrib) if parent is None else ET.SubElement(parent, tag, attrib)

    root = element(None, "testsuites", {
        "name": "factcheck",
        "tests": str(summary["claims"] + sum(len(files) for files in broken.values())),
        "failures": str(summary["unexpected"]),
        "errors": str(sum(len(files) for files in broken.values())),
    })
    for topic in list(claims) + [t for t in broken if t not in claims]:
        results = claims.get(topic, [])
        files = broken.get(topic, {})
        suite_files = list(dict.fromkeys([r.claim.file for r in results] + list(files)))
        suite = element(root, "testsuite", {
            "name": topic,
            "tests": str(len(results) + len(files)),
            "failures": str(sum(1 for r in results if not r.ok)),
            "errors": str(len(files)),
            **({"file": suite_files[0]} if len(suite_files) == 1 else {}),
        })
        properties = element(suite, "properties", {})
        for file in suite_files:
            element(properties, "property", {"name": "file", "value": file})
        for result in results:
            claim, outcome = result.claim, result.outcome
            case = element(suite, "testcase", {"classname": topic, "name": claim.id})
            if not result.ok:
                failure = element(case, "failure", {
                    "message": f"{outcome.verdict}, expected {claim.expect}: {outcome.explanation}"
                    + "".join(f"\n{line}" for line in _part_lines(outcome)),
                    "type": outcome.verdict,
                })
                failure.text = x(_details(result))
        for file, problems in files.items():
            case = element(suite, "testcase", {"classname": topic, "name": file})
            error = element(case, "error", {"message": str(problems[0]), "type": "invalid"})
            error.text = x("\n".join(str(p) for p in problems))
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _details(result: ClaimResult) -> str:
    claim, outcome = result.claim, result.outcome
    lines = [
        f"{claim.file}:{claim.line}:{claim.column}: {claim.id}",
        f"says: {claim.says}",
        f"verdict: {outcome.verdict} (expected {claim.expect})",
        outcome.explanation,
        *_part_lines(outcome),
    ]
    if outcome.ambiguous and outcome.strict_verdict:
        lines.append(f"ambiguous wording; under the strict reading: {outcome.strict_verdict}")
    lines += [f"note: {n}" for n in outcome.notes]
    if outcome.needed:
        lines.append(f"needed: {outcome.needed}")
    return "\n".join(lines)


def _part_lines(outcome: Outcome) -> list[str]:
    """A line per checked part, when there are several (none otherwise)."""
    return [part_line(part) for part in outcome.parts] if several_parts(outcome) else []


def report(rep: Report, *, out: TextIO, err: TextIO) -> None:
    out.write(render(rep))
