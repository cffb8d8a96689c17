"""Text to paragraphs and sentences, with their offsets.

A sentence ends at ``.``, ``!`` or ``?`` (and any closing quotes or
brackets) before a space and a capital, a digit or an opening quote, but
not after an abbreviation ("U.S.", "Jan.", "No. 10", "Mr.", "Dr.", "St."),
an initial ("J. K. Rowling"), or inside a decimal ("2.5").  A paragraph is
a block between blank lines; a line with no final stop (a heading) is a
sentence of its own.  A paragraph that ends mid-sentence and one that goes
on in lower case are one (copy broken by a CMS).
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Sentence", "split_sentences", "ABBREVIATIONS"]

#: Words that end with a dot without ending a sentence.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr st prof sen rep gov gen col lt sgt capt cmdr adm maj rev hon pres supt insp det "
    "jr sr inc ltd co corp plc bros no nos vs v etc al approx est dept univ ave blvd rd mt ft "
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun "
    "fig figs vol pp p e.g i.e cf u.s u.k u.n e.u u.s.a a.m p.m d.c n.y l.a".split())

#: Abbreviations that end a sentence when a capital follows (a sentence
#: often ends with "in the U.S." or "at 10 p.m.").
_OFTEN_LAST = frozenset("etc u.s u.k u.n e.u a.m p.m d.c".split())


class Sentence(NamedTuple):
    start: int
    end: int
    paragraph: int
    text: str


_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"\S(?:.|\n(?![ \t]*\n))*", text):
        spans.append((m.start(), m.end()))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged:
            prev = text[merged[-1][0]:merged[-1][1]].rstrip()
            nxt = text[start:end].lstrip()
            if prev[-1:].isalpha() and prev[-1:].islower() and nxt[:1].islower():
                merged[-1] = (merged[-1][0], end)  # "... a\n\ncharge introduced in 2022"
                continue
        merged.append((start, end))
    return merged


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of ``text``, in order, with its offsets and paragraph number."""
    out: list[Sentence] = []
    for pi, (pstart, pend) in enumerate(_paragraphs(text)):
        for lstart, lend in _lines(text, pstart, pend):
            start = lstart
            for m in _END.finditer(text, lstart, lend):
                if _ends_here(text, m, lend):
                    _add(out, text, start, m.end(), pi)
                    start = m.end()
            _add(out, text, start, lend, pi)
    return out


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A paragraph's lines, joined unless a line is a heading or an item:
    no final stop, and the next line starts with a capital."""
    lines: list[tuple[int, int]] = []
    pos = start
    for m in re.finditer(r"\n", text[start:end]):
        lines.append((pos, start + m.start()))
        pos = start + m.end()
    lines.append((pos, end))
    out: list[tuple[int, int]] = []
    for s, e in lines:
        if out:
            prev = text[out[-1][0]:out[-1][1]].rstrip()
            cur = text[s:e].lstrip()
            breaks = not prev.endswith((",", ";", ":", "-", "–", "—")) and (cur[:1].isupper() or not cur[:1].isalnum()) \
                and not prev[-1:].islower()
            if not breaks:
                out[-1] = (out[-1][0], e)
                continue
        out.append((s, e))
    return out


def _add(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, paragraph, text[start:end]))


def _ends_here(text: str, m: re.Match[str], limit: int) -> bool:
    after = text[m.end():limit].lstrip()
    if not after:
        return False  # the line's end closes it anyway
    first = after[0]
    if not (first.isupper() or first.isdigit() or first in "\"'“‘([¿¡"):
        return False
    stop = m.group(0)
    if not stop.startswith("."):
        return True
    word = re.search(r"([\w.]+)$", text[max(0, m.start() - 40):m.start()])
    if not word:
        return True
    w = word[1].lower().strip(".")
    if re.fullmatch(r"[a-z]", w) and word[1][0].isupper():
        return False  # an initial: "J. K. Rowling"
    if w in ABBREVIATIONS:
        if w in _OFTEN_LAST and not first.isdigit():
            return not re.match(r"[A-Z][a-z]+\b", after) or _starts_sentence(after)
        return False
    return True


_SENTENCE_STARTS = frozenset("the a an it this that these those he she they we i in on at but and however "
                             "there his her their its our as after since while when for according".split())


def _starts_sentence(after: str) -> bool:
    word = re.match(r"\w+", after)
    return word is not None and word[0].lower() in _SENTENCE_STARTS
