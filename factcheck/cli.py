"""The ``factcheck`` command: arguments, output format and exit code only.

The work is done by the library (``verify.py``, ``show.py``) and the output
by the reporters (``report/``).  The engine is imported inside each command
so that ``factcheck --help`` does not pay for it.

No ``from __future__ import annotations`` here: typer reads the commands'
annotations at every run, and string annotations would be evaluated again
each time (about 4 ms per run, every ``typer.Option(...)`` rebuilt).
"""

import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, Optional, TextIO, TypeVar

import typer

from . import __version__
from .report import REPORTERS, Report

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

    from .model import Problem, Settings
    from .scan.article import ArticleError
    from .verify import VerifyRun

__all__ = ["app", "run", "ExitCode"]


class ExitCode(IntEnum):
    """What ``factcheck`` exits with; CI scripts rely on these numbers."""

    #: every verdict is the one expected and no file has an error
    OK = 0
    #: some verdict differs from the expected one (``check``: not ``holds``)
    UNEXPECTED = 1
    #: the command line is wrong, or ``show`` found nothing of that name
    USAGE = 2
    #: a claim file could not be read or is invalid (the others are still checked)
    INVALID = 3
    #: interrupted (Ctrl-C): 128 + SIGINT, what a shell reports for it
    INTERRUPTED = 130
    #: whoever read the output stopped reading (``factcheck verify | head``):
    #: 128 + SIGPIPE, what a shell reports for a command the pipe ended
    BROKEN_PIPE = 141


#: ``--format`` of ``verify``: built from the reporters, so a new one needs no change here.
#: A Literal made at run time, for typer's choices; a type checker sees the str it is.
if TYPE_CHECKING:
    VerifyFormat = str
else:
    VerifyFormat = Literal[tuple(REPORTERS)]
OutputFormat = Literal["text", "json"]

#: Where the registry is when neither PATH nor the settings name one.
DEFAULT_REGISTRY = "claims"

app = typer.Typer(
    name="factcheck",
    no_args_is_help=True,
    # plain help: typer's rich help imports rich's markdown, syntax and
    # traceback modules, about 0.1 s on every `--help`
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _stderr() -> "Console":
    from rich.console import Console

    return Console(stderr=True, highlight=False, markup=False, emoji=False, soft_wrap=True)


def _visible(text: str) -> str:
    from .report.base import visible

    return visible(text)


def _fail(message: str, code: ExitCode) -> typer.Exit:
    _stderr().print(_visible(f"factcheck: {message}"))
    return typer.Exit(code)


@contextmanager
def _no_traceback(code: ExitCode) -> Iterator[None]:
    """Turn an unexpected exception into one line on stderr and ``code``:
    an internal error is never a usage error (2); ``check`` exits 1, the
    other commands 3 (docs/claims-format.md, "Exit codes")."""
    try:
        yield
    except (typer.Exit, typer.Abort, typer.TyperException, KeyboardInterrupt):
        raise
    except BrokenPipeError:
        # The reader went away: not an error of ours.  Later writes (and the
        # flush at exit) go to /dev/null, as the Python documentation advises.
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):  # stdout is not a file (a test's buffer)
            pass
        raise typer.Exit(ExitCode.BROKEN_PIPE) from None
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        raise _fail(f"internal error: {type(exc).__name__}: {exc} (please report this)", code) from exc


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit(ExitCode.OK)


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Recompute the derived statements of news copy ("nearly four times
    higher", "a 76% increase") from a claims registry, with exact arithmetic.

    \b
    Examples:
      factcheck verify                        # check every claim in claims/
      factcheck show treason                  # one topic, with its arithmetic
      factcheck check "2.5-fold increase" 23 9
      factcheck scan article.txt              # find and check an article's statements
      factcheck schema > claims.schema.json   # for editors
      factcheck export --output reviews.json  # schema.org ClaimReview
    """


def _registry(paths: list[str] | None) -> "tuple[list[str], Settings, dict[str, Any], tuple[Problem, ...]]":
    """Find the settings (walking up from the first path, or from here) and
    the paths to check: ``paths``, else the ``registry`` setting, else
    ``claims/``.  Returns the paths, the settings, the other options of the
    settings file (``registry``, ``review``) and its problems."""
    from .settings import find_settings

    settings, options, problems = find_settings(Path(paths[0]) if paths else Path.cwd())
    if not paths:
        registry = options.get("registry")
        # shown relative to where the user is, as a path they would have typed
        paths = [os.path.relpath(registry) if registry is not None else DEFAULT_REGISTRY]
    return paths, settings, options, tuple(problems)


def _check_registry(paths: list[str] | None) -> "tuple[VerifyRun, dict[str, Any], tuple[Problem, ...]]":
    """Check the claims of :func:`_registry`, keeping the registry (for
    ``show`` and ``export``).  Returns the run, the options and the settings
    problems."""
    from .verify import verify_paths

    paths, settings, options, problems = _registry(paths)
    return verify_paths(paths, settings=settings), options, problems


_PATHS_HELP = "Claim files and folders (default: the 'registry' setting, else claims/)."


@app.command(short_help="Check every claim in the registry (or the given files).")
def verify(
    paths: Annotated[Optional[list[str]], typer.Argument(metavar="PATH", help=_PATHS_HELP, show_default=False)] = None,
    output: Annotated[
        Optional[VerifyFormat],
        typer.Option("--format", "-f", help="Output format (default: text; github under GitHub Actions).",
                     show_default=False),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Show only unexpected verdicts and file errors (the summary still counts all).")] = False,
    jobs: Annotated[
        Optional[int],
        typer.Option("--jobs", "-j", min=1, show_default=False,
                     help="Check files in this many processes (default: the number of cores; "
                          "registries under 512 KB use one). The output is the same for any N."),
    ] = None,
) -> None:
    """Check every claim in the registry, or in the given files and folders.

    Exit 0 when every verdict is the one the registry expects, 1 when some
    verdict differs, 3 when a claim file could not be read or is invalid
    (the other files are still checked), 2 on a usage error.

    \b
    Examples:
      factcheck verify
      factcheck verify claims/treason.yaml --format json
      factcheck verify claims/ --format junit > factcheck.xml
      factcheck verify archive/ --format json --jobs 4
    """
    name = output or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    with _no_traceback(ExitCode.INVALID):
        from .verify import default_jobs, iter_checked

        paths, settings, _options, setting_problems = _registry(paths)
        items = iter_checked(paths, settings=settings, jobs=jobs or default_jobs())
        out: Any = sys.stdout
        progress = _Progress(out, sys.stderr) if name == "text" and _progress_wanted() else None
        if progress is not None:
            items, out = progress.items(items), progress.out()
        report = Report(items, setting_problems, quiet=quiet)
        try:
            REPORTERS[name](report, out=out, err=sys.stderr)
        finally:
            if progress is not None:
                progress.stop()
    raise typer.Exit(_exit_code(report))


def _progress_wanted() -> bool:
    """A progress display only for a person watching: standard output and
    error both terminals, and not CI (which sets CI=true)."""
    if os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return sys.stdout.isatty() and sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


_T = TypeVar("_T")


class _Progress:
    """rich's progress display on stderr, shown once a run has taken
    :attr:`DELAY` seconds (a short run never flickers), erased at the end.

    The results go to stdout on the same terminal, so the display is
    cleared before each write to stdout and drawn again after it."""

    DELAY = 1.0
    #: seconds between two redraws
    EVERY = 0.1

    def __init__(self, out: TextIO, err: TextIO) -> None:
        import time

        self._out, self._err = out, err
        self._clock = time.monotonic
        self._start = self._clock()
        self._last = 0.0
        self._count = 0
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    def items(self, items: Iterable[_T]) -> Iterator[_T]:
        from .model import ClaimResult

        for item in items:
            if item.__class__ is ClaimResult:
                self._count += 1
                now = self._clock()
                if now - self._last >= self.EVERY:
                    self._last = now
                    if self._progress is None and now - self._start >= self.DELAY:
                        self._begin()
                    if self._progress is not None and self._task is not None:
                        self._progress.update(self._task, completed=self._count)
                        self._progress.refresh()
            yield item

    def _begin(self) -> None:
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        from .report.text import console

        self._progress = Progress(SpinnerColumn(), TextColumn("checked {task.completed:,} claims"),
                                  TimeElapsedColumn(), console=console(self._err), transient=True,
                                  auto_refresh=False)
        self._task = self._progress.add_task("verify", total=None)
        self._progress.start()

    def out(self) -> Any:
        progress = self

        class Out:
            """stdout, with the progress display cleared before a write and drawn after it."""

            def write(self, text: str) -> int:
                if progress._progress is None:
                    return progress._out.write(text)
                progress._err.write("\r\x1b[2K")
                progress._err.flush()
                n = progress._out.write(text)
                progress._out.flush()
                progress._progress.refresh()
                return n

            def flush(self) -> None:
                progress._out.flush()

            def isatty(self) -> bool:
                return progress._out.isatty()

            def fileno(self) -> int:
                return progress._out.fileno()

            @property
            def encoding(self) -> str:
                return progress._out.encoding

        return Out()

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()


def _exit_code(report: Report) -> ExitCode:
    if report.problems:
        return ExitCode.INVALID
    if report.unexpected_count:
        return ExitCode.UNEXPECTED
    return ExitCode.OK


@app.command(short_help="A topic, claim, figure or source, with its arithmetic.")
def show(
    query: Annotated[str, typer.Argument(help="A topic, claim, figure (topic.figure or figure) or source.")],
    paths: Annotated[Optional[list[str]], typer.Argument(metavar="PATH", help=_PATHS_HELP, show_default=False)] = None,
    output: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = "text",
) -> None:
    """Show a topic, claim, figure or source, with the arithmetic of every claim that touches it.

    Shows the topic's title and sources, a table of figures, a bar chart of
    each series, and each claim with its verdict, quote and arithmetic.
    Exit 0 when something matched; 2 when nothing did, with the nearest names.

    \b
    Examples:
      factcheck show treason                    # a topic
      factcheck show treason_nearly_fourfold    # a claim
      factcheck show treason.convictions        # a figure (or just: convictions)
      factcheck show istories --format json     # a source
    """
    with _no_traceback(ExitCode.INVALID):
        from .show import NoMatch, find

        run, _options, setting_problems = _check_registry(paths)
        for problem in setting_problems:
            _stderr().print(_visible(str(problem)))
        try:
            matches = find(query, run.registry, run.results, run.problems)
        except NoMatch as exc:
            if not run.registry.topics:  # nothing loaded: say why
                for problem in run.problems:
                    _stderr().print(_visible(str(problem)))
            raise _fail(str(exc), ExitCode.USAGE) from None
        if output == "json":
            from .report.json import dumps, show_document

            sys.stdout.write(dumps(show_document(query, matches)))
        else:
            from .report.text import show as render

            render(matches, out=sys.stdout, err=sys.stderr)
    raise typer.Exit(ExitCode.OK)


@app.command()
def check(
    statement: Annotated[str, typer.Argument(help="The statement, e.g. \"nearly four times higher\".")],
    a: Annotated[str, typer.Argument(help="The figure the statement is about (A), e.g. 145 or \"at least 209\".")],
    b: Annotated[Optional[str], typer.Argument(help="The figure it is compared with (B), if any.")] = None,
    period: Annotated[Optional[str], typer.Option(help="The period of A: 2024, 2024-03, 2024-Q1, 2024-H1 (for rates).")] = None,
    percent: Annotated[bool, typer.Option("--percent", help="A and B are themselves percentages.")] = False,
    rounded: Annotated[bool, typer.Option("--rounded", help="A and B are rounded as published: the statement holds if some values they round from make it hold.")] = False,
    output: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = "text",
) -> None:
    """Check one statement against one or two numbers, with no registry.

    Exit 0 when the statement holds, 1 for any other verdict, 2 on a usage
    error (for instance when A is not a number).

    \b
    Examples:
      factcheck check "2.5-fold increase" 23 9
      factcheck check "nearly four times higher" 145 39 --format json
      factcheck check "an average of 34 per day" 12410 --period 2024
      factcheck check "up 2 percentage points" 7 5 --percent
      factcheck check "34% higher than" 1.9bn 1.4bn --rounded
    """
    # an engine error is not the user's: exit 1 (the statement was not
    # shown to hold), not 2; only what cannot be read is a usage error
    with _no_traceback(ExitCode.UNEXPECTED):
        from .phrases import UnreadableStatement
        from .settings import find_settings
        from .verify import UsageError, check_statement

        settings, _options, problems = find_settings(Path.cwd())
        if problems:  # the tolerances would not be the ones the user set
            for problem in problems:
                _stderr().print(_visible(str(problem)))
            raise typer.Exit(ExitCode.USAGE)
        try:
            outcome = check_statement(statement, a, b, settings=settings, period=period, percent=percent,
                                      rounded=rounded)
        except (UsageError, UnreadableStatement) as exc:  # a number, period or statement that cannot be read
            hint = getattr(exc, "hint", None)
            raise _fail(str(exc) + (f" ({hint})" if hint else ""), ExitCode.USAGE) from None
        if output == "json":
            from .report.json import dumps, statement_object

            sys.stdout.write(dumps(statement_object(statement, outcome)))
        else:
            from .report.text import statement as render

            render(statement, outcome, out=sys.stdout)
    raise typer.Exit(ExitCode.OK if outcome.verdict == "holds" else ExitCode.UNEXPECTED)


@app.command(short_help="Print the JSON Schema of a claim file, for editors.")
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of a claim file, for editors and CI.

    Built from the keys the loader accepts, so it always matches this
    version of factcheck.  Save it beside pyproject.toml and point an
    editor at it with this first line in each claim file of claims/ (the
    path is relative to the claim file):

    \b
      # yaml-language-server: $schema=../claims.schema.json

    \b
    Examples:
      factcheck schema > claims.schema.json
    """
    with _no_traceback(ExitCode.INVALID):
        from .schema import dumps

        sys.stdout.write(dumps())
    raise typer.Exit(ExitCode.OK)


@app.command(short_help="Find and check the derived statements of an article.")
def scan(
    articles: Annotated[list[str], typer.Argument(metavar="ARTICLE", help="Text, Markdown or HTML files, folders, or - for standard input.")],
    output: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = "text",
    draft: Annotated[Optional[Path], typer.Option("--draft", help="Write a claim file of what was found (atomically).",
                                                  show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the --draft file if it exists.")] = False,
    jobs: Annotated[
        Optional[int],
        typer.Option("--jobs", "-j", min=1, show_default=False,
                     help="Scan files in this many processes (default: the number of cores; "
                          "fewer than 16 files use one). The output is the same for any N."),
    ] = None,
) -> None:
    """Find every derived statement of an article, pair it with the numbers of
    the same text it derives from, and check it as verify would.

    A statement whose base is not in the text is unverifiable, with the range
    the missing figure would need.  Exit 0 when nothing found is imprecise or
    fails, 1 when something is, 3 when an article cannot be read (the others
    are still scanned), 2 on a usage error.

    \b
    Examples:
      factcheck scan article.txt
      factcheck scan page.html --format json
      factcheck scan article.md --draft claims/article.yaml
      factcheck scan archive/ --jobs 4
    """
    with _no_traceback(ExitCode.INVALID):
        from .report.scan import REPORTERS as SCAN_REPORTERS
        from .scan import ArticleScan, scan_paths
        from .settings import find_settings
        from .verify import default_jobs

        if draft is not None:
            if draft.exists() and not force:
                raise _fail(f"{draft} exists; use --force to overwrite it", ExitCode.USAGE)
            if draft.is_dir():
                raise _fail(f"{draft} is a folder, not a file", ExitCode.USAGE)
            if not draft.parent.is_dir():
                raise _fail(f"cannot write {draft}: the folder {draft.parent} does not exist", ExitCode.USAGE)
        settings, _options, problems = find_settings(Path.cwd())
        if problems:
            for problem in problems:
                _stderr().print(str(problem))
            raise typer.Exit(ExitCode.USAGE)
        stdin = sys.stdin.buffer.read() if "-" in articles else None
        scans: list[ArticleScan] = []

        def kept(items: "Iterable[ArticleScan | ArticleError]") -> "Iterator[ArticleScan | ArticleError]":
            for item in items:
                if draft is not None and isinstance(item, ArticleScan):
                    scans.append(item)
                yield item

        items = scan_paths(articles, settings=settings, jobs=jobs or default_jobs(), stdin=stdin)
        tally = SCAN_REPORTERS[output](kept(items), out=sys.stdout, err=sys.stderr)
        if draft is not None:
            from .export import write_atomic
            from .scan.draft import draft as draft_text

            try:
                write_atomic(draft, draft_text(scans))
            except OSError as exc:
                raise _fail(f"cannot write {draft}: {exc}", ExitCode.USAGE) from None
    if tally.errors:
        raise typer.Exit(ExitCode.INVALID)
    raise typer.Exit(ExitCode.UNEXPECTED if tally.alarms else ExitCode.OK)


ExportFormat = Literal["claimreview", "html"]


@app.command(short_help="Export the checked claims as schema.org ClaimReview, or as a web site.")
def export(
    paths: Annotated[Optional[list[str]], typer.Argument(metavar="PATH", help=_PATHS_HELP, show_default=False)] = None,
    output_format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Export format: claimreview (JSON-LD) or html (a static web site).")] = "claimreview",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout; "
                                                   "with --format html, the site's folder (required).",
                                                   show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the --output file if it exists (html: replace a folder not written by factcheck).")] = False,
    date: Annotated[Optional[str], typer.Option("--date", help="datePublished of the reviews: YYYY-MM-DD or 'today' (default: none; html: also shown on the pages).",
                                                show_default=False)] = None,
    base_url: Annotated[Optional[str], typer.Option("--base-url", help="html: the address the site is published at, for the reviews' url "
                                                    "(default: the review url setting; without either, urls relative to the site).",
                                                    show_default=False)] = None,
) -> None:
    """Export every checked claim as schema.org ClaimReview JSON-LD (a JSON list),
    or with --format html the registry as a static web site in a folder.

    The rating: holds = Accurate (4), imprecise = Imprecise (3),
    unverifiable = Unverifiable (2), fails = False (1).  The review's author
    comes from the review settings (author, url).  Exit 0 when every file
    was read; 3 when a claim file is invalid (the other claims are still
    exported); 2 on a usage error, such as an --output file that exists
    without --force.

    The web site (--format html) has an index.html, a page per topic (its
    claims with verdict, quote and arithmetic, its figures, a chart per
    series, its sources, one ClaimReview per claim embedded) and style.css.
    It is written to a temporary folder beside --output and renamed into
    place; a non-empty folder that factcheck did not write is refused
    without --force.

    \b
    Examples:
      factcheck export
      factcheck export claims/treason.yaml --output reviews.json
      factcheck export --output reviews.json --force --date today
      factcheck export --format html --output site
    """
    with _no_traceback(ExitCode.INVALID):
        import datetime

        from .export import claim_reviews, dumps, write_atomic

        published = None
        if date is not None:
            if date.strip().lower() == "today":
                published = datetime.date.today().isoformat()
            else:
                try:
                    published = datetime.date.fromisoformat(date.strip()).isoformat()
                except ValueError:
                    raise _fail(f"--date {date!r} is not a date: write YYYY-MM-DD or 'today'", ExitCode.USAGE) from None
        if output_format == "html":
            return _export_site(paths, output, force=force, date=published, base_url=base_url)
        if base_url is not None:
            raise _fail("--base-url is for --format html (the JSON-LD has no page to point at)", ExitCode.USAGE)
        if output is not None:
            if output.exists() and not force:
                raise _fail(f"{output} exists; use --force to overwrite it", ExitCode.USAGE)
            if output.is_dir():
                raise _fail(f"{output} is a folder, not a file", ExitCode.USAGE)
            if not output.parent.is_dir():
                raise _fail(f"cannot write {output}: the folder {output.parent} does not exist", ExitCode.USAGE)
        run, options, setting_problems = _check_registry(paths)
        problems = setting_problems + tuple(run.problems)
        err = _stderr()
        for problem in problems:
            err.print(_visible(str(problem)))
        # a warning is printed, and leaves the exit code as it is
        text = dumps(claim_reviews(run.registry, run.results, review=options.get("review"), date=published,
                                   warn=lambda problem: err.print(_visible(str(problem)))))
        if output is None:
            sys.stdout.write(text)
        else:
            try:
                write_atomic(output, text)
            except OSError as exc:
                raise _fail(f"cannot write {output}: {exc}", ExitCode.USAGE) from None
    raise typer.Exit(ExitCode.INVALID if problems else ExitCode.OK)


def _export_site(paths: list[str] | None, output: Path | None, *, force: bool, date: str | None,
                 base_url: str | None) -> None:
    """``export --format html``: check the registry, render the site, write it."""
    from .site import SiteError, check_output, render_site, write_site

    if output is None:
        raise _fail("--format html needs --output DIR: the folder to write the site to", ExitCode.USAGE)
    try:
        check_output(output, force=force)  # refuse before the work, and again when writing
    except SiteError as exc:
        raise _fail(str(exc), ExitCode.USAGE) from None
    paths, settings, options, setting_problems = _registry(paths)
    from .verify import verify_paths

    run = verify_paths(paths, settings=settings)
    problems = setting_problems + tuple(run.problems)
    for problem in problems:
        _stderr().print(str(problem))
    review = options.get("review") or {}
    files = render_site(run.registry, run.results, review=review, date=date,
                        base_url=base_url or review.get("url"), paths=paths)
    try:
        write_site(files, output, force=force)
    except SiteError as exc:
        raise _fail(str(exc), ExitCode.USAGE) from None
    except OSError as exc:
        raise _fail(f"cannot write {output}: {exc}", ExitCode.USAGE) from None
    topics, claims = len(run.registry.topics), len(run.results)
    typer.echo(f"wrote {output}: index.html and {topics} topic page{'' if topics == 1 else 's'} "
               f"({claims} claim{'' if claims == 1 else 's'})", err=True)
    raise typer.Exit(ExitCode.INVALID if problems else ExitCode.OK)


def run() -> None:
    """The ``factcheck`` console script and ``python -m factcheck``: run the
    app, flush the output and end the process at once.

    Nothing is left to clean up when a command has returned, and tearing
    the interpreter down (freeing every module and object one by one) was
    about 7% of ``factcheck verify`` on a small registry.  mypy ends its
    runs the same way, for the same reason.  ``app`` itself (what tests
    and library callers invoke) exits normally.
    """
    try:
        app(prog_name="factcheck")
        code: object = ExitCode.OK  # not reached: the app always exits
    except SystemExit as exc:
        code = exc.code
    except KeyboardInterrupt:
        code = ExitCode.INTERRUPTED
    if code is None:
        code = ExitCode.OK
    elif code == 1 and sys.stdout.__class__.__name__ == "PacifyFlushWrapper":
        # typer exits 1 on a closed pipe where it writes itself (--help,
        # --version), after wrapping stdout so: the same 141 as every command
        code = ExitCode.BROKEN_PIPE
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):  # the reader went away, or the stream is closed
            code = ExitCode.BROKEN_PIPE if stream is sys.stdout else code
    os._exit(int(code))
