"""An article file to the text factcheck reads, with what the article says
about itself (title, publisher, URL, date).

Plain text is read as it is; Markdown (and plain text that is written in
Markdown, as copy pasted from a CMS often is) is reduced to its words, so
that no markup leaks into the text; HTML is reduced to the article's main
text by trafilatura (the optional extra ``factcheck[html]``).  Offsets in
scan's output refer to the text returned here.

Nothing here prints or exits: a file that cannot be read raises
:class:`ArticleError` with a message and a hint.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import NamedTuple

__all__ = ["Article", "ArticleError", "MAX_BYTES", "SUFFIXES", "read_article", "article_from_bytes",
           "markdown_to_text", "find_articles"]

#: Files larger than this are refused: no article is 5 MB of text.
MAX_BYTES = 5 * 1024 * 1024
#: The files a folder is searched for.
SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
            ".html": "html", ".htm": "html"}


class ArticleError(ValueError):
    """An article that cannot be read: empty, binary, too large, not English, no body."""

    def __init__(self, file: str, message: str, hint: str | None = None):
        super().__init__(f"{file}: {message}")
        self.file = file
        self.message = message
        self.hint = hint


class Article(NamedTuple):
    """An article as factcheck read it: ``text`` is what offsets refer to."""

    file: str
    text: str
    kind: str  # "text", "markdown" or "html"
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    date: str | None = None  # YYYY-MM-DD


# --------------------------------------------------------------------------
# finding files
# --------------------------------------------------------------------------


def find_articles(paths: list[str]) -> tuple[list[str], list[ArticleError]]:
    """The article files of ``paths`` (files as given, folders searched for
    .txt, .md and .html files, in name order) and an error for each path
    that gives none."""
    files: list[str] = []
    errors: list[ArticleError] = []
    for p in paths:
        if p == "-":
            files.append(p)
            continue
        path = Path(p)
        if path.is_dir():
            found = sorted(str(f) for f in path.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
            if not found:
                errors.append(ArticleError(p, "the folder has no readable article files",
                                           "scan reads .txt, .md and .html files"))
            files.extend(found)
        elif path.exists():
            files.append(p)
        else:
            errors.append(ArticleError(p, "no such file or folder"))
    return files, errors


# --------------------------------------------------------------------------
# reading
# --------------------------------------------------------------------------


def read_article(file: str, *, stdin: bytes | None = None) -> Article:
    """Read one article file (``-``: ``stdin``, the bytes of standard input)."""
    if file == "-":
        data = stdin if stdin is not None else b""
        kind = None
    else:
        path = Path(file)
        try:
            size = path.stat().st_size
            if size > MAX_BYTES:
                raise ArticleError(file, f"the file is {size / 1024 / 1024:.1f} MB; scan reads articles of up to 5 MB",
                                   "split it, or scan only the article")
            data = path.read_bytes()
        except OSError as exc:
            raise ArticleError(file, f"cannot read the file: {exc.strerror or exc}") from None
        kind = SUFFIXES.get(path.suffix.lower())
    return article_from_bytes(data, file=file, kind=kind)


def article_from_bytes(data: bytes, *, file: str, kind: str | None = None) -> Article:
    """An article from the bytes of a file; ``kind`` is guessed when None."""
    if len(data) > MAX_BYTES:
        raise ArticleError(file, f"the input is {len(data) / 1024 / 1024:.1f} MB; scan reads articles of up to 5 MB",
                           "split it, or scan only the article")
    if not data.strip():
        raise ArticleError(file, "the file is empty", "give scan an article: plain text, Markdown or HTML")
    if b"\x00" in data[:8192]:
        raise ArticleError(file, "the file is binary, not text", "scan reads plain text, Markdown and HTML")
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raw = data.decode("cp1252", errors="replace")
        if raw.count("\ufffd") > len(raw) // 100:
            raise ArticleError(file, "the file is not text in UTF-8", "save it as UTF-8") from None
    controls = sum(1 for ch in raw[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 8:
        raise ArticleError(file, "the file is binary, not text", "scan reads plain text, Markdown and HTML")
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    if kind is None:
        head = raw.lstrip()[:1000].lower()
        kind = "html" if head.startswith(("<!doctype html", "<html")) or "<body" in head else "text"
    if kind == "html":
        article = _from_html(raw, file)
    else:
        article = _from_text(raw, file, kind)
    _check_english(article)
    return article


#: Words that any English prose of a few sentences is full of.
_ENGLISH = frozenset(
    "the of and to in a is was for that on with as by at from it are were be has have had this said "
    "which an or not but their its than more after also who they he she".split())


def _check_english(article: Article) -> None:
    words = re.findall(r"[^\W\d_]+", article.text.lower())
    if not words:
        raise ArticleError(article.file, "the article has no words", "give scan the text of an article")
    if len(words) >= 12:
        english = sum(1 for w in words if w in _ENGLISH)
        if english < len(words) * 0.08:
            raise ArticleError(article.file, "the article does not look like English text",
                               "scan reads statements written in English")


# --------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------


def _from_html(raw: str, file: str) -> Article:
    try:
        import trafilatura
    except ImportError:
        raise ArticleError(file, "reading HTML needs trafilatura, which is not installed",
                           "install the extra: pip install 'factcheck[html]'") from None
    doc = trafilatura.bare_extraction(raw, output_format="python", with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text.split()) < 8:
        raise ArticleError(file, "no article body found in the HTML",
                           "give scan the page of one article (or its text)")
    body = _dehyphen(text.strip()) + "\n"
    title = getattr(doc, "title", None)
    return Article(file, body, "html", title or None, getattr(doc, "sitename", None) or None,
                   getattr(doc, "url", None) or None, _iso_date(getattr(doc, "date", None)))


def _dehyphen(text: str) -> str:
    # trafilatura writes one paragraph a line: a blank line between them
    # marks the paragraphs for the sentence splitter
    return "\n\n".join(line.strip() for line in text.split("\n") if line.strip())


# --------------------------------------------------------------------------
# plain text and Markdown
# --------------------------------------------------------------------------

_MARKDOWN_SIGNS = re.compile(r"^#{1,6} |\]\(|\*\*|^\s*[-*+] |^> |^```|^\s*\d+\. |__\w", re.M)


def _from_text(raw: str, file: str, kind: str) -> Article:
    if kind == "markdown" or len(_MARKDOWN_SIGNS.findall(raw)) >= 2:
        kind = "markdown"
        text, title = markdown_to_text(raw)
    else:
        text, title = raw, None
    text = text.strip("\n") + "\n"
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if title is None and lines and kind == "text":
        first = lines[0]
        if len(first) < 150 and not first.endswith((".", "!", "?", ":", ",")) and len(lines) > 1:
            title = first
    return Article(file, text, kind, title, _publisher(title), _url(text), _date(lines[:12]))


def _publisher(title: str | None) -> str | None:
    """"... – IStories": the name after a dash at the end of a title."""
    if not title:
        return None
    m = re.search(r"\s[–—|-]\s([A-Z][\w.&' ]{1,40})$", title)
    return m[1].strip() if m else None


_URL = re.compile(r"https?://[^\s<>()\"']+")


def _url(text: str) -> str | None:
    """The article's own address, where it says it: "Original url: <...>",
    "Source: https://...", or a line that is only an address."""
    m = re.search(r"(?im)^(?:original\s+url|url|source|link)\s*:\s*\n*\s*<?(https?://[^\s<>]+)>?", text)
    if m:
        return m[1].rstrip(".,")
    m = re.search(r"(?m)^\s*<?(https?://[^\s<>]+)>?\s*$", text)
    return m[1].rstrip(".,") if m else None


_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9


def _date(lines: list[str]) -> str | None:
    """A line near the top that is only a date: "April 16, 2025",
    "16 April 2025", "2025-04-16"."""
    for line in lines:
        d = _iso_date(line.strip(" *_#"))
        if d:
            return d
    return None


def _iso_date(text: str | None) -> str | None:
    if not text:
        return None
    t = text.strip().rstrip(".")
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?", t)
    parts: tuple[int, int, int] | None = None
    if m:
        parts = (int(m[1]), int(m[2]), int(m[3]))
    m = m or None
    if parts is None:
        m1 = re.fullmatch(r"(?:\w+,\s+)?([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})", t)
        m2 = re.fullmatch(r"(?:\w+,\s+)?(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})", t)
        if m1 and m1[1].lower() in _MONTHS:
            parts = (int(m1[3]), _MONTHS[m1[1].lower()], int(m1[2]))
        elif m2 and m2[2].lower() in _MONTHS:
            parts = (int(m2[3]), _MONTHS[m2[2].lower()], int(m2[1]))
    if parts is None:
        return None
    try:
        return datetime.date(*parts).isoformat()
    except ValueError:
        return None


_LINK = re.compile(r"!?\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\)")
_REF_LINK = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^\s<>]+)>")
_EMPHASIS = [
    re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"),
    re.compile(r"(?<![\w*])(\*)(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"),
    re.compile(r"(?<![\w_])(_)(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])"),
    re.compile(r"(~~)(?=\S)(.+?)(?<=\S)~~"),
]
_CODE = re.compile(r"(`+)(.+?)\1")
_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")


def markdown_to_text(md: str) -> tuple[str, str | None]:
    """The words of a Markdown document, and its first heading (the title).

    Headings, emphasis, links (``[text](url)`` keeps the text), images
    (dropped), lists and quotes (their markers dropped), code (inline code
    keeps its text; fenced blocks are dropped: they are not prose), tables
    (cells joined with spaces), rules and reference definitions (dropped).
    Paragraphs stay separated by blank lines."""
    out: list[str] = []
    title: str | None = None
    fence: str | None = None
    for line in md.split("\n"):
        stripped = line.strip()
        if fence is not None:
            if stripped.startswith(fence):
                fence = None
            out.append("")
            continue
        m = re.match(r"(`{3,}|~{3,})", stripped)
        if m:
            fence = m[1]
            out.append("")
            continue
        if re.fullmatch(r"(?:[-*_]\s*){3,}|=+|-+", stripped) or re.fullmatch(r"\[[^\]]+\]:\s*\S+.*", stripped):
            out.append("")  # a rule, a setext underline, a reference definition
            continue
        if re.fullmatch(r"\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?", stripped):
            out.append("")  # a table's separator row
            continue
        heading = re.match(r"\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$", line)
        if heading:
            line = heading[2]
        else:
            line = re.sub(r"^\s{0,3}(?:>\s?)+", "", line)
            line = re.sub(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?", "", line)
            if stripped.startswith("|") and stripped.endswith("|"):
                line = "  ".join(c.strip() for c in stripped.strip("|").split("|"))
        line = _inline(line)
        if heading and title is None and line.strip():
            title = line.strip()
        out.append(line.rstrip())
    return "\n".join(out), title


def _inline(line: str) -> str:
    line = _CODE.sub(lambda m: m[2].strip(), line)
    line = re.sub(r"!\[[^\]\n]*\]\([^)\n]*\)", "", line)  # images: not the article's words
    line = _LINK.sub(lambda m: m[1], line)
    line = _REF_LINK.sub(lambda m: m[1], line)
    line = _AUTOLINK.sub(lambda m: m[1], line)
    for rx in _EMPHASIS:
        for _ in range(3):  # nested emphasis
            new = rx.sub(lambda m: m[2], line)
            if new == line:
                break
            line = new
    line = _TAG.sub("", line)
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!|])", r"\1", line)
