"""``factcheck show`` without the engine: query matching on a hand-built
registry, and what the text and JSON renderings put on screen."""

from __future__ import annotations

import io
import json
from fractions import Fraction

import pytest

from factcheck.model import Claim, ClaimResult, Figure, Outcome, Problem, Registry, Source, Topic
from factcheck.numbers import Interval
from factcheck.periods import Period
from factcheck.report.json import dumps, show_document
from factcheck.report.text import show as render_show
from factcheck.show import NoMatch, figure_refs, find, suggest


def point(x: int) -> Interval:
    return Interval.point(Fraction(x))


def claim(id: str, of: str, vs: str | None, *, says: str, source: str | None = None, line: int = 30) -> Claim:
    return Claim(id=id, topic="treason", file="claims/treason.yaml", line=line, column=3, says=says,
                 of_text=of, vs_text=vs, of=None, vs=None, source=source,
                 quote="That figure is nearly four times higher." if source else None)


FOURFOLD = claim("treason_nearly_fourfold", "treason_2024", "treason_2023", says="nearly four times higher",
                 source="istories")
RECORD = claim("military_record", "convictions[2024]", "convictions", says="the highest since at least 2010",
               line=40)
PARTS = claim("rtvi_parts", "rtvi_a + rtvi_b", "treason_2024", says="no more than", line=45)
TOPIC = Topic(
    name="treason",
    file="claims/treason.yaml",
    title="Treason convictions in Russia, 2024",
    sources={
        "istories": Source("istories", "Treason Convictions Hit Record", "The Moscow Times", "https://example.org/a",
                           "2025-04-16"),
        "judicial": Source("judicial", "Judicial Department statistics"),
    },
    figures={
        "treason_2024": Figure("treason_2024", point(145), text="145", what="citizens convicted of treason",
                               period=Period(2024), source="istories"),
        "treason_2023": Figure("treason_2023", point(39), text="39", period=Period(2023), source="judicial"),
        "convictions": Figure("convictions", series=((Period(2010), point(100)), (Period(2012), point(50)),
                                                     (Period(2013), None)),
                              text="{2010: 100, 2012: 50, 2013: null}", what="military convictions"),
        "rtvi_a": Figure("rtvi_a", point(18), text="18"),
        "rtvi_b": Figure("rtvi_b", point(7), text="7"),
    },
    claims=(FOURFOLD, RECORD, PARTS),
)
REGISTRY = Registry((TOPIC,))
RESULTS = (
    ClaimResult(FOURFOLD, Outcome("holds", "ratio", "3.718", "[3.6, 4)",
                                  '145 / 39 = 3.718; "nearly four times" needs [3.6, 4)', True, "fails")),
    ClaimResult(RECORD, Outcome("unverifiable", "record", None, None, "convictions has no data for 2011",
                                notes=("the series has gaps",))),
)
PROBLEM = Problem("claims/treason.yaml", 45, 5, "unreadable statement 'no more than'", "write a comparison")


def kinds(query: str) -> list[tuple[str, str]]:
    return [(m.kind, m.name) for m in find(query, REGISTRY, RESULTS)]


def test_figure_refs_are_the_figures_an_expression_uses():
    assert figure_refs(RECORD, TOPIC) == ("convictions",)
    assert figure_refs(PARTS, TOPIC) == ("rtvi_a", "rtvi_b", "treason_2024")


@pytest.mark.parametrize(("query", "expected"), [
    ("treason", [("topic", "treason")]),
    ("treason_nearly_fourfold", [("claim", "treason_nearly_fourfold")]),
    ("treason.treason_nearly_fourfold", [("claim", "treason_nearly_fourfold")]),
    ("treason.convictions", [("figure", "treason.convictions")]),
    ("convictions", [("figure", "treason.convictions")]),
    ("istories", [("source", "treason.istories")]),
    ("TREASON", [("topic", "treason")]),  # case only matters when it must
])
def test_a_query_names_a_topic_claim_figure_or_source(query, expected):
    assert kinds(query) == expected


def test_a_figure_brings_every_claim_that_uses_it():
    (m,) = find("treason_2024", REGISTRY, RESULTS)
    assert [c.id for c, _ in m.claims] == ["treason_nearly_fourfold", "rtvi_parts"]
    assert [s.id for s in m.sources] == ["istories"]
    assert [r is not None for _, r in m.claims] == [True, False]  # rtvi_parts was not checked


def test_a_source_brings_its_figures_and_their_claims():
    (m,) = find("judicial", REGISTRY, RESULTS)
    assert [f.id for f in m.figures] == ["treason_2023"]
    assert [c.id for c, _ in m.claims] == ["treason_nearly_fourfold"]


def test_a_claim_brings_its_figures_and_sources():
    (m,) = find("treason_nearly_fourfold", REGISTRY, RESULTS)
    assert [f.id for f in m.figures] == ["treason_2024", "treason_2023"]
    assert [s.id for s in m.sources] == ["istories", "judicial"]


def test_no_match_suggests_the_nearest_names():
    with pytest.raises(NoMatch) as caught:
        find("treasn", REGISTRY, RESULTS)
    assert caught.value.suggestions[0] == "treason"
    assert str(caught.value).startswith("no topic, claim, figure or source is named 'treasn'; did you mean treason")
    assert suggest("zzzz", REGISTRY) == []
    with pytest.raises(NoMatch):
        find("other.convictions", REGISTRY, RESULTS)


def test_show_text_has_sources_figures_chart_and_claims(monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    out, err = io.StringIO(), io.StringIO()
    matches = find("treason", REGISTRY, RESULTS, (PROBLEM,))
    render_show(matches, out=out, err=err)
    text = out.getvalue()
    assert "\x1b[" not in text
    lines = [line.rstrip() for line in text.splitlines()]
    assert lines[0].startswith("treason: Treason convictions in Russia, 2024 ─")
    assert lines[1] == "claims/treason.yaml"
    for expected in [
        "  istories  Treason Convictions Hit Record — The Moscow Times, 2025-04-16",
        "            https://example.org/a",
        "  judicial  Judicial Department statistics",
        "convictions: military convictions",
        "  2010  ████████████████████████████████████████ 100",
        "  2011  no data",
        "  2012  ████████████████████ 50",
        "  2013  unknown",
        '✓ holds         treason_nearly_fourfold  "nearly four times higher"  claims/treason.yaml:30:3',
        "    quote: “That figure is nearly four times higher.”",
        "    of: treason_2024   vs: treason_2023",
        '    145 / 39 = 3.718; "nearly four times" needs [3.6, 4)',
        "    reading: ratio; computed: 3.718; accepted: [3.6, 4)",
        "    ambiguous wording; under the strict reading: fails",
        '✗ unverifiable  military_record  "the highest since at least 2010"  expected holds  claims/treason.yaml:40:3',
        "    note: the series has gaps",
        '? not checked   rtvi_parts  "no more than"  claims/treason.yaml:45:3',
    ]:
        assert expected in lines, expected
    table = [line for line in lines if line.startswith(("treason_2024 ", "id "))]
    assert table[0].split() == ["id", "value", "period", "what", "source"]
    assert table[1].split() == ["treason_2024", "145", "2024", "citizens", "convicted", "of", "treason", "istories"]
    assert any(line.split()[:3] == ["convictions", "series", "2010–2013"] for line in lines)
    assert err.getvalue() == "claims/treason.yaml:45:5: unreadable statement 'no more than' (write a comparison)\n"


def test_show_json_has_the_matches_topics_and_verify_shaped_results():
    doc = json.loads(dumps(show_document("treason_2024", find("treason_2024", REGISTRY, RESULTS, (PROBLEM,)))))
    assert list(doc) == ["version", "query", "matches", "topics", "results", "errors", "summary"]
    assert doc["matches"] == [{"kind": "figure", "name": "treason.treason_2024", "topic": "treason"}]
    (topic,) = doc["topics"]
    assert topic["figures"][0]["id"] == "treason_2024"
    assert topic["figures"][0]["value"] == "145"
    assert [r["claim"] for r in doc["results"]] == ["treason_nearly_fourfold"]
    assert doc["errors"][0]["line"] == 45
    assert doc["summary"]["claims"] == 1
