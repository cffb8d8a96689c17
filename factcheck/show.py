"""``factcheck show``: find a topic, claim, figure or source by name, and
gather what to show with it (the item and every claim that touches it).

Matching only; rendering is in ``report/text.py`` and ``report/json.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from .model import Claim, ClaimResult, Figure, Problem, Registry, Source, Topic
from .suggest import closest

__all__ = ["Match", "NoMatch", "find", "names", "suggest", "figure_refs"]

KINDS = ("topic", "claim", "figure", "source")


class Match(NamedTuple):
    """One item that a query names, and what to show with it.

    ``name`` is qualified (``treason``, ``treason_nearly_fourfold``,
    ``treason.treason_2024``, ``treason.istories``); ``claims`` pairs each
    claim to show with its result (``None`` when it could not be checked).
    """

    kind: str
    name: str
    topic: Topic
    sources: tuple[Source, ...]
    figures: tuple[Figure, ...]
    claims: tuple[tuple[Claim, ClaimResult | None], ...]
    problems: tuple[Problem, ...] = ()


class NoMatch(LookupError):
    """No topic, claim, figure or source has the name asked for."""

    def __init__(self, query: str, suggestions: list[str]) -> None:
        super().__init__(query)
        self.query = query
        self.suggestions = suggestions

    def __str__(self) -> str:
        text = f"no topic, claim, figure or source is named {self.query!r}"
        if self.suggestions:
            text += "; did you mean " + ", ".join(self.suggestions) + "?"
        return text


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def figure_refs(claim: Claim, topic: Topic) -> tuple[str, ...]:
    """The figures of ``topic`` that the claim's ``of`` and ``vs`` use, in the
    order they are written (``convictions[2024]`` uses ``convictions``)."""
    seen: dict[str, None] = {}
    for text in (claim.of_text, claim.vs_text or ""):
        for name in _NAME.findall(text):
            if name in topic.figures:
                seen.setdefault(name)
    return tuple(seen)


def names(registry: Registry) -> list[str]:
    """Every name a query can give, qualified and bare, without repeats."""
    out: dict[str, None] = {}
    for topic in registry.topics:
        out.setdefault(topic.name)
        for claim in topic.claims:
            out.setdefault(claim.id)
        for item in (*topic.figures, *topic.sources):
            out.setdefault(f"{topic.name}.{item}")
            out.setdefault(item)
    return list(out)


def suggest(query: str, registry: Registry, *, n: int = 5) -> list[str]:
    """The names nearest to ``query``, best first."""
    candidates = names(registry)
    lowered = {c.lower(): c for c in candidates}
    close = closest(query.lower(), lowered, n=n)
    return [lowered[c] for c in close]


def find(query: str, registry: Registry, results: Iterable[ClaimResult] = (),
         problems: Iterable[Problem] = ()) -> list[Match]:
    """Every item named ``query``: exactly, else ignoring case.

    ``topic.item`` names a figure, source or claim of that topic; a bare name
    may match in several topics.  Raises :class:`NoMatch` with the nearest
    names when nothing matches.
    """
    by_claim = {r.claim.id: r for r in results}
    problems = tuple(problems)
    q = query.strip()
    for same in (lambda a, b: a == b, lambda a, b: a.lower() == b.lower()):
        found = _find(q, registry, by_claim, problems, same)
        if found:
            return found
    raise NoMatch(query, suggest(q, registry))


def _find(q: str, registry: Registry, by_claim: dict[str, ClaimResult], problems: tuple[Problem, ...],
          same: Callable[[str, str], bool]) -> list[Match]:
    out: list[Match] = []
    for topic in registry.topics:
        ctx = _Context(topic, by_claim, tuple(p for p in problems if p.file == topic.file))
        if same(topic.name, q):
            out.append(ctx.whole())
        prefix, dot, bare = q.partition(".")
        if dot and not same(topic.name, prefix):
            continue
        item = bare if dot else q
        for claim in topic.claims:
            if same(claim.id, item):
                out.append(ctx.claim(claim))
        for fid in topic.figures:
            if same(fid, item):
                out.append(ctx.figure(fid))
        for sid in topic.sources:
            if same(sid, item):
                out.append(ctx.source(sid))
    out.sort(key=lambda m: KINDS.index(m.kind))
    return out


class _Context(NamedTuple):
    topic: Topic
    by_claim: dict[str, ClaimResult]
    problems: tuple[Problem, ...]

    def _claims(self, claims: Iterable[Claim]) -> tuple[tuple[Claim, ClaimResult | None], ...]:
        return tuple((c, self.by_claim.get(c.id)) for c in claims)

    def _sources(self, ids: Iterable[str | None]) -> tuple[Source, ...]:
        wanted = {i for i in ids if i}
        return tuple(s for sid, s in self.topic.sources.items() if sid in wanted)

    def whole(self) -> Match:
        t = self.topic
        return Match("topic", t.name, t, tuple(t.sources.values()), tuple(t.figures.values()),
                     self._claims(t.claims), self.problems)

    def claim(self, claim: Claim) -> Match:
        t = self.topic
        figures = tuple(t.figures[f] for f in figure_refs(claim, t))
        sources = self._sources([claim.source, *(f.source for f in figures)])
        return Match("claim", claim.id, t, sources, figures, self._claims([claim]), self.problems)

    def figure(self, fid: str) -> Match:
        t = self.topic
        figure = t.figures[fid]
        claims = [c for c in t.claims if fid in figure_refs(c, t)]
        return Match("figure", f"{t.name}.{fid}", t, self._sources([figure.source]), (figure,),
                     self._claims(claims), self.problems)

    def source(self, sid: str) -> Match:
        t = self.topic
        figures = tuple(f for f in t.figures.values() if f.source == sid)
        fids = {f.id for f in figures}
        claims = [c for c in t.claims if c.source == sid or fids.intersection(figure_refs(c, t))]
        return Match("source", f"{t.name}.{sid}", t, (t.sources[sid],), figures,
                     self._claims(claims), self.problems)
