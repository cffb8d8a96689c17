"""A claim file (docs/claims-format.md) of what ``scan`` found in an article:
one source, a figure per number used (``null`` for a base the text does not
give), a claim per statement.  ``factcheck verify`` reads it as it is; the
``expect`` of each claim is the verdict scan found, so a desk edits the
figures it looks up and sees what changes.

The text is built here; writing it (atomically, never over a file without
``--force``) is the CLI's.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import ArticleScan, Statement
    from .mentions import Mention

__all__ = ["draft", "snake"]


def snake(text: str, *, limit: int = 3) -> str:
    """"Russian citizens" -> "russian_citizens": an id of a claim file."""
    words = re.findall(r"[a-z0-9]+", text.lower().replace("'", ""))
    out = "_".join(words[:limit]) or "figure"
    return out if re.match(r"[a-z_]", out) else "n_" + out


def _unique(base: str, taken: set[str]) -> str:
    name, k = base, 2
    while name in taken:
        name, k = f"{base}_{k}", k + 1
    taken.add(name)
    return name


def _noun_id(m: Mention | None, fallback: str) -> str:
    if m is not None and m.noun:
        return snake(m.noun.split()[-1] if len(m.noun.split()) > 2 else m.noun)
    return fallback


def draft(scans: list[ArticleScan], *, topic_title: str | None = None) -> str:
    """The YAML text of a claim file for the statements of ``scans``."""
    import yaml

    sources: dict[str, Any] = {}
    figures: dict[str, Any] = {}
    claims: dict[str, Any] = {}
    taken: set[str] = set()
    claim_ids: set[str] = set()
    for scan in scans:
        a = scan.article
        if not scan.statements:
            continue
        sid = _unique(snake(a.publisher or a.title or a.file.rsplit("/", 1)[-1].split(".")[0], limit=2), taken)
        sources[sid] = {k: v for k, v in (("title", a.title), ("publisher", a.publisher), ("url", a.url),
                                          ("date", a.date)) if v} or {"title": a.file}
        ids: dict[int, str] = {}
        from .sentences import split_sentences

        sentences = [" ".join(x.text.split()) for x in split_sentences(a.text)]
        for st in scan.statements:
            a_id = _figure(st, st.pairing.a.mention, "A", sid, figures, taken, ids, sentences)
            vs_id = None
            if st.pairing.b is not None:
                b = st.pairing.b.mention
                vs_id = _figure(st, b, "B", sid, figures, taken, ids, sentences)
            base = _noun_id(st.pairing.a.mention, "statement") + "_" + snake(st.reading, limit=2)
            cid = _unique(base, claim_ids | taken)
            claim: dict[str, Any] = {"says": st.says, "of": a_id}
            if vs_id is not None:
                claim["vs"] = vs_id
            claim["quote"] = " ".join(st.sentence.text.split())
            claim["source"] = sid
            if st.outcome.verdict != "holds":
                claim["expect"] = str(st.outcome.verdict)  # the word, not the enum (yaml represents plain str)
            claims[cid] = claim
    doc: dict[str, Any] = {}
    if topic_title:
        doc["title"] = topic_title
    if sources:
        doc["sources"] = sources
    if figures:
        doc["figures"] = figures
    doc["claims"] = claims
    head = "# Drafted by `factcheck scan --draft`: check every figure against its source\n" \
           "# (null figures are bases the article does not give) and every claim's `expect`.\n"
    body: str = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)  # PyYAML has no types
    return head + body


def _figure(st: Statement, m: Mention | None, role: str, sid: str, figures: dict[str, Any], taken: set[str],
            ids: dict[int, str], sentences: list[str]) -> str:
    """The id of the figure for ``m`` (added once per number), or of a new
    null figure for a base the text does not give."""
    if m is not None and m.start in ids:
        return ids[m.start]
    a = st.pairing.a.mention
    if m is None:
        noun = _noun_id(a, "figure")
        period = None
        if role == "B" and a is not None and a.period is not None:
            wanted = re.search(r"\b(1[89]\d\d|20\d\d)\b", st.pairing.b.reason if st.pairing.b else "")
            period = int(wanted[1]) if wanted else None
        if role == "A":
            period = st.pairing.period
        fid = _unique(noun + (f"_{period}" if period else "_" + ("base" if role == "B" else "total")), taken)
        entry: dict[str, Any] = {"value": None}
        if period:
            entry["period"] = period
        entry["note"] = "the article does not give this figure: look it up"
        figures[fid] = entry
        return fid
    fid = _unique(_noun_id(m, "figure") + (f"_{m.period}" if m.period else ""), taken)
    n = m.number
    from ..numbers import fmt
    from . import _rounded

    if m.hedge != "none":
        value: Any = f"{m.hedge_text.lower()} {fmt(n.value)}"
    elif n.value.denominator == 1:
        value = int(n.value)
    else:
        value = fmt(n.value)
    entry = {"value": value}
    if n.percent:
        entry["unit"] = "percent"
    elif m.currency:
        entry["unit"] = m.currency
    if _rounded(m):
        entry["rounded"] = True
    if m.noun:
        entry["what"] = m.noun
    if m.period:
        entry["period"] = m.period
    entry["source"] = sid
    if 0 <= m.sentence < len(sentences):
        entry["quote"] = sentences[m.sentence]  # the number's own sentence
    figures[fid] = entry
    ids[m.start] = fid
    return fid
