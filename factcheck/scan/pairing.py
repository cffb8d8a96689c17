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
from collections.abc import Sequence, Set
from typing import NamedTuple

from .mentions import _CONTENT_STOP, COUNTABLE, Mention, stem
from .sentences import Sentence

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
#: "down from the previous year, when there were 3,165": the base named after its period
_WHEN_BEFORE = re.compile(r"(?:\b(?:previous|prior|preceding)\s+year|\ba\s+year\s+(?:earlier|ago|before)|"
                          r"\bthe\s+year\s+before|\blast\s+year),?\s+when\s+(?:there\s+(?:were|was)|"
                          r"(?:it|they|the\s+\w+)\s+(?:was|were|stood\s+at|totalled|totaled))\s+$", re.I)
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
    cuts = [x.end() for x in re.finditer(r"[,;:.!?](?!\d)|[(—–\n…]", head)]  # not the comma of "1,450"
    if cuts:
        head = head[cuts[-1]:]
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
         needs_b: bool, following: Sequence[Mention] = (),
         window: Sequence[tuple[int, Sentence, Sequence[Mention]]] = (),
         claimed: frozenset[int] = frozenset()) -> Pairing:
    """A and B for one statement.

    ``piece`` is the statement's clause (offsets into ``text``); ``used``
    the starts of the numbers the statement itself is made of; ``anchors``
    the numbers the reader names as A or B in the clause; ``previous`` the
    numbers of the sentence before; ``piece_years`` the years the clause
    names; ``window`` the sentences around the statement's, nearest first,
    each with its distance (-1: the sentence before) and its numbers;
    ``claimed`` the starts of the figures another statement's clause
    names ("March sales rose 32 percent, to $346.7 million from $263.2
    million"), which a statement of another sentence does not take."""
    lo, hi = piece
    piece_words = frozenset(stem(w) for w in re.findall(r"[A-Za-z]{3,}", text[lo:hi]))
    if needs_b and "A" not in anchors and "B" not in anchors:
        got = _next_sentence(text, family, used, sentence_mentions, following, piece_words)
        if got is not None:
            return got
    a_pick = _pick_a(text, family, lo, hi, used, anchors, sentence_mentions, sentence_start, previous, first_piece)
    if needs_b and a_pick.mention is None and "B" not in anchors:
        got = _after(text, family, lo, hi, used, sentence_mentions) \
            or _nearby(text, family, lo, hi, used | claimed, sentence_mentions, window, None)
        if got is not None:
            return got
    a = a_pick.mention
    if not needs_b:
        return Pairing(a_pick, None, (), a.period if a is not None else (piece_years[0] if piece_years else None))
    if a is not None and a_pick.reason.startswith("previous sentence") and "B" not in anchors:
        based = [m for m in previous if m is not a and _compatible(a, m, family) and m.value != a.value
                 and _B_WORDS.search(text[max(0, m.start - 30):m.start])]
        if len({m.value for m in based}) == 1:  # "2,902 offences as compared with 3,165. That reflects ..."
            return Pairing(a_pick, Pick(based[0], f"previous sentence: '{_quote(text, based[0])}'"))
        others = [m for m in previous if m is not a and _compatible(a, m, family) and m.value != a.value
                  and _nouns_match(a, m, piece_words)]
        if len({m.value for m in others}) == 1:
            return Pairing(a_pick, Pick(others[0], f"previous sentence: '{_quote(text, others[0])}'"))
    b_pick, candidates = _pick_b(text, family, lo, hi, used, anchors, a, sentence_mentions,
                                 all_mentions, piece_years)
    if b_pick.mention is None and not candidates and a_pick.reason.startswith("same sentence") and window \
            and a is not None and a.period is not None:
        # "In the same period between 2015 and 2016 there were 31,966 crimes logged - a rise of 7,762":
        # the sentence's figure may be the base of one of a later period nearby
        got = _nearby(text, family, lo, hi, used | claimed, sentence_mentions, window, a)
        if got is not None and got.b is not None and a in (got.a.mention, got.b.mention):
            return got
    return Pairing(a_pick, b_pick, candidates)


# --------------------------------------------------------------------------
# figures of nearby sentences
# --------------------------------------------------------------------------

#: Words that say what changed or how, not what was counted.
_NOT_KEYWORDS = frozenset(stem(w) for w in (
    "rise rises rose risen rising fall falls fell fallen falling increase increased increases increasing "
    "decrease decreased decreasing decline declined declining drop dropped dropping grew grow grown growth "
    "jump jumped climb climbed soar soared surge surged plunge plunged gain gained slump slumped rebound "
    "higher lower more fewer less greater smaller larger sharply slightly almost nearly around "
    "percent per cent cents quarter half third fold times double doubled tripled halved compared "
    "record recorded report reported show shows showed data figures total overall number numbers statistics "
    "new latest said says according period year years month months week weeks earlier ago previous prior "
    "same there were was has have had this that than from with".split()))
#: Nouns that count the same thing in business copy.
_SYNONYMS = {stem("revenue"): stem("sales"), stem("turnover"): stem("sales")}
#: A number that is itself a change ("a rise of 7,762", "+330", "458,021 more offences"), not a figure.
_CHANGE_BEFORE = re.compile(r"(?:\b(?:rise|increase|fall|drop|decline|decrease|jump|gain|reduction|cut|loss|"
                            r"up|down|rose|fell|increased|decreased|grew|dropped|declined|climbed|jumped|risen|"
                            r"fallen|gone up|gone down)\s+(?:of|by)\s+(?:[a-z]+\s+){0,2}|\+\s?)$", re.I)
#: Words left out of a quotation: what related the figures on its far side to
#: the statement may have gone with them ("up by almost 20% … 114 in 2022").
_ELLIPSIS = re.compile(r"…|\.\s?\.\s?\.")
_CHANGE_AFTER = re.compile(r"^\s+(?:more|fewer|less|extra|additional)\b", re.I)


def _keywords(words: str) -> frozenset[str]:
    out = set()
    for w in re.findall(r"[A-Za-z][A-Za-z'’]{2,}", words):
        if w.lower() in _CONTENT_STOP:
            continue
        k = stem(w)
        if k not in _NOT_KEYWORDS:
            out.add(_SYNONYMS.get(k, k))
    return frozenset(out)


def _figure_words(text: str, m: Mention) -> frozenset[str]:
    """What a figure counts: its noun and the few words just before it in
    its clause ("on revenue of $1.67 billion", "total sales fell to $1.47 billion")."""
    head = re.split(r"[,;:(—–]\s|[.!?]\s|\n", text[max(0, m.start - 40):m.start])[-1]
    near = " ".join(re.findall(r"[A-Za-z][A-Za-z'’]+", head)[-4:])
    return _keywords(near) | _keywords(m.noun or "")


def _is_change(text: str, m: Mention) -> bool:
    return bool(_CHANGE_BEFORE.search(text[max(0, m.start - 40):m.start]) or _CHANGE_AFTER.match(text[m.end:m.end + 20]))


def _after(text: str, family: str, lo: int, hi: int, used: Set[int],
           sentence_mentions: Sequence[Mention]) -> Pairing | None:
    """"have risen by 8%, with 295 incidents this year against 272 last
    year": a statement with no figure before it, followed in its sentence by
    a figure and its base (and no other figure)."""
    wanted = {"percentage"} if family == "percentage points" else {"count", "money"}
    figures = [m for m in sentence_mentions if m.start >= hi and m.start not in used and m.form in wanted]
    if len(figures) != 2 or not _compatible(figures[0], figures[1], family):
        return None
    a, b = figures
    if _B_WORDS.search(text[max(0, a.start - 30):a.start]) or not _B_WORDS.search(text[max(0, b.start - 30):b.start]):
        return None
    if any(m.form in ("percentage", "multiplier", "fraction") for m in sentence_mentions if hi <= m.start < b.start):
        return None  # another statement comes between
    return Pairing(Pick(a, f"same sentence: '{_quote(text, a)}'"), Pick(b, f"same sentence: '{_quote(text, b)}'"))


def _nearby(text: str, family: str, lo: int, hi: int, used: Set[int], sentence_mentions: Sequence[Mention],
            window: Sequence[tuple[int, Sentence, Sequence[Mention]]], a: Mention | None) -> Pairing | None:
    """A and B among the figures of the sentences around a statement whose
    own sentence gives at most one of them ("Recorded crimes increased by
    almost 25 per cent." ... "39,638 crimes were recorded between June 2016
    and the same month this year." ... "In the same period between 2015 and
    2016 there were 31,966 crimes logged.").  A figure takes part when it
    counts what the statement (or its one figure ``a``) speaks of.  First a
    neighbouring sentence that gives a figure and its base ("from 169,120
    reports to 210,497"); else one figure of the latest period and one of
    an earlier ("a year earlier", "the previous year", "than", an earlier
    year).  More than one of either: unclear, with the candidates."""
    wanted = {"percentage"} if family == "percentage points" else {"count", "money"}
    if not window:
        return None
    keys = _keywords(text[lo:hi])
    if a is not None:
        keys |= _figure_words(text, a)
    if not keys:
        return None

    def usable(m: Mention) -> bool:
        between = text[lo:m.start] if m.start >= hi else text[m.end:hi]
        return m.form in wanted and m.hedge == "none" and m.start not in used and not _is_change(text, m) \
            and (a is None or _compatible(a, m, family)) and not _ELLIPSIS.search(between)

    # a neighbouring sentence with a figure and its base
    if a is None:
        for delta, sent, ms in window:
            if delta != 1:
                continue  # figures before a statement are not its own: a lede comes first, then its figures
            figures = [m for m in ms if usable(m)]
            if len(figures) != 2 or not _compatible(figures[0], figures[1], family):
                continue
            based = [m for m in figures if _B_WORDS.search(text[max(0, m.start - 30):m.start])]
            if len(based) != 1 or not (keys & _keywords(sent.text)):
                continue
            b = based[0]
            m = figures[0] if figures[1] is b else figures[1]
            where = "next sentence"
            return Pairing(Pick(m, f"{where}: '{_quote(text, m)}'"), Pick(b, f"{where}: '{_quote(text, b)}'"))
    # one figure of the latest period, one of an earlier, with the statement's nouns
    found: list[tuple[Mention, str]] = []
    here: list[tuple[int, Sentence | None, Sequence[Mention]]] = [(0, None, [a] if a is not None else [])]  # a clause of its own sentence is another statement's
    for _, sentence, ms in [*here, *window]:
        for m in ms:
            if m is not a and not (usable(m) and keys & _figure_words(text, m)):
                continue
            found.append((m, sentence.text if sentence is not None else text[lo:hi]))
    if len(found) < 2:
        return None
    latest = max((m.period for m, _ in found if m.period is not None), default=None)
    current: list[Mention] = []
    earlier: list[Mention] = []
    for m, sentence_text in found:
        before = text[max(0, m.start - 30):m.start]
        if _B_WORDS.search(before) or (m.period is not None and latest is not None and m.period < latest):
            earlier.append(m)
        elif _A_WORDS.search(before) or (m.period is not None and m.period == latest):
            current.append(m)
        elif _PREVIOUS.search(sentence_text[:max(0, sentence_text.find(m.text))]):
            earlier.append(m)  # "A year earlier the company earned ... on revenue of $1.67 billion"
        else:
            current.append(m)
    if not earlier or not current:
        return None
    if len({m.value for m in current}) > 1 or len({m.value for m in earlier}) > 1:
        return Pairing(Pick(None, "unclear: several numbers nearby could be the figures"),
                       Pick(None, "unclear: several numbers nearby could be the figures"),
                       tuple(m for m, _ in found))
    x, y = current[0], earlier[0]
    if x.value == y.value:
        return None

    def reason(m: Mention, what: str) -> str:
        where = "same sentence" if any(m is z for z in sentence_mentions) else "nearby"
        of = f" (of {m.period})" if m.period is not None else f" ({what})"
        return f"{where}: '{_quote(text, m)}'{of}"

    return Pairing(Pick(x, reason(x, "the latest")), Pick(y, reason(y, "earlier")))


def _next_sentence(text: str, family: str, used: Set[int], sentence_mentions: Sequence[Mention],
                   following: Sequence[Mention], piece_words: frozenset[str]) -> Pairing | None:
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


def _pick_a(text: str, family: str, lo: int, hi: int, used: Set[int], anchors: dict[str, Mention],
            sentence_mentions: Sequence[Mention], sentence_start: int, previous: Sequence[Mention],
            first_piece: bool) -> Pick:
    if "A" in anchors:
        return Pick(anchors["A"], f"same clause: '{_quote(text, anchors['A'])}'")
    wanted = {"percentage"} if family == "percentage points" else {"count", "money"}
    if "B" in anchors:
        to = [m for m in sentence_mentions if lo <= m.start < hi and m.start not in used and m is not anchors["B"]
              and _compatible(anchors["B"], m, family) and not _is_change(text, m)]
        if len(to) == 1:  # "almost doubled from 23 to 43", "4,986 this year versus 4,977 last year"
            return Pick(to[0], f"same clause: '{_quote(text, to[0])}'")
    before = [m for m in sentence_mentions if m.end <= lo and m.start not in used and m.form in wanted
              and not _B_WORDS.search(text[max(0, m.start - 30):m.start])]
    if before:
        to_words = [m for m in before if _A_WORDS.search(text[max(0, m.start - 20):m.start])]
        m = (to_words or before)[-1]
        return Pick(m, f"same sentence: '{_quote(text, m)}'")
    opening = text[sentence_start:hi]
    if first_piece and ANAPHORS.match(opening) and previous:
        cands = [m for m in previous if m.form in wanted]
        if cands:
            figures = [m for m in cands if not _B_WORDS.search(text[max(0, m.start - 30):m.start])]
            m = (figures or cands)[-1]
            return Pick(m, f"previous sentence: '{_quote(text, m)}'")
    return Pick(None, "not in the text")


def _pick_b(text: str, family: str, lo: int, hi: int, used: Set[int], anchors: dict[str, Mention],
            a: Mention | None, sentence_mentions: Sequence[Mention], all_mentions: Sequence[Mention],
            piece_years: Sequence[int]) -> tuple[Pick, tuple[Mention, ...]]:
    if "B" in anchors:
        return Pick(anchors["B"], f"same clause: '{_quote(text, anchors['B'])}'"), ()
    if a is None:
        return Pick(None, "not in the text"), ()
    # the same sentence: a number named as a base ("from 1,000", "than 39")
    same = [m for m in sentence_mentions if m is not a and m.start not in used and _compatible(a, m, family)
            and (_B_WORDS.search(text[max(0, m.start - 30):m.start])
                 or _WHEN_BEFORE.search(text[max(0, m.start - 80):m.start]))]
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
