"""Choose A and B for a derived statement among the numbers of its article.

In order (issue 11): the numbers the reader itself names in the
statement's clause ("to 1,120" is A, "from 1,000" is B); then the same
sentence ("police recorded 1,240 burglaries in March, a rise of 24 per cent
..."); then, for B, a number elsewhere in the text whose period is the one
the statement compares with ("than in 2023", "from the previous year") and
whose noun matches.  A year, a date, an age, an ordinal, a period or a label
is never a figure; money is never paired with a head count, nor a
percentage with a count.  When several different numbers fit, the pairing
is unclear: no B is chosen and the candidates are listed.  Each choice
carries its reason, for the output.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from .mentions import COUNTABLE, Mention, stem

__all__ = ["Pick", "Pairing", "pair", "ANAPHORS"]

#: Sentence openings that point back to the figure of the sentence before.
ANAPHORS = re.compile(r"^(?:that|this|the|these|those|it|which)(?:\s+(?:figure|number|total|tally|count|rise|"
                      r"increase|fall|drop|decline|level|amount|sum|year's figure))?\b", re.I)
_B_WORDS = re.compile(r"(?:\bfrom|\bthan|\bagainst|\bversus|\bvs\.?|\bcompared (?:with|to)|\bon)"
                      r"(?:\s+(?:the|a|just|only|its|their|last year's|the previous year's|a year earlier's))?\s+$",
                      re.I)
_A_WORDS = re.compile(r"(?:\bto|\breaching|\breached|\btotalling|\btotaling|\bstood at)\s+$", re.I)
_PREVIOUS = re.compile(r"\b(?:the\s+)?(?:previous|prior|preceding)\s+year\b|\ba\s+year\s+(?:earlier|ago|before)\b|"
                       r"\bthe\s+year\s+before\b|\blast\s+year\b|\byear[- ]on[- ]year\b|\byear[- ]over[- ]year\b", re.I)
_FIRST_PERSON = frozenset(("ratio", "percent change", "fraction change", "difference"))


class Pick(NamedTuple):
    """A figure chosen for A or B (``mention`` None when the text has none)
    and why: "same clause: 'from 1,000'"."""

    mention: Mention | None
    reason: str


class Pairing(NamedTuple):
    a: Pick
    b: Pick | None  # None when the statement needs no B (a rate)
    candidates: tuple[Mention, ...] = ()
    period: int | None = None  # A's period (for rates)


def _quote(text: str, m: Mention, before: int = 30) -> str:
    """"'from 1,000'": the number with up to three words just before it, not
    reaching back over a clause or a sentence."""
    head = text[max(0, m.start - before):m.start]
    cut = max(head.rfind(c) for c in ",;:(—–.!?\n")
    if cut >= 0:
        head = head[cut + 1:]
    words = head.split()[-3:]
    return " ".join([*words, *text[m.start:m.end].split()])


def _compatible(a: Mention, b: Mention, family: str) -> bool:
    if a.form != b.form or a.form not in COUNTABLE:
        return False
    if a.form == "money" and a.currency != b.currency:
        return False
    if family == "percentage points":
        return a.form == "percentage"
    return True


def _wants_counts(family: str) -> bool:
    return family != "percentage points"


def _nouns_match(a: Mention | None, b: Mention, piece_words: frozenset[str]) -> bool:
    b_nouns = {stem(w) for w in (b.noun or "").split()}
    if a is None:
        return bool(b_nouns & piece_words)
    a_nouns = {stem(w) for w in (a.noun or "").split()}
    return bool(b_nouns & (a_nouns | a.context | piece_words))


def pair(text: str, family: str, piece: tuple[int, int], used: set[int], anchors: dict[str, Mention],
         sentence_mentions: list[Mention], sentence_start: int, previous: list[Mention],
         all_mentions: list[Mention], *, piece_years: list[int], first_piece: bool,
         needs_b: bool, following: Sequence[Mention] = ()) -> Pairing:
    """A and B for one statement.

    ``piece`` is the statement's clause (offsets into ``text``); ``used``
    the starts of the numbers the statement itself is made of; ``anchors``
    the numbers the reader names as A or B in the clause; ``previous`` the
    numbers of the sentence before; ``piece_years`` the years the clause
    names."""
    lo, hi = piece
    piece_words = frozenset(stem(w) for w in re.findall(r"[A-Za-z]{3,}", text[lo:hi]))
    if needs_b and "A" not in anchors and "B" not in anchors:
        got = _next_sentence(text, family, used, sentence_mentions, following, piece_words)
        if got is not None:
            return got
    a_pick = _pick_a(text, family, lo, hi, used, anchors, sentence_mentions, sentence_start, previous, first_piece)
    if not needs_b:
        a = a_pick.mention
        return Pairing(a_pick, None, (), a.period if a is not None else (piece_years[0] if piece_years else None))
    if a_pick.reason.startswith("previous sentence") and "B" not in anchors:
        a = a_pick.mention
        others = [m for m in previous if m is not a and _compatible(a, m, family) and m.value != a.value
                  and _nouns_match(a, m, piece_words)]
        if len({m.value for m in others}) == 1:
            return Pairing(a_pick, Pick(others[0], f"previous sentence: '{_quote(text, others[0])}'"))
    b_pick, candidates = _pick_b(text, family, lo, hi, used, anchors, a_pick.mention, sentence_mentions,
                                 all_mentions, piece_years)
    return Pairing(a_pick, b_pick, candidates)


def _next_sentence(text, family, used, sentence_mentions, following, piece_words) -> Pairing | None:
    """"Sales fell 2 percent. ... Sales fell to $1.36 billion, from $1.39
    billion.": a statement with no figures of its own sentence, whose next
    sentence gives a figure and its base ("from", "compared to") with
    nouns of the statement."""
    wanted = {"percentage"} if family == "percentage points" else {"count", "money"}
    own = [m for m in sentence_mentions if m.start not in used and m.form in wanted]
    if own:
        return None
    figures = [m for m in following if m.form in wanted and m.hedge == "none"]
    if len(figures) != 2:
        return None
    a, b = figures
    if not _B_WORDS.search(text[max(0, b.start - 30):b.start]) or not _compatible(a, b, family):
        return None
    if not (piece_words & (a.context | {stem(w) for w in (a.noun or "").split()})):
        return None
    return Pairing(Pick(a, f"next sentence: '{_quote(text, a)}'"), Pick(b, f"next sentence: '{_quote(text, b)}'"))


def _pick_a(text, family, lo, hi, used, anchors, sentence_mentions, sentence_start, previous, first_piece) -> Pick:
    if "A" in anchors:
        return Pick(anchors["A"], f"same clause: '{_quote(text, anchors['A'])}'")
    wanted = {"percentage"} if family == "percentage points" else {"count", "money"}
    before = [m for m in sentence_mentions if m.end <= lo and m.start not in used and m.form in wanted
              and not _B_WORDS.search(text[max(0, m.start - 30):m.start])]
    if before:
        to_words = [m for m in before if _A_WORDS.search(text[max(0, m.start - 20):m.start])]
        m = (to_words or before)[-1]
        return Pick(m, f"same sentence: '{_quote(text, m)}'")
    lead = text[sentence_start:lo].strip()
    opening = text[sentence_start:hi]
    if first_piece and ANAPHORS.match(opening) and previous:
        cands = [m for m in previous if m.form in wanted]
        if cands:
            m = cands[-1]
            return Pick(m, f"previous sentence: '{_quote(text, m)}'")
    del lead
    return Pick(None, "not in the text")


def _pick_b(text, family, lo, hi, used, anchors, a, sentence_mentions, all_mentions, piece_years):
    if "B" in anchors:
        return Pick(anchors["B"], f"same clause: '{_quote(text, anchors['B'])}'"), ()
    if a is None:
        return Pick(None, "not in the text"), ()
    # the same sentence: a number named as a base ("from 1,000", "than 39")
    same = [m for m in sentence_mentions if m is not a and m.start not in used and _compatible(a, m, family)
            and _B_WORDS.search(text[max(0, m.start - 30):m.start])]
    if len({m.value for m in same}) == 1:
        return Pick(same[0], f"same sentence: '{_quote(text, same[0])}'"), ()
    if len(same) > 1:
        return Pick(None, "unclear: several numbers could be the base"), tuple(same)
    # elsewhere: the period the statement compares with, and a matching noun
    piece_text = text[lo:hi]
    period = piece_years[0] if len(piece_years) == 1 else None
    relative = False
    if period is None and _PREVIOUS.search(piece_text) and a.period is not None:
        period, relative = a.period - 1, True
    if period is None:
        return Pick(None, "not in the text"), ()
    piece_words = frozenset(stem(w) for w in re.findall(r"[A-Za-z]{3,}", piece_text))
    found = [m for m in all_mentions if m is not a and m.start not in used and m.period == period
             and _compatible(a, m, family) and m.hedge == "none" and _nouns_match(a, m, piece_words)]
    values = {m.value for m in found}
    what = f"{period}" + (" (the year before A's)" if relative else "")
    if len(values) == 1:
        m = found[0]
        where = "same sentence" if any(m is x for x in sentence_mentions) else "nearby"
        return Pick(m, f"{where}: '{_quote(text, m)}' (of {what})"), ()
    if len(values) > 1:
        return Pick(None, f"unclear: several numbers of {what} could be the base"), tuple(found)
    return Pick(None, f"not in the text (a figure of {what})"), ()
