"""The JSON Schema (draft 2020-12) of a claim file, for editors and CI.

Built from the key lists the loader itself checks (``claimfile.TOP_KEYS``,
``SOURCE_KEYS``, ``FIGURE_KEYS``, ``CLAIM_KEYS``, ``EXPECTS``, ``ID_PATTERN``),
so the schema and the loader cannot drift apart: a key added to the loader
without a definition here makes :func:`claim_file_schema` raise (and the
tests fail).  The schema is looser than the loader where only the loader
can tell (expressions, hedged numbers, dangling references); it is never
stricter.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from .claimfile import CLAIM_KEYS, EXPECTS, FIGURE_KEYS, ID_PATTERN, SOURCE_KEYS, TOP_KEYS

__all__ = ["claim_file_schema", "dumps"]

#: Ids of sources, figures and claims, anchored.
_ID = "^" + ID_PATTERN + "$"
#: A period: a year, a month, a quarter, a half or a span of months
#: (periods.parse_period).
_PERIOD = (r"^\s*[0-9]{4}(-(0[1-9]|1[0-2]|[Qq][1-4]|[Hh][12]))?\s*$"
           r"|^\s*[0-9]{4}-(0[1-9]|1[0-2])\s*\.\.\s*[0-9]{4}-(0[1-9]|1[0-2])\s*$")

#: Free text: the loader reads any scalar as written (YAML dates included).
_TEXT: dict[str, Any] = {"type": ["string", "number", "boolean", "null"]}
#: A figure value: a number, null (unknown) or a hedged number as text.
_VALUE: dict[str, Any] = {
    "type": ["number", "string", "null"],
    "description": "A number, null when unknown, or a hedged number as text ('at least 209', '76%').",
}
_EXPRESSION: dict[str, Any] = {
    "type": ["string", "number"],
    "description": "Figure ids, series[period], numbers, + - * / and parentheses.",
}
#: A web address (claimfile.url_error): exported in ClaimReview as written.
_URL = r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#@]+([/?#]\S*)?$"
#: An ISO date, or a month or year when the day is not known (claimfile.date_error).
_DATE = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
_TOLERANCE: dict[str, Any] = {
    "type": ["number", "string"],
    "description": "A relative tolerance in [0, 1): 0.1, '1/10' or '10%'.",
}


def _only(keys: Sequence[str], definitions: Mapping[str, Any], what: str) -> dict[str, Any]:
    """The properties for exactly ``keys`` (the loader's list, in its order)."""
    missing = [k for k in keys if k not in definitions]
    extra = [k for k in definitions if k not in keys]
    if missing or extra:  # pragma: no cover - caught by the tests
        raise RuntimeError(f"schema of {what} out of step with the loader: missing {missing}, extra {extra}")
    return {k: definitions[k] for k in keys}


def _ids(item: dict[str, Any], description: str) -> dict[str, Any]:
    """A mapping from snake_case id to ``item`` (null allowed: an empty section)."""
    return {
        "type": ["object", "null"],
        "description": description,
        "patternProperties": {_ID: item},
        "additionalProperties": False,
    }


def claim_file_schema() -> dict[str, Any]:
    """The schema of one claim file, as a new dict (deterministic order)."""
    source = {
        "type": "object",
        "properties": _only(SOURCE_KEYS, {
            "title": _TEXT | {"description": "The title of the article or dataset."},
            "publisher": _TEXT | {"description": "Who published it."},
            "url": {"type": ["string", "null"], "pattern": _URL,
                    "description": "Where it is: an http(s) address."},
            "date": {"type": ["string", "integer", "null"], "pattern": _DATE,
                     "description": "When it was published: YYYY-MM-DD (YYYY-MM or YYYY when the day is not known)."},
            "note": _TEXT,
        }, "a source"),
        "additionalProperties": False,
    }
    figure_mapping = {
        "type": "object",
        "properties": _only(FIGURE_KEYS, {
            "value": _VALUE,
            "series": {
                "type": "object",
                "description": "A mapping from period (2024, 2024-03, 2024-Q1, 2024-H1, 2023-10..2024-09) to value; "
                               "periods may mix kinds but not overlap.",
                "propertyNames": {"pattern": _PERIOD},
                "additionalProperties": _VALUE,
            },
            "what": _TEXT | {"description": "What is counted."},
            "unit": _TEXT | {"description": "'percent' marks a figure that is itself a percentage."},
            "period": {"type": ["string", "integer", "null"], "pattern": _PERIOD,
                       "description": "A year (2024), a month (2024-03), a quarter (2024-Q1), a half (2024-H1) "
                                      "or a span of months (2023-10..2024-09)."},
            "source": {"type": ["string", "null"], "description": "A source id of this file."},
            "quote": _TEXT | {"description": "The sentence the figure is taken from."},
            "note": _TEXT,
            "rounded": {"type": "boolean",
                        "description": "The value is quoted as rounded: it carries the interval of its written precision."},
            "complete": {"type": "boolean",
                         "description": "The series lists every point there is: the periods between its points are not missing."},
        }, "a figure"),
        "oneOf": [{"required": ["value"]}, {"required": ["series"]}],
        "additionalProperties": False,
    }
    figure = {
        "description": "A bare number, a hedged number as text, null, or a mapping with value or series.",
        "anyOf": [{"type": ["number", "string", "null"]}, {"$ref": "#/$defs/figure_mapping"}],
    }
    claim = {
        "type": "object",
        "properties": _only(CLAIM_KEYS, {
            "says": {"type": "string", "minLength": 1,
                     "description": "The statement: a phrase, or the sentence it stands in."},
            "of": _EXPRESSION | {"description": "The figure the statement is about (A): " + _EXPRESSION["description"]},
            "vs": {"type": ["string", "number", "null"],
                   "description": "The figure it is compared with (B): " + _EXPRESSION["description"]},
            "source": {"type": ["string", "null"], "description": "A source id of this file."},
            "quote": _TEXT | {"description": "The sentence as published."},
            "expect": {"enum": list(EXPECTS), "default": "holds",
                       "description": "The verdict this registry records for the claim."},
            "note": _TEXT,
            "hedge_tolerance": _TOLERANCE,
            "word_tolerance": _TOLERANCE,
            "claim_reviewed": {"type": ["string", "null"], "minLength": 1,
                               "description": "A short wording of the claim for ClaimReview's claimReviewed "
                                              "(Google advises under 75 characters; default: says)."},
            "publish": {"type": "boolean", "default": True,
                        "description": "false keeps a claim that only supports others out of exports."},
        }, "a claim"),
        "required": ["says", "of"],
        "additionalProperties": False,
    }
    top = _only(TOP_KEYS, {
        "title": _TEXT | {"description": "The title of the topic."},
        "topic": {"type": "string", "minLength": 1, "description": "The topic name (default: the file's stem)."},
        "tags": {"type": ["array", "null"], "items": _TEXT},
        "sources": _ids({"$ref": "#/$defs/source"}, "Sources, by snake_case id."),
        "figures": _ids({"$ref": "#/$defs/figure"}, "Figures, by snake_case id."),
        "claims": _ids({"$ref": "#/$defs/claim"}, "Claims, by snake_case id (unique across the registry)."),
    }, "the top level")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "factcheck claim file",
        "description": "One topic of a factcheck registry (docs/claims-format.md in the factcheck repository).",
        "type": "object",
        "properties": top,
        "required": ["claims"],
        "additionalProperties": False,
        "$defs": {
            "source": source,
            "figure": figure,
            "figure_mapping": figure_mapping,
            "claim": claim,
        },
    }


def dumps() -> str:
    """The schema as JSON text, ending with a newline (byte-identical every run)."""
    return json.dumps(claim_file_schema(), indent=2, sort_keys=False, ensure_ascii=False) + "\n"
