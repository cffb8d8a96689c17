"""The nearest valid name to a mistyped one, for "did you mean" hints.

One home for the hints of every command: unknown keys, figures, sources and
``expect`` values in claim files, files on the command line, settings keys
and ``show`` queries.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

__all__ = ["closest", "nearest", "did_you_mean"]

#: Among more candidates than this, only those with the same first two
#: letters and about the same length are compared (see :func:`nearest`).
MANY = 500


def closest(name: str, names: Iterable[str], *, n: int = 1) -> list[str]:
    """Up to ``n`` of ``names`` close to ``name``, the closest first
    (difflib's similarity ratio, at least 0.6)."""
    return difflib.get_close_matches(name, list(names), n=n, cutoff=0.6)


def nearest(name: str, names: Iterable[str]) -> str | None:
    """The closest valid name (None if none is close).

    difflib compares with every candidate, which is slow among thousands
    of figure ids; a typo mostly keeps the first letters and about the
    length, so among more than :data:`MANY` only those are compared.
    """
    candidates = list(names)
    if len(candidates) > MANY:
        head = name[:2]
        candidates = [n for n in candidates if n[:2] == head and abs(len(n) - len(name)) <= 2][:200]
    got = closest(name, candidates)
    return got[0] if got else None


def did_you_mean(best: str | None) -> str | None:
    """The hint for a nearest name: ``did you mean 'fails'?``; None for none."""
    return f"did you mean {str(best)!r}?" if best else None
