"""``factcheck scan``: find the derived statements of an article, pair each
with the numbers of the same text that it derives from, and judge it as
``verify`` would (statcheck for news).

The flow, one module a step: article.py (file -> text and metadata),
sentences.py (text -> sentences), mentions.py (sentence -> numbers with
form and noun), the engine's reader (``phrases.read_statement``) on each
clause, pairing.py (statement -> A and B), and the engine's judge
(``evaluate.evaluate``) for the verdict.  draft.py writes a claim file of
what was found.  Nothing here prints or exits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from fractions import Fraction
from typing import NamedTuple

from ..evaluate import evaluate
from ..model import Operand, Outcome, Settings
from ..phrases import Reading, UnreadableStatement, read_statement
from ..verify import operand_from_text
from .article import Article, ArticleError, find_articles, read_article
from .mentions import COUNTABLE, Mention, find_mentions
from .pairing import Pairing, pair
from .sentences import Sentence, split_sentences

__all__ = ["Statement", "ArticleScan", "scan_text", "scan_article", "scan_file", "scan_paths", "ArticleError",
           "DERIVED"]

#: The families of docs/semantics.md that derive a number from others.  Values
#: ("nearly 14,000") are figures, not derived; comparisons without numbers
#: and records need a series, which an article seldom prints whole.
DERIVED = frozenset(("ratio", "percent change", "fraction change", "percentage points", "difference", "rate"))


class Statement(NamedTuple):
    """One derived statement found in an article, paired and judged."""

    says: str  # the clause given to the reader
    start: int
    end: int
    sentence: Sentence
    reading: str
    pairing: Pairing
    outcome: Outcome


class ArticleScan(NamedTuple):
    article: Article
    statements: tuple[Statement, ...]


# --------------------------------------------------------------------------
# clauses
# --------------------------------------------------------------------------

_SPLIT = re.compile(r"\s*[;:…]\s+|,\s+|\s+[—–]\s+|\s+-\s+|\s*\(\s*|\s*\)\s*|"
                    r"\s+(?:and|but|while|whereas|when|where|after|before|although|though)\s+(?=\D)")
#: a clause that only names a figure of the one before ("rose 12%, from 1,000"),
#: or restates its change ("an increase of £311.25, or 61 per cent")
_CONTINUES = re.compile(r"(?:up |down )?(?:from|to|than|compared (?:with|to)|against|versus|on the)\b|"
                        r"or\s+(?:almost\s+|nearly\s+|about\s+|around\s+|some\s+)?\d", re.I)


def _pieces(s: Sentence) -> list[tuple[int, int]]:
    """The clauses of a sentence as offsets into the article; a clause that
    starts with "from", "to", "than" ... is joined to the one before."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _SPLIT.finditer(s.text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(s.text):
        out.append((pos, len(s.text)))
    merged: list[tuple[int, int]] = []
    for a, b in out:
        if merged and _CONTINUES.match(s.text[a:b]):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return [(s.start + a, s.start + b) for a, b in merged if s.text[a:b].strip(" .!?\"'”“")]


#: a difference says what it is a difference from: "120 more than", "an increase of 300", "fell by 40";
#: "listing 169 more organizations" adds to a list and compares nothing
_DIFFERENCE = re.compile(
    r"\b(?:more|fewer|less|higher|lower|greater|larger|smaller)\s+than\b|"
    r"\b(?:more|fewer)\s+(?:[a-z]+\s+){1,5}?(?:compared\s+(?:with|to)|than)\b|"
    r"\b(?:increase|rise|drop|fall|decline|decrease|jump|gain|reduction|cut|loss)\s+of\s+(?:\w+\s+){0,2}[\d£$€]|"
    r"\b(?:up|down|rose|fell|increased|decreased|grew|dropped|declined|climbed|jumped)\s+by\b|"
    # a period's tally against the last: "police recorded 458,021 more offences", "there were 120 fewer deaths"
    r"\b(?:recorded|registered|logged|counted|there\s+(?:were|was|are|have\s+been))\s+(?:[a-z]+\s+){0,2}?"
    r"\d[\d,.]*(?:\s*(?:thousand|million|billion|[kmb]n?))?\s+(?:more|fewer)\b", re.I)


#: A comparison with a period and no number at the end of a statement
#: ("compared to last year", "than a year earlier").
_TRAILING_BASE = re.compile(r"\s+(?:compared\s+(?:with|to)|than|against|versus|on)\s+(?:(?:the|a|last|this|previous|"
                            r"prior|preceding|same|year|years|month|months|quarter|period|before|earlier|ago)\s*)+$",
                            re.I)


#: Where a change starts in a clause: its verb or noun, with an article before it.
_CHANGE_WORD = re.compile(r"\b(?:(?:an?|the)\s+)?(?:\d[\d.,]*\s*(?:%|per\s*cent|percent)\s+)?"
                          r"(?:rise|rises|rose|risen|rising|fall|falls|fell|fallen|falling|increase[sd]?|increasing|"
                          r"decrease[sd]?|decreasing|decline[sd]?|declining|drop|dropped|drops|grew|grow|grown|jump(?:ed|s)?|"
                          r"climb(?:ed|s)?|soar(?:ed|s)?|surge[sd]?|plunge[sd]?|up|down|doubled|tripled|halved)\b", re.I)


def _clean(text: str) -> str:
    return " ".join(text.split()).rstrip(".!?\"'”“’… ").lstrip("\"'“‘ ")


# --------------------------------------------------------------------------
# scanning
# --------------------------------------------------------------------------


#: How many sentences either side of a statement's (and at most two
#: paragraphs away) may give its figures.
WINDOW = 3


def scan_article(article: Article, settings: Settings | None = None) -> ArticleScan:
    """Every derived statement of an article, paired and judged."""
    settings = settings or Settings()
    text = article.text
    year = int(article.date[:4]) if article.date else None
    sentences = split_sentences(text)
    per_sentence = [find_mentions(text, s.start, s.end, sentence=i, article_year=year) for i, s in enumerate(sentences)]
    every = [m for ms in per_sentence for m in ms]
    claims = [_claims(s, ms) for s, ms in zip(sentences, per_sentence, strict=True)]
    found: list[Statement] = []
    for i, s in enumerate(sentences):
        mentions = per_sentence[i]
        if not any(m.form in ("percentage", "multiplier", "fraction", "count", "money") for m in mentions) \
                and not re.search(r"\b(?:doubl|tripl|halv|twice)", s.text, re.I):
            continue
        previous = per_sentence[i - 1] if i and sentences[i - 1].paragraph >= s.paragraph - 1 else []
        following = per_sentence[i + 1] if i + 1 < len(sentences) and sentences[i + 1].paragraph <= s.paragraph + 1 \
            else []
        window = [(j - i, sentences[j], per_sentence[j])
                  for j in sorted(range(max(0, i - WINDOW), min(len(sentences), i + WINDOW + 1)),
                                  key=lambda j: (abs(j - i), j < i))
                  if j != i and abs(sentences[j].paragraph - s.paragraph) <= 2]
        claimed = frozenset(x for j in range(max(0, i - WINDOW), min(len(sentences), i + WINDOW + 1)) if j != i
                            for x in claims[j])
        taken: set[int] = set()
        for k, (lo, hi) in enumerate(_pieces(s)):
            st = _statement(text, s, lo, hi, mentions, previous, following, every, first_piece=k == 0,
                            settings=settings, taken=taken, window=window, claimed=claimed)
            if st is not None:
                found.append(st)
                for pick in (st.pairing.a, st.pairing.b):
                    if pick is not None and pick.mention is not None and pick.mention.sentence == i:
                        taken.add(pick.mention.start)
    return ArticleScan(article, tuple(found))


def _claims(s: Sentence, mentions: list[Mention]) -> set[int]:
    """The figures a clause of a sentence names beside a rate of change
    ("rose 32 percent, to $346.7 million from $263.2 million"): that
    statement's own, not for a statement of another sentence."""
    out: set[int] = set()
    for lo, hi in _pieces(s):
        inside = [m for m in mentions if lo <= m.start < hi]
        if any(m.form in ("percentage", "multiplier", "fraction") for m in inside):
            out.update(m.start for m in inside if m.form in COUNTABLE)
    return out


def _read(says: str, settings: Settings) -> Reading | None:
    # "last year—4,986 this year": the reader takes "—4,986" for 986 (as mentions.py, a dash there is a pause)
    says = re.sub(r"(?<=[A-Za-z])[—–](?=\d)", " ", says)
    try:
        return read_statement(says, word_tolerance=settings.word_tolerance, has_vs=True)
    except UnreadableStatement:
        return None


def _statement(text: str, s: Sentence, lo: int, hi: int, mentions: list[Mention], previous: list[Mention],
               following: list[Mention], every: list[Mention], *, first_piece: bool,
               settings: Settings, taken: set[int], window: Sequence[tuple[int, Sentence, Sequence[Mention]]] = (),
               claimed: frozenset[int] = frozenset()) -> Statement | None:
    says = _clean(text[lo:hi])
    if not says or not re.search(r"\d|\b(?:doubl|tripl|quadrupl|halv|twice|fold|times|one|two|three|four|five|six|"
                                 r"seven|eight|nine|ten|half|third|quarter|fifth)", says, re.I):
        return None
    if re.search(r"\brespectively\b", s.text, re.I):
        return None  # "three and nine times higher, respectively": figures and statements crossed
    reading = _read(says, settings)
    if reading is None or reading.family not in DERIVED:
        # "has risen by almost a quarter compared to last year": the engine reads the
        # statement without the period it compares with (which pairing still sees)
        bare = _TRAILING_BASE.sub("", says)
        reading = _read(bare, settings) if bare != says else None
    if reading is None or reading.family not in DERIVED:
        # "whose tax take over six years is set to rise by 123 per cent from £53.64 to £119.80":
        # the engine reads the change without the subject it cannot place
        verb = _CHANGE_WORD.search(says, 1)
        reading = _read(says[verb.start():], settings) if verb is not None else None
        if reading is None or reading.family not in DERIVED:
            return None
    if reading.family == "difference" and not _DIFFERENCE.search(says):
        return None  # "listing 169 more organizations", "handed down 14,000": not a comparison
    inside = [m for m in mentions if lo <= m.start < hi]
    anchors: dict[str, Mention] = {}
    used: set[int] = set()
    for part in reading.parts:
        if part.family == "value" and part.role in ("A", "B") and part.number is not None:
            m = next((x for x in inside if x.value == part.number.value and x.form in COUNTABLE), None)
            if m is not None:
                anchors[part.role] = m
    own = {p.number.value for p in reading.parts if p.role in ("statement", "restatement") and p.number is not None}
    for m in inside:
        if m not in anchors.values() and (m.form not in COUNTABLE or m.value in own):
            used.add(m.start)  # the statement's own numbers ("24 per cent", "2.5-fold")
    used |= taken  # figures an earlier statement of the sentence was paired with
    years = [int(m.value) for m in inside if m.form == "year" and m.hedge == "none"]
    needs_b = reading.needs_vs
    pairing = pair(text, reading.family, (lo, hi), used, anchors, mentions, s.start, previous, every,
                   piece_years=years, first_piece=first_piece, needs_b=needs_b, following=following,
                   window=window, claimed=claimed)
    if reading.family not in ("rate",) and pairing.a.mention is None and pairing.b is not None \
            and pairing.b.mention is not None:
        return None  # a base with nothing to compare: not this statement's figures
    outcome = _judge(says, reading, pairing, settings)
    if outcome is None:
        return None
    return Statement(says, lo, lo + len(text[lo:hi].rstrip(".!?\"'”“’ ")) if False else _span_end(text, lo, hi),
                     s, outcome.reading, pairing, outcome)


def _span_end(text: str, lo: int, hi: int) -> int:
    while hi > lo and text[hi - 1] in " .!?\"'”“’…\n":
        hi -= 1
    return hi


def _rounded(m: Mention) -> bool:
    """Whether a number of the article is rounded as published: written with
    a scale ("£2.4m", "1.9 billion") or decimals ("12.5%").  A whole number
    is a count as the article gives it ("1,000"), exact like a figure of a
    claim file."""
    n = m.number
    if m.form == "money" and n.step is not None and n.step >= Fraction(1, 100) \
            and re.search(r"[a-z]", n.text.lower()) is None:
        return False  # "£104.79": a sum to the penny is exact
    return m.hedge == "none" and not n.words and n.step is not None and (n.step != 1 and (
        n.step < 1 or re.search(r"[a-z]", n.text.lower().replace("%", "")) is not None))


def _operand(m: Mention | None, name: str, settings: Settings, period: int | None = None) -> Operand:
    p = str(period) if period is not None else None
    if m is None:
        got = operand_from_text("null", name=name, settings=settings, period=p)
    elif _rounded(m):  # the interval of its written precision (docs/semantics.md, "Numbers and their precision")
        n = m.number
        got = operand_from_text(n.text, name=name, settings=settings, rounded=True, percent=n.percent, period=p)
    else:
        n = m.number
        text = m.figure_text.replace("\n", " ") if m.hedge != "none" else _decimal(n.value)
        got = operand_from_text(text, name=name, settings=settings, percent=n.percent, period=p)
    assert got is not None  # operand_from_text gives None only when given no text
    return got


def _decimal(v: Fraction) -> str:
    """An exact figure as digits: 104.79, not 10479/100 (only for the whole
    numbers and sums to the penny that ``_rounded`` leaves exact)."""
    if v.denominator == 1:
        return str(v.numerator)
    from decimal import Decimal, localcontext

    with localcontext() as ctx:
        ctx.prec = 60
        return format(Decimal(v.numerator) / Decimal(v.denominator), "f")


def _judge(says: str, reading: Reading, pairing: Pairing, settings: Settings) -> Outcome | None:
    a = pairing.a.mention
    period = pairing.period if pairing.b is None else None
    of = _operand(a, "A", settings, period)
    vs = None if pairing.b is None else _operand(pairing.b.mention, "B", settings)
    try:
        return evaluate(reading, of, vs, settings)
    except (UnreadableStatement, ZeroDivisionError, ValueError):
        return None


# --------------------------------------------------------------------------
# files
# --------------------------------------------------------------------------


def scan_text(text: str, *, file: str = "-", settings: Settings | None = None, date: str | None = None) -> ArticleScan:
    """Scan a text given as a string (plain text or Markdown); ``date``
    (YYYY-MM-DD) is the article's, when the text does not give it."""
    from .article import article_from_bytes

    article = article_from_bytes(text.encode("utf-8"), file=file, kind="text")
    if date is not None and article.date is None:
        article = article._replace(date=date)
    return scan_article(article, settings)


def scan_file(file: str, settings: Settings | None = None, stdin: bytes | None = None) -> ArticleScan | ArticleError:
    """One article scanned, or the error that stopped it being read; never raises."""
    try:
        article = read_article(file, stdin=stdin)
    except ArticleError as exc:
        return exc
    return scan_article(article, settings)


#: Below this many files, ``--jobs`` is ignored: starting workers costs more.
PARALLEL_MIN_FILES = 16


def scan_paths(paths: Sequence[str], *, settings: Settings | None = None, jobs: int = 1,
               stdin: bytes | None = None) -> Iterator[ArticleScan | ArticleError]:
    """Each article of ``paths`` (files, folders, ``-``) scanned, in order,
    or the error that stopped it being read.  With ``jobs`` > 1 and many
    files, over that many worker processes (the output is the same)."""
    settings = settings or Settings()
    files, errors = find_articles(list(paths))
    yield from errors
    if jobs > 1 and len(files) >= PARALLEL_MIN_FILES and "-" not in files:
        yield from _parallel(files, settings, jobs)
        return
    for f in files:
        yield scan_file(f, settings, stdin=stdin)


def _parallel(files: list[str], settings: Settings, jobs: int) -> Iterator[ArticleScan | ArticleError]:
    """Articles over verify's pool of worker processes, in order."""
    from ..verify import in_order

    return in_order(scan_file, files, settings, jobs)
