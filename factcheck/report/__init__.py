"""Output formats: a dict from format name to reporter.

A reporter is a function ``reporter(report, *, out, err)`` that writes a
:class:`Report` (the results and problems of a run) to two text streams:
``out`` for the results, ``err`` for messages meant for a person.  The
``--format`` choice of ``factcheck verify`` is built from :data:`REPORTERS`,
so a new format is one module and one line here.  Reporters import what is
heavy (rich, xml) inside their functions: importing this package is cheap.
"""

from __future__ import annotations

from . import github, json, junit, text
from .base import Report, Reporter

__all__ = ["REPORTERS", "Report", "Reporter"]

REPORTERS: dict[str, Reporter] = {
    "text": text.report,
    "json": json.report,
    "github": github.report,
    "junit": junit.report,
}
