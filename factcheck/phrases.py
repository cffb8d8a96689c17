"""Statement text to a reading: which family, which number, which hedge,
which direction.

A statement may be a bare phrase ("nearly four times higher") or a whole
published sentence ("Arrests rose 12% last year to 1,120, the ministry
said.").  Reading goes in three passes:

1. *normalise*: lower case, one kind of dash and quote, "per cent" ->
   "percent", "-fold" split off, "percentage points" -> "points";
2. *tag*: every number (digits or words, "a third", "one and a half",
   "twice", "doubled", "tenfold") becomes a token ``#i`` (``#i%`` for a
   percentage) and every year ``@i``, so that the patterns below see
   ``nearly #0 times higher`` whatever the writing of the number;
3. *classify*: each number token is classified by its neighbours (the
   hedge just before it, the words after it, a verb or noun of change
   nearby); statements without a number (comparisons, records) are found by
   their keywords.  The strongest candidate is the statement; "to X" and
   "from X" beside a change become *anchors* (checks of A and B themselves).

The module never computes a verdict: that is evaluate.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from enum import StrEnum
from fractions import Fraction
from functools import lru_cache
from typing import Any, NamedTuple

from .numbers import (
    BOUND_HEDGES,
    CURRENCY_SIGNS,
    DIGITS_PATTERN,
    HEDGE_MAX_WORDS,
    HEDGES,
    NUMBER_WORD_PATTERN,
    NUMBER_WORDS,
    SCALE_PATTERN,
    Hedge,
    Interval,
    NumberError,
    ReadNumber,
    hedge_at_end,
    read_number,
    relative,
)
from .periods import Period

__all__ = [
    "Family",
    "Comparator",
    "Target",
    "Hedge",
    "HEDGES",
    "Part",
    "Reading",
    "RecordSpec",
    "UnreadableStatement",
    "read_statement",
]

class Family(StrEnum):
    """The statement families of docs/semantics.md, "Families", as named in output
    (the ``reading`` of a JSON result).  A ``StrEnum``: each member equals
    its value, so the output is the plain words."""

    RATIO = "ratio"
    PERCENT_CHANGE = "percent change"
    FRACTION_CHANGE = "fraction change"
    PERCENTAGE_POINTS = "percentage points"
    DIFFERENCE = "difference"
    SHARE = "share"
    VALUE = "value"
    COMPARISON = "comparison"
    RATE = "rate"
    #: "4.5 per household": A / B (times the "per 100,000" of the statement)
    RATE_PER_UNIT = "rate per unit"
    RECORD = "record"


class Comparator(StrEnum):
    """How a comparison ("more than", "at least as many as", "the same as")
    orders A and B: A > B, A >= B, A < B, A <= B, A = B."""

    GT = "gt"
    GE = "ge"
    LT = "lt"
    LE = "le"
    EQ = "eq"


class Target(StrEnum):
    """The figure a part's number is about: A (``of``) or B (``vs``)."""

    A = "A"
    B = "B"


class UnreadableStatement(ValueError):
    """The statement has no derived statement that factcheck can read."""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint


# --------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------


def _when_needed(pattern: str) -> Callable[[], re.Pattern[str]]:
    """A pattern compiled the first time it is used.  For patterns that only
    run when the text has one of their keywords: most registries never pay
    for compiling them (a few tenths of a millisecond each, at every start)."""
    return lru_cache(maxsize=1)(lambda: re.compile(pattern))


UP_WORDS = (
    "rose|risen|rise|rises|rising|increase|increased|increases|increasing|grew|grow|grown|grows|growing|"
    "growth|climb|climbed|climbs|climbing|jump|jumped|jumps|jumping|surge|surged|surges|surging|soar|soared|"
    "soars|soaring|up|gain|gained|gains|expand|expanded|expansion|spike|spiked|rocketed|skyrocketed|leapt|"
    "leaped|leap|swelled|swell|mounted|boost|boosted|raised|hike|hiked|uptick|advance|advanced|went up|"
    "gone up|go up|goes up|higher|more|greater|larger|bigger|above|added|climb|upturn|ballooned|"
    "multiplied|spiralled|spiraled|escalated|accelerated|outnumbered|outnumber|exceeded|exceeds|exceed|"
    "widened|widens|widening|rebounded|recovered|rallied|strengthened|overtook"
)
DOWN_WORDS = (
    "fell|fall|falls|falling|fallen|decrease|decreased|decreases|decreasing|decline|declined|declines|"
    "declining|drop|dropped|drops|dropping|plunge|plunged|plunges|plummeted|plummet|slid|slide|slipped|slip|"
    "sank|sink|sunk|shrank|shrink|shrunk|shrinking|tumbled|tumble|dipped|dip|dived|dove|eased|down|cut|cuts|"
    "reduced|reduction|reduce|slashed|slash|lost|loss|lower|less|fewer|smaller|below|contracted|contraction|"
    "slump|slumped|shed|went down|gone down|go down|goes down|retreated|receded|downturn|crashed|"
    "collapsed|cheaper|weaker|narrowed|narrows|narrowing|weakened|slowed|eased back|halved"
)
_UP = frozenset(UP_WORDS.split("|"))
_DOWN = frozenset(DOWN_WORDS.split("|"))
#: comparatives that make "N times X" ambiguous (docs/semantics.md, "Ambiguous wording")
_MORE = frozenset("more|higher|greater|larger|bigger|increase|increased|rise|jump|growth|up|over|above|"
                  "increases|rises|surge|hike|gain|bigger".split("|"))
_LESS = frozenset("less|fewer|lower|smaller|decrease|decline|drop|fall|down|cheaper|below|reduction|"
                  "cut|shorter|lighter".split("|"))
#: words that may stand between a number and its noun of change
_MODIFIERS = frozenset("year-on-year|year-over-year|annual|yearly|monthly|quarterly|overall|net|total|"
                       "sharp|steep|dramatic|massive|modest|slight|small|huge|further|cumulative|real|"
                       "nominal|combined|average|fourfold".split("|"))
_RATE_UNITS = {
    "day": "day", "days": "day", "daily": "day", "week": "week", "weeks": "week", "weekly": "week",
    "month": "month", "months": "month", "monthly": "month", "year": "year", "years": "year",
    "annually": "year", "yearly": "year", "annual": "year", "a year": "year",
    "hour": "hour", "hours": "hour", "hourly": "hour", "minute": "minute", "minutes": "minute",
    "second": "second", "seconds": "second", "sec": "second", "secs": "second", "min": "minute", "mins": "minute",
}
_ADVERB_RATES = frozenset(("daily", "weekly", "monthly", "annually", "yearly", "hourly"))
#: words after a number that make it a span of time (docs/semantics.md, "Every number accounted for")
_TIME_UNITS = frozenset(
    "year|years|month|months|week|weeks|day|days|hour|hours|minute|minutes|second|seconds|decade|decades|"
    "quarter|quarters|century|centuries|fortnight|fortnights|night|nights|term|terms|season|seasons|"
    "yr|yrs|mins|secs".split("|"))
_MONTHS = frozenset(
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec".split("|"))
_CLOCK = frozenset("a.m|p.m|am|pm|o'clock|gmt|bst|utc|cet|et|est|edt|pst|hrs|h".split("|"))
#: words before a number that make it part of a name (docs/semantics.md, "Every number accounted for")
_LABEL_BEFORE = frozenset(
    "article|articles|section|sections|chapter|clause|paragraph|part|no|number|rule|phase|stage|level|"
    "tier|grade|category|room|flight|route|page|pages|item|resolution|amendment|act|bill|type|class|"
    "division|covid|top|world|version|model|channel|platform|gate|terminal|line|lines|district|"
    "ward|block|unit|building|floor|highway|interstate|road|street|avenue|bus|tranche|round|series|"
    "volume|issue|figure|table|annex|annexe|appendix|schedule|protocol|regulation|directive|law|code|"
    "stanza|episode|season|week|day|matchday|game|leg|stage|heat|lap|hole|pillar|goal|sdg|cop|g|"
    "vision|agenda|plan|programme|program|project|operation|mission|apollo|boeing|airbus|windows|"
    "iphone|galaxy|formula|league|ligue|serie|bundesliga".split("|"))
_AGE_BEFORE = frozenset("aged|age|ages|ageing|aging".split("|"))

_MULT_VERBS: dict[str, int | Fraction] = {
    "double": 2, "doubled": 2, "doubles": 2, "doubling": 2, "twice": 2,
    "triple": 3, "tripled": 3, "triples": 3, "tripling": 3, "treble": 3, "trebled": 3, "trebling": 3,
    "thrice": 3, "quadruple": 4, "quadrupled": 4, "quadruples": 4, "quadrupling": 4,
    "quintuple": 5, "quintupled": 5, "quintupling": 5, "sextupled": 6, "sextuple": 6,
    "septupled": 7, "octupled": 8,
    "halve": Fraction(1, 2), "halved": Fraction(1, 2), "halves": Fraction(1, 2), "halving": Fraction(1, 2),
}

_NUMBER_WORD = NUMBER_WORD_PATTERN
_NUMBER_WORDS = NUMBER_WORDS



# --------------------------------------------------------------------------
# Readings
# --------------------------------------------------------------------------


class RecordSpec(NamedTuple):
    """A record statement: the highest (or lowest) since a period, on record,
    in N years, above a previous peak, the N-th highest, or a peak in a
    period (docs/semantics.md, "Families").

    ``since`` is the period of "since 2010" (None for "on record"); with
    ``at_least`` ("since at least 2010", "for more than 20 years") A must
    only beat every point from there on, without ``since`` itself having
    been as high.  ``years`` counts back from A's period ("a 10-year low",
    "the highest in a decade": since P - 10).  ``rank`` is 2 for "the second
    highest": exactly rank - 1 points of the span beat A.  ``peak`` is
    "peaked in P": A, the point at ``peak_period`` (a year or a month), is
    the highest of the whole series; ``peak_month`` is the month of
    "peaked in October", named without a year.
    """

    high: bool = True
    since: Period | None = None
    at_least: bool = False
    previous: ReadNumber | None = None
    previous_period: Period | None = None
    years: int | None = None  # "the highest in a decade"
    rank: int = 1
    peak: bool = False
    peak_period: Period | None = None
    peak_month: int | None = None


class Part(NamedTuple):
    """One checkable statement inside a reading.

    ``target`` is A or B for value anchors ("to 1,120" checks A,
    "from 560" checks B); the primary part of a reading has target A.
    ``direction`` is +1 (rose, higher), -1 (fell, lower) or 0.  ``hedge``
    is ``Hedge.NONE`` for a number without one; ``hedge_text`` is the hedge
    as written.  ``ambiguous`` marks "N times more": read as N times the
    base, with the strict reading N + 1 reported beside it (semantics
    docs/semantics.md, "Ambiguous wording").  ``comparator`` is set for comparisons only.
    """

    family: Family
    text: str
    number: ReadNumber | None = None
    hedge: Hedge = Hedge.NONE
    hedge_text: str = ""
    direction: int = 0
    ambiguous: bool = False
    inverse: bool = False
    discouraged: str | None = None
    per: str | None = None
    target: Target = Target.A
    comparator: Comparator | None = None
    record: RecordSpec | None = None
    position: int = 0
    #: the number tokens (``#i``) this part accounts for (docs/semantics.md, "Every number accounted for")
    tokens: tuple[int, ...] = ()
    #: "statement" (what the statement asserts), "restatement" (a further
    #: checked part), "A" / "B" (a number naming a figure)
    role: str = "statement"
    #: "per 100,000 people": a per-unit rate is A / B x per_k
    per_k: Fraction = Fraction(1)

    @property
    def needs_vs(self) -> bool:
        if self.target == Target.B:
            return True
        return self.family not in (Family.VALUE, Family.RATE, Family.RATE_PER_UNIT)


class Reading(NamedTuple):
    """What a statement says: its primary part, its further checked parts
    (``anchors``: restatements, numbers naming A or B, size words), and the
    place of every number in it (docs/semantics.md, "Every number accounted for").

    ``numbers`` lists each number of the statement as written, with its
    role: "statement", "restatement", "A", "B" (checked parts), "period",
    "duration", "date", "time", "age", "label", "unit" (placed, not
    quantities), or "figure" (a number to be named by one of the claim's
    figures: ``loose`` holds those, checked when the figures are known).
    """

    text: str
    primary: Part
    anchors: tuple[Part, ...] = ()
    numbers: tuple[tuple[str, str], ...] = ()
    loose: tuple[ReadNumber, ...] = ()

    @property
    def family(self) -> Family:
        return self.primary.family

    @property
    def parts(self) -> tuple[Part, ...]:
        return (self.primary, *self.anchors)

    @property
    def needs_vs(self) -> bool:
        return self.primary.needs_vs or any(a.target == Target.B for a in self.anchors)


# --------------------------------------------------------------------------
# Pass 1: normalise
# --------------------------------------------------------------------------

#: One character for another: "#" and "@" mark number and year tokens
#: below, so the text's own go; one kind of dash, of quote and of space.
_CHARACTERS = str.maketrans(
    dict.fromkeys("#@", " ")
    | {"×": "x"}
    | dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-")
    | dict.fromkeys("\u2018\u2019\u201b`´", "'")
    | dict.fromkeys("\u201c\u201d\u201e\"«»", " ")
    | dict.fromkeys("\u00a0\u2009\u202f", " ")
)


def _keyed(keywords: tuple[str, ...], pattern: str) -> Callable[[], re.Pattern[str]]:
    """A replacement pattern compiled the first time a text has one of its
    ``keywords`` (normalise skips it otherwise): patterns over every number
    word cost a few tenths of a millisecond to compile, at every start."""
    get = _when_needed(pattern)
    get.keywords = keywords  # type: ignore[attr-defined]
    return get


def _after_number(then: str) -> Callable[[re.Match[str]], str]:
    """A replacement for ``(number)-fold``: the number, then ``then``; a
    word that is not a number word is left as it was ("manifold")."""

    def replace(m: re.Match[str]) -> str:
        n = m[1]
        return n + then if n[0].isdigit() or n in _NUMBER_WORDS else m[0]

    return replace


_REPLACEMENTS: list[tuple[re.Pattern[str] | Callable[[], re.Pattern[str]], str | Callable[[re.Match[str]], str]]] = [
    # "a quarter of a percentage point": points
    (re.compile(r"\b((?:a|one|three|another)[\s-]quarters?|a[\s-]half|half|a[\s-]third|two[\s-]thirds|a[\s-]tenth)(?: of)? an?"
                r" (?:percentage |per ?cent(?:age)? )?point\b"), r"\1 points"),
    (re.compile(r"\bper\s*cent(?:age)?\b(?!\s*points?)"), "percent"),
    (re.compile(r"\bpct\b|\bp\.c\.(?=\s|$)"), "percent"),
    (re.compile(r"\bpercentage[\s-]*points?\b|\bper\s*cent(?:age)?[\s-]*points?\b|\bp\.?p\.?(?=\s|$)|\bppts?\b"), " points"),
    (re.compile(r"\b(\d+(?:\.\d+)?)[\s-]?(?:point|points|pt|pts)\b"), r"\1 points"),
    (_keyed(("bp", "basis"), r"(?:\b(\d+(?:\.\d+)?)\s*|\b(" + NUMBER_WORD_PATTERN + r")[\s-]+)(?:basis[\s-]*points?|bps?)\b"),
     lambda m: (m[1] or m[2]) + "bp"),
    (_keyed(("percent", "pc"), r"(\d|\b(?:" + NUMBER_WORD_PATTERN + r"))[\s-]*(?:percent|pc)\b"), r"\1%"),
    (re.compile(r"\s*%"), "%"),
    (re.compile(r"\b(\d+(?:\.\d+)?)\s*x\b"), r"\1 times"),
    # (any word, then checked: an alternation of the number words costs 0.5 ms to compile)
    (re.compile(r"\b(\d+(?:\.\d+)?|[a-z]+)\s*-?\s*fold\b"), _after_number(" fold")),
    (re.compile(r"\b(\d+(?:\.\d+)?|[a-z]+)-times\b"), _after_number(" times")),
    (re.compile(r"\bcut in half\b|\bcut by half\b"), "halved"),
    (re.compile(r"\bhalf as (many|much|high|large|big|likely|often)\b"), r"half times as \1"),
    (re.compile(r"\bfor (?:each|every)\b|\bper\b|\beach\b|\bevery\b"), "per"),
    (re.compile(r"\bon average\b|\bon an average\b"), " "),
    (re.compile(r"\ba single\b"), "one"),
    (re.compile(r"\banother (quarter|half)\b"), r"a \1"),
    (re.compile(r"\b(?:a quarter|one quarter) of an? (thousand|million|billion|trillion)\b"), r"0.25 \1"),
    (re.compile(r"\b(?:a half|half) of an? (thousand|million|billion|trillion)\b"), r"0.5 \1"),
    (re.compile(r"\bthree quarters of an? (thousand|million|billion|trillion)\b"), r"0.75 \1"),
    # "made up 60% of": a share, not a rise
    (re.compile(r"\b(?:made|make|makes|making) up\b"), "formed"),
    (re.compile(r"\ba year earlier\b|\ba year ago\b|\ba year before\b"), "the year before"),
    (re.compile(r"\bone-and-a-half\b"), "one and a half"),
    (re.compile(r"\s+"), " "),
]


def normalise(text: str) -> str:
    t = text.lower().translate(_CHARACTERS)
    for rx, rep in _REPLACEMENTS:
        if not isinstance(rx, re.Pattern):  # compiled when its keyword is in some text
            if not any(k in t for k in rx.keywords):  # type: ignore[attr-defined]
                continue
            rx = rx()
        t = rx.sub(rep, t)
    return t.strip().rstrip(".;:!?").strip()


# --------------------------------------------------------------------------
# Pass 2: tag numbers and years
# --------------------------------------------------------------------------

_DIGITS = (
    r"(?P<cur>" + CURRENCY_SIGNS + r")?(?P<num>" + DIGITS_PATTERN + r")"
    r"(?:\s?(?P<scale>" + SCALE_PATTERN + r")\b)?(?P<pct>%)?(?P<bp>bp)?"
)
_WORDS = (
    r"(?P<words>(?:(?:a|an)\s)?(?:" + _NUMBER_WORD + r")(?:(?:[\s-]+(?:and[\s-]+)?(?:a[\s-]+)?)(?:"
    + _NUMBER_WORD + r"))*)(?P<wpct>%)?(?P<wbp>bp)?"
)
_MULT = r"(?P<mult>" + "|".join(sorted(_MULT_VERBS, key=len, reverse=True)) + r")"
#: A number is not tagged inside a word or a name ("g7", "covid-19", "f-35"),
#: in a time ("10:30") or before letters ("21st", "10am").
_TOKEN_RE = re.compile(r"(?<![\w.#@:])(?<![a-z]-)(?<!\d[/-])(?:" + _DIGITS + "|" + _MULT + "|" + _WORDS + r")(?![\w]|:\d)")
#: a singular ordinal (_ORDINALS, below) after "the" or a possessive is a
#: position, not a fraction: "the third highest", "its fifth"
_ORDINAL_BEFORE = re.compile(r"(?:\bthe|\bits|\btheir|\bhis|\bher|'s)\s$")


class _Tagged(NamedTuple):
    text: str  # normalised text with #i / @i tokens
    numbers: tuple[ReadNumber, ...]
    mults: tuple[str | None, ...]  # the multiplier word for #i, if it was one
    years: tuple[Period, ...]
    word_tolerance: Fraction = Fraction(1, 20)


def _tag(norm: str, *, word_tolerance: Fraction) -> _Tagged:
    numbers: list[ReadNumber] = []
    mults: list[str | None] = []
    years: list[Period] = []
    out: list[str] = []
    pos = 0
    for m in _TOKEN_RE.finditer(norm):
        out.append(norm[pos : m.start()])
        pos = m.end()
        raw = m.group(0)
        if m["mult"]:
            word = m["mult"]
            value = Fraction(_MULT_VERBS[word])
            n = ReadNumber(value, relative(value, word_tolerance), None, word, False, True)
            numbers.append(n)
            mults.append(word)
            out.append(f"#{len(numbers) - 1} " + ("times" if word in ("twice", "thrice") else "×"))
            continue
        if m["num"]:
            num = m["num"]
            if (
                re.fullmatch(r"(1[89]|20)\d\d", num)
                and not m["scale"]
                and not m["pct"]
                and not m["cur"]
                and not re.match(r"\s?(times|fold|×|points|per\b)", norm[pos:])
            ):
                years.append(Period(int(num)))
                out.append(f"@{len(years) - 1}")
                continue
            text = (m["cur"] or "") + num + (" " + m["scale"] if m["scale"] else "") + ("%" if m["pct"] else "")
            if m["bp"]:  # basis points: hundredths of a percentage point
                n = read_number(num)
                step = None if n.step is None else n.step / 100
                numbers.append(ReadNumber(n.value / 100, n.interval.scale(Fraction(1, 100)), step, f"{num} basis points"))
                mults.append(None)
                out.append(f"#{len(numbers) - 1} points")
                continue
        else:
            words = m["words"].strip()
            if words in ("a", "an") or (words in _ORDINALS and _ORDINAL_BEFORE.search(norm, 0, m.start())):
                out.append(raw)
                continue
            text = words + ("%" if m["wpct"] else "")
            if m["wbp"]:  # "twenty-five basis points"
                n = read_number(words, word_tolerance=word_tolerance)
                numbers.append(ReadNumber(n.value / 100, n.interval.scale(Fraction(1, 100)), None,
                                          f"{words} basis points", False, True))
                mults.append(None)
                out.append(f"#{len(numbers) - 1} points")
                continue
        try:
            n = read_number(text, word_tolerance=word_tolerance)
        except NumberError:
            out.append(raw)
            continue
        numbers.append(n)
        mults.append(None)
        out.append(f"#{len(numbers) - 1}" + ("%" if n.percent else ""))
    out.append(norm[pos:])
    tagged = re.sub(r"\s+", " ", "".join(out)).strip()
    return _Tagged(tagged, tuple(numbers), tuple(mults), tuple(years), word_tolerance)


# --------------------------------------------------------------------------
# Pass 3: classify
# --------------------------------------------------------------------------

_TOKEN_AT = re.compile(r"#(\d+)(%?)")
_WORD_RE = re.compile(r"[#@]?\d+%?|[a-z×']+(?:-[a-z]+)*|[,;()]")


def _words(s: str) -> list[str]:
    return _WORD_RE.findall(s)


def _hedge_ending(left: str) -> tuple[str, int]:
    """The hedge that ends ``left`` just before its final space ("nearly "),
    and where it starts; ("", len(left)) when there is none.  ``left`` is
    tagged text: words separated by single spaces."""
    if not left.endswith(" "):
        return "", len(left)
    words = left[:-1].split(" ")
    k = hedge_at_end(words)
    if not k:
        return "", len(left)
    hedge = " ".join(words[-k:])
    return hedge, len(left) - 1 - len(hedge)


def _hedge_before(left: str) -> tuple[Hedge, str, int]:
    """The hedge just before a number ("nearly #0", "rose by about #0"):
    (kind, words, where it starts)."""
    hedge, at = _hedge_ending(left[:-3] if left.endswith(" by ") else left)
    if not hedge:
        return Hedge.NONE, "", len(left)
    return HEDGES[hedge], hedge, at


def _direction(words: list[str]) -> int:
    """+1 / -1 for the last change word in ``words`` (nearest first)."""
    for w in reversed(words):
        if w in _UP:
            return 1
        if w in _DOWN:
            return -1
    return 0


def _window_left(left: str, n: int = 5) -> list[str]:
    """The words just before a token, not crossing another number or a clause break."""
    ws = _words(left)
    out: list[str] = []
    for w in reversed(ws):
        if w.startswith(("#", "@")) or w in (",", ";", "(", ")"):
            break
        out.append(w)
        if len(out) >= n:
            break
    return list(reversed(out))


def _window_right(right: str, n: int = 4) -> list[str]:
    ws = _words(right)
    out: list[str] = []
    for w in ws:
        if w.startswith(("#", "@")) or w in (",", ";", "(", ")"):
            break
        out.append(w)
        if len(out) >= n:
            break
    return out


def _is_fraction_word(n: ReadNumber) -> bool:
    return n.words and not n.percent and 0 < n.value < 1


_RECORD_HIGH = r"(?:highest|largest|biggest|greatest|most|record|peak|top|all[- ]time high|record high|record number|record level|high)"
_RECORD_LOW = r"(?:lowest|smallest|fewest|least|record low|all[- ]time low)"
#: ordinal words and their rank ("the second highest"); also the words
#: that _tag leaves alone after "the" ("the third" is not a third)
_ORDINALS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10,
}
_RECORD_RE = _when_needed(
    r"(?:(?<![\w#])(?P<rank>" + "|".join(_ORDINALS) + r"|\d+(?:st|nd|rd|th)|#\d+)[\s-])?"
    r"\b(?P<what>" + _RECORD_LOW + "|" + _RECORD_HIGH + r")\b"
    r"(?P<rest>[^,;]*?)"
    r"(?:\b(?:since|not seen since|unseen since)\s(?P<atleast>at least\s)?@(?P<since>\d+)"
    r"|\b(?:in|for)\s(?:(?P<more>more than|over|upwards of|in excess of|at least)\s)?"
    r"(?:(?:almost|nearly|about|around|roughly|close to|just under|some)\s)?"
    r"(?:(?:the\s)?(?:past|last)\s)?(?P<years>#\d+|a)\s(?P<unit>years?|decades?)\b"
    r"|\b(?P<ever>on record|ever|since records began|in (?:\w+\s){0,3}history|recorded|to date|of all time|all[- ]time))",
)
#: "a 10-year low", "a three-year high", "a decade high", "a two-decade low"
_YEARS_RECORD_RE = _when_needed(
    r"(?<![\w#])(?:(?:a|an|the|new|fresh)\s)?(?:new\s)?"
    r"(?:#(?P<n>\d+)[\s-](?P<unit>years?|decades?)|(?P<decade>decade))[\s-](?:record[\s-])?"
    r"(?P<what>high|low|peak|record high|record low)\b"
)
_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
)
#: "peaked in 2022", "peaked in October (2023)", "reached its peak in 2022"
_PEAKED_RE = _when_needed(
    r"\b(?:peaked|peaking|(?:reached|hit)\s(?:a|its|their|the)\s(?:all[- ]time\s)?peak)\s(?:in|during)\s"
    r"(?:(?P<month>" + "|".join(_MONTH_NAMES) + r")(?:\s(?:of\s)?@(?P<my>\d+))?|@(?P<y>\d+))\b"
)


_RECORD_BARE = _when_needed(r"\b(?:a|the|new|another)\s(?:new\s)?(?:record|all[- ]time high|all[- ]time record|record high|record low|all[- ]time low)\b|\brecord[- ](?:high|low|number|level|figure|year)\b|\brecord-breaking\b|\bunprecedented\b")
#: the words one of which a record pattern needs (compiled only then)
_RECORD_KEYWORDS = ("highest", "lowest", "largest", "biggest", "greatest", "most", "record", "peak", "top", "high",
                    "low", "smallest", "fewest", "least", "all-time", "all time")
_PREVIOUS_KEYWORDS = ("previous", "prior", "former", "last", "earlier", "old")
_PREVIOUS_RE = _when_needed(
    r"\b(?:previous|prior|former|last|earlier|old)\s(?:all[- ]time\s)?"
    r"(?P<what>record high|record low|peak|high|record|maximum|low|minimum)\b"
    r"(?:\s(?:set|reached|recorded|seen)?\s?(?:in\s@(?P<y1>\d+)\s?)?(?:,\s)?(?:(?P<lead>of|at)|was|,)?\s?)?"
    r"(?P<hedge>(?:[a-z~≈]+\s){0," + str(HEDGE_MAX_WORDS) + r"})#(?P<n>\d+)(?:\s(?:\w+\s){0,2}?in\s@(?P<y2>\d+))?"
)


def _previous(text: str) -> re.Match[str] | None:
    """"the previous peak of (nearly) 8,632 in 2010".

    The words before the number must be a hedge, or nothing.  The pattern
    takes any few words there, and they are looked up in HEDGES here (one
    alternation of every hedge costs about 1.5 ms to compile).  A hedge
    that starts with "of" or "at" may have lent that word to the pattern
    ("the previous peak at most 300"): then the word and the rest are
    looked up together.
    """
    pos = 0
    if not any(w in text for w in _PREVIOUS_KEYWORDS):
        return None
    while (m := _PREVIOUS_RE().search(text, pos)) is not None:
        gap = m["hedge"][:-1]
        if not gap or gap in HEDGES or (m["lead"] and f"{m['lead']} {gap}" in HEDGES):
            return m
        pos = m.start() + 1
    return None


_COMPARATORS: list[tuple[str, Comparator, int]] = [
    # phrase, comparator, direction
    ("no more than", Comparator.LE, 0), ("not more than", Comparator.LE, 0), ("at most", Comparator.LE, 0), ("no greater than", Comparator.LE, 0),
    ("no higher than", Comparator.LE, 0), ("did not exceed", Comparator.LE, 0), ("does not exceed", Comparator.LE, 0),
    ("not exceeding", Comparator.LE, 0), ("up to", Comparator.LE, 0),
    ("at least", Comparator.GE, 0), ("no fewer than", Comparator.GE, 0), ("no less than", Comparator.GE, 0), ("not less than", Comparator.GE, 0),
    ("at least as many as", Comparator.GE, 0), ("at least as high as", Comparator.GE, 0),
    ("the same as", Comparator.EQ, 0), ("same as", Comparator.EQ, 0), ("equal to", Comparator.EQ, 0), ("equals", Comparator.EQ, 0),
    ("as many as", Comparator.EQ, 0), ("as much as", Comparator.EQ, 0), ("unchanged from", Comparator.EQ, 0), ("identical to", Comparator.EQ, 0),
    ("matched", Comparator.EQ, 0), ("on a par with", Comparator.EQ, 0), ("flat", Comparator.EQ, 0), ("unchanged", Comparator.EQ, 0),
    ("more than", Comparator.GT, 1), ("higher than", Comparator.GT, 1), ("greater than", Comparator.GT, 1), ("larger than", Comparator.GT, 1),
    ("bigger than", Comparator.GT, 1), ("above", Comparator.GT, 1), ("exceeds", Comparator.GT, 1), ("exceeded", Comparator.GT, 1), ("exceed", Comparator.GT, 1),
    ("exceeding", Comparator.GT, 1), ("outnumbered", Comparator.GT, 1), ("outnumber", Comparator.GT, 1), ("outnumbers", Comparator.GT, 1),
    ("surpassed", Comparator.GT, 1), ("surpassing", Comparator.GT, 1), ("topped", Comparator.GT, 1), ("overtook", Comparator.GT, 1),
    ("up from", Comparator.GT, 1), ("rose from", Comparator.GT, 1), ("increased from", Comparator.GT, 1), ("grew from", Comparator.GT, 1),
    ("climbed from", Comparator.GT, 1), ("jumped from", Comparator.GT, 1), ("higher", Comparator.GT, 1), ("more", Comparator.GT, 1),
    ("rose", Comparator.GT, 1), ("increased", Comparator.GT, 1), ("grew", Comparator.GT, 1), ("climbed", Comparator.GT, 1), ("jumped", Comparator.GT, 1),
    ("surged", Comparator.GT, 1), ("soared", Comparator.GT, 1), ("an increase", Comparator.GT, 1), ("a rise", Comparator.GT, 1), ("up", Comparator.GT, 1),
    ("fewer than", Comparator.LT, -1), ("less than", Comparator.LT, -1), ("lower than", Comparator.LT, -1), ("smaller than", Comparator.LT, -1),
    ("below", Comparator.LT, -1), ("short of", Comparator.LT, -1), ("far short of", Comparator.LT, -1), ("fell short of", Comparator.LT, -1),
    ("trailed", Comparator.LT, -1), ("down from", Comparator.LT, -1), ("fell from", Comparator.LT, -1), ("dropped from", Comparator.LT, -1),
    ("decreased from", Comparator.LT, -1), ("declined from", Comparator.LT, -1), ("lower", Comparator.LT, -1), ("fewer", Comparator.LT, -1),
    ("less", Comparator.LT, -1), ("fell", Comparator.LT, -1), ("dropped", Comparator.LT, -1), ("declined", Comparator.LT, -1),
    ("decreased", Comparator.LT, -1), ("a decline", Comparator.LT, -1), ("a drop", Comparator.LT, -1), ("a fall", Comparator.LT, -1),
    ("a decrease", Comparator.LT, -1), ("down", Comparator.LT, -1), ("plunged", Comparator.LT, -1), ("slid", Comparator.LT, -1),
]
_COMPARATOR_OF = {c: (k, d) for c, k, d in _COMPARATORS}
_COMPARATOR_MAX_WORDS = max(len(c.split()) for c in _COMPARATOR_OF)


def _comparators(text: str) -> Iterator[tuple[str, int]]:
    """Each comparator phrase in tagged text, left to right, the longest at
    each word, as (phrase, where it starts); found by word lookup, as
    hedges are (numbers.hedge_at_end)."""
    words = text.split(" ")
    i, at = 0, 0
    while i < len(words):
        for k in range(min(_COMPARATOR_MAX_WORDS, len(words) - i), 0, -1):
            phrase = " ".join(words[i : i + k])
            if phrase in _COMPARATOR_OF:
                yield phrase, at
                at += len(phrase) + 1
                i += k
                break
        else:
            at += len(words[i]) + 1
            i += 1

#: families in the order a statement is preferred when several are found
_PRIORITY = {
    Family.RECORD: 0, Family.RATIO: 1, Family.PERCENT_CHANGE: 2, Family.FRACTION_CHANGE: 3,
    Family.PERCENTAGE_POINTS: 4, Family.DIFFERENCE: 5, Family.SHARE: 6, Family.RATE: 7, Family.RATE_PER_UNIT: 7,
    Family.COMPARISON: 8, Family.VALUE: 9,
}


#: "per household", "per 100,000 people", "a week", "one every six seconds",
#: "daily": the words after a number that make it a rate (docs/semantics.md, "Families")
_PER_RE = re.compile(
    r"^ (?:(?:[a-z][a-z'-]*|\(|\)) ){0,3}?(?:per|a|an) (?:(?P<k>#\d+) )?(?P<unit>[a-z][a-z'-]*)"
)
#: words that name B before a number: "from 1,000", "than (the) 60,000",
#: "compared with 1.5 million", "against 39", "versus 39"
_B_BEFORE = ("from", "than", "against", "versus", "vs", "compared with", "compared to", "than the",
             "as against", "compared with the", "compared to the", "from the", "from a", "from just",
             "from only", "on the", "on", "over the", "down from", "up from")
#: words that name A before a number: "to 1,120" (after a change), "stood at 8.1%"
_A_BEFORE = ("to", "to reach", "reaching", "at", "stood at", "reached", "totalled", "totaled", "totalling",
             "totaling", "to a total of", "to a record", "to a new")


def _ends_with(words: list[str], phrases: tuple[str, ...]) -> str | None:
    """The longest of ``phrases`` that ``words`` end with."""
    best = None
    for ph in phrases:
        k = ph.count(" ") + 1
        if len(words) >= k and " ".join(words[-k:]) == ph and (best is None or len(ph) > len(best)):
            best = ph
    return best


def _rate(tg: _Tagged, i: int, right: str, rw: list[str]) -> tuple[Family, str, ReadNumber | None, int | None] | None:
    """A rate after number ``i``: (family, unit, divisor number, its token).

    "34 per day", "about 100 a week", "six every hour", "34 verdicts per
    day", "daily": a rate over time; "one every six seconds": a rate of
    1/6 per second; "4.5 per household", "7,560 fans per match", "12 per
    100,000 people": a rate per unit (A / B, times 100,000)."""
    if rw and rw[0] in _ADVERB_RATES:
        return Family.RATE, _RATE_UNITS[rw[0]], None, None
    m = _PER_RE.match(right)
    if not m:
        return None
    unit, k = m["unit"], m["k"]
    via = right[m.start("unit") - (len(k) + 1 if k else 0) - 4 : m.start("unit")]
    if unit in _RATE_UNITS and not (unit.endswith("s") and not k and unit not in ("days", "weeks")):
        return Family.RATE, _RATE_UNITS[unit], (tg.numbers[int(k[1:])] if k else None), (int(k[1:]) if k else None)
    if " per " not in " " + right[: m.end()] and "per" not in via:
        return None  # "a"/"an" make a rate only before a unit of time ("100 a week")
    if unit in _TIME_UNITS:
        return None
    return Family.RATE_PER_UNIT, unit, (tg.numbers[int(k[1:])] if k else None), (int(k[1:]) if k else None)


def _unit_tokens(tg: _Tagged, i: int, right: str) -> tuple[int, ...]:
    """Number ``i`` and, when "per 100,000" follows it, that number too: "to
    3.6 per 100,000 residents" names A, a rate already (the unit of another
    number, docs/semantics.md, "Every number accounted for")."""
    m = _PER_RE.match(right)
    if m and m["k"]:
        return (i, int(m["k"][1:]))
    return (i,)


#: Words that end a part's two-word window without belonging to it: they
#: lead to the next number ("to", "from", "on the", "than").
_TRAILING_WORDS = frozenset(
    "a an the to from on of than in at by and or with against versus vs over compared".split()
)


class _Near(NamedTuple):
    """A number token and what stands around it, as the steps of
    :func:`_classify_number` look at it."""

    tg: _Tagged
    i: int  # the token's number: ``#i``
    n: ReadNumber
    left: str  # the tagged text before the token ...
    right: str  # ... and after it
    hedge: Hedge
    hedge_text: str
    hedge_at: int  # where the hedge starts in ``left``
    lw: list[str]  # the words before the token (the hedge left out)
    lw_core: list[str]  # the same without "by", "of", articles: "rose by 12%"
    rw: list[str]  # the words after it
    words: str  # the hedge and the token, as tagged: "nearly #0"

    def part(self, family: Family, **kw: Any) -> Part:
        """A part for this number, spanning two words either side, without
        the words that only lead to the next part ("rose 12% to", "to 1,120
        from" read as "rose 12%", "to 1,120")."""
        right = self.rw[:2]
        while right and right[-1] in _TRAILING_WORDS:
            right = right[:-1]
        span = _detok(self.tg, " ".join(self.lw[-2:] + [self.words] + right))
        kw.setdefault("tokens", (self.i,))
        kw.setdefault("number", self.n)
        return Part(family, span, hedge=self.hedge, hedge_text=self.hedge_text, position=len(self.left), **kw)


def _classify_number(tg: _Tagged, m: re.Match[str]) -> Part | None:
    """Classify the number token at ``m`` by its neighbours; None for a
    number that is no part (a rate over zero units).

    The order of the steps is the precedence of the families: a number
    followed by "times" is a ratio whatever else is near it; then
    percentage points, numbers naming A or B ("to 1,120", "from 1,000"),
    rates, shares ("one in five"), percent and fraction changes,
    differences, and last a plain value.  Reordering them changes readings."""
    i = int(m[1])
    left, right = tg.text[: m.start()], tg.text[m.end() :]
    hedge, hedge_text, hedge_at = _hedge_before(left)
    lw = _window_left(left[:hedge_at])
    near = _Near(
        tg, i, tg.numbers[i], left, right, hedge, hedge_text, hedge_at, lw,
        [w for w in lw if w not in ("by", "of", "a", "an", "the", "some")], _window_right(right),
        " ".join(([hedge_text] if hedge_text else []) + [f"#{i}"]),
    )
    found = _as_ratio(near) or _as_points(near) or _as_anchor(near)
    if found is not None:
        return found
    rate = None if near.n.percent else _rate(tg, i, right, near.rw)
    if rate is not None:
        return _as_rate(near, *rate)
    return _as_share_of_whole(near) or _as_change(near) or _as_difference(near) or near.part(Family.VALUE)


def _as_ratio(near: _Near) -> Part | None:
    """Multipliers ("doubled", "halved"), "N times", "N-fold", "by a factor of N"."""
    n, lw, rw = near.n, near.lw, near.rw
    if n.step == 1 and not n.percent and (rw[:1] in (["times"], ["fold"]) or lw[-3:] == ["a", "factor", "of"]):
        # a whole-number multiplier in digits ("3 times", "10-fold", "by a
        # factor of 3") is as precise as one in words (docs/semantics.md, "Numbers and their precision")
        n = n._replace(interval=relative(n.value, near.tg.word_tolerance), step=None)
        near = near._replace(n=n)
    part = near.part
    if rw and rw[0] in ("times", "fold", "×"):
        after = rw[1:]
        left_dir = _direction(lw)
        mult = near.tg.mults[near.i]
        if mult and mult.startswith("halv"):
            # "halved" is "divided by two" (B / A = 2), so that hedges read
            # naturally: "nearly halved" is B / A just under 2, "more than
            # halved" above 2.  The word was read as 1/2 within the word
            # tolerance, [1/2 (1 - w), 1/2 (1 + w)]; times 4 that is
            # [2 (1 - w), 2 (1 + w)]: 2 within the same relative tolerance
            # (2 = 4 x 1/2).  Its reciprocal would not be centred on 2.
            two = ReadNumber(Fraction(2), n.interval.scale(Fraction(4)), None, mult, False, True)
            return Part(Family.RATIO, _detok(near.tg, " ".join(lw[-2:] + [near.words])), two, near.hedge,
                        near.hedge_text, direction=-1, inverse=True, position=len(near.left), tokens=(near.i,))
        if rw[0] == "×":  # doubled, tripled, double
            return part(Family.RATIO, direction=1 if n.value > 1 else -1)
        if after[:1] in (["as"], ["the"], ["that"], ["what"]):
            return part(Family.RATIO)
        if after and after[0] in _LESS:
            return part(Family.RATIO, inverse=True, direction=-1,
                        discouraged=f'"{n.text} times {after[0]}" is discouraged wording; read as 1/{n.text} of the base')
        if after and after[0] in _MORE:
            return part(Family.RATIO, ambiguous=True, direction=1)
        if left_dir > 0 and any(w in _UP for w in lw[-3:]):
            return part(Family.RATIO, ambiguous=True, direction=1)
        if left_dir < 0 and any(w in _DOWN for w in lw[-3:]):
            return part(Family.RATIO, inverse=True, direction=-1,
                        discouraged=f'a fall "{n.text} times" is discouraged wording; read as 1/{n.text} of the base')
        return part(Family.RATIO)
    if lw[-3:] == ["a", "factor", "of"]:
        # "(grew) by a factor of N" is not ambiguous: A / B = N (B / A for a fall)
        d = _direction(_words(near.left[: near.hedge_at])[:-3]) or _direction(rw[:2])
        if d < 0:
            return part(Family.RATIO, inverse=True, direction=-1)
        return part(Family.RATIO, direction=1 if d > 0 else 0)
    return None


def _as_points(near: _Near) -> Part | None:
    """"up 4 percentage points" (normalised to "points")."""
    if not (near.rw and near.rw[0] == "points"):
        return None
    d = _direction(near.lw_core[-3:] + near.rw[1:3]) or _direction(near.lw)
    return near.part(Family.PERCENTAGE_POINTS, direction=d)


def _as_anchor(near: _Near) -> Part | None:
    """A number naming A or B: "to 1,120", "from 560", "than the 60,000";
    not one that a comparative or "of" follows ("to nearly a third lower")."""
    tg, i, lw, rw, right = near.tg, near.i, near.lw, near.rw, near.right
    if rw[:1] and (rw[0] in _MORE or rw[0] in _LESS or rw[0] in ("of", "times", "fold", "points")):
        return None
    b_word = _ends_with(lw, _B_BEFORE)
    if b_word in ("on", "on the", "over the") and not _direction(_words(near.left[: near.hedge_at])):
        b_word = None  # "on" names B only after a change: "up 5% on 500"
    if b_word is not None and (b_word != "than" or len(lw) >= 2):
        return near.part(Family.VALUE, target=Target.B, role="B", tokens=_unit_tokens(tg, i, right))
    a_word = _ends_with(lw, _A_BEFORE)
    if a_word is not None and (a_word not in ("to", "at") or _direction(_words(near.left)[:-1])
                               or lw[-2:-1] == ["stood"]):
        return near.part(Family.VALUE, target=Target.A, role="A", tokens=_unit_tokens(tg, i, right))
    # "1.2 million compared with 1.1 million": A; but after a word of change
    # the number is the change's size ("rose by a quarter compared with
    # 2019", "up 500 compared to last year"), and the rest names B's period
    if (not near.n.percent and (rw[:2] in (["compared", "with"], ["compared", "to"])
                                or rw[:1] in (["versus"], ["vs"], ["against"]))
            and not _direction(near.lw_core[-1:])):
        return near.part(Family.VALUE, target=Target.A, role="A")
    return None


def _as_rate(near: _Near, family: Family, unit: str, k_number: ReadNumber | None, k_token: int | None) -> Part | None:
    """A rate found by :func:`_rate`; None for one over zero units."""
    n, i = near.n, near.i
    if family == Family.RATE and k_number is not None:
        # "one every six seconds": 1/6 per second
        k = k_number.value
        if not k:
            return None
        assert k_token is not None  # (k_number is the number of token k_token)
        per_n = ReadNumber(n.value / k, n.interval.scale(1 / k), None if n.step is None else n.step / k,
                           f"{n.text} per {k_number.text} {unit}s", False, n.words or k_number.words)
        return Part(Family.RATE, _detok(near.tg, f"{near.words} per #{k_token} {unit}s"), per_n, near.hedge,
                    near.hedge_text, per=unit, position=len(near.left), tokens=(i, k_token))
    if family == Family.RATE:
        return near.part(Family.RATE, per=unit)
    k = k_number.value if k_number is not None else Fraction(1)
    if not k:
        return None
    tokens = (i,) if k_token is None else (i, k_token)
    return near.part(Family.RATE_PER_UNIT, per=unit, per_k=k, tokens=tokens)


def _as_share_of_whole(near: _Near) -> Part | None:
    """"one in five", "nine out of ten": a share of the second number."""
    n, tg, right = near.n, near.tg, near.right
    mshare = re.match(r"\s(?:in|out of|of)\s(?:every\s|per\s)?#(\d+)(?!%)", right)
    if not (mshare and not n.percent and (right.startswith(" in ") or right.startswith(" out of "))):
        return None
    j = int(mshare[1])
    whole = tg.numbers[j]
    if not whole.value or n.value > whole.value:
        return None
    ratio = ReadNumber(n.value / whole.value, n.interval.scale(1 / whole.value), None,
                       f"{n.text} in {whole.text}", False, True)
    hedge = near.hedge_text + " " if near.hedge_text else ""
    return Part(Family.SHARE, _detok(tg, f"{hedge}#{near.i} {right[1:mshare.end()].strip()}"),
                ratio, near.hedge, near.hedge_text, position=len(near.left), tokens=(near.i, j))


def _change_words(near: _Near) -> tuple[int, int, list[str], bool]:
    """The direction of the change words before the number (up to nine
    words back) and just after it (past modifiers such as "annual"), the
    words after it without modifiers, and whether a change word or noun
    stands just before it ("an increase of 5%", "rose 5%")."""
    d_left = _direction(_window_left(near.left[: near.hedge_at], 9))
    rw_core = [w for w in near.rw if w not in _MODIFIERS]
    change_left = bool(near.lw_core) and near.lw_core[-1] in _UP | _DOWN
    return d_left, _direction(rw_core[:1]), rw_core, change_left


def _as_change(near: _Near) -> Part | None:
    """A percentage or a fraction word: a percent (fraction) change when a
    word of change goes with it, else a share ("40% of") or a value."""
    n, rw, part = near.n, near.rw, near.part
    frac = _is_fraction_word(n)
    if not (n.percent or frac):
        return None
    d_left, d_right, _, change_left = _change_words(near)
    family = Family.PERCENT_CHANGE if n.percent else Family.FRACTION_CHANGE
    if rw and rw[0] == "of" and not change_left:
        return part(Family.SHARE)
    if d_right:
        return part(family, direction=d_right)
    if rw[:2] and rw[0] in ("year-on-year", "year-over-year", "on", "from", "compared") and d_left:
        return part(family, direction=d_left)
    if d_left:
        return part(family, direction=d_left)
    if frac:
        return part(Family.SHARE)
    return part(Family.VALUE)


def _as_difference(near: _Near) -> Part | None:
    """"120 more", "a £8,669 increase", "rose by 54": A - B."""
    rw, lw, part = near.rw, near.lw, near.part
    d_left, d_right, rw_core, change_left = _change_words(near)
    if rw and rw[0] in ("more", "fewer", "less", "additional", "extra", "higher", "lower", "up", "down"):
        return part(Family.DIFFERENCE, direction=1 if rw[0] in ("more", "additional", "extra", "higher", "up") else -1)
    if rw_core[:1] and rw_core[0] in ("increase", "rise", "jump", "gain", "drop", "fall", "decline", "cut", "reduction",
                                      "decrease", "loss"):
        return part(Family.DIFFERENCE, direction=d_right)  # "a £8,669 increase"
    if change_left or (near.lw_core and near.lw_core[-1] in ("additional", "extra", "net")):
        return part(Family.DIFFERENCE, direction=d_left or 1)
    if d_left and lw and lw[-1] == "by":
        return part(Family.DIFFERENCE, direction=d_left)
    return None


def _detok(tg: _Tagged, s: str) -> str:
    """Text with its number and year tokens written back as they were."""
    s = re.sub(r"#(\d+)%?( ×)?", lambda m: tg.mults[int(m[1])] or tg.numbers[int(m[1])].text, s)
    s = re.sub(r"@(\d+)", lambda m: str(tg.years[int(m[1])]), s)
    return s.replace(" times times", " times").strip()


def _find_record(tg: _Tagged) -> Part | None:
    """The record statement of the text, if any.  Its ``tokens`` are the
    number tokens its words consume: the previous peak's number, the N of
    "a N-year low", "in N years" and "for more than N years", and an
    ordinal the tagger made a number ("a third" is not one: only a token
    written as a bare ordinal word counts)."""
    t = tg.text
    prev = _previous(t)
    if prev:
        n = tg.numbers[int(prev["n"])]
        y = prev["y1"] or prev["y2"]
        low = prev["what"] in ("low", "minimum", "record low")
        spec = RecordSpec(high=not low, previous=n, previous_period=tg.years[int(y)] if y else None)
        return Part(Family.RECORD, _detok(tg, prev.group(0)), None, position=prev.start(), record=spec,
                    tokens=(int(prev["n"]),))
    if "peak" in t:
        pk = _PEAKED_RE().search(t)
        if pk:
            return _peaked(tg, pk)
    if "year" in t or "decade" in t:
        ny = _YEARS_RECORD_RE().search(t)
        if ny:
            part = _years_record(tg, ny)
            if part is not None:
                return part
    m = _RECORD_RE().search(t) if any(w in t for w in _RECORD_KEYWORDS) else None
    if m:
        what = m["what"]
        high = not re.fullmatch(_RECORD_LOW, what)
        since = tg.years[int(m["since"])] if m["since"] else None
        tokens: list[int] = []
        rank, position = _rank(tg, m["rank"]), m.start()
        if rank is None:  # "the 3 highest": not an ordinal, and not the record's
            rank, position = 1, m.start("what")
        elif m["rank"] and m["rank"].startswith("#"):
            tokens.append(int(m["rank"][1:]))
        years = None
        if m["years"]:
            k = Fraction(1) if m["years"] == "a" else tg.numbers[int(m["years"][1:])].value
            if m["years"] != "a":
                tokens.append(int(m["years"][1:]))
            years = int(k * (10 if m["unit"].startswith("decade") else 1))
        spec = RecordSpec(high=high, since=since, at_least=bool(m["atleast"] or m["more"]), years=years, rank=rank)
        return Part(Family.RECORD, _detok(tg, t[position : m.end()]), None, position=position, record=spec,
                    tokens=tuple(sorted(tokens)))
    m2 = _RECORD_BARE().search(t) if "record" in t or "time" in t or "unprecedented" in t else None
    if m2:
        high = "low" not in m2.group(0)
        return Part(Family.RECORD, m2.group(0), None, position=m2.start(), record=RecordSpec(high=high))
    m3 = re.search(r"\bnot seen since\s@(\d+)|\bunseen since\s@(\d+)", t) if "seen since" in t else None
    if m3:
        y = m3[1] or m3[2]
        return Part(Family.RECORD, _detok(tg, m3.group(0)), None, position=m3.start(), record=RecordSpec(high=True, since=tg.years[int(y)]))
    return None


def _rank(tg: _Tagged, text: str | None) -> int | None:
    """The rank of "the second (2nd, third, ...) highest": 1 without one,
    None when the word before is a number token that is not an ordinal."""
    if not text:
        return 1
    if text.startswith("#"):
        return _ORDINALS.get(tg.numbers[int(text[1:])].text)
    if text[0].isdigit():
        k = int(text[:-2])
        return k if k >= 1 else None
    return _ORDINALS[text]


def _years_record(tg: _Tagged, m: re.Match[str]) -> Part | None:
    """"a 10-year low": the lowest since P - 10 (None for "a 2.5-year high")."""
    tokens: tuple[int, ...] = ()
    if m["n"]:
        k = tg.numbers[int(m["n"])].value
        if k.denominator != 1 or k < 1:
            return None
        tokens = (int(m["n"]),)
        years = int(k) * (10 if m["unit"].startswith("decade") else 1)
    else:
        years = 10
    spec = RecordSpec(high="low" not in m["what"], years=years)
    return Part(Family.RECORD, _detok(tg, m.group(0)), None, position=m.start(), record=spec, tokens=tokens)


def _peaked(tg: _Tagged, m: re.Match[str]) -> Part:
    """"peaked in 2022", "peaked in October", "peaked in October 2023"."""
    month = _MONTH_NAMES.index(m["month"]) + 1 if m["month"] else None
    period = None
    if m["y"]:
        period = tg.years[int(m["y"])]
    elif m["my"]:
        period = Period(tg.years[int(m["my"])].year, "month", month)  # type: ignore[arg-type]
        month = None
    spec = RecordSpec(high=True, peak=True, peak_period=period, peak_month=month)
    return Part(Family.RECORD, _detok(tg, m.group(0)), None, position=m.start(), record=spec)


_MAJORITY_RE = _when_needed(
    r"\b(?:the\s|a\s)?(?:vast\s|large\s|slim\s|narrow\s|clear\s|small\s|tiny\s)?"
    r"(?P<what>majority|minority)\b|(?:^|(?<=\s))(?<!at\s)(?<!the\s)(?P<most>most)(?:\s(?!\w+est\b)(?!since\b)|$)"
)


def _find_majority(tg: _Tagged) -> Part | None:
    """"most", "the majority of" (more than half), "a minority of" (less than half)."""
    m = _MAJORITY_RE().search(tg.text) if "ority" in tg.text or "most" in tg.text else None
    if not m:
        return None
    start = m.start()
    if m["what"]:  # "more than the majority": the hedge is part of the phrase
        start = _hedge_ending(tg.text[:start])[1]
    half = ReadNumber(Fraction(1, 2), Interval.point(Fraction(1, 2)), None, "half", False, True)
    hedge = Hedge.LT if m["what"] == "minority" else Hedge.GT
    text = tg.text[start : m.end()].strip()
    return Part(Family.SHARE, text, half, hedge, text, position=start)


def _number_follows(right: str) -> bool:
    """Whether tagged text starts with a number token: " #3", " by #3"."""
    rest = right[1:] if right.startswith(" #") else right[4:] if right.startswith(" by #") else ""
    return rest[1:2].isdigit()


def _find_comparison(tg: _Tagged) -> Part | None:
    for phrase, at in _comparators(tg.text):
        comp, d = _COMPARATOR_OF[phrase]
        right = tg.text[at + len(phrase) :]
        # "more than 300" is a hedged value, not a comparison of A with B
        if phrase in HEDGES and _number_follows(right):
            continue
        return Part(Family.COMPARISON, phrase, None, comparator=comp, direction=d, position=at)
    return None


_SAME_RE = re.compile(r"(?<=\s)(?:the\s)?same\s(?:as|level as|number as)\b")


def _about_same(tg: _Tagged) -> Part | None:
    """"about the same as": a hedged comparison of equality."""
    for m in _SAME_RE.finditer(tg.text):
        hedge, at = _hedge_ending(tg.text[: m.start()])
        if hedge:
            return Part(Family.COMPARISON, tg.text[at : m.end()], None, hedge=HEDGES[hedge], hedge_text=hedge,
                        comparator=Comparator.EQ, position=at)
    return None


#: a capitalised word written just before digits, not at the start of a
#: sentence and not a possessive: "the FTSE 100", "Article 275", "Boeing 737"
_NAME_BEFORE_DIGITS = re.compile(r"(?<=[\w,;:)] )([A-Z][\w-]*) (?=\d)")


def _place(tg: _Tagged, i: int, names: frozenset[str] = frozenset()) -> str | None:
    """Where a number that no checked part uses stands, if it is not a
    quantity (docs/semantics.md, "Every number accounted for"): "duration", "date",
    "time", "age", "label", or None.

    A hedged span of time ("waits of more than 65 weeks") describes the
    subject with a size of its own: it is not placed, so the statement is
    unreadable and the user is told to shorten it."""
    m = _token_at(tg, i)
    n = tg.numbers[i]
    left, right = tg.text[: m.start()], tg.text[m.end() :]
    hedge, _, hedge_at = _hedge_before(left)
    lw = _window_left(left[:hedge_at], 4)
    rw = _window_right(right, 3)
    if n.percent:
        return None
    if right.startswith("-"):  # a compound adjective: "a 20-team league", "26-year-old"
        word = right[1:].split(" ", 1)[0].split("-")
        if word[0] in ("year", "years") and word[1:2] == ["old"]:
            return "age"
        if word[0] in _TIME_UNITS:
            return None if hedge in BOUND_HEDGES else "duration"
        if word[0] and word[0][0].isalpha() and word[0] not in ("fold", "times"):
            return "label"
    if lw and lw[-1] in _AGE_BEFORE or lw[-2:] in (["aged", "between"], ["aged", "from"]) or rw[:2] == ["years", "old"]:
        return "age"
    if lw[-1:] == ["and"] and re.search(r"\baged (?:between|from) #\d+ and $", left):
        return "age"
    if rw and rw[0] in _CLOCK or rw[:2] in (["p", "m"], ["a", "m"]) or rw[:1] == ["in"] and rw[1:2] == ["the"] and rw[2:3] in (["morning"], ["evening"], ["afternoon"]):
        return "time"
    if rw and rw[0] in _MONTHS or lw and lw[-1] in _MONTHS:
        return "date" if n.step is not None and not n.words and n.value == int(n.value) and 1 <= n.value <= 31 else None
    if rw and rw[0] in _TIME_UNITS:
        return None if hedge in BOUND_HEDGES or hedge in (Hedge.NEARLY, Hedge.JUST_OVER) else "duration"
    if lw and (lw[-1] in _LABEL_BEFORE or lw[-1] in names) and hedge == Hedge.NONE:
        return "label"
    if hedge == Hedge.NONE and n.words and n.value == 1 and rw[:1] == ["of"]:
        return "label"  # "one of the highest": a pronoun
    return None


def _leading(tg: _Tagged, p: Part) -> bool:
    """Whether a value part opens the statement and names its subject ("12,000
    spectators came ...", "More than 300 people were arrested ..."): it is A."""
    before = tg.text[: p.position].strip()
    if p.hedge_text and before.endswith(p.hedge_text):
        before = before[: -len(p.hedge_text)].strip()
    return before in ("", "some", "the", "a total of", "in all,", "in total,", "overall,") and p.target == Target.A


#: The longest statement read, in characters: a sentence, not an article.
_MAX_STATEMENT = 2000
#: A statement of at most this many words with a single checked part is a
#: phrase ("nearly four times higher than the year before"): its part is
#: shown as the whole text, as written.  A longer one is a sentence, whose
#: part is shown as its own span ("rose 12%"), the rest being context.
_PHRASE_MAX_WORDS = 8


def _read(text: str, word_tolerance: Fraction, has_vs: bool | None) -> Reading:
    """A statement to its reading, in steps: every part found, the primary
    one chosen, every other one checked too or left for a figure to name,
    and every number of the text placed (docs/semantics.md: "Families", "Every number accounted for", "Statements with several parts")."""
    if not text or not text.strip():
        raise UnreadableStatement("the statement is empty", "write the derived statement, e.g. 'nearly four times higher'")
    if len(text) > _MAX_STATEMENT:
        raise UnreadableStatement("the statement is longer than 2,000 characters", "quote the sentence, not the article")
    norm = normalise(text)
    tg = _tag(norm, word_tolerance=word_tolerance)
    parts = _all_parts(tg)
    primary = _primary(tg, parts, has_vs)
    if primary is None:
        raise UnreadableStatement(
            f"no derived statement found in {text!r}",
            "accepted forms include 'nearly four times higher', 'a 2.5-fold increase', 'rose 76%', "
            "'a one-third increase', 'up 4 percentage points', '120 more than', '40% of', 'one in five', "
            "'nearly 14,000', 'more than', 'an average of 34 per day', 'the highest since 2010'",
        )
    extra, loose_tokens = _further_parts(tg, primary, parts)
    if primary.family == Family.VALUE and primary.role == "A":
        # a direction beside "to X" ("slumped to 40") is checked against B
        d = _direction(_words(tg.text[: primary.position]))
        if d and any(w in _UP | _DOWN for w in _window_left(tg.text[: primary.position], 3)):
            comp = Part(Family.COMPARISON, primary.text, None, comparator=Comparator.GT if d > 0 else Comparator.LT,
                        direction=d, position=primary.position)
            extra = [primary._replace(role="A"), *extra]
            primary = comp
    primary = primary._replace(role="statement")
    checked = [primary, *extra]
    _one_subject(text, tg, checked)
    roles, loose = _place_numbers(text, tg, checked, loose_tokens)
    if len(norm.split()) <= _PHRASE_MAX_WORDS and len(checked) == 1:
        checked[0] = primary._replace(text=" ".join(text.split()).rstrip(".;:"))
    rest = sorted(checked[1:], key=lambda p: p.position)
    return Reading(text, checked[0], tuple(rest), tuple(roles), tuple(loose))


def _all_parts(tg: _Tagged) -> list[Part]:
    """Every part the text has: one per classified number, a record (which
    takes its own numbers: a previous peak, "a 10-year low") and a
    majority ("most")."""
    parts: list[Part] = []
    for m in _TOKEN_AT.finditer(tg.text):
        p = _classify_number(tg, m)
        if p is not None:
            parts.append(p)
    rec = _find_record(tg)
    if rec is not None:
        claimed = set(rec.tokens)
        if rec.record and rec.record.previous is not None:
            claimed |= {k for k, n in enumerate(tg.numbers) if n is rec.record.previous}
        rec = rec._replace(tokens=tuple(sorted(claimed)))
        parts = [p for p in parts if not claimed & set(p.tokens)]
        parts.append(rec)
    maj = _find_majority(tg)
    if maj is not None:
        parts.append(maj)
    return parts


def _primary(tg: _Tagged, parts: list[Part], has_vs: bool | None) -> Part | None:
    """The statement's own part: the first of the most preferred family
    (_PRIORITY) among the relational ones; else "about the same as"; else,
    beside a number naming A or B, with a base, or with no number at all, a
    comparison word ("more than"); else the value most likely asserted."""
    relational = [p for p in parts if p.family != Family.VALUE]
    if relational:
        return min(relational, key=lambda p: (_PRIORITY[p.family], p.position))
    primary = _about_same(tg)
    if primary is not None:
        return primary
    values = [p for p in parts if p.family == Family.VALUE]
    anchors = [p for p in values if p.target == Target.B or p.role == "A"]
    if anchors or has_vs or not values:
        primary = _find_comparison(tg)
        if primary is not None:
            return primary
    of_a = [p for p in values if p.target == Target.A]
    if not of_a:
        return None
    # prefer a hedged number, then a percentage (a share or the value of a
    # percentage), then the first
    return min(of_a, key=lambda p: (p.hedge == Hedge.NONE, not (p.number and p.number.percent), p.position))


def _further_parts(tg: _Tagged, primary: Part, parts: list[Part]) -> tuple[list[Part], list[int]]:
    """Every part but the primary is checked too (sections 8 and 9), with
    its role; except a plain number that only some figure of the claim can
    name, whose tokens are returned as ``loose``, and a number that is a
    span of time, a label or an age (placed by _place_numbers)."""
    extra: list[Part] = []
    loose_tokens: list[int] = []
    claimed = {k for p in parts if p.family != Family.VALUE for k in p.tokens[1:]}
    parts = [p for p in parts if p.family != Family.VALUE or not claimed & set(p.tokens)]
    per_unit = primary if primary.family == Family.RATE_PER_UNIT else next(
        (p for p in parts if p.family == Family.RATE_PER_UNIT), None)
    for p in parts:
        if p is primary:
            continue
        if p.family == Family.VALUE and p.role != "A" and p.target == Target.A and any(_place(tg, k) for k in p.tokens):
            continue
        if p.family != Family.VALUE:
            extra.append(p._replace(role="restatement"))
        elif p.target == Target.B:
            extra.append(p)
        elif p.role == "A" or _leading(tg, p):
            extra.append(p._replace(role="A"))
        elif p.number is not None and p.number.percent:
            if primary.family in _SIZED_CHANGES and primary.direction:
                # "went up by 54, or 9%": the same change, as a percentage
                extra.append(p._replace(family=Family.PERCENT_CHANGE, direction=primary.direction, role="restatement"))
            else:
                extra.append(p._replace(role="restatement"))
        elif per_unit is not None and _counts_units(tg, p, per_unit):
            extra.append(p._replace(target=Target.B, role="B"))
        else:
            loose_tokens.extend(p.tokens)
    return extra, loose_tokens


#: changes whose size a percentage beside them restates ("up 54, or 9%")
_SIZED_CHANGES = (Family.DIFFERENCE, Family.RATIO, Family.FRACTION_CHANGE, Family.PERCENTAGE_POINTS)


def _place_numbers(text: str, tg: _Tagged, checked: list[Part],
                   loose_tokens: list[int]) -> tuple[list[tuple[str, str]], list[ReadNumber]]:
    """Every number of the text with its role (docs/semantics.md, "Every number accounted for"): the
    role of the checked part that uses it, else its place (a period, a
    label, ...), else "figure" for a loose number, which one of the claim's
    figures must name.  Any other number makes the statement unreadable."""
    used = {k: part.role for part in checked for k in part.tokens}
    names = frozenset(w.lower() for w in _NAME_BEFORE_DIGITS.findall(text))
    roles: list[tuple[str, str]] = []
    loose: list[ReadNumber] = []
    for k, n in enumerate(tg.numbers):
        role = used.get(k) or _place(tg, k, names)
        if role is None:
            hedge = _hedge_before(tg.text[: _token_at(tg, k).start()])[0]
            shown = _number_in_context(tg, k)
            if hedge != Hedge.NONE or k not in loose_tokens:
                raise UnreadableStatement(
                    f"{shown!r} in {text!r} is neither what the statement asserts, nor a figure of the claim, "
                    "nor a year, period, unit or label",
                    "give `says` only the phrase to check (e.g. 'rose 12%' or 'nearly four times higher') "
                    "and keep the whole sentence in `quote`",
                )
            role = "figure"
            loose.append(n)
        roles.append((n.text, role))
    return roles, loose


_CHANGES = frozenset((Family.RATIO, Family.PERCENT_CHANGE, Family.FRACTION_CHANGE, Family.PERCENTAGE_POINTS,
                      Family.DIFFERENCE))
_RECORD_WORDS = re.compile(r"\b(?:highest|lowest|record|all[- ]time|peak|peaked|peaking)\b")


def _one_subject(text: str, tg: _Tagged, checked: list[Part]) -> None:
    """Refuse a sentence that says more than one thing about different
    figures: two numbers both naming A (or B), two changes of one family with
    different sizes ("robberies soared 12% to 83,930, and homicides rose by
    2% to 670"), or a record word no reading placed ("the highest since
    records started"): checking one part would be a verdict on part of the
    statement (docs/semantics.md, "Every number accounted for")."""
    def refuse(what: str) -> UnreadableStatement:
        return UnreadableStatement(
            f"{what!r} in {text!r} is a second statement about other figures, which factcheck cannot place",
            "give `says` only the phrase to check (e.g. 'rose 12% to 83,930') and keep the whole sentence in `quote`",
        )

    seen: dict[tuple[Family, str], Part] = {}
    for p in checked:
        if p.family == Family.VALUE and p.role in ("A", "B") and p.number is not None:
            other = seen.setdefault((Family.VALUE, p.role), p)
            if other is not p and other.number is not None and not other.number.interval.overlaps(p.number.interval):
                raise refuse(p.number.text)
        elif p.family in _CHANGES and p.number is not None:
            other = seen.setdefault((p.family, str(p.direction)), p)
            if other is not p and other.number is not None and other.number.value != p.number.value \
                    and "(" not in tg.text[other.position : p.position]:
                raise refuse(p.number.text)
    if not any(p.family == Family.RECORD for p in checked):
        m = _RECORD_WORDS.search(tg.text)
        if m:
            raise UnreadableStatement(
                f"{m[0]!r} in {text!r} asserts a record that factcheck could not read",
                "give `says` only the record phrase ('the highest since 2010', 'a 10-year low') with the series as "
                "`vs`, or only the other phrase",
            )


def _counts_units(tg: _Tagged, p: Part, rate: Part) -> bool:
    """"for eight matches" beside "7,560 fans per match": B, the count of
    the rate's units."""
    if p.hedge != Hedge.NONE or p.number is None or p.number.percent:
        return False
    unit = (rate.per or "").rstrip("s")
    after = _window_right(tg.text[p.position :].split(" ", 1)[1] if " " in tg.text[p.position :] else "", 2)
    before = _window_left(tg.text[: p.position], 1)
    if any(w.rstrip("s").rstrip("e") in (unit, unit.rstrip("e")) for w in after[:2]):
        return True
    # "across 19 home games", "in 38 outings": a count of things after a preposition
    return before[-1:] in (["for"], ["across"], ["over"], ["in"], ["from"]) and bool(after) and after[-1].endswith("s")


def _token_at(tg: _Tagged, k: int) -> re.Match[str]:
    """Where number token ``#k`` (with its ``%``) stands in the tagged text."""
    m = re.search(rf"#{k}(?!\d)%?", tg.text)
    assert m is not None
    return m


def _number_in_context(tg: _Tagged, k: int) -> str:
    """Number ``k`` with its hedge and the word after it, as written: "more than 65 weeks"."""
    m = _token_at(tg, k)
    hedge, hedge_text, _ = _hedge_before(tg.text[: m.start()])
    after = _window_right(tg.text[m.end() :], 1)
    return " ".join([*([hedge_text] if hedge_text else []), tg.numbers[k].text, *after])


@lru_cache(maxsize=4096)
def _read_cached(text: str, word_tolerance: Fraction, has_vs: bool | None) -> Reading:
    return _read(text, word_tolerance, has_vs)


def read_statement(text: str, *, word_tolerance: Fraction = Fraction(1, 20), has_vs: bool | None = None) -> Reading:
    """Read a statement (a phrase or a whole sentence) into a :class:`Reading`.

    ``has_vs`` says whether the claim gives a base figure; it breaks ties
    between a comparison ("more than") and a hedged value ("more than 300").
    Raises :class:`UnreadableStatement` with a hint of the accepted forms.
    Results are cached: registries repeat their phrasings.
    """
    return _read_cached(text, word_tolerance, has_vs)
