"""``factcheck export --format claimreview``: schema.org ClaimReview JSON-LD."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from factcheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
TREASON = str(ROOT / "claims" / "treason.yaml")

FILE = """\
title: t
sources:
  paper:
    title: A headline
    publisher: The Paper
    url: https://example.org/a
    date: 2025-04-16
  bare:
    title: Only a title
figures:
  a: 145
  b: 39
  c: 23
  d: 9
claims:
  fourfold:
    source: paper
    quote: That is nearly four times higher than in 2023.
    says: nearly four times higher
    of: a
    vs: b
  fold:
    source: bare
    says: a 2.5-fold increase
    of: c
    vs: d
    expect: imprecise
  triple:
    says: tripled
    of: c
    vs: d
    expect: fails
  unknown:
    says: doubled
    of: c
    vs: "null_figure"
    expect: unverifiable
"""


def _registry(tmp_path: Path, *, review: bool = True) -> Path:
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "t.yaml").write_text(FILE.replace('"null_figure"', "e") + "", encoding="utf-8")
    text = (tmp_path / "claims" / "t.yaml").read_text(encoding="utf-8").replace("  d: 9\n", "  d: 9\n  e: null\n")
    (tmp_path / "claims" / "t.yaml").write_text(text, encoding="utf-8")
    if review:
        (tmp_path / "factcheck.toml").write_text(
            '[review]\nauthor = "Example Checks"\nurl = "https://checks.example.org"\n', encoding="utf-8")
    return tmp_path / "claims"


def _export(*args: str):
    return CliRunner().invoke(app, ["export", *args])


def test_one_claim_field_by_field(tmp_path):
    result = _export(str(_registry(tmp_path)))
    assert result.exit_code == 0, result.output
    reviews = json.loads(result.stdout)
    assert isinstance(reviews, list) and len(reviews) == 4
    r = reviews[0]
    assert r["@context"] == "https://schema.org"
    assert r["@type"] == "ClaimReview"
    assert r["claimReviewed"] == "nearly four times higher"  # says, not the whole quote
    rating = r["reviewRating"]
    assert rating["@type"] == "Rating"
    assert rating["alternateName"] == "Accurate"
    assert rating["ratingValue"] == 4
    assert rating["bestRating"] == 4 and rating["worstRating"] == 1
    assert "145 / 39" in rating["ratingExplanation"]
    item = r["itemReviewed"]
    assert item == {
        "@type": "Claim",
        "author": {"@type": "Organization", "name": "The Paper"},
        "datePublished": "2025-04-16",
        "appearance": {"@type": "CreativeWork", "url": "https://example.org/a"},
    }
    assert r["author"] == {"@type": "Organization", "name": "Example Checks", "url": "https://checks.example.org"}
    assert "datePublished" not in r  # deterministic by default


def test_the_rating_scale_and_fallbacks(tmp_path):
    reviews = json.loads(_export(str(_registry(tmp_path))).stdout)
    by_says = {r["claimReviewed"]: r for r in reviews}
    fold = by_says["a 2.5-fold increase"]
    assert (fold["reviewRating"]["alternateName"], fold["reviewRating"]["ratingValue"]) == ("Imprecise", 3)
    assert fold["itemReviewed"] == {"@type": "Claim", "author": {"@type": "Organization", "name": "Only a title"}}
    triple = by_says["tripled"]
    assert (triple["reviewRating"]["alternateName"], triple["reviewRating"]["ratingValue"]) == ("False", 1)
    assert triple["itemReviewed"] == {"@type": "Claim"}
    doubled = by_says["doubled"]
    assert (doubled["reviewRating"]["alternateName"], doubled["reviewRating"]["ratingValue"]) == ("Unverifiable", 2)


def test_no_review_settings_no_author(tmp_path):
    reviews = json.loads(_export(str(_registry(tmp_path, review=False))).stdout)
    assert all("author" not in r for r in reviews)


def test_date(tmp_path):
    claims = str(_registry(tmp_path))
    reviews = json.loads(_export(claims, "--date", "2025-05-01").stdout)
    assert {r["datePublished"] for r in reviews} == {"2025-05-01"}
    assert _export(claims, "--date", "yesterday-ish").exit_code == 2


def test_output_is_deterministic():
    a, b = _export(TREASON), _export(TREASON)
    assert a.exit_code == 0 and a.stdout == b.stdout
    assert json.loads(a.stdout)


def test_output_refuses_to_overwrite_without_force(tmp_path):
    claims = str(_registry(tmp_path))
    out = tmp_path / "reviews.json"
    first = _export(claims, "--output", str(out))
    assert first.exit_code == 0, first.output
    assert first.stdout == ""
    written = json.loads(out.read_text(encoding="utf-8"))
    assert len(written) == 4

    out.write_text("keep me", encoding="utf-8")
    refused = _export(claims, "--output", str(out))
    assert refused.exit_code == 2
    assert "--force" in refused.stderr
    assert out.read_text(encoding="utf-8") == "keep me"

    forced = _export(claims, "--output", str(out), "--force")
    assert forced.exit_code == 0, forced.output
    assert json.loads(out.read_text(encoding="utf-8")) == written
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_output_into_a_missing_folder_is_a_usage_error(tmp_path):
    result = _export(str(_registry(tmp_path)), "--output", str(tmp_path / "nope" / "r.json"))
    assert result.exit_code == 2


def test_invalid_file_exit_3_and_the_rest_exported(tmp_path):
    claims = _registry(tmp_path)
    (claims / "bad.yaml").write_text("claims:\n  x: {says: doubled, of: a, colour: red}\n", encoding="utf-8")
    result = _export(str(claims))
    assert result.exit_code == 3
    assert "colour" in result.stderr
    assert len(json.loads(result.stdout)) == 4


PUBLISHING = """\
sources:
  paper: {title: A headline, publisher: The Paper, url: "https://example.org/a", date: 2025-04-16}
  agency: {title: Agency data, publisher: The Agency, url: "https://agency.example.org/t"}
figures:
  a: {value: 145, source: agency}
  b: 39
  c: 23
  d: 9
claims:
  fourfold:
    source: paper
    quote: That is nearly four times higher than in 2023, and the highest ever.
    says: nearly four times higher
    claim_reviewed: Treason convictions nearly quadrupled in 2024
    of: a
    vs: b
  fourfold_strict:
    source: paper
    says: nearly four times higher
    claim_reviewed: Treason convictions nearly quadrupled in 2024
    of: a
    vs: b
    hedge_tolerance: 0
    expect: fails
  from_figure:
    says: more than tripled
    of: a
    vs: b
  supporting:
    says: more than doubled
    of: c
    vs: d
    publish: false
  nobody:
    says: up 150%
    of: c
    vs: d
    expect: fails
"""


def _publishing(tmp_path: Path, settings: str = "") -> str:
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "p.yaml").write_text(PUBLISHING, encoding="utf-8")
    (tmp_path / "factcheck.toml").write_text(
        '[review]\nauthor = "Example Checks"\nurl = "https://checks.example.org"\n' + settings, encoding="utf-8")
    return str(tmp_path / "claims")


def test_claim_reviewed_publish_false_source_fallback_and_one_review_per_text(tmp_path):
    result = _export(_publishing(tmp_path, 'base_url = "https://checks.example.org/{topic}.html"\n'))
    assert result.exit_code == 0, result.output
    reviews = json.loads(result.stdout)
    assert [r["claimReviewed"] for r in reviews] == [
        "Treason convictions nearly quadrupled in 2024",  # fourfold and fourfold_strict: one review
        "more than tripled",
        "up 150%",
    ]  # supporting (publish: false) is left out
    quadrupled, tripled, nobody = reviews
    # the worst of the two verdicts on one text, both explanations
    assert quadrupled["reviewRating"]["alternateName"] == "False"
    assert quadrupled["reviewRating"]["ratingExplanation"].count("145 / 39") == 2
    assert quadrupled["url"] == "https://checks.example.org/p.html#fourfold"
    assert quadrupled["itemReviewed"]["author"] == {"@type": "Organization", "name": "The Paper"}
    # no source of its own: its figure's
    assert tripled["itemReviewed"]["author"] == {"@type": "Organization", "name": "The Agency"}
    assert tripled["itemReviewed"]["appearance"] == {"@type": "CreativeWork", "url": "https://agency.example.org/t"}
    assert tripled["url"] == "https://checks.example.org/p.html#from_figure"
    # nothing to fall back on (two sources in the file): exported, with a warning, exit 0
    assert nobody["itemReviewed"] == {"@type": "Claim"}
    assert result.stderr == (
        f"{tmp_path / 'claims' / 'p.yaml'}:34:3: warning: claim 'nobody' is exported without a source "
        "(itemReviewed names nobody) (add source: to the claim or to its figures, naming one of the "
        "file's sources)\n")


def test_the_files_only_source_is_the_last_fallback(tmp_path):
    (tmp_path / "one.yaml").write_text(
        "sources: {paper: {title: T, publisher: P}}\nfigures: {a: 2, b: 1}\n"
        "claims: {x: {says: doubled, of: a, vs: b}}\n", encoding="utf-8")
    result = _export(str(tmp_path / "one.yaml"))
    assert result.exit_code == 0 and result.stderr == ""
    (review,) = json.loads(result.stdout)
    assert review["itemReviewed"] == {"@type": "Claim", "author": {"@type": "Organization", "name": "P"}}
    assert "url" not in review  # no base_url: no address to give


def test_the_html_site_interface_is_kept(tmp_path):
    from factcheck.export import claim_reviews
    from factcheck.verify import verify_paths

    run = verify_paths([_publishing(tmp_path)])
    reviews = claim_reviews(run.registry, run.results, review={"author": "A"},
                            url_for=lambda claim: f"https://site.example/{claim.topic}/#{claim.id}")
    assert [r["url"] for r in reviews] == ["https://site.example/p/#fourfold", "https://site.example/p/#from_figure",
                                          "https://site.example/p/#nobody"]


def test_the_review_base_url_must_be_a_web_address(tmp_path):
    result = _export(_publishing(tmp_path, 'base_url = "javascript:alert(1)"\n'))
    assert result.exit_code == 3
    assert f"{tmp_path / 'factcheck.toml'}:4: review base_url 'javascript:alert(1)' is not an http(s) address" \
        in result.stderr


def test_the_same_phrase_in_two_sentences_is_two_reviews(tmp_path):
    """Without claim_reviewed, a says phrase is one claim per sentence: two
    "more than doubled" of two sentences keep their own ratings."""
    (tmp_path / "one.yaml").write_text(
        "sources: {paper: {title: T, publisher: P}}\n"
        "figures: {a: 3, b: 1, c: 3, d: 2}\n"
        "claims:\n"
        "  first: {source: paper, quote: Arrests more than doubled., says: more than doubled, of: a, vs: b}\n"
        "  second: {source: paper, quote: Fines more than doubled., says: more than doubled, of: c, vs: d,"
        " expect: fails}\n"
        "  again: {source: paper, quote: Arrests more than doubled., says: more than doubled, of: a, vs: b}\n",
        encoding="utf-8")
    result = _export(str(tmp_path / "one.yaml"))
    assert result.exit_code == 0, result.output
    reviews = json.loads(result.stdout)
    assert [(r["claimReviewed"], r["reviewRating"]["alternateName"]) for r in reviews] == [
        ("more than doubled", "Accurate"),  # first and again: one sentence, one review
        ("more than doubled", "False"),
    ]
