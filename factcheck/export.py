"""Export checked claims: schema.org ClaimReview JSON-LD.

One ``ClaimReview`` per checked claim, in registry order, as a JSON list.
The rating is on a fixed, documented scale (README, "ClaimReview export"):

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
    from .model import Claim, ClaimResult, Registry, Source

__all__ = ["RATINGS", "BEST_RATING", "WORST_RATING", "claim_review", "claim_reviews", "dumps", "write_atomic"]

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
        "claimReviewed": claim.quote or claim.says,
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


def claim_reviews(
    registry: Registry,
    results: tuple[ClaimResult, ...] | list[ClaimResult],
    *,
    review: Mapping[str, str] | None = None,
    date: str | None = None,
    url_for: Callable[[Claim], str | None] | None = None,
) -> list[dict[str, Any]]:
    """A ClaimReview for each result, with the claim's source from its topic.

    ``url_for`` gives the review's own address for a claim (the HTML site
    passes its page URL and the claim's anchor).
    """
    sources = {(t.name, t.file): t.sources for t in registry.topics}
    out = []
    for result in results:
        claim = result.claim
        source = sources.get((claim.topic, claim.file), {}).get(claim.source) if claim.source else None
        url = url_for(claim) if url_for is not None else None
        out.append(claim_review(result, source, review=review, date=date, url=url))
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
