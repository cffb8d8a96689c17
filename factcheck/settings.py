"""Settings: the tolerances of docs/semantics.md, "Tolerances", and where to find them.

Settings live in ``factcheck.toml`` (top-level keys) or in the
``[tool.factcheck]`` table of a ``pyproject.toml``, found by walking up from
the registry.  In each folder ``factcheck.toml`` is looked at first; the
first file that has settings wins (a ``pyproject.toml`` without
``[tool.factcheck]`` does not stop the walk, as with ruff and black).

TOML floats are read with ``parse_float=Fraction``, so ``0.1`` is exactly
1/10.  Unknown keys are problems with the file, line and nearest valid name.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from fractions import Fraction
from pathlib import Path
from typing import Any

from .model import Problem, Settings
from .suggest import closest

__all__ = [
    "SETTINGS_KEYS",
    "REVIEW_KEYS",
    "find_settings",
    "settings_from_dict",
    "parse_tolerance",
]

#: Keys of the settings table, and of its ``review`` table (ClaimReview export).
SETTINGS_KEYS = ("registry", "hedge_tolerance", "word_tolerance", "review")
#: ``base_url`` is the page the reviews are published on: a review's ``url``
#: is it plus ``#`` and the claim id (``{topic}`` in it stands for the topic).
REVIEW_KEYS = ("author", "url", "base_url")
_TOLERANCES = ("hedge_tolerance", "word_tolerance")


class _NotFinite(str):
    """A TOML ``inf`` / ``nan``: kept as text so that it becomes a Problem,
    not an exception from inside tomllib."""


def _parse_float(text: str) -> Fraction | _NotFinite:
    try:
        return Fraction(text.replace("_", ""))
    except (ValueError, ZeroDivisionError):
        return _NotFinite(text)


def parse_tolerance(value: object) -> Fraction:
    """A relative tolerance as an exact fraction in [0, 1).

    Accepts a Fraction or int (from TOML), or text: ``"0.1"``, ``"1/10"``,
    ``"10%"``.  Raises ValueError with a message a user can act on.
    """
    if isinstance(value, bool):
        raise ValueError("must be a number between 0 and 1, not true/false")
    if isinstance(value, (int, Fraction)):
        t = Fraction(value)
    elif isinstance(value, str) and not isinstance(value, _NotFinite):
        s = value.strip()
        scale = Fraction(1)
        if s.endswith("%"):
            s, scale = s[:-1].strip(), Fraction(1, 100)
        # Fraction() accepts "1e-1" and "1/10"; refuse silly lengths first.
        if not s or len(s) > 50:
            raise ValueError(f"{value!r} is not a number")
        try:
            t = Fraction(s) * scale
        except (ValueError, ZeroDivisionError):
            raise ValueError(f"{value!r} is not a number") from None
    else:
        shown = value if isinstance(value, str) else type(value).__name__
        raise ValueError(f"must be a number between 0 and 1, not {shown}")
    if not 0 <= t < 1:
        raise ValueError(f"must be at least 0 and less than 1 (a fraction such as 0.1), not {_show(t)}")
    return t


def _show(x: Fraction) -> str:
    return str(x.numerator) if x.denominator == 1 else str(float(x))


def _nearest(name: str, names: tuple[str, ...]) -> str | None:
    got = closest(name, names)
    return f"did you mean {got[0]!r}?" if got else f"known keys: {', '.join(names)}"


def _key_line(text: str | None, key: str, table: str | None) -> int | None:
    """The line where ``key`` is set in the body of ``[table]`` (the top of
    the file when ``table`` is None), or where its own ``[table.key]``
    header is.  Best effort: TOML is line-oriented, so a key starts its line.
    """
    if text is None:
        return None
    lines = text.splitlines()
    prefix = r"\s*\.\s*".join(map(re.escape, table.split("."))) + r"\s*\.\s*" if table else ""
    header = re.compile(r"^\s*\[\s*" + prefix.removesuffix(r"\s*\.\s*") + r"\s*\]") if table else None
    own_header = re.compile(r"^\s*\[\s*" + prefix + re.escape(key) + r"\s*\]")
    assignment = re.compile(r"""^\s*["']?""" + re.escape(key) + r"""["']?\s*[=.]""")
    inside = header is None
    for number, line in enumerate(lines, 1):
        if own_header.match(line):
            return number
        if line.lstrip().startswith("["):
            inside = header is not None and header.match(line) is not None
            continue
        if inside and assignment.match(line):
            return number
    return None


def settings_from_dict(
    data: object,
    *,
    file: str = "<settings>",
    text: str | None = None,
    table: str | None = None,
    base: Path | None = None,
    settings: Settings | None = None,
) -> tuple[Settings, dict[str, Any], list[Problem]]:
    """Read a settings table (already parsed) into Settings and the other options.

    ``data`` is what the TOML gave for the table (anything but a table is a
    problem); ``text`` is the file's text, used to find the line of a bad key; ``table``
    the dotted name of the table in it (``tool.factcheck``); ``base`` the
    folder a relative ``registry`` path is relative to.  Returns the
    settings, a dict with ``registry`` (a Path) and ``review`` (a dict with
    ``author`` / ``url``) when given, and the problems found.
    """
    result = settings or Settings()
    options: dict[str, Any] = {}
    problems: list[Problem] = []

    def problem(key: str, message: str, hint: str | None = None, *, where: str | None = table) -> None:
        problems.append(Problem(file, _key_line(text, key, where), None, message, hint))

    if not isinstance(data, Mapping):
        problems.append(Problem(file, None, None, "settings must be a table of keys", None))
        return result, options, problems
    for key, value in data.items():
        if key in _TOLERANCES:
            try:
                result = result._replace(**{key: parse_tolerance(value)})
            except ValueError as exc:
                problem(key, f"{key} {exc}", "the default is 0.1 for hedge_tolerance, 0.05 for word_tolerance")
        elif key == "registry":
            if not isinstance(value, str) or not value.strip():
                problem(key, "registry must be a path written as a string", 'write registry = "claims"')
            else:
                path = Path(value)
                options["registry"] = path if base is None or path.is_absolute() else base / path
        elif key == "review":
            if not isinstance(value, Mapping):
                problem(key, "review must be a table with author and url", "write [review] (or [tool.factcheck.review])")
                continue
            review: dict[str, str] = {}
            sub = f"{table}.review" if table else "review"
            for rkey, rvalue in value.items():
                if rkey not in REVIEW_KEYS:
                    problem(rkey, f"unknown key {rkey!r} in review", _nearest(rkey, REVIEW_KEYS), where=sub)
                elif not isinstance(rvalue, str):
                    problem(rkey, f"review {rkey} must be a string", None, where=sub)
                elif rkey in ("url", "base_url") and (error := _url_error(rvalue)) is not None:
                    what, hint = error
                    problem(rkey, f"review {rkey} {what}", hint, where=sub)
                else:
                    review[rkey] = rvalue
            options["review"] = review
        else:
            problem(key, f"unknown setting {key!r}", _nearest(key, SETTINGS_KEYS))
    return result, options, problems


def _url_error(text: str) -> tuple[str, str] | None:
    from .registry import url_error  # the same rule as a source's url

    return url_error(text)


def _toml_problem(file: str, exc: Exception) -> Problem:
    # Python 3.11's TOMLDecodeError has the position only in its message.
    msg = str(exc)
    m = re.search(r"\(at line (\d+), column (\d+)\)", msg)
    if m:
        return Problem(file, int(m[1]), int(m[2]), f"invalid TOML: {msg[: m.start()].strip()}")
    return Problem(file, None, None, f"invalid TOML: {msg}")


def _read_toml(path: Path) -> tuple[dict[str, Any] | None, str | None, Problem | None]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, None, Problem(str(path), None, None, f"cannot read settings: {exc}")
    try:
        return tomllib.loads(text, parse_float=_parse_float), text, None
    except tomllib.TOMLDecodeError as exc:
        return None, text, _toml_problem(str(path), exc)
    except (ValueError, RecursionError) as exc:  # defensive: tomllib on odd input
        return None, text, Problem(str(path), None, None, f"invalid TOML: {exc}")


def find_settings(start: Path | str) -> tuple[Settings, dict[str, Any], list[Problem]]:
    """Walk up from ``start`` (a folder or a file) to the root and read the
    first ``factcheck.toml`` or ``pyproject.toml`` with ``[tool.factcheck]``.

    Returns the settings (defaults when none is found), the other options
    (``registry`` as a Path relative to the settings file's folder,
    ``review``, and ``config``: the Path of the file read) and the problems.
    """
    here = Path(start)
    try:
        here = here.resolve()
    except (OSError, RuntimeError):
        here = here.absolute()
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        own = folder / "factcheck.toml"
        if own.is_file():
            data, text, err = _read_toml(own)
            if err is not None:
                return Settings(), {"config": own}, [err]
            assert data is not None
            settings, options, problems = settings_from_dict(data, file=str(own), text=text, base=folder)
            options["config"] = own
            return settings, options, problems
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            data, text, err = _read_toml(pyproject)
            if err is not None:
                return Settings(), {"config": pyproject}, [err]
            assert data is not None
            tool = data.get("tool")
            section = tool.get("factcheck") if isinstance(tool, dict) else None
            if section is None:
                continue
            settings, options, problems = settings_from_dict(
                section, file=str(pyproject), text=text, table="tool.factcheck", base=folder
            )
            options["config"] = pyproject
            return settings, options, problems
    return Settings(), {}, []
