"""Claim files and folders to a :class:`~factcheck.model.Registry`, with
file:line:column for every problem.

Reading one claim file (docs/claims-format.md) takes two steps, each in its
own module:

* :mod:`factcheck.yamltree`: YAML text to a bounded node tree that keeps
  every value's line and column (tags refused, aliases and nesting bounded
  as the events arrive);
* :mod:`factcheck.claimfile`: that tree to a :class:`~factcheck.model.Topic`
  by the claim-file schema.

This module finds the files, reads them, and keeps claim ids unique across
the registry (:class:`ClaimIds`, which ``verify`` uses too).  Every mistake
becomes a :class:`~factcheck.model.Problem`; no input makes it raise.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

# Re-exported: the key lists, the limits and the checks are read from here
# by schema.py, settings.py and the tests.
from .claimfile import (
    CLAIM_KEYS,
    EXPECTS,
    FIGURE_KEYS,
    ID_PATTERN,
    SOURCE_KEYS,
    TOP_KEYS,
    date_error,
    quoted,
    read_topic,
    url_error,
)
from .model import Claim, Problem, Registry, Settings, Topic
from .suggest import nearest
from .yamltree import (
    MAX_ALIAS_EXPANSION,
    MAX_ALIASES,
    MAX_FILE_BYTES,
    MAX_NESTING,
    Refused,
    line_col,
    read_tree,
    too_big,
)

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_ALIASES",
    "MAX_NESTING",
    "MAX_ALIAS_EXPANSION",
    "ID_PATTERN",
    "TOP_KEYS",
    "SOURCE_KEYS",
    "FIGURE_KEYS",
    "CLAIM_KEYS",
    "EXPECTS",
    "load_registry",
    "find_claim_files",
    "ClaimIds",
    "gc_paused",
    "load_file",
    "load_text",
    "url_error",
    "date_error",
]

_T = TypeVar("_T")


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while loading (and, in verify.py,
    checking).

    A load allocates millions of small objects that all survive; each
    automatic collection rescans them, which more than doubles the time of a
    big registry.  The node tree and the model hold no reference cycles, so
    nothing is leaked by deferring collection to the end.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_text(text: str, *, file: str = "<text>", settings: Settings | None = None) -> tuple[Topic | None, list[Problem]]:
    """Read one claim file's text.  Returns its topic (None when nothing of
    it can be used) and its problems; never raises."""
    settings = settings or Settings()
    try:
        with gc_paused():
            return _load_text(text, file=file, settings=settings)
    except Exception as exc:  # noqa: BLE001 - the contract is "no traceback for any input"
        return None, [Problem(file, None, None, f"cannot read the file: {type(exc).__name__}: {exc}")]


def _load_text(text: str, *, file: str, settings: Settings) -> tuple[Topic | None, list[Problem]]:
    given: object = text  # typed str, but a caller may pass anything
    if not isinstance(given, str):
        return None, [Problem(file, None, None, f"expected text, got {type(given).__name__}")]
    try:
        root = read_tree(text, file)
    except Refused as exc:
        return None, [exc.problem]
    if root is None:
        return None, [Problem(file, 1, 1, "the file is empty", "a claim file needs at least a 'claims:' mapping")]
    return read_topic(root, file, Path(file).stem or file, settings)


def load_file(path: str | Path, *, settings: Settings | None = None) -> tuple[Topic | None, list[Problem]]:
    """Read one claim file.  Returns its topic (None when nothing of it can
    be used) and its problems; never raises."""
    file = str(path)
    try:
        size = os.stat(path).st_size
        if size > MAX_FILE_BYTES:
            return None, [too_big(file, size)]
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return None, [Problem(file, None, None, f"cannot read the file: {exc.strerror or exc}")]
    if len(data) > MAX_FILE_BYTES:  # grew since stat, or a special file
        return None, [too_big(file, len(data))]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode("utf-8", errors="replace")
        line, col = line_col(good, len(good))
        return None, [Problem(file, line, col, f"the file is not UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start}",
                              "save it as UTF-8")]
    return load_text(text, file=file, settings=settings)


def _claim_files(folder: Path) -> list[Path]:
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        # Hidden folders (.git, .venv) hold no claims.
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.endswith((".yaml", ".yml")) and not name.startswith("."):
                found.append(Path(dirpath) / name)
    return sorted(found)


def find_claim_files(paths: Sequence[str | Path] | str | Path) -> tuple[list[Path], list[Problem]]:
    """The claim files named by ``paths``: files as given, and every
    ``*.yaml`` / ``*.yml`` under a folder, recursively, in sorted order; each
    file once.  A missing path or an empty folder is a problem; never raises."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    problems: list[Problem] = []
    files: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        try:
            if path.is_dir():
                found = _claim_files(path)
                if not found:
                    problems.append(Problem(str(path), None, None, "no claim files (*.yaml, *.yml) in this folder"))
            elif path.exists():
                found = [path]
            else:
                problems.append(_missing(path))
                found = []
        except OSError as exc:
            problems.append(Problem(str(path), None, None, f"cannot read: {exc.strerror or exc}"))
            found = []
        for f in found:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                files.append(f)
    return files, problems


class ClaimIds:
    """The claim ids met so far in a registry: a claim id is unique across
    the registry, and the first claim to use it wins."""

    __slots__ = ("_first",)

    def __init__(self) -> None:
        self._first: dict[str, tuple[str, int]] = {}

    def duplicate(self, claim: Claim) -> Problem | None:
        """None for the first use of ``claim.id`` (which is remembered), else
        the problem to report in place of the claim."""
        first = self._first.get(claim.id)
        if first is None:
            self._first[claim.id] = (claim.file, claim.line)
            return None
        return Problem(
            claim.file, claim.line, claim.column,
            f"claim id {quoted(claim.id)} is already used",
            f"first defined at {first[0]}:{first[1]}; claim ids are unique across the registry",
        )

    def sift(self, checked: Sequence[tuple[Claim, _T]]) -> tuple[tuple[Claim, ...] | None, list[_T | Problem]]:
        """One file's claims, each paired with what it gave (its result, or
        anything), in file order.  Returns the claims to keep (None when
        all are), and what each claim gave or, in place of a claim whose id
        was used before, the problem to report."""
        items: list[_T | Problem] = []
        kept: list[Claim] = []
        for claim, got in checked:
            dup = self.duplicate(claim)
            if dup is None:
                kept.append(claim)
                items.append(got)
            else:
                items.append(dup)
        return (None if len(kept) == len(checked) else tuple(kept)), items


def load_registry(paths: Sequence[str | Path] | str | Path, *, settings: Settings | None = None) -> Registry:
    """Read claim files and folders (see :func:`find_claim_files`) into one
    Registry.  Never raises: every problem, including a missing path, is in
    ``Registry.problems``.

    A claim id is unique across the registry: a second claim with an id
    already used is dropped and reported, with the place of the first.
    """
    settings = settings or Settings()
    files, problems = find_claim_files(paths)
    topics: list[Topic] = []
    ids = ClaimIds()
    with gc_paused():
        for f in files:
            topic, file_problems = load_file(f, settings=settings)
            problems.extend(file_problems)
            if topic is None:
                continue
            kept, dups = ids.sift([(claim, None) for claim in topic.claims])
            problems.extend(dup for dup in dups if dup is not None)
            if kept is not None:
                topic = topic._replace(claims=kept)
            topics.append(topic)
    return Registry(topics=tuple(topics), problems=tuple(problems))


def _missing(path: Path) -> Problem:
    hint = None
    try:
        parent = path.parent if str(path.parent) else Path(".")
        if parent.is_dir():
            best = nearest(path.name, [p.name for p in parent.iterdir()])
            if best:
                hint = f"did you mean {str(parent / best) if str(path.parent) != '.' else best}?"
    except OSError:
        pass
    return Problem(str(path), None, None, "no such file or folder", hint)
