"""Export checked claims: schema.org ClaimReview JSON-LD.

One ``ClaimReview`` per distinct claim text, in registry order, as a JSON
list, in the shape Google's structured-data guidelines ask for:

* ``claimReviewed`` is the claim's ``claim_reviewed`` (a short wording),
  else its ``says`` phrase, never the whole quote;
* claims with the same ``claim_reviewed`` and source make one review,
  rated by the worst of their verdicts (two reviews of one text with
  contradictory ratings would be refused); so do claims without one that
  have the same ``says`` in the same sentence (``quote``);
* ``url`` is the review's own address: the ``base_url`` review setting and
  ``#`` the claim id (or what the caller's ``url_for`` gives);
* ``itemReviewed`` names who made the claim: the claim's source, else its
  figures' source, else the file's only source; a claim with none is
  exported without and reported through ``warn``;
* a claim with ``publish: false`` (one that only supports others) is left out.

Source dates and URLs were checked at load (ISO dates, http(s) only).
The rating is on a fixed, documented scale (docs/integration.md, "ClaimReview export"):

=============  ===============  =============
verdict        alternateName    ratingValue
=============  ===============  =============
holds          Accurate         4
imprecise      Imprecise        3
unverifiable   Unverifiable     2
fails          False            1
=============  ===============  =============

Nothing here depends on the clock: ``datePublished`` of the review is
written only when the caller passes a date, so the same registry gives
byte-identical output.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import Claim, ClaimResult, Problem, Registry, Source, Topic

__all__ = ["RATINGS", "BEST_RATING", "WORST_RATING", "claim_review", "claim_reviews", "claim_source", "review_url",
           "dumps", "write_atomic"]

#: verdict -> (alternateName, ratingValue)
RATINGS: dict[str, tuple[str, int]] = {
    "holds": ("Accurate", 4),
    "imprecise": ("Imprecise", 3),
    "unverifiable": ("Unverifiable", 2),
    "fails": ("False", 1),
}
BEST_RATING = 4
WORST_RATING = 1


def _present(obj: dict[str, Any]) -> dict[str, Any]:
    """``obj`` without the keys whose value is None or an empty mapping."""
    return {k: v for k, v in obj.items() if v is not None and v != {}}


def claim_review(
    result: ClaimResult,
    source: Source | None = None,
    *,
    review: Mapping[str, str] | None = None,
    date: str | None = None,
    url: str | None = None,
) -> dict[str, Any]:
    """The ClaimReview of one checked claim.

    ``source`` is the claim's source (who made the claim, when and where);
    ``review`` the ``author`` / ``url`` of the reviewing organisation (the
    ``review`` settings); ``date`` the review's ``datePublished``, if any;
    ``url`` the address of the review itself (a page and the claim's anchor).
    """
    claim, outcome = result.claim, result.outcome
    name, value = RATINGS[outcome.verdict]
    item: dict[str, Any] = {"@type": "Claim"}
    if source is not None:
        publisher = source.publisher or source.title
        item |= _present({
            "author": {"@type": "Organization", "name": publisher} if publisher else None,
            "datePublished": source.date,
            "appearance": {"@type": "CreativeWork", "url": source.url} if source.url else None,
        })
    review = review or {}
    author = _present({"@type": "Organization", "name": review.get("author"), "url": review.get("url")})
    return _present({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": claim.claim_reviewed or claim.says,
        "reviewRating": {
            "@type": "Rating",
            "alternateName": name,
            "ratingValue": value,
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "ratingExplanation": outcome.explanation,
        },
        "itemReviewed": item,
        "author": author if len(author) > 1 else None,
        "datePublished": date,
        "url": url,
    })


def review_url(base_url: str, claim: Claim) -> str:
    """A review's address: ``base_url`` (``{topic}`` in it replaced by the
    claim's topic) and ``#`` the claim id, the anchor of the claim on the page."""
    return base_url.replace("{topic}", claim.topic).split("#", 1)[0] + "#" + claim.id


def claim_source(claim: Claim, topic: Topic | None) -> Source | None:
    """Who made the claim: its own source, else the source of the first of
    its figures that has one, else the file's only source, else None."""
    if topic is None:
        return None
    sources = topic.sources
    if claim.source is not None:
        return sources.get(claim.source)
    from .show import figure_refs

    for fid in figure_refs(claim, topic):
        figure = topic.figures.get(fid)
        if figure is not None and figure.source is not None and figure.source in sources:
            return sources[figure.source]
    if len(sources) == 1:
        return next(iter(sources.values()))
    return None


def claim_reviews(
    registry: Registry,
    results: tuple[ClaimResult, ...] | list[ClaimResult],
    *,
    review: Mapping[str, str] | None = None,
    date: str | None = None,
    url_for: Callable[[Claim], str | None] | None = None,
    warn: Callable[[Problem], None] | None = None,
) -> list[dict[str, Any]]:
    """The ClaimReviews of ``results`` (see the module's docstring).

    ``url_for`` gives the review's own address for a claim (the HTML site
    passes its page URL and the claim's anchor); without it, the
    ``base_url`` of ``review`` is used when set.  ``warn`` receives a
    Problem for each published claim that names no source.
    """
    from .model import Problem

    topics = {(t.name, t.file): t for t in registry.topics}
    base_url = (review or {}).get("base_url")
    if url_for is None and base_url:
        url_for = lambda claim: review_url(base_url, claim)  # noqa: E731
    groups: dict[tuple[str, str | None, str | None], list[tuple[ClaimResult, Source | None]]] = {}
    for result in results:
        claim = result.claim
        if not claim.publish:
            continue
        source = claim_source(claim, topics.get((claim.topic, claim.file)))
        if source is None and warn is not None:
            warn(Problem(claim.file, claim.line, claim.column,
                         f"warning: claim {claim.id!r} is exported without a source (itemReviewed names nobody)",
                         "add source: to the claim or to its figures, naming one of the file's sources"))
        text = claim.claim_reviewed or claim.says
        who = None if source is None else f"{claim.file}#{source.id}"
        # one review per claim as published, by the same source: the same
        # claim_reviewed wording, or, without one, the same says phrase in
        # the same sentence (two "more than double" of different sentences
        # are two claims; the bare phrase does not say which)
        sentence = None if claim.claim_reviewed else claim.quote
        groups.setdefault((text, sentence, who), []).append((result, source))
    out = []
    for members in groups.values():
        first, source = members[0]
        worst = min((r for r, _ in members), key=lambda r: RATINGS[r.outcome.verdict][1])
        explanations = list(dict.fromkeys(r.outcome.explanation for r, _ in members))
        merged = worst._replace(claim=first.claim, outcome=worst.outcome._replace(explanation="; ".join(explanations)))
        url = url_for(first.claim) if url_for is not None else None
        out.append(claim_review(merged, source, review=review, date=date, url=url))
    return out


#: What json.dumps keeps raw with ensure_ascii=False although it is a control
#: character: DEL and C1 (C0 it escapes itself).
_RAW_CONTROL = re.compile("[\x7f-\x9f]")


def dumps(reviews: list[dict[str, Any]]) -> str:
    """JSON-LD text with a final newline (non-ASCII kept: quotes are text;
    control characters written as JSON escapes, never raw)."""
    text = json.dumps(reviews, indent=2, ensure_ascii=False) + "\n"
    # inside a JSON document such a character can only be inside a string,
    # where \u0085 stands for it exactly
    return _RAW_CONTROL.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder
    and ``os.replace``, so a reader never sees half a file."""
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        umask = os.umask(0)  # mkstemp makes the file 0600; give it the usual mode
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
