"""Every number of a sentence, where it stands, its form (count, money,
percentage, year, date, age, period, ordinal, label, multiplier, fraction)
and the noun it counts.

The numbers are found with the engine's own token pattern
(``phrases._TOKEN_RE``, built from the grammar of numbers.py) and read with
``numbers.read_number``: one grammar for verify and scan.  Only the forms
are added here, from the engine's vocabularies of time units, months,
ages, labels and currencies.
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import NamedTuple

from ..numbers import CURRENCY_CODES, PERCENT_PATTERN, Interval, NumberError, ReadNumber, read_number
from ..phrases import (
    _AGE_BEFORE,
    _CHARACTERS,
    _CLOCK,
    _LABEL_BEFORE,
    _MONTHS,
    _MULT_VERBS,
    _TIME_UNITS,
    _TOKEN_RE,
    _hedge_before,
)

__all__ = ["Mention", "find_mentions", "stem", "COUNTABLE"]

#: Forms that can be A or B of a derived statement.
COUNTABLE = frozenset(("count", "money", "percentage"))


class Mention(NamedTuple):
    """One number as written in the article.

    ``start``/``end`` are offsets into the article's text and cover the
    number with its hedge ("at least 209"); ``number`` is the number alone
    as the engine reads it.  ``noun`` is the noun phrase it counts
    ("Russian citizens"), ``context`` the stems of its clause's words.
    ``period`` is the year it is of, when its clause names one.
    """

    start: int
    end: int
    text: str
    number: ReadNumber
    form: str
    hedge: str = "none"  # a hedge kind of numbers.HEDGES, or "none"
    hedge_text: str = ""
    noun: str | None = None
    period: int | None = None
    currency: str | None = None
    context: frozenset[str] = frozenset()
    sentence: int = 0

    @property
    def value(self) -> Fraction:
        return self.number.value

    @property
    def figure_text(self) -> str:
        """The number as a figure value: "at least 209", "13,699", "24%"."""
        n = self.number.text
        return f"{self.hedge_text} {n}" if self.hedge_text else n


_PERCENT_AFTER = re.compile(r"^" + PERCENT_PATTERN, re.I)
_CODE_AFTER = re.compile(r"^\s?(?:" + CURRENCY_CODES + r")\b", re.I)
_ORDINAL = re.compile(r"\b\d+(?:st|nd|rd|th)\b|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
                      r"tenth|eleventh|twelfth|twentieth|hundredth)\b", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|[,.;:!?()\[\]—–]|\d[\d,.]*%?")

#: Words that end the noun phrase after a number.
_STOP = frozenset(
    "were was is are be been being have has had will would could should may might can do did does "
    "in of on at for to from by with and or but than that who which whose when where while as into "
    "per a an the this these those last next since during after before until about over under between "
    "more fewer less higher lower up down compared against versus vs year-on-year so not also "
    "recorded reported said received convicted found people's its their his her our it they he she we "
    "times fold percent".split())
_STOP_PLUS = _STOP - {"people's"}
#: Words that never head a noun phrase by themselves.
_NOT_NOUNS = frozenset("other such new total some all many most both each every only just nearly almost "
                       "about around roughly least record".split())
#: Words that say nothing of what a clause is about.
_CONTENT_STOP = (_STOP - frozenset("recorded reported convicted found received more fewer less higher lower up down".split())) \
    | _NOT_NOUNS | frozenset("year years month months last previous same number figure figures".split())


def stem(word: str) -> str:
    """A crude stem, for matching nouns and verbs across sentences:
    "convictions", "convicted" and "conviction" share "convic"."""
    w = word.lower().strip("'’")
    for suffix in ("ations", "ation", "ions", "ion", "ings", "ing", "ies", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            break
    if w.endswith("e") and len(w) >= 4:
        w = w[:-1]  # "crime" and "crimes", "sale" and "sales"
    return w[:6]


def _lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):  # "İ" and a few others lengthen when lowered
        low = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    return low.translate(_CHARACTERS)


_YEAR = re.compile(r"(1[89]|20)\d\d")


def find_mentions(text: str, start: int, end: int, *, sentence: int = 0, article_year: int | None = None) -> list[Mention]:
    """The numbers of ``text[start:end]`` (a sentence), in order."""
    s = text[start:end]
    low = _lower_same_length(s)
    # "last year—4,986 this year": a dash between a word and a number is a pause, not a minus or a range
    low = "".join(" " if ch in "—–" and 0 < k < len(s) - 1 and s[k - 1].isalpha() and s[k + 1].isdigit() else low[k]
                  for k, ch in enumerate(s)) if ("—" in s or "–" in s) else low
    found: list[Mention] = []
    for m in _TOKEN_RE.finditer(low):
        mention = _mention(s, low, m, start, sentence)
        if mention is not None:
            found.append(mention)
    for m in _ORDINAL.finditer(s):
        if not any(x.start - start <= m.start() < x.end - start for x in found):
            try:
                n = read_number(re.sub(r"(st|nd|rd|th)$", "", m[0]) if m[0][0].isdigit() else "one")
            except NumberError:
                continue
            if not m[0][0].isdigit():
                continue  # "first", "a third": words, not figures
            found.append(Mention(start + m.start(), start + m.end(), m[0], n, "ordinal", sentence=sentence))
    found.sort(key=lambda x: x.start)
    _add_periods(found, s, low, start, article_year)
    _inherit_nouns(found, s, start)
    return found


def _mention(s: str, low: str, m: re.Match[str], offset: int, sentence: int) -> Mention | None:
    a, b = m.start(), m.end()
    if m["mult"]:
        word = m["mult"]
        v = Fraction(_MULT_VERBS[word])
        n = ReadNumber(v, _point(v), None, s[a:b], False, True)
        return Mention(offset + a, offset + b, s[a:b], n, "multiplier", sentence=sentence)
    pct = bool(m["pct"] or m["wpct"])
    after = low[b:]
    if not pct:
        p = _PERCENT_AFTER.match(after)
        if p:
            b += p.end()
            pct = True
    code = None
    if m["num"] and not pct:
        c = _CODE_AFTER.match(low[b:])
        if c:
            code = c[0].strip()
            b += c.end()
    raw = s[a:b]
    try:
        n = read_number(raw.replace("\n", " "))
    except NumberError:
        return None
    if m["words"] and m["words"].strip() in ("a", "an"):
        return None
    if n.words and n.value == 1 and re.match(r"\s+of\b", after):
        return None  # "one of the highest": a pronoun
    # fraction words and multiplier words belong to statements, not figures
    if m["words"] and not pct and 0 < n.value < 1:
        return Mention(offset + a, offset + b, raw, n, "fraction", sentence=sentence)
    if re.match(r"\s?(?:-\s?)?(?:times|fold|x\b|×)", after) or re.match(r"fold\b", low[b:]):
        return Mention(offset + a, offset + b, raw, n, "multiplier", sentence=sentence)
    form = _form(m, n, s, low, a, b, pct, code)
    if form == "count" and n.words and n.value == 1:
        form = "label"  # "one shop", "one of": a pronoun more often than a figure
    hedge, hedge_text, at = _hedge_of(s, low, a)
    currency = (m["cur"] or code or "").strip().upper() or None
    noun = _noun(s, b) if form in ("count", "money") else None
    ctx = _context(s, a, b)
    return Mention(offset + at, offset + b, s[at:b], n, form, hedge, hedge_text, noun, None, currency, ctx, sentence)


def _point(v: Fraction) -> Interval:
    return Interval.point(v)


def _hedge_of(s: str, low: str, a: int) -> tuple[str, str, int]:
    """The hedge just before a number ("at least", "nearly"), as the engine reads it."""
    left = re.sub(r"\s+", " ", low[:a])
    if not left.endswith(" "):
        return "none", "", a
    kind, words, _ = _hedge_before(left)
    if kind == "none":
        return "none", "", a
    # where the hedge starts in the original (whitespace may differ)
    pattern = r"\s+".join(re.escape(w) for w in words.split(" ")) + r"\s+$"
    hm = re.search(pattern, low[:a])
    if not hm:
        return "none", "", a
    return kind, s[hm.start():hm.start() + len(s[hm.start():a].rstrip())], hm.start()


def _form(m: re.Match[str], n: ReadNumber, s: str, low: str, a: int, b: int, pct: bool, code: str | None) -> str:
    if pct:
        return "percentage"
    if m["cur"] or code:
        return "money"
    num = m["num"]
    before = re.findall(r"[a-z.]+", low[max(0, a - 30):a])
    after = re.findall(r"[a-z]+", low[b:b + 30])
    nxt = low[b:b + 1]
    if num and _YEAR.fullmatch(num) and not m["scale"] and not (after[:1] and after[0] in ("times", "fold", "per")):
        return "year"
    if nxt == "-" and after[:2] in (["year", "old"], ["years", "old"]) or after[:2] == ["years", "old"]:
        return "age"
    if re.search(r"[A-Z][a-z]+,\s$", s[max(0, a - 40):a]) and re.match(r",\s", low[b:b + 2]) and n.value < 120:
        return "age"  # "Mr Smith, 45, said"
    if before and before[-1] in _AGE_BEFORE or before[-2:] in (["aged", "between"], ["aged", "from"], ["age", "of"],
                                                              ["ages", "of"]) \
            or before[-2:] == ["not", "yet"]:
        return "age"
    if after and after[0] in _CLOCK and nxt in (" ", ".", "") or re.match(r"\s?[ap]\.m\b", low[b:]):
        return "time"
    if num and n.step is not None and n.value.denominator == 1 and 1 <= n.value <= 31 and not n.words and (
            after[:1] and after[0] in _MONTHS or before[-1:] and before[-1].strip(".") in _MONTHS):
        return "date"
    if after and after[0] in _TIME_UNITS:
        return "period"
    if re.match(r"\s?[-–—]\s?\d", low[b:b + 4]) or re.match(r"\s?to\s\d", low[b:b + 5]) and before[-1:] == ["between"]:
        return "range"  # "10-15%", "between 20 to 30": neither bound is a figure
    if nxt == "-" and after and after[0].isalpha() and after[0] not in ("fold", "times"):
        return "label"  # "a 20-team league"
    if before and before[-1].strip(".") in _LABEL_BEFORE and low[a - 1:a] == " ":
        return "label"
    return "count"


def _noun(s: str, b: int) -> str | None:
    """The noun phrase after a number: "145 Russian citizens were" ->
    "Russian citizens"; None when a verb or a preposition follows."""
    words: list[str] = []
    for w in _WORD.findall(s[b:b + 80]):
        lw = w.lower()
        if not w[0].isalpha() or lw in _STOP_PLUS:
            break
        words.append(w)
        if len(words) == 4:
            break
    while words and words[-1].lower() in _NOT_NOUNS:
        words.pop()
    if words and words[0].lower() in ("million", "billion", "thousand", "trillion", "hundred"):
        words = words[1:]
    return " ".join(words) or None


def _clause(s: str, a: int, b: int) -> tuple[int, int]:
    """The clause of a number: between the commas, semicolons and dashes around it."""
    seps = [m.start() for m in re.finditer(r"[;:—–]\s|,\s|\s-\s|\(|\)", s)]
    lo = max((p for p in seps if p < a), default=-1) + 1
    hi = min((p for p in seps if p >= b), default=len(s))
    return lo, hi


def _context(s: str, a: int, b: int) -> frozenset[str]:
    lo, hi = _clause(s, a, b)
    words = re.findall(r"[A-Za-z][A-Za-z-]+", s[lo:hi])
    return frozenset(stem(w) for w in words if w.lower() not in _CONTENT_STOP)


#: A span of time with no figure inside: "between 2015 and 2016", "between
#: June 2016 and the same month this year", "2015-16", "2015 to 2016".
_SPAN = re.compile(r"\bbetween\s+(?:[a-z]+\s+)?(?:19|20)\d\d\s+and\s+(?:the\s+same\s+[a-z]+\s+(?P<this>this)\s+year|"
                   r"(?:[a-z]+\s+)?(?P<end>(?:19|20)\d\d))\b|"
                   r"\b(?:19|20)\d\d\s*(?:[-–/]|\s+to\s+)(?P<end2>(?:19|20)\d\d)\b")

_RELATIVE = [
    (re.compile(r"\blast year\b|\bthe past year\b|\ba year ago\b"), -1),
    (re.compile(r"\bthis year\b"), 0),
    *[(re.compile(rf"\b(?:{w}|{k}) years ago\b"), -k)
      for k, w in enumerate("two three four five six seven eight nine ten".split(), start=2)],
]


def _add_periods(found: list[Mention], s: str, low: str, offset: int, article_year: int | None) -> None:
    """A number's period: a year in its clause ("in 2024"), the year of the
    sentence when it has one year only, or "last year" counted from the
    article's date."""
    years = [(x.start - offset, int(x.number.value)) for x in found if x.form == "year"]
    for k, x in enumerate(found):
        if x.form not in COUNTABLE:
            continue
        a, b = x.start - offset, x.end - offset
        lo, hi = _clause(s, a, b)
        inside = [y for p, y in years if lo <= p < hi]
        period = inside[0] if len(inside) == 1 else None
        span = _SPAN.search(low, lo, hi)
        if span is not None:  # "between 2015 and 2016": a period is known by its end
            end = span["end"] or span["end2"]
            period = int(end) if end else article_year
        if period is None and not inside:
            for rx, shift in _RELATIVE:
                if article_year is not None and rx.search(low, lo, hi):
                    period = article_year + shift
        if period is not None:
            found[k] = x._replace(period=period)


def _inherit_nouns(found: list[Mention], s: str, offset: int) -> None:
    """"7,779 convictions were recorded in 2023, and 4,191 in 2022": a count
    with no noun of its own counts what the count before it counts."""
    last: Mention | None = None
    for k, x in enumerate(found):
        if x.form not in ("count", "money"):
            continue
        if x.noun is None and last is not None and last.noun is not None and last.form == x.form:
            between = s[last.end - offset:x.start - offset]
            if re.search(r"\b(?:and|or|to|from|against|compared with|versus|vs)\b|,", between):
                found[k] = x._replace(noun=last.noun, context=x.context | last.context)
                x = found[k]
        last = x
