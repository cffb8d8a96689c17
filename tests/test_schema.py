"""``factcheck schema``: the JSON Schema of a claim file, built from the
loader's own key lists, accepts every file of the seed registry and refuses
what the loader refuses by key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from factcheck import registry
from factcheck.cli import app

CLAIMS = Path(__file__).resolve().parent.parent / "claims"
FILES = sorted(CLAIMS.glob("*.y*ml"))


def _schema() -> dict:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _as_json(text: str) -> object:
    # safe_load turns dates into datetime.date and year keys into ints;
    # a JSON round trip gives what an editor's YAML server validates.
    return json.loads(json.dumps(yaml.safe_load(text), default=str))


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = _schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def test_output_is_deterministic():
    a = CliRunner().invoke(app, ["schema"]).stdout
    b = CliRunner().invoke(app, ["schema"]).stdout
    assert a == b
    assert json.loads(a)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_keys_come_from_the_loader():
    schema = _schema()
    defs = schema["$defs"]
    assert tuple(schema["properties"]) == registry.TOP_KEYS
    assert tuple(defs["source"]["properties"]) == registry.SOURCE_KEYS
    assert tuple(defs["figure_mapping"]["properties"]) == registry.FIGURE_KEYS
    assert tuple(defs["claim"]["properties"]) == registry.CLAIM_KEYS
    assert defs["claim"]["properties"]["expect"]["enum"] == list(registry.EXPECTS)
    for section in ("sources", "figures", "claims"):
        assert list(schema["properties"][section]["patternProperties"]) == ["^" + registry.ID_PATTERN + "$"]
        assert schema["properties"][section]["additionalProperties"] is False


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_seed_file_validates(validator, path):
    errors = list(validator.iter_errors(_as_json(path.read_text(encoding="utf-8"))))
    assert not errors, [e.message for e in errors]


def test_the_spec_example_shapes_validate(validator):
    text = """
title: t
tags: [a, b]
sources:
  s: {title: T, publisher: P, url: https://example.org, date: 2025-04-16}
figures:
  a: {value: 145, period: 2024, source: s, quote: q}
  b: at least 209
  c: null
  d: 23
  e: {series: {2010: 8632, 2024-03: 1, 2024-Q1: 2, 2024-H1: null}, what: w, unit: percent}
claims:
  x: {says: nearly four times higher, of: a, vs: d, expect: imprecise, hedge_tolerance: 0.2, word_tolerance: 5%}
  y: {says: about 145, of: a + 1}
"""
    assert not list(validator.iter_errors(_as_json(text)))


@pytest.mark.parametrize("text", [
    "claims: {x: {says: s, of: a}}\ncolour: red\n",                    # unknown top-level key
    "claims: {x: {says: s, of: a, expected: holds}}\n",                # unknown claim key
    "claims: {x: {says: s, of: a, expect: true_ish}}\n",               # not a verdict
    "claims: {x: {says: s}}\n",                                        # no of
    "claims: {Bad-Id: {says: s, of: a}}\n",                            # not snake_case
    "figures: {a: {value: 1, units: x}}\nclaims: {}\n",                # unknown figure key
    "figures: {a: {value: 1, series: {2024: 1}}}\nclaims: {}\n",       # both value and series
    "figures: {a: {series: {2024-13: 1}}}\nclaims: {}\n",              # not a period
    "sources: {s: {title: t, link: u}}\nclaims: {}\n",                 # unknown source key
    "title: t\n",                                                      # no claims
    "sources: {s: {url: 'javascript:alert(1)'}}\nclaims: {}\n",        # not a web address
    "sources: {s: {url: example.org/a}}\nclaims: {}\n",                # no scheme
    "sources: {s: {date: '2024-13-01'}}\nclaims: {}\n",                # not a date
    "sources: {s: {date: 16 April 2024}}\nclaims: {}\n",               # not ISO
    "claims: {x: {says: s, of: a, publish: 'no'}}\n",                  # publish is true or false
    "claims: {x: {says: s, of: a, claim_reviewed: ''}}\n",             # empty
])
def test_refuses_what_the_loader_refuses(validator, text):
    assert list(validator.iter_errors(_as_json(text)))
    _, problems = registry.load_text(text, file="x.yaml")
    assert problems  # the loader refuses it too


def test_schema_help_has_an_example():
    result = CliRunner().invoke(app, ["schema", "--help"])
    assert result.exit_code == 0
    assert "factcheck schema > claims.schema.json" in result.output


@pytest.mark.parametrize("text", [
    "sources: {s: {url: 'https://example.org/a?b=1#c', date: '2024-04-16'}}\nclaims: {}\n",
    "sources: {s: {url: 'HTTP://example.org', date: '2024-04'}}\nclaims: {}\n",
    "sources: {s: {date: 2024}}\nclaims: {}\n",
    "figures: {a: 2, b: 1}\nclaims: {x: {says: doubled, of: a, vs: b, claim_reviewed: A doubled, publish: false}}\n",
])
def test_accepts_what_the_loader_accepts(validator, text):
    assert list(validator.iter_errors(_as_json(text))) == []
    _, problems = registry.load_text(text, file="x.yaml")
    assert problems == []


def test_schema_help_gives_a_modeline_that_works_from_claims():
    result = CliRunner().invoke(app, ["schema", "--help"])
    # claim files are in claims/, the schema beside pyproject.toml: one folder up
    assert "# yaml-language-server: $schema=../claims.schema.json" in " ".join(result.output.split())
