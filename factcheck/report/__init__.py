"""Output formats: a dict from format name to reporter.

A reporter is a function ``reporter(report, *, out, err)`` that writes a
:class:`Report` (the results and problems of a run) to two text streams:
``out`` for the results, ``err`` for messages meant for a person.  The
``--format`` choice of ``factcheck verify`` is built from :data:`REPORTERS`,
so a new format is one module and one line here.  A format's module is
imported when it is used, so that start-up pays for none of them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TextIO

from .base import Report, Reporter

__all__ = ["REPORTERS", "Report", "Reporter"]


def _lazy(module: str) -> Reporter:
    """The ``report`` function of ``factcheck.report.<module>``, imported on first call."""

    def report(rep: Report, *, out: TextIO, err: TextIO) -> None:
        import_module(f"{__name__}.{module}").report(rep, out=out, err=err)

    report.__qualname__ = report.__name__ = f"{module}.report"
    return report


REPORTERS: dict[str, Reporter] = {
    "text": _lazy("text"),
    "json": _lazy("json"),
    "github": _lazy("github"),
    "junit": _lazy("junit"),
}
