"""``factcheck export --format html``: the registry as a static web site.

The pages are parsed (lxml) and checked against the registry: every claim
with its verdict, every link resolving, the ClaimReview JSON-LD, escaping,
byte-identical reruns and the rules of the output folder.
"""

from __future__ import annotations

import json
import os
from fractions import Fraction
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import html
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.export import RATINGS
from factcheck.site import MARKER, SiteError, check_output, json_for_script, write_site
from factcheck.site.charts import nice_ticks, rows, series_svg
from factcheck.verify import verify_paths

ROOT = Path(__file__).resolve().parent.parent
CLAIMS = ROOT / "claims"

EVIL = "<script>alert(1)</script><!-- & </script>"

FILE = f"""\
title: "A topic with {EVIL} in it"
sources:
  paper:
    title: "Paper {EVIL}"
    publisher: The Paper
    url: https://example.org/a?x=1&y=2
    date: 2025-04-16
  trap:
    title: A source with no address
figures:
  a: 145
  b: 39
  c: 23
  d: 9
  e: null
  new: 1240
  old: 1000
  by_year:
    series: {{2019: 4, 2020: null, 2022: 16, 2023: 39, 2024: 145}}
    what: "counts {EVIL}"
claims:
  fourfold:
    source: paper
    quote: "He said: that is nearly four times higher than in 2023 {EVIL}"
    says: nearly four times higher
    of: a
    vs: b
    note: "A note {EVIL}"
    claim_reviewed: "Nearly four times higher {EVIL}"
  fold:
    source: trap
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
    vs: e
    expect: unverifiable
  parts:
    says: rose from 1,000 to 1,240, a 24% increase
    of: new
    vs: old
  record:
    says: the highest on record
    of: by_year[2024]
    vs: by_year
    expect: unverifiable
"""


def _registry(tmp_path: Path, *, review: bool = True) -> Path:
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "t.yaml").write_text(FILE, encoding="utf-8")
    if review:
        (tmp_path / "factcheck.toml").write_text(
            '[review]\nauthor = "Example Checks"\nurl = "https://checks.example.org/site/"\n', encoding="utf-8")
    return tmp_path / "claims"


def _export(*args: str):
    return CliRunner().invoke(app, ["export", *args])


def _site(claims: Path | str, out: Path, *extra: str) -> Path:
    result = _export(str(claims), "--format", "html", "--output", str(out), *extra)
    assert result.exit_code == 0, result.output
    return out


def _parse(path: Path):
    return html.fromstring(path.read_bytes())


@pytest.fixture(scope="module")
def bundled(tmp_path_factory) -> Path:
    """The bundled registry's site, written once for the module."""
    return _site(CLAIMS, tmp_path_factory.mktemp("bundled") / "site")


# --------------------------------------------------------------------------
# what is written
# --------------------------------------------------------------------------


def test_the_files_of_the_bundled_site(bundled):
    assert sorted(p.name for p in bundled.iterdir()) == [
        MARKER, "amnesty-2024.html", "index.html", "military-courts.html", "style.css", "treason.html"]
    assert "written by `factcheck export --format html`" in (bundled / MARKER).read_text(encoding="utf-8")


def test_every_claim_of_the_registry_is_on_its_page_with_its_verdict(bundled):
    run = verify_paths([str(CLAIMS)])
    assert len(run.results) == 30
    for result in run.results:
        claim = result.claim
        page = _parse(bundled / f"{claim.topic}.html")
        [card] = page.xpath(f'//article[@id="{claim.id}"]')
        verdict = result.outcome.verdict
        assert card.get("class") == f"claim claim-{verdict}"
        [badge] = card.xpath('./header/span[contains(@class, "badge")]')
        assert badge.text_content().split() == [{"holds": "✓", "imprecise": "≈", "fails": "✗",
                                                 "unverifiable": "?"}[verdict], verdict]
        assert card.xpath("./header/h3")[0].text_content() == f"“{claim.says}”"
        facts = dict(zip((dt.text_content() for dt in card.xpath("./dl/dt")),
                         (dd.text_content().strip() for dd in card.xpath("./dl/dd")), strict=True))
        assert facts["Reading"] == result.outcome.reading
        assert facts.get("Arithmetic", facts.get("Parts")) is not None
        if result.outcome.needed:
            assert facts["Needed"] == result.outcome.needed


def test_one_claim_card_in_full(bundled):
    page = _parse(bundled / "treason.html")
    [card] = page.xpath('//article[@id="treason_nearly_fourfold"]')
    assert card.xpath(".//blockquote//mark")[0].text == "nearly four times higher"
    facts = [(dt.text_content(), " ".join(" ".join(dd.itertext()).split())) for dt, dd in
             zip(card.xpath("./dl/dt"), card.xpath("./dl/dd"), strict=True)]
    assert facts == [
        ("Figures", "treason_2024 against treason_2023"),
        ("Reading", "ratio"),
        ("Arithmetic", '145 / 39 = 3.718; "nearly four times higher" needs [3.6, 4): holds'),
        ("Computed", "3.718"),
        ("Accepted", "[3.6, 4)"),
        ("Ambiguity", "Ambiguous wording; under the strict reading: ✗ fails ambiguous wording, read as 4 times "
                      "the base; the strict reading (5 times the base) needs [4.5, 5): fails"),
    ]
    assert [a.get("href") for a in card.xpath("./dl/dd[1]//a")] == ["#figure-treason_2024", "#figure-treason_2023"]
    unknown = page.xpath('//article[@id="secrets_one_third"]')[0]
    assert "Needed" in [dt.text_content() for dt in unknown.xpath("./dl/dt")]
    assert "secrets_2023 in [154.815, inf)" in unknown.text_content()


def test_the_index_lists_every_topic_with_its_counts(bundled):
    index = _parse(bundled / "index.html")
    assert index.findtext(".//h1") == "Fact-checks"
    topics = index.xpath('//li[@class="topic"]')
    got = []
    for li in topics:
        link = li.xpath("./h3/a")[0]
        counts = {c.get("class").split("-")[1]: int(c.xpath('./span[@class="count-n"]')[0].text)
                  for c in li.xpath('.//li[starts-with(@class, "count ")]')}
        got.append((link.get("href"), link.text, counts))
    assert got == [
        ("amnesty-2024.html", "Amnesty International Report 2024/25 on Russia",
         {"holds": 9, "imprecise": 0, "fails": 1, "unverifiable": 2}),
        ("military-courts.html", "Convictions of Russian service members by military courts, 2024",
         {"holds": 5, "imprecise": 0, "fails": 1, "unverifiable": 4}),
        ("treason.html", "Treason, espionage and state-secrets convictions in Russia, 2024",
         {"holds": 3, "imprecise": 1, "fails": 2, "unverifiable": 2}),
    ]
    assert " ".join(index.xpath('//p[@class="lede"]')[0].text_content().split()) == (
        "30 claims in 3 topics, each recomputed from the figures it rests on. Registry: claims.")


def _links(folder: Path):
    for page in sorted(folder.glob("*.html")):
        doc = _parse(page)
        for el in doc.xpath("//a[@href] | //link[@href]"):
            yield page, el.get("href")


def test_every_link_resolves(bundled):
    ids = {p.name: set(_parse(p).xpath("//@id")) for p in bundled.glob("*.html")}
    checked = external = 0
    for page, href in _links(bundled):
        parts = urlsplit(href)
        if parts.scheme in ("http", "https"):
            external += 1
            continue
        assert parts.scheme == "" and not parts.netloc, (page.name, href)
        target = unquote(parts.path) or page.name
        assert (bundled / target).is_file(), (page.name, href)
        if parts.fragment:
            assert parts.fragment in ids[target], (page.name, href)
        checked += 1
    assert checked > 100 and external > 10


def test_ids_are_unique_on_each_page(bundled):
    for page in bundled.glob("*.html"):
        ids = _parse(page).xpath("//@id")
        assert len(ids) == len(set(ids)), page.name


def test_the_pages_are_static_and_use_one_stylesheet(bundled):
    for page in bundled.glob("*.html"):
        doc = _parse(page)
        assert {s.get("type") for s in doc.xpath("//script")} <= {"application/ld+json"}
        assert [link.get("href") for link in doc.xpath("//link[@rel='stylesheet']")] == ["style.css"]
        assert doc.xpath("//@style") == [] and doc.xpath("//@onclick | //@onload") == []
        assert doc.xpath("//main") and doc.xpath("//header") and doc.xpath("//footer") and doc.xpath("//nav")
        assert len(doc.xpath("//h1")) == 1


def test_series_charts_are_inline_svg_with_a_title_and_gaps(bundled):
    page = _parse(bundled / "treason.html")
    [figure] = page.xpath('//figure[@id="chart-treason_by_year"]')
    [svg] = figure.xpath("./*[local-name()='svg']")
    assert svg.get("role") == "img"
    title = svg.xpath("./*[local-name()='title']")[0].text
    desc = svg.xpath("./*[local-name()='desc']")[0].text
    assert title == "treason_by_year: people convicted of treason (Art. 275), by year"
    assert desc == ("2013: 4; 2014: unknown; 2015: unknown; 2016: 14; 2017: 4; 2018: unknown; 2019: 8; "
                    "2020: unknown; 2021: unknown; 2022: 16; 2023: 39; 2024: 145")
    assert svg.get("aria-labelledby") == "chart-treason_by_year-title chart-treason_by_year-desc"
    gaps = svg.xpath(".//*[local-name()='g'][@class='gap']")
    assert len(gaps) == 5
    military = _parse(bundled / "military-courts.html")
    texts = [t.text for t in military.xpath("//figure//*[local-name()='text']")]
    assert "2011–2019" in texts and "no data" in texts


# --------------------------------------------------------------------------
# ClaimReview
# --------------------------------------------------------------------------


def _reviews(page: Path) -> list[dict]:
    return [json.loads(s.text) for s in _parse(page).xpath('//script[@type="application/ld+json"]')]


def test_json_ld_one_review_per_published_claim_with_its_url_and_rating(bundled):
    """One review per claim as published (its words, its sentence, its
    source: claims of one sentence with the same words make one review,
    rated by the worst verdict), its url the anchor of the first such claim."""
    run = verify_paths([str(CLAIMS)])
    groups: dict[tuple, list] = {}
    for r in run.results:
        c = r.claim
        groups.setdefault((c.file, c.claim_reviewed or c.says, None if c.claim_reviewed else c.quote, c.source),
                          []).append(r)
    worst = {members[0].claim.id: RATINGS[max((m.outcome.verdict for m in members),
                                               key=lambda v: -RATINGS[v][1])] for members in groups.values()}
    seen = []
    for page in sorted(bundled.glob("*.html")):
        reviews = _reviews(page)
        claims = _parse(page).xpath("//article[contains(@class, 'claim')]/@id")
        urls = [r["url"] for r in reviews]
        assert urls == [f"{page.name}#{c}" for c in claims if c in worst]
        seen += [u.partition("#")[2] for u in urls]
        for review in reviews:
            assert review["@type"] == "ClaimReview"
            assert set(review["reviewRating"]) >= {"alternateName", "ratingValue", "bestRating", "worstRating"}
            assert "datePublished" not in review
            rating = review["reviewRating"]
            assert (rating["alternateName"], rating["ratingValue"]) == worst[review["url"].partition("#")[2]]
    assert sorted(seen) == sorted(worst)
    assert len(seen) < len(run.results)  # the bundled registry has claims that share a sentence and words


def test_json_ld_urls_under_the_review_url_and_base_url(tmp_path):
    claims = _registry(tmp_path)
    site = _site(claims, tmp_path / "site", "--date", "2025-05-01")
    reviews = _reviews(site / "t.html")
    assert [r["url"] for r in reviews] == [
        f"https://checks.example.org/site/t.html#{c}" for c in ("fourfold", "fold", "triple", "unknown", "parts", "record")]
    assert reviews[0]["author"] == {"@type": "Organization", "name": "Example Checks",
                                    "url": "https://checks.example.org/site/"}
    assert {r["datePublished"] for r in reviews} == {"2025-05-01"}
    index = _parse(site / "index.html")
    assert index.xpath("//time/@datetime") == ["2025-05-01"]
    assert index.findtext(".//h1") == "Example Checks"

    other = _site(claims, tmp_path / "other", "--base-url", "https://example.net/checks")
    assert _reviews(other / "t.html")[0]["url"] == "https://example.net/checks/t.html#fourfold"
    assert _parse(other / "index.html").xpath("//time") == []


def test_json_for_script_cannot_end_the_element():
    text = str(json_for_script({"q": EVIL, "line": "a\u2028b"}))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"q": EVIL, "line": "a\u2028b"}


# --------------------------------------------------------------------------
# escaping, parts, a small registry of our own
# --------------------------------------------------------------------------


def test_everything_from_a_claim_file_is_escaped(tmp_path):
    site = _site(_registry(tmp_path), tmp_path / "site")
    raw = (site / "t.html").read_text(encoding="utf-8")
    assert "<script>alert" not in raw and "<!-- &" not in raw
    page = _parse(site / "t.html")
    assert [s.get("type") for s in page.xpath("//script")] == ["application/ld+json"] * 6
    assert page.findtext(".//h1") == f"A topic with {EVIL} in it"
    [card] = page.xpath('//article[@id="fourfold"]')
    quote = card.xpath(".//blockquote/p")[0]
    assert quote.text_content() == f"He said: that is nearly four times higher than in 2023 {EVIL}"
    assert quote.xpath("./mark")[0].text == "nearly four times higher"
    assert f"A note {EVIL}" in card.text_content()
    assert _reviews(site / "t.html")[0]["claimReviewed"].endswith(EVIL)
    # an http link keeps its query (a javascript: address is refused at
    # load; the site's own check is pinned below)
    assert page.xpath('//li[@id="source-paper"]//a/@href') == ["https://example.org/a?x=1&y=2"]
    assert page.xpath('//li[@id="source-trap"]//a') == []
    chart_title = page.xpath("//figure//*[local-name()='title']")[0].text
    assert chart_title == f"by_year: counts {EVIL}"
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "<script>" not in index


@pytest.mark.parametrize("url, link", [
    ("https://example.org/a?x=1&y=2", True), ("HTTP://EXAMPLE.ORG", True),
    ("javascript:alert(1)", False), (" javascript:alert(1)", False), ("data:text/html,<b>", False),
    ("//example.org/x", False), ("https://exa mple.org", False), (None, False),
])
def test_only_http_addresses_become_links(url, link):
    """The second line of defence: the loader refuses other schemes, and
    the site links nothing but http(s) whatever reaches it."""
    from factcheck.site import web_url

    assert web_url(url) is link


def test_a_statement_with_several_parts_lists_them(tmp_path):
    site = _site(_registry(tmp_path), tmp_path / "site")
    [card] = _parse(site / "t.html").xpath('//article[@id="parts"]')
    parts = card.xpath('.//ol[@class="parts"]/li')
    assert [" ".join(p.xpath("./span")[0].text_content().split()) for p in parts] == ["✓ holds"] * 3
    assert [p.xpath('./span[@class="part-text"]')[0].text for p in parts] == [
        "“a 24% increase”", "“rose from 1,000”", "“to 1,240”"]
    assert [p.xpath('./span[@class="part-role"]')[0].text for p in parts] == [
        "(statement, percent change)", "(B, value)", "(A, value)"]
    assert parts[0].xpath('./p[@class="arithmetic"]')[0].text == (
        '(1240 - 1000) / 1000 x 100 = 24%; "a 24% increase" needs [23.5, 24.5]%: holds')


def test_a_claim_not_as_expected_says_so(tmp_path):
    claims = _registry(tmp_path)
    text = (claims / "t.yaml").read_text(encoding="utf-8").replace("    expect: fails\n", "")
    (claims / "t.yaml").write_text(text, encoding="utf-8")
    site = _site(claims, tmp_path / "site")
    [card] = _parse(site / "t.html").xpath('//article[@id="triple"]')
    assert " ".join(card.xpath('./p[@class="unexpected"]')[0].text_content().split()) == (
        "The registry records this claim as holds.")


# --------------------------------------------------------------------------
# the same bytes, and the output folder
# --------------------------------------------------------------------------


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_reruns_are_byte_identical(tmp_path, bundled):
    again = _site(CLAIMS, tmp_path / "again")
    assert _tree(again) == _tree(bundled)
    # into the same folder: replaced, the same bytes, nothing left beside it
    result = _export(str(CLAIMS), "--format", "html", "--output", str(again))
    assert result.exit_code == 0, result.output
    assert _tree(again) == _tree(bundled)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["again"]


def test_the_success_message_and_nothing_on_stdout(tmp_path):
    result = _export(str(CLAIMS), "--format", "html", "--output", str(tmp_path / "site"))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == f"wrote {tmp_path / 'site'}: index.html and 3 topic pages (30 claims)\n"


def test_a_folder_not_made_by_factcheck_is_refused_then_forced(tmp_path):
    out = tmp_path / "public"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    refused = _export(str(CLAIMS), "--format", "html", "--output", str(out))
    assert refused.exit_code == 2
    assert refused.stderr == (
        f"factcheck: {out} is not empty and factcheck did not write it: it has no {MARKER} "
        "(choose another --output, or use --force to replace the whole folder)\n")
    assert _tree(out) == {"keep.txt": b"mine"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["public"]

    forced = _export(str(CLAIMS), "--format", "html", "--output", str(out), "--force")
    assert forced.exit_code == 0, forced.output
    assert not (out / "keep.txt").exists() and (out / MARKER).is_file() and (out / "index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["public"]


def test_an_empty_folder_is_used(tmp_path):
    (tmp_path / "site").mkdir()
    assert (_site(CLAIMS, tmp_path / "site") / "index.html").is_file()


def test_a_file_in_the_way_is_refused(tmp_path):
    out = tmp_path / "site"
    out.write_text("x", encoding="utf-8")
    result = _export(str(CLAIMS), "--format", "html", "--output", str(out))
    assert result.exit_code == 2
    assert result.stderr == f"factcheck: {out} exists and is not a folder (use --force to replace it)\n"


@pytest.mark.parametrize(("args", "message"), [
    ([], "factcheck: --format html needs --output DIR: the folder to write the site to\n"),
    (["--output", "nope/deeper/site"],
     "factcheck: cannot write nope/deeper/site: the folder nope/deeper does not exist (create it first)\n"),
])
def test_usage_errors(args, message):
    result = _export(str(CLAIMS), "--format", "html", *args)
    assert result.exit_code == 2
    assert result.stderr == message


def test_base_url_is_for_html_only():
    result = _export(str(CLAIMS), "--base-url", "https://example.org/")
    assert result.exit_code == 2
    assert result.stderr == "factcheck: --base-url is for --format html (the JSON-LD has no page to point at)\n"


def test_an_invalid_file_exit_3_and_the_rest_published(tmp_path):
    claims = _registry(tmp_path)
    (claims / "bad.yaml").write_text("claims:\n  x: {says: doubled, of: a, colour: red}\n", encoding="utf-8")
    result = _export(str(claims), "--format", "html", "--output", str(tmp_path / "site"))
    assert result.exit_code == 3
    assert "colour" in result.stderr
    assert len(_parse(tmp_path / "site" / "t.html").xpath("//article")) == 6


def test_a_failed_write_leaves_the_old_site_and_no_temporary_folder(tmp_path, monkeypatch):
    out = tmp_path / "site"
    write_site({"index.html": "old\n", MARKER: "m\n"}, out)
    import factcheck.site as site

    def boom(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(site.os, "fsync", boom)
    with pytest.raises(OSError):
        write_site({"index.html": "new\n", MARKER: "m\n"}, out)
    assert _tree(out) == {"index.html": b"old\n", MARKER: b"m\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_check_output_is_a_library_error_not_an_exit(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "a").write_text("", encoding="utf-8")
    with pytest.raises(SiteError) as info:
        check_output(tmp_path / "x")
    assert info.value.hint == "choose another --output, or use --force to replace the whole folder"
    check_output(tmp_path / "x", force=True)  # no error


def test_the_site_folder_has_the_usual_modes(tmp_path):
    umask = os.umask(0o022)
    try:
        site = _site(CLAIMS, tmp_path / "site")
    finally:
        os.umask(umask)
    assert oct(site.stat().st_mode & 0o777) == "0o755"
    assert oct((site / "index.html").stat().st_mode & 0o777) == "0o644"


# --------------------------------------------------------------------------
# the chart, as a unit
# --------------------------------------------------------------------------


def test_nice_ticks_are_round_and_exact():
    assert nice_ticks(Fraction(0), Fraction(145)) == [0, 50, 100, 150]
    assert nice_ticks(Fraction(0), Fraction(13699)) == [0, 5000, 10000, 15000]
    assert nice_ticks(Fraction(-3), Fraction(7)) == [-4, -2, 0, 2, 4, 6, 8]
    assert nice_ticks(Fraction(0), Fraction(0)) == [0, Fraction(1, 5), Fraction(2, 5), Fraction(3, 5),
                                                   Fraction(4, 5), 1]
    assert nice_ticks(Fraction(0), Fraction(3, 100)) == [0, Fraction(1, 100), Fraction(2, 100), Fraction(3, 100)]


def test_rows_mark_unknown_points_and_missing_runs():
    run = verify_paths([str(CLAIMS / "military-courts.yaml")])
    [topic] = run.registry.topics
    got = [(r.label, r.value.describe() if r.value else None, r.missing) for r in rows(topic.figures["convictions"])]
    assert got == [("2010", "8632", False), ("2011–2019", None, True), ("2020", "3351", False),
                   ("2021", None, True), ("2022", "4191", False), ("2023", "7779", False), ("2024", "13699", False)]


def test_the_same_series_gives_the_same_svg():
    run = verify_paths([str(CLAIMS / "treason.yaml")])
    figure = run.registry.topics[0].figures["treason_by_year"]
    a, b = series_svg(figure, ident="x"), series_svg(figure, ident="x")
    assert a == b and a.startswith('<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img"')
    assert a.count('fill="#2f6fb0"') == 7  # one bar per known year
