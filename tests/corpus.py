"""A generated corpus of statements: a small grammar that writes statements
from every family x hedge x number form x direction x sentence frame, each
with the figures (A, B) that give it a clear-cut verdict by
shared/spec/semantics.md, and the reading it must get.

Nothing here asks the engine anything: the expected reading and verdict come
from the grammar and from a model of semantics sections 1, 3 and 5
(:func:`spec_verdict`), and every case is checked against that model with a
margin, so that no case sits on a boundary of the accepted interval or of
the imprecise band.

``CORPUS`` (built once, on first use by :func:`corpus`) is a list of
:class:`Case`.  ``tests/test_corpus.py`` runs them; ``tests/corpus_report.py``
tabulates the mismatches by family x number form x frame.

Conventions of the expected reading (semantics sections 1-4):

- ``value`` is the number the statement writes, as a Fraction: the N of
  "N%" (not N/100), 1/3 for "a third", 2 for "doubled" and for "halved" (a
  halving word is B / A against 2, as is "fell by a factor of N"), 1/5 for
  "one in five", N/M for "N out of M", and for "N basis points" the value in
  percentage points (N/100).
- ``direction`` is +1 for a word of rise, -1 for a word of fall, 0 when the
  statement has none ("three times as many as", "40% of", "nearly 14,000",
  "an average of 10 per day").
- ``ambiguous`` is True for "N times higher than", "an N-fold increase",
  "grew N-fold" (section 4); "N times as many as", "by a factor of N",
  "doubled" and the like are not.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from itertools import cycle

F = Fraction
_ONE = F(1)  # the default of `space` (one object, shared: a Fraction is immutable)
HEDGE_T = F(1, 10)  # hedge_tolerance
WORD_T = F(1, 20)  # word_tolerance

FAMILIES = (
    "ratio", "percent change", "fraction change", "percentage points", "difference",
    "share", "value", "rate", "rate per unit",
)


# --------------------------------------------------------------------------
# Cases
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    a: str
    b: str | None
    family: str  # expected family
    value: Fraction  # expected number value
    hedge: str  # expected hedge kind
    direction: int  # expected direction
    ambiguous: bool
    verdict: str  # expected verdict
    period: str | None = None
    percent: bool = False
    # for the report
    group: str = ""  # the corpus family (tests are grouped by it)
    template: str = ""
    form: str = ""
    frame: str = ""
    intent: str = ""  # holds, imprecise, fails-far, fails-side, fails-direction


# --------------------------------------------------------------------------
# Numbers as written
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Num:
    """A number as a statement writes it.  ``step`` is the written precision
    (digits) or None (number words and whole-number multipliers: relative
    ``word_tolerance``).  ``shown`` is the text that goes into the sentence
    (with its per cent sign, scale, currency); ``value`` is what the reading
    must report; ``space`` scales from the reading's value to the space the
    verdict is computed in (1 except for basis points, computed in bp)."""

    shown: str
    value: Fraction
    step: Fraction | None
    form: str
    sig: int = 2  # significant digits (trailing zeros of integers not counted)
    currency: bool = False
    space: Fraction = _ONE

    @property
    def x(self) -> Fraction:
        """The stated number in the space of the verdict."""
        return self.value * self.space

    @property
    def precise_about(self) -> bool:
        """An approximator before three or more significant digits (section 3)."""
        return self.step is not None and self.sig >= 3


_SCALES = {"thousand": 10**3, "k": 10**3, "million": 10**6, "m": 10**6, "bn": 10**9, "billion": 10**9}


def digits(text: str, form: str = "digits", *, scale: str = "", sep: str = " ", pre: str = "", post: str = "",
           whole_is_word: bool = False, space: Fraction = _ONE, value_div: int = 1) -> Num:
    """Digits (with optional scale word or suffix and currency) and their
    written precision: the last written digit; trailing zeros of integers of
    1,000 or more are not significant; a scaled number steps by its last
    written digit times the scale."""
    bare = text.replace(",", "")
    mult = _SCALES.get(scale, 1)
    val = F(bare) * mult
    if "." in bare:
        step = F(1, 10 ** len(bare.split(".")[1])) * mult
        sig = len(bare.replace(".", "").lstrip("0"))
    else:
        n = int(bare)
        tz = len(bare) - len(bare.rstrip("0")) if n else 0
        step = F(10**tz if n >= 1000 else 1) * mult
        sig = len(bare.rstrip("0")) or 1
    shown = pre + text + (sep + scale if scale and sep else scale) + post
    if whole_is_word and "." not in bare:
        step = None  # whole-number multipliers: word_tolerance (section 1)
    if step is not None:
        step = step / value_div  # basis points: the step in the reading's space (points)
    return Num(shown, val / value_div, step, form, sig, currency=bool(pre), space=space)


def words(text: str, value: Fraction | int, form: str = "words", *, shown: str | None = None,
          space: Fraction = _ONE) -> Num:
    return Num(shown if shown is not None else text, F(value), None, form, space=space)


# percent spellings: suffix appended to the number text
PCT_SPELLINGS = {
    "%": "%", "per cent": " per cent", "percent": " percent", "pc": "pc", "pct": " pct", "-percent": "-percent",
}


def pct(text: str, spelling: str) -> Num:
    n = digits(text)
    return Num(text + PCT_SPELLINGS[spelling], n.value, n.step, f"digits {spelling}", n.sig)


def pct_words(text: str, value: int, spelling: str) -> Num:
    return Num(text + PCT_SPELLINGS[spelling], F(value), None, f"words {spelling}")


# --------------------------------------------------------------------------
# The verdict by semantics.md
# --------------------------------------------------------------------------

_INF = None


def _regions(x: Fraction, num: Num, hedge: str):
    """(holds regions, imprecise regions) as lists of (lo, hi, lo_open, hi_open)."""
    t, w = HEDGE_T, WORD_T
    if num.step is None:
        own = (x * (1 - w), x * (1 + w), False, False)
        band = (x * (1 - 2 * w), x * (1 + 2 * w), False, False)
    else:
        s = num.step * num.space
        own = (x - s / 2, x + s / 2, False, False)
        band = (x - 3 * s / 2, x + 3 * s / 2, False, False)
    if hedge == "none":
        return [own], [band]
    if hedge == "nearly":
        return [(x * (1 - t), x, False, True)], [(x * (1 - 2 * t), x, False, True)]
    if hedge == "about":
        if num.precise_about:
            s = num.step * num.space
            return [(x - 3 * s / 2, x + 3 * s / 2, False, False)], []
        return [(x * (1 - t), x * (1 + t), False, False), own], [(x * (1 - 2 * t), x * (1 + 2 * t), False, False), band]
    if hedge == "gt":
        return [(x, _INF, True, True)], []
    if hedge == "ge":
        return [(x, _INF, False, True)], []
    if hedge == "lt":
        return [(_INF, x, True, True)], []
    if hedge == "le":
        return [(_INF, x, True, False)], []
    raise ValueError(hedge)


def _inside(q: Fraction, r) -> bool:
    lo, hi, lo_open, hi_open = r
    if lo is not None and (q < lo or (lo_open and q == lo)):
        return False
    if hi is not None and (q > hi or (hi_open and q == hi)):
        return False
    return True


def spec_verdict(q: Fraction, num: Num, hedge: str) -> tuple[str, Fraction]:
    """The verdict for a computed magnitude ``q`` (same direction as the
    statement) and its distance to the nearest boundary of any region."""
    x = num.x
    holds, imprecise = _regions(x, num, hedge)
    if any(_inside(q, r) for r in holds):
        v = "holds"
    elif any(_inside(q, r) for r in imprecise):
        v = "imprecise"
    else:
        v = "fails"
    bounds = [b for r in holds + imprecise for b in r[:2] if b is not None]
    margin = min((abs(q - b) for b in bounds), default=F(10**9))
    return v, margin


def _margin_needed(num: Num) -> Fraction:
    m = abs(num.x) / 100
    if num.step is not None:
        m = min(m, num.step * num.space / 4)
    return m


# --------------------------------------------------------------------------
# Figures as text
# --------------------------------------------------------------------------


def fig(x: Fraction) -> str:
    """A figure as decimal text: exact when it has a finite decimal
    expansion, otherwise to 6 decimals (the caller recomputes from the text)."""
    x = F(x)
    d = x.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    if d == 1:
        k = 0
        while (x * 10**k).denominator != 1:
            k += 1
        n = x * 10**k
        s = str(abs(n.numerator)).rjust(k + 1, "0")
        out = s if k == 0 else s[:-k] + "." + s[-k:]
        return ("-" if x < 0 else "") + out
    return fig(F(round(x * 10**6), 10**6))


# --------------------------------------------------------------------------
# Templates
# --------------------------------------------------------------------------

UP_VERBS = ("rose", "increased", "jumped", "grew", "climbed")
DOWN_VERBS = ("fell", "decreased", "dropped", "declined", "slumped")
SOURCES = ("the ministry", "the Home Office", "Eurostat", "the Office for National Statistics", "the council",
           "police", "the regulator", "Reuters")
COUNT_SUBJECTS = ("arrests", "burglaries", "complaints", "hospital admissions", "applications", "exports",
                  "car thefts", "house sales")
RATE_SUBJECTS = ("the unemployment rate", "turnout", "the savings rate", "the home-ownership rate")
BP_SUBJECTS = ("interest rates", "the base rate", "mortgage rates", "bond yields")
YEARS = ("2021", "2022", "2023", "2024")

HEDGE_TEXTS = {
    "none": ("",),
    "nearly": ("nearly", "almost"),
    "about": ("about", "around", "some"),
    "gt": ("more than", "over"),
    "ge": ("at least",),
    "lt": ("less than",),
    "le": ("up to", "at most"),
}
ALL_HEDGES = ("none", "nearly", "about", "gt", "ge", "lt", "le")


@dataclass
class Template:
    """A way of writing a statement.  ``bare``, ``clause`` and ``sentences``
    are format strings over {H} (hedge words and a space, or nothing), {N}
    (the number as written), {V} (a verb of the template's direction), {S}
    (a subject), {Y} (the year), {P} (an earlier year), {SRC} (a source),
    {ART} (the article "a" / "an" for what follows it)."""

    label: str
    direction: int
    bare: str
    clause: str
    sentences: tuple[str, ...]
    ambiguous: bool = False
    hedges: tuple[str, ...] = ALL_HEDGES
    hedge_texts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    subjects: tuple[str, ...] = COUNT_SUBJECTS
    verbs: tuple[str, ...] = ()


def _article(following: str) -> str:
    w = following.lstrip().lower()
    if re.match(r"(8|11\b|11[,.\d]|18\b|18[.\d]|8\d\b|eight|eleven|[aeio]|un(?!i))", w):
        return "an"
    return "a"


def _capital(s: str) -> str:
    return s[:1].upper() + s[1:]


FRAMES = ("bare", "clause", "sentence")


# --------------------------------------------------------------------------
# Building cases
# --------------------------------------------------------------------------


class Builder:
    def __init__(self) -> None:
        self.cases: list[Case] = []
        self._rot: dict[str, Iterator] = {}
        self._seen: set[tuple] = set()
        self._turns: dict[str, int] = {}

    def rot(self, key: str, items: Iterable):
        """The next item of a rotation (deterministic variety)."""
        if key not in self._rot:
            self._rot[key] = cycle(tuple(items))
        return next(self._rot[key])

    def some(self, key: str, forms: list, hedge: str, k: int = 3) -> list:
        """All the number forms for an unhedged statement; for a hedged one,
        ``k`` of them, taken in turn (every form meets every hedge across
        the templates, without the full cross product)."""
        if hedge == "none" or len(forms) <= k:
            return list(forms)
        start = self._turns.get(key, 0)
        self._turns[key] = start + k
        return [forms[(start + j) % len(forms)] for j in range(k)]

    def texts(self, tpl: Template, num: Num, hedge: str) -> list[tuple[str, str, str]]:
        """(frame, text, year) for the bare phrase, a clause and a sentence."""
        htexts = tpl.hedge_texts.get(hedge) or HEDGE_TEXTS[hedge]
        out = []
        for frame in FRAMES:
            if frame == "bare":
                pattern = tpl.bare
            elif frame == "clause":
                pattern = tpl.clause
            else:
                pattern = self.rot(f"sent:{tpl.label}", tpl.sentences)
            ht = htexts
            if hedge == "le" and re.search(r"\b(?:up|down) \{H\}", pattern):
                ht = ("at most",)  # not "up up to"
            h = self.rot(f"h:{tpl.label}:{hedge}:{frame}", ht)
            fields = {
                "H": (h + " ") if h else "",
                "N": num.shown,
                "V": self.rot(f"v:{tpl.label}:{frame}", tpl.verbs or ("",)),
                "S": self.rot(f"s:{tpl.label}", tpl.subjects),
                "Y": self.rot("y", YEARS),
                "P": "2019",
                "SRC": self.rot(f"src:{tpl.label}", SOURCES),
            }
            # share subjects are "group|predicate"
            fields["S_G"], _, fields["S_P"] = fields["S"].partition("|")
            fields["BE"] = "were" if fields["S"].endswith("s") else "was"
            text = pattern.format(ART="{ART}", **fields)
            while "{ART}" in text:
                i = text.index("{ART}")
                text = text[:i] + _article(text[i + 6 :]) + text[i + 5 :]
            if frame == "sentence":
                text = _capital(text)
            out.append((frame, " ".join(text.split()), fields["Y"]))
        return out

    def add(self, group: str, family: str, tpl: Template, num: Num, hedge: str,
            figures: Callable[[Fraction, bool], tuple[Fraction, Fraction | None] | None],
            computed: Callable[[Fraction, Fraction | None], tuple[Fraction, int]],
            *, valid: Callable[[Fraction], bool] = lambda q: q > 0, percent: bool = False,
            rate_period: bool = False, value: Fraction | None = None,
            intents: Iterable[tuple[str, Fraction]] | None = None) -> None:
        """Every frame x intended verdict of one (template, number, hedge).

        ``figures(q, wrong_direction)`` gives (A, B) whose computed magnitude
        is q; ``computed(A, B)`` gives back (q, direction of the figures),
        from the figures as written, so that the case is checked against the
        model exactly as the engine will see it."""
        d = tpl.direction
        wanted = list(intents) if intents is not None else self.intents(num, hedge)
        chosen: list[tuple[str, str, str | None, str]] = []  # (intent, A, B, verdict)
        done: set[str] = set()
        for intent, q in wanted:
            wrong = intent == "fails-direction"
            if intent in done or (wrong and d == 0) or not valid(q):
                continue
            ab = figures(q, wrong)
            if ab is None:
                continue
            a_txt, b_txt = fig(ab[0]), (fig(ab[1]) if ab[1] is not None else None)
            got_q, got_d = computed(F(a_txt), F(b_txt) if b_txt is not None else None)
            if wrong:
                if got_d != -d:
                    raise AssertionError(f"wrong direction not produced: {tpl.label} {a_txt} {b_txt}")
                verdict = "fails"
            else:
                if d != 0 and got_d != d:
                    continue
                verdict, margin = spec_verdict(got_q, num, hedge)
                if verdict != intent.split("-")[0] or margin < _margin_needed(num):
                    continue  # not clear-cut for this number: try the next magnitude
            done.add(intent)
            chosen.append((intent, a_txt, b_txt, verdict))
        for frame, text, year in self.texts(tpl, num, hedge):
            for intent, a_txt, b_txt, verdict in chosen:
                key = (text, a_txt, b_txt)
                if key in self._seen:
                    continue
                self._seen.add(key)
                self.cases.append(Case(
                    id=f"{group}:{len(self.cases)}", text=text, a=a_txt, b=b_txt, family=family,
                    value=num.value if value is None else value, hedge=hedge, direction=d,
                    ambiguous=tpl.ambiguous, verdict=verdict, period=year if rate_period else None,
                    percent=percent, group=group, template=tpl.label, form=num.form, frame=frame,
                    intent=intent,
                ))

    @staticmethod
    def intents(num: Num, hedge: str) -> list[tuple[str, Fraction]]:
        """The magnitudes tried for each intended verdict (the first that is
        clear-cut for this number is kept, by Builder.add's check)."""
        x = num.x
        s = (num.step * num.space) if num.step is not None else None
        out: list[tuple[str, Fraction]] = []
        if hedge == "none":
            out += [("holds", x)]
            out += [("imprecise", x + s)] if s is not None else [("imprecise", x * (1 + 3 * WORD_T / 2))]
            out += [("fails-far", x * F(3, 2)), ("fails-far", x / 2), ("fails-far", x * 3), ("fails-far", x / 5)]
        elif hedge == "nearly":
            out += [("holds", x * F(95, 100)), ("imprecise", x * F(85, 100)), ("fails-side", x * F(103, 100)),
                    ("fails-far", x / 2)]
        elif hedge == "about":
            if num.precise_about:
                out += [("holds", x + s), ("fails-far", x * F(105, 100)), ("fails-far", x * F(95, 100))]
            else:
                out += [("holds", x * F(105, 100)), ("imprecise", x * F(115, 100)), ("imprecise", x * F(85, 100)),
                        ("fails-far", x * F(3, 2)), ("fails-far", x / 2), ("fails-far", x / 5)]
        elif hedge in ("gt", "ge"):
            out += [("holds", x * F(6, 5)), ("fails-side", x * F(85, 100))]
        elif hedge in ("lt", "le"):
            out += [("holds", x * F(4, 5)), ("fails-side", x * F(6, 5))]
        out += [("fails-direction", x)]
        # add() keeps the first magnitude per intent that is clear-cut for
        # this number, so alternatives are offered in order
        return out


def _first_per_intent(b: Builder, *args, **kw) -> None:
    """Builder.add (which keeps the first clear-cut magnitude per intended verdict)."""
    b.add(*args, **kw)


# --------------------------------------------------------------------------
# Families
# --------------------------------------------------------------------------

# sentence frames for a verb phrase "{V} ..." after a subject
def _vp(core: str) -> tuple[str, str, tuple[str, ...]]:
    return (
        core,
        "{S} " + core,
        ("{S} " + core + " in {Y}, {SRC} said.",
         "According to {SRC}, {S} " + core + " in {Y}.",
         "{S} " + core + " last year, according to {SRC}."),
    )


# frames for a comparative "... higher than" (B is the earlier year)
def _comp(core: str) -> tuple[str, str, tuple[str, ...]]:
    return (
        core,
        "{S} were " + core + " in {P}",
        ("{S} in {Y} were " + core + " in {P}, {SRC} said.",
         "According to {SRC}, {S} in {Y} were " + core + " in {P}."),
    )


# frames for a noun phrase of change
def _np(core: str) -> tuple[str, str, tuple[str, ...]]:
    return (
        core,
        "there was " + core + " in {S}",
        ("There was " + core + " in {S} in {Y}, {SRC} said.",
         "According to {SRC}, {S} saw " + core + " in {Y}."),
    )


def _t(label: str, direction: int, frames: tuple[str, str, tuple[str, ...]], **kw) -> Template:
    bare, clause, sentences = frames
    return Template(label, direction, bare, clause, sentences, **kw)


def _change_figures(kind: str, base: Fraction):
    """figures(q, wrong) and computed(A, B) for a change of the template's
    direction: kind "percent" (q in %), "fraction", "points" (A - B in the
    number's space), "ratio" (A / B), "ratio-inverse" (B / A)."""

    def make(direction: int, space: Fraction = _ONE):
        def figures(q: Fraction, wrong: bool):
            d = -direction if wrong else direction
            if kind == "percent":
                mag = min(q, F(50)) if wrong and d < 0 else q
                return base * (1 + d * mag / 100), base
            if kind == "fraction":
                mag = min(q, F(1, 2)) if wrong and d < 0 else q
                return base * (1 + d * mag), base
            if kind == "points":
                return base + d * q / space, base
            if kind == "ratio":
                return (base * q, base) if d >= 0 else (base / q, base)
            if kind == "ratio-inverse":  # halved, fell by a factor of N: q = B / A
                return (base / q, base) if d <= 0 else (base * q, base)
            raise ValueError(kind)

        def computed(a: Fraction, b: Fraction | None):
            assert b is not None
            sign = (a > b) - (a < b)
            if kind == "percent":
                return abs(a - b) / b * 100, sign
            if kind == "fraction":
                return abs(a - b) / b, sign
            if kind == "points":
                return abs(a - b) * space, sign
            if kind == "ratio":
                return a / b, sign
            if kind == "ratio-inverse":
                return b / a, sign
            raise ValueError(kind)

        return figures, computed

    return make


# ---- ratio -----------------------------------------------------------------

def build_ratio(b: Builder) -> None:
    g = "ratio"
    times_forms = [
        digits("3", "digits whole", whole_is_word=True), digits("10", "digits whole", whole_is_word=True),
        digits("2.5", "digits decimal"), digits("1.5", "digits decimal"),
        words("three", 3), words("four", 4), words("ten", 10), words("two and a half", F(5, 2)),
    ]
    fold_forms = [
        words("threefold", 3, "fold word"), words("tenfold", 10, "fold word"),
        digits("3", "digits-fold", whole_is_word=True, post="-fold"),
        digits("2.5", "digits-fold decimal", post="-fold"), digits("10", "digits-fold", whole_is_word=True, post="-fold"),
    ]
    factor_forms = [words("three", 3), words("four", 4), digits("2.5", "digits decimal"),
                    digits("3", "digits whole", whole_is_word=True)]
    x_forms = [digits("2.5", "digits-x decimal", post="x"), digits("3", "digits-x", whole_is_word=True, post="x"),
               digits("2.5", "digits-× decimal", post="×")]
    mult_up = [words("doubled", 2, "multiplier verb"), words("tripled", 3, "multiplier verb"),
               words("quadrupled", 4, "multiplier verb")]
    halved = [words("halved", 2, "multiplier verb")]

    up = _change_figures("ratio", F(1200))
    inv = _change_figures("ratio-inverse", F(1200))

    as_many = _t("N times as many as", 0, (
        "{H}{N} times as many as",
        "there were {H}{N} times as many {S} as in {P}",
        ("There were {H}{N} times as many {S} in {Y} as in {P}, {SRC} said.",
         "According to {SRC}, there were {H}{N} times as many {S} in {Y} as in {P}.")))
    higher = _t("N times higher than", 1, _comp("{H}{N} times higher than"), ambiguous=True)
    fold_np = Template("an N-fold increase", 1, "{ART} {H}{N} increase",
                       "there was {ART} {H}{N} increase in {S}",
                       ("There was {ART} {H}{N} increase in {S} in {Y}, {SRC} said.",
                        "According to {SRC}, {S} saw {ART} {H}{N} rise in {Y}."),
                       ambiguous=True, hedges=("none", "nearly", "about", "gt"),
                       hedge_texts={"about": ("roughly",), "nearly": ("nearly", "almost")})
    fold_vp = _t("grew N-fold", 1, _vp("{V} {H}{N}"), ambiguous=True, verbs=UP_VERBS,
                 hedges=("none", "nearly", "about", "gt"), hedge_texts={"about": ("roughly",)})
    mult_tpl = _t("doubled/tripled", 1, _vp("{H}{N}"), hedges=("none", "nearly", "about", "gt", "ge"),
                  hedge_texts={"about": ("roughly",)})
    halved_tpl = _t("halved", -1, _vp("{H}{N}"), hedges=("none", "nearly", "about", "gt", "ge"),
                    hedge_texts={"about": ("roughly",)})
    factor_up = _t("rose by a factor of N", 1, _vp("{V} by a factor of {H}{N}"), verbs=UP_VERBS,
                   hedges=("none", "nearly", "about", "gt", "ge"))
    factor_down = _t("fell by a factor of N", -1, _vp("{V} by a factor of {H}{N}"), verbs=DOWN_VERBS,
                     hedges=("none", "nearly", "about", "gt", "ge"))
    x_tpl = Template("2.5x", 0, "{H}{N}", "there were {H}{N} as many {S} as in {P}",
                     ("There were {H}{N} as many {S} in {Y} as in {P}, {SRC} said.",
                      "According to {SRC}, there were {H}{N} as many {S} in {Y} as in {P}."))

    for tpl, forms in ((as_many, times_forms), (higher, times_forms), (fold_np, fold_forms), (fold_vp, fold_forms),
                       (mult_tpl, mult_up), (factor_up, factor_forms), (x_tpl, x_forms)):
        fg, cp = up(tpl.direction)
        for h in tpl.hedges:
            for num in b.some(tpl.label, forms, h):
                _first_per_intent(b, g, "ratio", tpl, num, h, fg, cp)
    twice = words("twice", 2, "twice")
    tw = Template("twice as many as", 0, "{H}{N} as many as", "there were {H}{N} as many {S} as in {P}",
                  ("There were {H}{N} as many {S} in {Y} as in {P}, {SRC} said.",))
    fg, cp = up(0)
    for h in tw.hedges:
        _first_per_intent(b, g, "ratio", tw, twice, h, fg, cp)
    for tpl, forms in ((halved_tpl, halved), (factor_down, factor_forms)):
        fg, cp = inv(-1)
        for h in tpl.hedges:
            for num in b.some(tpl.label, forms, h):
                _first_per_intent(b, g, "ratio", tpl, num, h, fg, cp)


# ---- percent change ----------------------------------------------------------

def _pct_forms(numbers_digits: Iterable[str], numbers_words: Iterable[tuple[str, int]], *, adjective: bool) -> list[Num]:
    out = []
    for t in numbers_digits:
        for sp in PCT_SPELLINGS:
            if sp == "-percent" and not adjective:
                continue
            out.append(pct(t, sp))
    for t, v in numbers_words:
        for sp in ("per cent", "percent") + (("-percent",) if adjective else ()):
            out.append(pct_words(t, v, sp))
    return out


def build_percent_change(b: Builder) -> None:
    g = "percent change"
    up_digits, down_digits = ("12", "2.5", "150"), ("12", "2.5", "30")
    up_words, down_words = (("twelve", 12), ("seventy-six", 76)), (("thirty", 30), ("fifteen", 15))
    mk = _change_figures("percent", F(20000))
    up_t = [
        _t("rose N%", 1, _vp("{V} {H}{N}"), verbs=UP_VERBS, hedges=("none", "nearly", "about", "gt")),
        _t("rose by N%", 1, _vp("{V} by {H}{N}"), verbs=UP_VERBS),
        _t("up N%", 1, ("up {H}{N}", "{S} {BE} up {H}{N}",
                        ("{S} {BE} up {H}{N} in {Y}, {SRC} said.", "According to {SRC}, {S} {BE} up {H}{N} in {Y}."))),
        _t("a rise of N%", 1, _np("{ART} {V} of {H}{N}"), verbs=("increase", "rise", "jump")),
        _t("N% higher than", 1, _comp("{H}{N} higher than")),
    ]
    up_adj = _t("a N% increase", 1, _np("{ART} {N} {V}"), verbs=("increase", "rise", "jump"), hedges=("none",))
    down_t = [
        _t("fell N%", -1, _vp("{V} {H}{N}"), verbs=DOWN_VERBS, hedges=("none", "nearly", "about", "gt")),
        _t("fell by N%", -1, _vp("{V} by {H}{N}"), verbs=DOWN_VERBS),
        _t("down N%", -1, ("down {H}{N}", "{S} {BE} down {H}{N}",
                           ("{S} {BE} down {H}{N} in {Y}, {SRC} said.", "According to {SRC}, {S} {BE} down {H}{N} in {Y}."))),
        _t("a drop of N%", -1, _np("{ART} {V} of {H}{N}"), verbs=("drop", "fall", "decline")),
        _t("N% lower than", -1, _comp("{H}{N} lower than")),
        _t("N% lower", -1, ("{H}{N} lower", "{S} were {H}{N} lower",
                            ("{S} were {H}{N} lower in {Y}, {SRC} said.",
                             "According to {SRC}, {S} were {H}{N} lower in {Y} than in {P}."))),
    ]
    down_adj = _t("a N% drop", -1, _np("{ART} {N} {V}"), verbs=("drop", "fall", "decrease"), hedges=("none",))

    def valid_down(q):
        return 0 < q < 100

    for tpls, dg, wd, valid in ((up_t, up_digits, up_words, lambda q: q > 0),
                                (down_t, down_digits, down_words, valid_down)):
        forms = _pct_forms(dg, wd, adjective=False)
        for tpl in tpls:
            fg, cp = mk(tpl.direction)
            for h in tpl.hedges:
                for num in b.some(tpl.label, forms, h):
                    _first_per_intent(b, g, g, tpl, num, h, fg, cp, valid=valid)
    for tpl, dg, wd, valid in ((up_adj, up_digits, up_words, lambda q: q > 0),
                               (down_adj, down_digits, down_words, valid_down)):
        fg, cp = mk(tpl.direction)
        for num in _pct_forms(dg, wd, adjective=True):
            _first_per_intent(b, g, g, tpl, num, "none", fg, cp, valid=valid)


# ---- fraction change -------------------------------------------------------------

def build_fraction_change(b: Builder) -> None:
    g = "fraction change"
    fr = [words("a third", F(1, 3), "fraction word"), words("a quarter", F(1, 4), "fraction word"),
          words("a fifth", F(1, 5), "fraction word"), words("two-thirds", F(2, 3), "fraction word")]
    adj = [words("one-third", F(1, 3), "fraction adjective"), words("one-quarter", F(1, 4), "fraction adjective"),
           words("one-fifth", F(1, 5), "fraction adjective")]
    ht = {"about": ("about", "around", "roughly")}
    mk = _change_figures("fraction", F(6000))
    tpls = [
        _t("rose by a third", 1, _vp("{V} by {H}{N}"), verbs=UP_VERBS, hedge_texts=ht),
        _t("up by a quarter", 1, ("up by {H}{N}", "{S} {BE} up by {H}{N}",
                                  ("{S} {BE} up by {H}{N} in {Y}, {SRC} said.",
                                   "According to {SRC}, {S} {BE} up by {H}{N} in {Y}.")), hedge_texts=ht),
        _t("fell by a third", -1, _vp("{V} by {H}{N}"), verbs=DOWN_VERBS, hedge_texts=ht),
        _t("down by a quarter", -1, ("down by {H}{N}", "{S} {BE} down by {H}{N}",
                                     ("{S} {BE} down by {H}{N} in {Y}, {SRC} said.",
                                      "According to {SRC}, {S} {BE} down by {H}{N} in {Y}.")), hedge_texts=ht),
    ]
    adj_tpls = [
        _t("a one-third increase", 1, _np("{ART} {N} {V}"), verbs=("increase", "rise"), hedges=("none",)),
        _t("a one-third drop", -1, _np("{ART} {N} {V}"), verbs=("drop", "fall", "decrease"), hedges=("none",)),
    ]
    for tpl in tpls:
        fg, cp = mk(tpl.direction)
        valid = (lambda q: 0 < q < 1) if tpl.direction < 0 else (lambda q: q > 0)
        for h in tpl.hedges:
            for num in b.some(tpl.label, fr, h):
                _first_per_intent(b, g, g, tpl, num, h, fg, cp, valid=valid)
    for tpl in adj_tpls:
        fg, cp = mk(tpl.direction)
        valid = (lambda q: 0 < q < 1) if tpl.direction < 0 else (lambda q: q > 0)
        for num in adj:
            _first_per_intent(b, g, g, tpl, num, "none", fg, cp, valid=valid)


# ---- percentage points -------------------------------------------------------------

def build_points(b: Builder) -> None:
    g = "percentage points"
    pts = [digits("4", "digits percentage points", post=" percentage points"),
           digits("2.5", "digits percentage points", post=" percentage points"),
           digits("3", "digits points", post=" points"),
           digits("1.5", "digits pp", post=" pp"),
           words("four percentage points", 4, "words percentage points"),
           words("half a percentage point", F(1, 2), "words percentage points")]
    bps = [digits("25", "digits basis points", post=" basis points", value_div=100, space=F(100)),
           digits("150", "digits basis points", post=" basis points", value_div=100, space=F(100)),
           digits("50", "digits bp", post="bp", value_div=100, space=F(100)),
           digits("75", "digits bps", post="bps", value_div=100, space=F(100)),
           words("fifty basis points", F(1, 2), "words basis points", space=F(100))]
    mk_pts = _change_figures("points", F(20))
    mk_bp = _change_figures("points", F("5.25"))
    for subjects, forms, mk in ((RATE_SUBJECTS, pts, mk_pts), (BP_SUBJECTS, bps, mk_bp)):
        tpls = [
            _t("rose N points", 1, _vp("{V} {H}{N}"), verbs=UP_VERBS, subjects=subjects,
               hedges=("none", "nearly", "about", "gt")),
            _t("fell by N points", -1, _vp("{V} by {H}{N}"), verbs=DOWN_VERBS, subjects=subjects),
            _t("up N points", 1, ("up {H}{N}", "{S} {BE} up {H}{N}",
                                  ("{S} {BE} up {H}{N} in {Y}, {SRC} said.",
                                   "According to {SRC}, {S} {BE} up {H}{N} in {Y}.")), subjects=subjects),
            _t("down N points", -1, ("down {H}{N}", "{S} {BE} down {H}{N}",
                                     ("{S} {BE} down {H}{N} in {Y}, {SRC} said.",
                                      "According to {SRC}, {S} {BE} down {H}{N} in {Y}.")), subjects=subjects),
        ]
        base = F(20) if mk is mk_pts else F("5.25")
        for tpl in tpls:
            for h in tpl.hedges:
                for num in b.some(tpl.label + subjects[0], forms, h):
                    fg, cp = mk(tpl.direction, num.space)
                    def valid(q: Fraction, s: Fraction = num.space, top: Fraction = base) -> bool:
                        return 0 < q / s < top

                    _first_per_intent(b, g, g, tpl, num, h, fg, cp, percent=True, valid=valid)


# ---- difference --------------------------------------------------------------------

def build_difference(b: Builder) -> None:
    g = "difference"
    forms = [digits("120"), digits("45"), digits("1,200", "digits thousands"), digits("2,450", "digits thousands"),
             digits("1.5", "scaled", scale="million"), digits("1.5", "suffix", scale="m", sep=""),
             words("twenty", 20), words("three hundred", 300)]
    ht = {"lt": ("less than", "fewer than")}
    more = _t("N more than", 1, (
        "{H}{N} more than", "there were {H}{N} more {S} than in {P}",
        ("There were {H}{N} more {S} in {Y} than in {P}, {SRC} said.",
         "According to {SRC}, there were {H}{N} more {S} in {Y} than in {P}.")), hedge_texts=ht)
    fewer = _t("N fewer than", -1, (
        "{H}{N} fewer than", "there were {H}{N} fewer {S} than in {P}",
        ("There were {H}{N} fewer {S} in {Y} than in {P}, {SRC} said.",
         "According to {SRC}, there were {H}{N} fewer {S} in {Y} than in {P}.")))
    fewer_bare = _t("N fewer", -1, (
        "{H}{N} fewer", "there were {H}{N} fewer {S}",
        ("There were {H}{N} fewer {S} in {Y}, {SRC} said.",
         "According to {SRC}, there were {H}{N} fewer {S} last year.")))
    inc = _t("an increase of N", 1, _np("{ART} {V} of {H}{N}"), verbs=("increase", "rise"))
    dec = _t("a fall of N", -1, _np("{ART} {V} of {H}{N}"), verbs=("fall", "drop", "decrease"))
    rose_by = _t("rose by N", 1, _vp("{V} by {H}{N}"), verbs=UP_VERBS)
    fell_by = _t("fell by N", -1, _vp("{V} by {H}{N}"), verbs=DOWN_VERBS)
    for tpl in (more, fewer, fewer_bare, inc, dec, rose_by, fell_by):
        for h in tpl.hedges:
            for num in b.some(tpl.label, forms, h):
                base = max(F(4000), num.x * 4)
                fg, cp = _change_figures("points", base)(tpl.direction)
                _first_per_intent(b, g, g, tpl, num, h, fg, cp, valid=lambda q, base=base: 0 < q < base)


# ---- share -----------------------------------------------------------------------------

def build_share(b: Builder) -> None:
    g = "share"
    groups = (("voters", "backed the plan"), ("adults", "smoke"), ("schools", "missed the target"),
              ("households", "own a car"), ("councils", "raised taxes"), ("patients", "waited too long"))
    group_texts = tuple(f"{a}|{p}" for a, p in groups)
    pct_forms = [pct(t, sp) for t in ("40", "12.5", "76") for sp in ("%", "per cent", "percent", "pc", "pct")]
    pct_forms += [pct_words("forty", 40, "per cent"), pct_words("seventy", 70, "percent")]
    frac_forms = [words("a third", F(1, 3), "fraction word"), words("a quarter", F(1, 4), "fraction word"),
                  words("two-thirds", F(2, 3), "fraction word"), words("half", F(1, 2), "fraction word"),
                  words("three-quarters", F(3, 4), "fraction word")]
    in_forms = [words("one in five", F(1, 5), "one in N"), words("one in four", F(1, 4), "one in N"),
                words("two in three", F(2, 3), "one in N"), words("nine out of ten", F(9, 10), "N out of M words"),
                words("two out of three", F(2, 3), "N out of M words")]

    def tpl_of(core_bare: str, core: str) -> Template:
        return Template("N of" if "of" in core_bare else "one in five", 0, core_bare,
                        core + " {S_G} {S_P}",
                        (core + " {S_G} {S_P} in {Y}, {SRC} said.",
                         "According to {SRC}, " + core + " {S_G} {S_P} in {Y}."),
                        subjects=group_texts, hedge_texts={"lt": ("less than", "fewer than")})

    of_tpl = tpl_of("{H}{N} of", "{H}{N} of")
    in_tpl = tpl_of("{H}{N}", "{H}{N}")

    def figures_pct(q, wrong):
        return q * 200, F(20000)

    def computed_pct(a, bv):
        return a / bv * 100, 0

    def figures_frac(q, wrong):
        return q * 6000, F(6000)

    def computed_frac(a, bv):
        return a / bv, 0

    for tpl, forms, fg, cp, cap in ((of_tpl, pct_forms, figures_pct, computed_pct, F(100)),
                                    (of_tpl, frac_forms, figures_frac, computed_frac, F(1)),
                                    (in_tpl, in_forms, figures_frac, computed_frac, F(1))):
        for h in tpl.hedges:
            for num in b.some(tpl.label, forms, h, k=6):
                _first_per_intent(b, g, g, tpl, num, h, fg, cp, valid=lambda q, cap=cap: 0 < q <= cap)
    # N out of M in digits: the precision of a written count ratio is not
    # spelt out, so only the exact ratio (holds) and a far miss (fails)
    for n, m in (("141", "425"), ("12", "30"), ("3", "8")):
        num = Num(f"{n} out of {m}", F(int(n), int(m)), None, "N out of M digits")
        for frame, text, _year in b.texts(in_tpl, num, "none"):
            for verdict, a in (("holds", F(int(n))), ("fails", F(int(n)) / 2)):
                b.cases.append(Case(f"{g}:{len(b.cases)}", text, fig(a), m, g, num.value, "none", 0, False,
                                    verdict, group=g, template="N out of M", form=num.form, frame=frame,
                                    intent="holds" if verdict == "holds" else "fails-far"))


# ---- value ---------------------------------------------------------------------------------

def build_value(b: Builder) -> None:
    g = "value"
    count_forms = [digits("34"), digits("145"), digits("300"), digits("14,000", "digits thousands"),
                   digits("13,700", "digits thousands"), digits("48,716", "digits thousands"),
                   digits("1.5", "scaled", scale="million"), digits("40", "scaled", scale="million"),
                   digits("1.5", "suffix", scale="m", sep=""), digits("2", "suffix", scale="bn", sep=""),
                   digits("250", "suffix", scale="k", sep=""),
                   words("twenty", 20), words("two million", 2_000_000), words("forty thousand", 40_000)]
    money_forms = [digits("3.2", "currency", scale="bn", sep="", pre="£"),
                   digits("40", "currency", scale="million", pre="$"),
                   digits("3", "currency", scale="m", sep="", pre="€"),
                   digits("139.7", "currency", scale="billion", pre="US$"),
                   digits("230", "currency", pre="£")]
    counts = _t("nearly 14,000", 0, (
        "{H}{N}", "{S} {H}{N} visitors",
        ("{S} {H}{N} visitors in {Y}, {SRC} said.", "According to {SRC}, {S} {H}{N} visitors in {Y}.")),
        subjects=("the museum had", "the festival drew", "the park attracted"),
        hedge_texts={"lt": ("fewer than", "less than")})
    money = _t("£3.2bn", 0, (
        "{H}{N}", "{S} {H}{N}",
        ("{S} {H}{N} in {Y}, {SRC} said.", "According to {SRC}, {S} {H}{N} in {Y}.")),
        subjects=("the project cost", "the deal was worth", "the scheme paid out"))

    def figures(q, wrong):
        return q, None

    def computed(a, bv):
        return a, 0

    for tpl, forms in ((counts, count_forms), (money, money_forms)):
        for h in tpl.hedges:
            for num in b.some(tpl.label, forms, h, k=len(forms)):
                _first_per_intent(b, g, g, tpl, num, h, figures, computed)


# ---- rate ---------------------------------------------------------------------------------

_DAYS = {"2021": 365, "2022": 365, "2023": 365, "2024": 366}


def build_rate(b: Builder) -> None:
    g = "rate"
    forms = [digits("10"), digits("34"), digits("7.5", "digits decimal"), digits("1,200", "digits thousands"),
             words("twenty", 20), words("forty", 40)]
    units = {"day": lambda y: F(_DAYS[y]), "week": lambda y: F(_DAYS[y], 7), "month": lambda y: F(12)}
    for unit, per in units.items():
        tpls = [
            _t(f"an average of N per {unit}", 0, (
                "an average of {H}{N} per " + unit,
                "the helpline received an average of {H}{N} calls per " + unit,
                ("The helpline received an average of {H}{N} calls per " + unit + " in {Y}, {SRC} said.",
                 "According to {SRC}, police recorded an average of {H}{N} thefts per " + unit + " in {Y}.")),
               subjects=("",)),
            _t(f"N a {unit}", 0, (
                "{H}{N} a " + unit,
                "police recorded {H}{N} thefts a " + unit,
                ("Police recorded {H}{N} thefts a " + unit + " in {Y}, {SRC} said.",)),
               subjects=("",), hedge_texts={"lt": ("fewer than", "less than")}),
        ]
        for tpl in tpls:
            for h in tpl.hedges:
                for num in b.some(tpl.label, forms, h):
                    _rate_cases(b, g, tpl, num, h, per)


def _rate_cases(b: Builder, g: str, tpl: Template, num: Num, h: str, per) -> None:
    """A rate's figure A depends on the days (weeks, months) of its year,
    which the frames rotate: the cases are made frame by frame."""
    years: dict[str, str] = {}

    def figures(q, wrong):
        return q * per(years["y"]), None

    def computed(a, bv):
        return a / per(years["y"]), 0

    # texts() rotates the year per frame; figures depend on it, so go frame by frame
    for frame, text, year in b.texts(tpl, num, h):
        years["y"] = year
        seen_intent: set[str] = set()
        for intent, q in Builder.intents(num, h):
            if intent == "fails-direction" or intent in seen_intent or q <= 0:
                continue
            a = fig(q * per(year))
            got, _ = computed(F(a), None)
            verdict, margin = spec_verdict(got, num, h)
            if verdict != intent.split("-")[0] or margin < _margin_needed(num):
                continue
            seen_intent.add(intent)
            b.cases.append(Case(f"{g}:{len(b.cases)}", text, a, None, g, num.value, h, 0, False, verdict,
                                period=year, group=g, template=tpl.label, form=num.form, frame=frame,
                                intent=intent))


# ---- rate per unit ---------------------------------------------------------------------------

def build_rate_per_unit(b: Builder) -> None:
    g = "rate per unit"
    spec = [
        ("match", F(19), "the club drew an average of {H}{N} fans per match",
         [digits("7,560", "digits thousands"), digits("850"), words("twelve thousand", 12_000)]),
        ("game", F(38), "the team scored an average of {H}{N} goals per game",
         [digits("3.2", "digits decimal"), digits("2", "digits"), words("three", 3)]),
        ("household", F(200), "the scheme paid an average of {H}{N} per household",
         [digits("230", "currency", pre="£"), digits("4.5", "digits decimal"), digits("1,200", "currency", pre="$")]),
        ("school", F(40), "schools lost an average of {H}{N} teachers per school",
         [digits("4.5", "digits decimal"), digits("12"), words("six", 6)]),
    ]
    for unit, count, clause, forms in spec:
        tpl = _t(f"an average of N per {unit}", 0, (
            "an average of {H}{N} per " + unit, clause,
            (clause + " in {Y}, {SRC} said.", "According to {SRC}, " + clause + " in {Y}.")),
            subjects=("",))

        def figures(q, wrong, count=count):
            return q * count, count

        def computed(a, bv):
            return a / bv, 0

        for h in tpl.hedges:
            for num in b.some(tpl.label, forms, h):
                _first_per_intent(b, g, g, tpl, num, h, figures, computed)


# --------------------------------------------------------------------------

_BUILDERS = (build_ratio, build_percent_change, build_fraction_change, build_points, build_difference,
             build_share, build_value, build_rate, build_rate_per_unit)

_CORPUS: list[Case] | None = None


def corpus() -> list[Case]:
    """Every case, built once."""
    global _CORPUS
    if _CORPUS is None:
        b = Builder()
        for build in _BUILDERS:
            build(b)
        _CORPUS = list(b.cases)
    return _CORPUS


def by_group() -> dict[str, list[Case]]:
    out: dict[str, list[Case]] = {f: [] for f in FAMILIES}
    for c in corpus():
        out[c.group].append(c)
    return out


if __name__ == "__main__":
    from collections import Counter

    cs = corpus()
    print(len(cs), Counter(c.group for c in cs))
