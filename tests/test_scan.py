"""factcheck scan: the articles of tests/data/scan, their statements, pairs,
verdicts, the JSON contract, the draft that verify reads, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.scan import scan_file, scan_text
from factcheck.scan.article import ArticleError, article_from_bytes, markdown_to_text, read_article
from factcheck.scan.sentences import split_sentences

DATA = Path(__file__).resolve().parent / "data" / "scan"
SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


def run(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(app, list(args), input=input, env={"COLUMNS": "200", "NO_COLOR": "1"})


def found(path: Path) -> list[tuple]:
    scan = scan_file(str(path))
    assert not isinstance(scan, ArticleError), scan
    return [(st.says, st.outcome.verdict,
             st.pairing.a.mention and st.pairing.a.mention.text,
             st.pairing.b and st.pairing.b.mention and st.pairing.b.mention.text,
             st.outcome.needed) for st in scan.statements]


# --------------------------------------------------------------------------
# the seeds (issue 11, "Measured")
# --------------------------------------------------------------------------

SEED_000 = [
    ("That figure is nearly four times higher than the number of convictions in 2023", "unverifiable", "145", None,
     "B in (36.25, 40.278]"),
    ("a 2.5-fold increase over the previous year", "unverifiable", "23", None, "B in [9.02, 9.388]"),
    ("marking a tenfold increase from the previous year", "unverifiable", "Twenty-one", None, "B in [2, 2.211]"),
    ("a one-third increase from the previous year", "unverifiable", "At least 209", None, "B in [154.815, inf)"),
]
SEED_001 = [
    ("representing a 76% increase from 2023", "holds", "13,699", "7,779", None),
    ("more than double the number jailed in the previous year", "unverifiable", "6,838", None, "B in (0, 3419)"),
    ("Russian military courts issued an average of 34 desertion-related verdicts per day throughout 2024",
     "unverifiable", None, None, "A in [12261, 12627]"),
]


def test_seed_000_lists_the_four_derived_statements():
    assert found(DATA / "seed_000.txt") == SEED_000


def test_seed_001_pairs_the_rise_with_its_base_in_another_sentence():
    assert found(DATA / "seed_001.txt") == SEED_001


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not there")
def test_the_shared_seeds_are_the_copies_tested_here():
    assert found(next(SEEDS.glob("000_*.txt"))) == SEED_000
    assert found(next(SEEDS.glob("001_*.txt"))) == SEED_001


def test_twenty_one_is_21_and_at_least_209_is_a_range():
    scan = scan_file(str(DATA / "seed_000.txt"))
    tenfold, third = scan.statements[2], scan.statements[3]
    assert tenfold.pairing.a.mention.value == 21
    assert third.outcome.explanation.startswith("(at least 209 - unknown) / unknown")


# --------------------------------------------------------------------------
# pairing and verdicts
# --------------------------------------------------------------------------


def test_the_pairs_of_one_sentence_and_their_reasons():
    scan = scan_file(str(DATA / "pairs.txt"))
    got = [(st.outcome.verdict, st.pairing.a.reason, st.pairing.b.reason, st.outcome.computed)
           for st in scan.statements]
    assert got == [
        ("holds", "same sentence: 'Police recorded 1,240'", "same clause: 'cent on the 1,000'", "24"),
        ("fails", "same clause: 'rose 30% to 650'", "same clause: 'to 650 from 600'", "8.333"),
        ("holds", "same sentence: 'The council spent £2.4m'", "same sentence: 'up from £2m'", "[-6, 63.333]"),
        ("unverifiable", "not in the text", "not in the text", None),
    ]


def test_money_is_rounded_as_written_and_never_paired_with_a_head_count():
    scan = scan_file(str(DATA / "pairs.txt"))
    council = scan.statements[2]
    assert council.pairing.a.mention.form == "money" and council.pairing.b.mention.form == "money"
    assert "consistent with the rounded figures" in council.outcome.explanation
    scan = scan_text("The firm employed 40 people. It spent £60 on each, up 50% on the year before.")
    assert all(st.pairing.b.mention is None or st.pairing.b.mention.form == "money" for st in scan.statements)


def test_a_year_an_age_or_a_date_is_never_a_figure():
    scan = scan_text("Mr. Smith, 45, said on 12 March that the rate was 3.5 times higher than in 2020.")
    (st,) = scan.statements
    assert st.pairing.a.mention is None and st.pairing.b.mention is None
    assert st.outcome.verdict == "unverifiable"


def test_several_possible_bases_are_unclear_and_listed():
    text = ("Sales reached 900 units in 2024. Sales of 400 units were made in 2023 by one shop, "
            "and sales of 500 units in 2023 by another. In 2024, the chain sold 900 units, "
            "a 50% increase from 2023.")
    scan = scan_text(text)
    (st,) = scan.statements
    assert st.outcome.verdict == "unverifiable"
    assert st.pairing.b.reason == "unclear: several numbers of 2023 could be the base"
    assert [m.text for m in st.pairing.candidates] == ["400", "500"]


def test_a_statement_with_no_numbers_of_its_own_in_the_text_is_unverifiable():
    (st,) = scan_text("Fraud cases rose 12% last year, the report said.").statements
    assert (st.outcome.verdict, st.pairing.a.mention, st.pairing.b.mention) == ("unverifiable", None, None)


def pairs_of(text: str, date: str | None = None) -> list[tuple]:
    return [(st.says, st.outcome.verdict, st.pairing.a.mention and st.pairing.a.mention.text,
             st.pairing.b and st.pairing.b.mention and st.pairing.b.mention.text)
            for st in scan_text(text, date=date).statements]


def test_a_statement_with_no_figures_takes_them_from_nearby_sentences_by_period():
    # the periods are spans known by their end; "this year" is the article's
    text = ("Reported burglaries went up by nearly a third in Leeds over the year, the council said.\n\n"
            "The force logged 4,212 burglaries between April 2022 and the same month this year.\n\n"
            "In the same period between 2021 and 2022 there were 3,301 burglaries.")
    (st,) = scan_text(text, date="2023-05-02").statements
    assert (st.outcome.verdict, st.pairing.a.mention.text, st.pairing.b.mention.text) == ("imprecise", "4,212", "3,301")
    assert (st.pairing.a.reason, st.pairing.b.reason) == (
        "nearby: 'The force logged 4,212' (of 2023)", "nearby: '2022 there were 3,301' (of 2022)")
    # without the article's date, "this year" is unknown and nothing orders the two figures
    (st,) = scan_text(text).statements
    assert (st.outcome.verdict, st.pairing.a.mention, st.pairing.b.mention) == ("unverifiable", None, None)


def test_a_sentence_figure_of_an_earlier_period_is_the_base_of_a_later_one_nearby():
    text = "Officers logged 4,212 burglaries in 2023.\n\nIn 2022 there were 3,301 burglaries, a rise of {}."
    assert pairs_of(text.format("911")) == [("a rise of 911", "holds", "4,212", "3,301")]
    assert pairs_of(text.format("991")) == [("a rise of 991", "fails", "4,212", "3,301")]


def test_a_next_sentence_from_base_to_figure_and_a_trailing_period_of_comparison():
    # "compared with last year" names B's period; the statement is read without it
    text = ("Arrests for shoplifting have climbed by more than a fifth compared with last year, the figures show.\n\n"
            "The data shows shoplifting arrests have gone up, from 1,450 arrests to 1,790.")
    (st,) = scan_text(text).statements
    assert (st.outcome.verdict, st.outcome.reading, st.pairing.a.reason, st.pairing.b.reason) == (
        "holds", "fraction change", "next sentence: '1,450 arrests to 1,790'", "next sentence: 'from 1,450'")


def test_money_pairs_across_sentences_by_what_it_counts_and_a_year_earlier():
    # sales and revenue count the same; the profit does not; "a year earlier" marks the base
    text = ("Acme Corp said quarterly sales fell 9 percent, though it made a $3 million profit.\n\n"
            "Acme's sales dropped to $820 million. A year earlier it earned $5.1 million, or 3 cents a share, "
            "on revenue of $901 million.")
    assert pairs_of(text) == [("Acme Corp said quarterly sales fell 9 percent", "holds", "$820 million",
                               "$901 million")]
    # two figures of the later period: unclear, with the candidates
    text = text.replace("Acme's sales dropped to $820 million.", "Acme's sales were $820 million, and US sales $400 million.")
    (st,) = scan_text(text).statements
    assert st.outcome.verdict == "unverifiable"
    assert [m.text for m in st.pairing.candidates] == ["$820 million", "$400 million", "$901 million"]


def test_figures_are_not_paired_across_an_ellipsis():
    # words were left out: "212" may be the rise, not the year's count
    text = "Burglaries in the town were up by almost a quarter … 212 in 2023, compared with 848 burglaries the year before."
    assert pairs_of(text) == [("Burglaries in the town were up by almost a quarter", "unverifiable", None, None)]


def test_a_tally_of_more_or_fewer_is_a_difference_a_list_of_more_is_not():
    assert pairs_of("Hospitals recorded 12,400 more admissions, the trust said.") == [
        ("Hospitals recorded 12,400 more admissions", "unverifiable", None, None)]
    assert pairs_of("There were 35 fewer road deaths in the county.") == [
        ("There were 35 fewer road deaths in the county", "unverifiable", None, None)]
    assert pairs_of("The charity is listing 40 more organizations as partners.") == []


def test_figures_another_statement_names_are_not_taken_by_a_statement_of_another_sentence():
    # "store sales" are not "online sales": the figures belong to the statement beside them
    for text in ("Online sales rose 15 percent, to $230 million from $200 million. Store sales increased 4 percent.",
                 "Store sales increased 4 percent. Online sales rose 15 percent, to $230 million from $200 million."):
        assert ("Store sales increased 4 percent", "unverifiable", None, None) in pairs_of(text)


def test_a_sentence_pointing_back_takes_the_figure_and_its_base_of_the_sentence_before():
    text = "The clinic saw 1,150 patients in 2024 as compared with 1,000 patients in 2023. That is a rise of 150 or 15%."
    assert pairs_of(text) == [("That is a rise of 150 or 15%", "holds", "1,150", "1,000")]


def test_figures_after_a_statement_in_its_sentence_and_a_base_named_after_its_period():
    assert pairs_of("Reported thefts have fallen by 12%, with 704 thefts this year against 800 last year.") == [
        ("Reported thefts have fallen by 12%", "holds", "704", "800")]
    assert pairs_of("The town recorded 200 fines in 2024 — a 20 per cent decrease from the previous year, "
                    "when there were 250.") == [("a 20 per cent decrease from the previous year", "holds", "200", "250")]


def test_a_sum_to_the_penny_is_exact():
    # 6.61 / 40 is 16.525%: 16 per cent is imprecise; read as rounded to the penny it would hold
    assert pairs_of("The parish raised its charge from £40.00 to £46.61, an increase of 16 per cent.") == [
        ("an increase of 16 per cent", "imprecise", "£46.61", "£40.00")]


def test_a_restated_change_a_subject_the_reader_cannot_place_and_a_dash_before_a_number():
    assert pairs_of("The fee will be £90, an increase of £30, or 50 per cent since 2019.") == [
        ("an increase of £30, or 50 per cent since 2019", "unverifiable", "£90", None)]
    assert pairs_of("The county, whose budget over ten years is set to rise by 40 per cent from £50 to £70, said.") == [
        ("whose budget over ten years is set to rise by 40 per cent from £50 to £70", "holds", "£70", "£50")]
    assert pairs_of("Calls went up by nine on the year—1,009 this year versus 1,000 last year.") == [
        ("Calls went up by nine on the year—1,009 this year versus 1,000 last year", "holds", "1,009", "1,000")]


# --------------------------------------------------------------------------
# sentences and Markdown
# --------------------------------------------------------------------------


def test_sentences_do_not_break_on_decimals_abbreviations_initials_or_quotes():
    text = ('Mr. Smith met Dr. J. K. Rowling in St. Ives. The rate rose 2.5 per cent in Jan. 2024 at No. 10 '
            'Downing St. on Monday. "It rose," he said. "Why?" She left! The U.S. rate fell.')
    assert [s.text for s in split_sentences(text)] == [
        "Mr. Smith met Dr. J. K. Rowling in St. Ives.",
        "The rate rose 2.5 per cent in Jan. 2024 at No. 10 Downing St. on Monday.",
        '"It rose," he said.',
        '"Why?"',
        "She left!",
        "The U.S. rate fell.",
    ]


def test_sentence_offsets_point_into_the_text():
    text = "A rose 5%.\n\nB fell\nby 3%.  C held."
    assert [(s.start, s.end, s.paragraph, text[s.start:s.end]) for s in split_sentences(text)] == [
        (0, 10, 0, "A rose 5%."), (12, 25, 1, "B fell\nby 3%."), (27, 34, 1, "C held."),
    ]


def test_markdown_markup_does_not_leak_into_the_text():
    article = read_article(str(DATA / "article.md"))
    assert article.kind == "markdown" and article.title == "Burglaries rise in the city"
    assert article.text == (
        "Burglaries rise in the city\n\nBy A. Reporter | The Gazette\n\n"
        "Police recorded 1,240 burglaries in March, a rise of 24 per cent on the 1,000 recorded a year earlier.\n\n\n\n"
        "Dr. J. K. Smith said the U.S. rate was 2.5 per cent in Jan. 2024.\ncode and emphasis stay as words.\n")


def test_markdown_reducer_forms():
    text, title = markdown_to_text("## Head ##\n> quoted **bold** and __strong__\n1. [a link](http://x \"t\") "
                                   "and [ref][1]\n\n[1]: http://y\n| a | b |\n|---|---|\n| 1 | 2 |\n***\n")
    assert title == "Head"
    assert text == "Head\nquoted bold and strong\na link and ref\n\n\na  b\n\n1  2\n\n"


def test_offsets_of_a_statement_and_its_numbers():
    article = read_article(str(DATA / "article.md"))
    scan = scan_file(str(DATA / "article.md"))
    (st,) = scan.statements
    assert article.text[st.start:st.end] == st.says
    a, b = st.pairing.a.mention, st.pairing.b.mention
    assert (article.text[a.start:a.end], article.text[b.start:b.end]) == ("1,240", "1,000")


# --------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------


def test_html_is_reduced_to_the_article_with_its_metadata():
    article = read_article(str(DATA / "article.html"))
    assert (article.title, article.publisher, article.url, article.date) == (
        "Burglaries rise in the city", "The Gazette", "https://example.org/news/burglaries", "2024-04-02")
    assert "Home" not in article.text and "Copyright" not in article.text
    assert article.text.startswith("Burglaries rise in the city\n\nPolice recorded 1,240 burglaries")


def test_html_without_trafilatura_names_the_extra(monkeypatch):
    import builtins

    real = builtins.__import__

    def no_trafilatura(name, *args, **kwargs):
        if name == "trafilatura":
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_trafilatura)
    with pytest.raises(ArticleError) as exc:
        read_article(str(DATA / "article.html"))
    assert exc.value.message == "reading HTML needs trafilatura, which is not installed"
    assert exc.value.hint == "install the extra: pip install 'factcheck[html]'"


# --------------------------------------------------------------------------
# the command
# --------------------------------------------------------------------------


def test_text_output_exact(monkeypatch):
    monkeypatch.chdir(DATA)
    result = run("scan", "pairs.txt")
    assert result.exit_code == 1  # a statement fails
    lines = result.stdout.splitlines()
    assert lines[:6] == [
        "pairs.txt  (4 statements)",
        '  holds         "a rise of 24 per cent on the 1,000 recorded a year earlier"  [43:101]',
        "      in: Police recorded 1,240 burglaries in March, a rise of 24 per cent on the 1,000 recorded a year earlier.",
        "      A = 1,240  (same sentence: 'Police recorded 1,240')",
        "      B = 1,000  (same clause: 'cent on the 1,000')",
        '      part "rise of 24%": (1240 - 1000) / 1000 x 100 = 24%; "rise of 24%" needs [23.5, 24.5]%: holds',
    ]
    assert lines[-1] == "4 statements: 2 holds, 0 imprecise, 1 fails, 1 unverifiable"


def test_json_output_follows_the_contract(monkeypatch):
    monkeypatch.chdir(DATA)
    result = run("scan", "seed_001.txt", "--format", "json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert list(doc) == ["version", "articles", "errors", "summary"]
    assert doc["summary"] == {"statements": 3, "holds": 1, "imprecise": 0, "fails": 0, "unverifiable": 2}
    (article,) = doc["articles"]
    assert [k for k in article][:5] == ["file", "title", "url", "date", "statements"]
    st = article["statements"][0]
    assert list(st)[:15] == ["says", "start", "end", "sentence", "a", "b", "verdict", "reading", "computed",
                             "accepted", "ambiguous", "strict_verdict", "explanation", "needed", "pairing"]
    text = read_article(str(DATA / "seed_001.txt")).text
    assert text[st["start"]:st["end"]] == st["says"] == "representing a 76% increase from 2023"
    assert {k: st["a"][k] for k in ("text", "value")} == {"text": "13,699", "value": "13699"}
    assert text[st["b"]["start"]:st["b"]["end"]] == "7,779"
    assert (st["verdict"], st["reading"], st["computed"], st["accepted"]) == ("holds", "percent change", "76.102",
                                                                          "[75.5, 76.5]")
    missing = article["statements"][1]
    assert missing["b"] is None and missing["needed"] == "B in (0, 3419)"


def test_standard_input(monkeypatch):
    result = run("scan", "-", "--format", "json", input="Robberies rose 30% to 650 from 600, the ministry said.\n")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert doc["articles"][0]["file"] == "-"
    assert doc["articles"][0]["statements"][0]["verdict"] == "fails"


def test_the_draft_is_a_claim_file_verify_reads(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    draft = tmp_path / "draft.yaml"
    result = run("scan", str(DATA / "seed_000.txt"), str(DATA / "seed_001.txt"), "--draft", str(draft))
    assert result.exit_code == 0, result.output
    text = draft.read_text(encoding="utf-8")
    assert "    value: null\n" in text and "  russian_citizens_2024:\n    value: 145\n" in text
    checked = run("verify", str(draft), "--format", "json")
    assert checked.exit_code == 0, checked.output
    doc = json.loads(checked.stdout)
    assert doc["errors"] == []
    assert [r["verdict"] for r in doc["results"]] == [v for *_, v, _, _, _ in
                                                     [(s, v, a, b, n) for s, v, a, b, n in SEED_000 + SEED_001]]
    assert doc["results"][0].get("source", True)
    # never over an existing file without --force
    again = run("scan", str(DATA / "seed_000.txt"), "--draft", str(draft))
    assert again.exit_code == 2 and "exists; use --force" in again.stderr
    assert draft.read_text(encoding="utf-8") == text
    assert run("scan", str(DATA / "seed_000.txt"), "--draft", str(draft), "--force").exit_code == 0


def test_bad_input_is_reported_and_the_rest_scanned(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG" * 10)
    (tmp_path / "big.txt").write_bytes(b"word " * (1024 * 1024 + 1))
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    (empty_dir / "notes.pdf").write_bytes(b"%PDF")
    result = run("scan", str(tmp_path / "empty.txt"), str(tmp_path / "binary.txt"), str(tmp_path / "big.txt"),
                 str(empty_dir), str(DATA / "no_body.html"), str(DATA / "german.txt"), str(DATA / "pairs.txt"),
                 str(tmp_path / "missing.txt"))
    assert result.exit_code == 3
    assert "Traceback" not in result.output
    errors = [line.replace(str(tmp_path), "TMP").replace(str(DATA), "DATA") for line in result.stderr.splitlines()]
    assert errors == [
        "factcheck: TMP/nothing: the folder has no readable article files (scan reads .txt, .md and .html files)",
        "factcheck: TMP/missing.txt: no such file or folder",
        "factcheck: TMP/empty.txt: the file is empty (give scan an article: plain text, Markdown or HTML)",
        "factcheck: TMP/binary.txt: the file is binary, not text (scan reads plain text, Markdown and HTML)",
        "factcheck: TMP/big.txt: the file is 5.0 MB; scan reads articles of up to 5 MB (split it, or scan only the article)",
        "factcheck: DATA/no_body.html: no article body found in the HTML (give scan the page of one article (or its text))",
        "factcheck: DATA/german.txt: the article does not look like English text (scan reads statements written in English)",
    ]
    assert "pairs.txt  (4 statements)" in result.stdout


def test_not_utf8_text_is_read_as_windows_1252():
    article = article_from_bytes("Prices rose 5% to £105 from £100, the office said.".encode("cp1252"), file="x.txt")
    assert "£105" in article.text


def test_jobs_give_the_same_output(tmp_path):
    for k in range(20):
        (tmp_path / f"a{k:02}.txt").write_text(f"Robberies rose {k}% to 650 from 600, the ministry said.\n")
    one = run("scan", str(tmp_path), "--jobs", "1", "--format", "json")
    four = run("scan", str(tmp_path), "--jobs", "4", "--format", "json")
    assert one.exit_code == four.exit_code == 1
    assert one.stdout == four.stdout
    assert json.loads(one.stdout)["summary"]["statements"] == 20


# --------------------------------------------------------------------------
# real passages (tests/scan_report.py): the figures do not fall
# --------------------------------------------------------------------------


def test_real_passages_do_not_fall_below_what_scan_reaches():
    import importlib.util

    spec = importlib.util.spec_from_file_location("scan_report", Path(__file__).with_name("scan_report.py"))
    report = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(report)
    m = report.measure()
    assert m["passages"] >= 48
    assert (m["checkable"], m["base_missing"]) == (46, 41)
    assert m["checkable_right"] >= 44  # 96%
    assert m["base_missing_reported"] >= 41  # 100%
    assert m["alarms_real"] == m["alarms"]  # no false alarm


def test_a_5000_word_article_is_scanned_well_under_a_second():
    import time

    text = "\n\n".join((DATA / "pairs.txt").read_text().split("\n\n")) + "\n\n"
    filler = ("The council said the review of recorded crime would be published in the summer, after officers "
              "had checked how each report was logged across the city and its districts. ")
    article = (text + filler * 10 + "\n\n") * 20
    assert len(article.split()) > 5000
    start = time.perf_counter()
    scan = scan_text(article)
    assert time.perf_counter() - start < 1.0
    assert len(scan.statements) == 80
