"""``factcheck export --format html``: the registry as a static web site.

:func:`render_site` turns a checked registry into files (an ``index.html``,
a page per topic, one stylesheet) held in memory; :func:`write_site` puts
them in a folder atomically.  Nothing here prints or exits: the CLI does.

The pages are rendered by Jinja2 templates (``templates/``, autoescaped:
everything from a claim file is escaped), the series charts by
:mod:`factcheck.site.charts`.  Each topic page embeds one ClaimReview per
claim (:func:`factcheck.export.claim_reviews`) whose ``url`` is the page's
address and the claim's anchor: absolute under ``base_url`` when one is
given, else relative to the site (``treason.html#treason_record``), which
JSON-LD resolves against the page's own address.

Nothing depends on the clock: the same registry gives the same bytes; a
date is written only when the caller passes one.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from jinja2 import Environment
    from markupsafe import Markup

    from ..model import Claim, ClaimResult, Figure, Outcome, Registry, Topic, Verdict

__all__ = ["MARKER", "SiteError", "Page", "render_site", "check_output", "write_site", "json_for_script"]

#: The file that marks a folder as made by factcheck (and so replaceable).
MARKER = ".factcheck-site"
MARKER_TEXT = ("This folder was written by `factcheck export --format html`.\n"
               "The next export replaces the whole folder; keep nothing else here.\n")

#: How each verdict is shown: a mark beside the word (never colour alone).
SYMBOLS = {"holds": "✓", "imprecise": "≈", "fails": "✗", "unverifiable": "?"}
#: Page names a topic cannot take.
_RESERVED = {"index", "style"}


class SiteError(Exception):
    """The output folder cannot be used; ``hint`` says what to do."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message + (f" ({self.hint})" if self.hint else "")


class Page(NamedTuple):
    """A topic and the page it is published on."""

    topic: Topic
    file: str  # treason.html
    results: tuple[tuple[Claim, ClaimResult | None], ...]

    def counts(self) -> dict[Verdict, int]:
        from ..model import VERDICTS

        counts = dict.fromkeys(VERDICTS, 0)
        for _, result in self.results:
            if result is not None:
                counts[result.outcome.verdict] += 1
        return counts


# --------------------------------------------------------------------------
# rendering
# --------------------------------------------------------------------------


def _page_names(topics: Sequence[Topic]) -> list[str]:
    """A file name per topic: its name where that is a plain file name,
    else a slug of it; a second topic of the same name gets ``-2``."""
    used: set[str] = set()
    out = []
    for topic in topics:
        slug = re.sub(r"[^a-z0-9_-]+", "-", topic.name.lower()).strip("-") or "topic"
        name, n = slug, 1
        while name in used or name in _RESERVED:
            n += 1
            name = f"{slug}-{n}"
        used.add(name)
        out.append(f"{name}.html")
    return out


def json_for_script(data: Any) -> Markup:
    """JSON to put inside ``<script type="application/ld+json">``: ``<``,
    ``>`` and ``&`` written as ``\\u`` escapes, so that no ``</script>`` or
    ``<!--`` in a claim file can end the element (the JSON reads the same)."""
    from markupsafe import Markup

    text = json.dumps(data, indent=2, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


def highlight(quote: str, says: str) -> Markup:
    """The quote with the statement marked (``<mark>``) where the quote
    contains it (ignoring case); escaped either way."""
    from markupsafe import Markup, escape

    at = quote.lower().find(says.lower()) if says.strip() else -1
    if at < 0:
        return escape(quote)
    end = at + len(says)
    return escape(quote[:at]) + Markup("<mark>") + escape(quote[at:end]) + Markup("</mark>") + escape(quote[end:])


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def figure_links(expression: str, figures: Mapping[str, Any]) -> Markup:
    """An ``of`` / ``vs`` expression with each figure it names linked to
    the figure's row (``#figure-treason_2024``); escaped."""
    from markupsafe import Markup, escape

    out, at = Markup(""), 0
    for m in _NAME.finditer(expression):
        if m.group() in figures:
            out += escape(expression[at:m.start()])
            out += Markup('<a href="#figure-{0}">{0}</a>').format(m.group())
            at = m.end()
    return out + escape(expression[at:])


def breakable(name: str) -> Markup:
    """An id that may break after its underscores (``<wbr>``) in a narrow
    table column rather than at any letter; escaped."""
    from markupsafe import Markup, escape

    return Markup("_<wbr>").join(escape(part) for part in name.split("_"))


def shown_path(path: str) -> str:
    """A claim file's path as the pages show it: relative to the current
    folder when it is under it (``claims/treason.yaml``), else its name, so
    that no absolute path of the machine that built the site is published."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        rel = path
    if rel.startswith("..") or os.path.isabs(rel):
        rel = os.path.basename(path)
    return rel.replace(os.sep, "/")


def web_url(url: object) -> bool:
    """Whether ``url`` may be a link: http or https (a ``javascript:`` or
    ``data:`` address from a claim file is shown as text, never linked)."""
    return isinstance(url, str) and re.match(r"https?://[^\s]+\Z", url.strip(), re.IGNORECASE) is not None


def _environment() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    from .. import __version__
    from ..report.base import part_pieces, several_parts

    env = Environment(
        loader=PackageLoader("factcheck.site", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["highlight"] = highlight
    env.filters["figure_links"] = figure_links
    env.filters["breakable"] = breakable
    env.filters["shown_path"] = shown_path
    env.tests["web_url"] = web_url
    env.globals.update(
        SYMBOLS=SYMBOLS,
        version=__version__,
        several_parts=several_parts,
        part_pieces=part_pieces,
        strict_differs=_strict_differs,
    )
    return env


def _strict_differs(outcome: Outcome) -> bool:
    return bool(outcome.ambiguous and outcome.strict_verdict and outcome.strict_verdict != outcome.verdict)


def _figure_value(figure: Figure) -> str:
    """A figure in the table: its value as written (with its unit), the
    span of a series (its chart has the values), or ``unknown``."""
    if figure.is_series:
        periods = sorted((p for p, _ in figure.series or ()), key=lambda p: p.sort_key())
        if not periods:
            return "series, empty"
        return f"series {periods[0]}" if len(periods) == 1 else f"series {periods[0]}–{periods[-1]}"
    if not figure.known:
        return "unknown"
    text = figure.text
    if figure.percent:
        return text if text.rstrip().endswith("%") else f"{text}%"
    return f"{text} {figure.unit}" if figure.unit else text


def _gap_kinds(figure: Figure) -> tuple[bool, bool]:
    """Whether a series' chart has unknown points, and missing periods."""
    from .charts import rows

    table = rows(figure)
    return (any(r.value is None and not r.missing for r in table), any(r.missing for r in table))


def render_site(
    registry: Registry,
    results: Sequence[ClaimResult],
    *,
    review: Mapping[str, str] | None = None,
    date: str | None = None,
    base_url: str | None = None,
    paths: Sequence[str] = ("claims",),
) -> dict[str, str]:
    """Every file of the site: a relative path -> its text, in a fixed order.

    ``review`` is the ``[review]`` settings (``author``, ``url``): the site
    is titled by the author; ``date`` (YYYY-MM-DD) is shown on the index and
    is the reviews' ``datePublished`` (nothing when None); ``base_url`` is
    where the site is published (the reviews' ``url`` is relative to the
    site without it); ``name`` names the registry (its path).
    """
    from ..export import claim_reviews
    from .charts import series_svg

    review = dict(review or {})
    by_claim = {(r.claim.file, r.claim.id): r for r in results}
    topics = registry.topics
    pages = [
        Page(topic, file, tuple((c, by_claim.get((c.file, c.id))) for c in topic.claims))
        for topic, file in zip(topics, _page_names(topics), strict=True)
    ]
    base = base_url.rstrip("/") + "/" if base_url else ""
    site_name = review.get("author") or "Fact-checks"
    env = _environment()
    common = {"site_name": site_name, "registry_name": " ".join(shown_path(p) for p in paths), "date": date, "review": review}

    files: dict[str, str] = {}
    totals = dict.fromkeys(("holds", "imprecise", "fails", "unverifiable"), 0)
    for page in pages:
        for verdict, n in page.counts().items():
            totals[verdict] += n
    files["index.html"] = env.get_template("index.html").render(
        **common, pages=pages, totals=totals, claims=sum(totals.values()))
    for page in pages:
        checked = [r for _, r in page.results if r is not None]

        def url_for(claim: Claim, _file: str = page.file) -> str:
            return f"{base}{_file}#{claim.id}"

        reviews = claim_reviews(registry, checked, review=review, date=date, url_for=url_for)
        charts = {f.id: (series_svg(f, ident=f"chart-{f.id}"), _gap_kinds(f))
                  for f in page.topic.figures.values() if f.is_series}
        files[page.file] = env.get_template("topic.html").render(
            **common,
            page=page,
            topic=page.topic,
            counts=page.counts(),
            charts=charts,
            figure_value=_figure_value,
            reviews=[json_for_script(r) for r in reviews],
        )
    files["style.css"] = resources.files("factcheck.site").joinpath("static/style.css").read_text(encoding="utf-8")
    files[MARKER] = MARKER_TEXT
    return files


# --------------------------------------------------------------------------
# writing
# --------------------------------------------------------------------------


def _ours(folder: Path) -> bool:
    """Whether ``folder`` is empty or was written by factcheck (has the marker)."""
    try:
        with os.scandir(folder) as entries:
            names = {e.name for e in entries}
    except OSError:
        return False
    return not names or MARKER in names


def check_output(output: Path, *, force: bool = False) -> None:
    """Refuse an output folder that cannot be written: its parent missing,
    or a file or a non-empty folder not made by factcheck (unless ``force``).
    Raises :class:`SiteError`."""
    parent = output.parent if str(output.parent) else Path(".")
    if not parent.is_dir():
        raise SiteError(f"cannot write {output}: the folder {parent} does not exist", "create it first")
    if force or not os.path.lexists(output):
        return
    if not output.is_dir() or output.is_symlink():
        raise SiteError(f"{output} exists and is not a folder", "use --force to replace it")
    if not _ours(output):
        raise SiteError(
            f"{output} is not empty and factcheck did not write it: it has no {MARKER}",
            "choose another --output, or use --force to replace the whole folder")


def write_site(files: Mapping[str, str], output: Path, *, force: bool = False) -> None:
    """Write ``files`` as the folder ``output``, atomically: everything is
    written to a temporary folder beside it, which is then renamed into
    place (an old site is moved aside first and removed after).

    Raises :class:`SiteError` for an output refused by
    :func:`check_output`, OSError when the disk says no.
    """
    check_output(output, force=force)
    parent = output.parent if str(output.parent) else Path(".")
    tmp = Path(tempfile.mkdtemp(prefix=f".{output.name}.", suffix=".tmp", dir=parent))
    old: Path | None = None
    try:
        umask = os.umask(0)  # mkdtemp makes the folder 0700; give it the usual mode
        os.umask(umask)
        os.chmod(tmp, 0o777 & ~umask)
        for rel, text in files.items():
            path = tmp / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
                f.flush()
                os.fsync(f.fileno())
        if os.path.lexists(output):
            old = Path(tempfile.mkdtemp(prefix=f".{output.name}.", suffix=".old", dir=parent))
            os.rename(output, old / "site")
        os.rename(tmp, output)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None and (old / "site").exists() and not os.path.lexists(output):
            os.rename(old / "site", output)  # put the old site back
        raise
    finally:
        if old is not None:
            _remove(old)


def _remove(path: Path) -> None:
    try:
        shutil.rmtree(path)
    except NotADirectoryError:
        path.unlink()
    except OSError:
        pass
