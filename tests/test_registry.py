"""Claim files to a registry: good files load with exact numbers and their
positions; every broken file gives one problem at the exact line and column;
no input, however hostile, escapes as an exception."""

from __future__ import annotations

import gc
import time
from fractions import Fraction as F
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import yamltree
from factcheck.expressions import BinOp, Number, Ref
from factcheck.model import Settings
from factcheck.numbers import Interval, read_figure_value
from factcheck.periods import Period, parse_period
from factcheck.registry import MAX_FILE_BYTES, load_file, load_registry, load_text

DATA = Path(__file__).parent / "data"
GOOD = DATA / "good"
BROKEN = DATA / "broken"


def point(x: int | F) -> Interval:
    return Interval.point(F(x))


# --------------------------------------------------------------------------
# Broken files: one problem each, where it is
# --------------------------------------------------------------------------

#: file -> (line, column, part of the message, part of the hint or None)
BROKEN_CASES: dict[str, tuple[int | None, int | None, str, str | None]] = {
    # keys
    "unknown_top_key.yaml": (1, 1, "unknown key 'titel' in the file", "did you mean 'title'?"),
    "unknown_source_key.yaml": (4, 5, "unknown key 'publsher' in source 'istories'", "did you mean 'publisher'?"),
    "unknown_figure_key.yaml": (4, 5, "unknown key 'perod' in figure 'treason_2024'", "did you mean 'period'?"),
    "unknown_claim_key.yaml": (9, 5, "unknown key 'notes' in claim 'nearly_fourfold'", "did you mean 'note'?"),
    "duplicate_key.yaml": (9, 5, "duplicate key 'of' in claim 'nearly_fourfold'", "first written at line 7"),
    "duplicate_claim_id_in_file.yaml": (9, 3, "duplicate key 'fourfold' in claims", "first written at line 5"),
    "merge_key.yaml": (4, 5, "merge keys (<<) are not supported", "write the keys out"),
    "missing_claims.yaml": (1, 1, "the file has no 'claims'", "add a 'claims:' mapping"),
    "missing_says.yaml": (4, 3, "claim 'exact' has no 'says'", "add says:"),
    "missing_of.yaml": (2, 3, "claim 'exact' has no 'of'", "add of:"),
    # ids
    "bad_figure_id.yaml": (2, 3, "'Treason-2024' is not a valid figure id: ids are snake_case", "write treason_2024"),
    "bad_claim_id.yaml": (4, 3, "'2024 record' is not a valid claim id", "write _2024_record"),
    # types
    "says_is_number.yaml": (5, 11, "claim 'exact': says must be text, not a number", 'quote it: "145"'),
    "says_is_empty.yaml": (5, 11, "claim 'exact': says is empty", None),
    "figures_is_list.yaml": (2, 3, "figures must be a mapping of keys, not a list", None),
    "claim_is_text.yaml": (4, 10, "claim 'exact' must be a mapping of keys, not text", None),
    "tags_not_list.yaml": (1, 7, "tags must be a list, not a mapping", "write tags: [russia, courts]"),
    "value_is_bool.yaml": (3, 12, "figure 'a': value must be a number, not true/false", None),
    "vs_is_list.yaml": (8, 9, "claim 'fourfold': vs must be an expression", None),
    "figure_value_and_series.yaml": (4, 5, "figure 'a' has both value and series", "keep one"),
    "figure_without_value.yaml": (3, 5, "figure 'a' has neither value nor series", None),
    # numbers and periods
    "bad_number.yaml": (3, 12, "figure 'a': value: 'lots' is not a number", None),
    "range_backwards.yaml": (2, 10, "range '15-10%' runs backwards", None),
    "bad_period.yaml": (4, 13, "figure 'a': period: '2024-13': month 13 is not between 01 and 12", None),
    "bad_series_period.yaml": (5, 7, "figure 'quarterly': series period: '2024-Q5' is not a period", None),
    "series_duplicate_period.yaml": (3, 23, "figure 'a': duplicate period 2024 in the series", "first written at line 3"),
    "series_overlapping_periods.yaml": (3, 34, "figure 'a': the series period 2024-Q1 overlaps 2024 (line 3)",
                                        "the periods of a series must not overlap"),
    "bad_tolerance.yaml": (7, 22, "claim 'exact': hedge_tolerance must be at least 0 and less than 1", None),
    # references
    "dangling_figure.yaml": (7, 9, "claim 'fourfold': of: unknown figure 'tresaon_2024'", "did you mean 'treason_2024'?"),
    "dangling_figure_in_sum.yaml": (8, 26, "claim 'parts': of: unknown figure 'rtvi_rusian'", "did you mean 'rtvi_russian'?"),
    "series_missing_period.yaml": (8, 21, "claim 'rise': vs: series 'convictions' has no point for 2019",
                                   "it has 2010, 2022, 2023, 2024"),
    "series_in_arithmetic.yaml": (7, 9, "the whole series 'convictions' cannot be used in arithmetic",
                                  "name one point, such as convictions[2024]"),
    "period_on_single_figure.yaml": (6, 21, "'treason_2024' is a single figure, not a series", "write treason_2024"),
    "dangling_source.yaml": (9, 13, "claim 'fourfold' names source 'istoris', which is not among the sources",
                             "did you mean 'istories'?"),
    "dangling_figure_source.yaml": (7, 13, "figure 'a' names source 'istorie'", "did you mean 'istories'?"),
    # expressions and verdicts
    "bad_expression.yaml": (7, 9, "claim 'fourfold': of: '(' is never closed", "add a ')'"),
    "bad_expression_quoted.yaml": (7, 12, "unexpected character '%'", None),
    "invalid_expect.yaml": (9, 13, "expect must be one of holds, imprecise, fails, unverifiable, not 'fail'",
                            "did you mean 'fails'?"),
    # whole files
    "invalid_yaml.yaml": (3, 2, "invalid YAML", None),
    "empty.yaml": (1, 1, "the file is empty", None),
    "top_level_list.yaml": (1, 1, "the top level of a claim file must be a mapping", None),
    "multiple_documents.yaml": (2, 1, "more than one YAML document", None),
    "not_utf8.yaml": (4, 44, "the file is not UTF-8: byte 0xe9 at offset 84", "save it as UTF-8"),
    "control_character.yaml": (1, 12, "unacceptable character #x0007", None),
    "python_tag.yaml": (1, 8, "YAML tag !!python/object/apply:os.system is not allowed", "remove the tag"),
    "custom_tag.yaml": (2, 6, "YAML tag !secret is not allowed", None),
    "billion_laughs.yaml": (5, 8, "aliases expand to more than 10000 values", "alias bomb"),
    "too_many_aliases.yaml": (103, 9, "more than 100 aliases", None),
    "undefined_alias.yaml": (2, 6, "alias *missing names no anchor", None),
    "deep_nesting.yaml": (1, 107, "nesting deeper than 100 levels", None),
}


def test_every_broken_file_has_a_case() -> None:
    assert sorted(p.name for p in BROKEN.iterdir()) == sorted(BROKEN_CASES)


@pytest.mark.parametrize("name", sorted(BROKEN_CASES))
def test_broken_file_gives_one_problem_where_it_is(name: str) -> None:
    line, column, message, hint = BROKEN_CASES[name]
    path = BROKEN / name
    topic, problems = load_file(path)
    assert len(problems) == 1, problems
    (problem,) = problems
    assert (problem.line, problem.column) == (line, column)
    assert message in problem.message
    if hint is not None:
        assert problem.hint is not None and hint in problem.hint
    assert problem.file == str(path)


def test_without_libyaml_the_same_problems_are_found(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamltree, "_LOADER", yaml.SafeLoader)
    for name, (line, column, message, _) in BROKEN_CASES.items():
        _, problems = load_file(BROKEN / name)
        assert [(p.line, p.column) for p in problems] == [(line, column)], name
        assert message in problems[0].message
    assert load_file(GOOD / "treason.yaml")[1] == []


def test_broken_files_load_quickly() -> None:
    start = time.perf_counter()
    for path in BROKEN.iterdir():
        load_file(path)
    assert time.perf_counter() - start < 1.0


def test_the_valid_claims_of_a_broken_file_are_kept() -> None:
    text = """\
figures:
  a: 145
  b: 39
  bad: lots
claims:
  good:
    says: nearly four times higher
    of: a
    vs: b
  typo:
    says: nearly four times higher
    of: a
    vs: bb
  over_bad_figure:
    says: about 145
    of: bad
"""
    topic, problems = load_text(text, file="mixed.yaml")
    assert topic is not None
    assert [c.id for c in topic.claims] == ["good"]
    # the bad figure is reported once; the claim over it is not reported again
    assert [(p.line, p.column) for p in problems] == [(4, 8), (13, 9)]
    assert set(topic.figures) == {"a", "b"}


# --------------------------------------------------------------------------
# Good files
# --------------------------------------------------------------------------


def test_the_spec_example_loads() -> None:
    topic, problems = load_file(GOOD / "treason.yaml")
    assert problems == []
    assert topic is not None
    assert topic.name == "treason"  # the file stem
    assert topic.title == "Treason, espionage and state-secrets convictions in Russia, 2024"
    assert list(topic.sources) == ["istories", "judicial_dept_2023"]
    assert topic.sources["istories"].date == "2025-04-16"  # as written, not a date object
    assert topic.sources["istories"].line == 5

    figs = topic.figures
    assert figs["treason_2024"].value == point(145)
    assert figs["treason_2024"].period == Period(2024)
    assert figs["treason_2024"].source == "istories"
    assert (figs["treason_2024"].line, figs["treason_2024"].column) == (16, 3)
    assert figs["secrets_2024"].value == Interval(F(209), None)
    assert figs["secrets_2024"].text == "at least 209"
    assert figs["secrets_2023"].value is None and not figs["secrets_2023"].known
    assert figs["convictions"].series == (
        (Period(2010), point(8632)), (Period(2022), point(4191)),
        (Period(2023), point(7779)), (Period(2024), point(13699)),
    )
    assert figs["espionage_2024"].value == point(23)
    assert figs["rtvi_espionage_2024"].value == Interval(F(28), None)

    claims = {c.id: c for c in topic.claims}
    assert list(claims) == ["treason_nearly_fourfold", "military_record", "rtvi_parts", "espionage_fold"]
    c = claims["treason_nearly_fourfold"]
    assert (c.line, c.column, c.topic, c.file) == (42, 3, "treason", str(GOOD / "treason.yaml"))
    assert c.says == "nearly four times higher"
    assert (c.of, c.vs) == (Ref("treason_2024"), Ref("treason_2023"))
    assert (c.of_text, c.vs_text) == ("treason_2024", "treason_2023")
    assert c.expect == "holds" and c.source == "istories"
    assert c.quote == "That figure is nearly four times higher than the number of convictions in 2023."
    assert c.mark("says") == (45, 11)
    assert c.mark("of") == (46, 9)
    assert c.mark("expect") == (42, 3)  # not written: the claim's own place
    assert claims["military_record"].of == Ref("convictions", Period(2024))
    assert claims["military_record"].vs == Ref("convictions")
    assert claims["military_record"].expect == "unverifiable"
    assert str(claims["rtvi_parts"].of) == "rtvi_ukrainian + rtvi_russian + rtvi_american"
    assert claims["espionage_fold"].expect == "imprecise"


def test_numbers_are_exact_fractions_of_their_text() -> None:
    topic, problems = load_file(GOOD / "exact.yaml")
    assert problems == []
    assert topic is not None
    figs = topic.figures
    assert figs["tenth"].value == point(F(1, 10))  # a YAML 0.1, not 0.1000000000000000055...
    assert figs["tenth"].text == "0.1"
    assert figs["share_2024"].value == point(76) and figs["share_2024"].percent
    assert figs["share_2023"].value == point(F(11, 2)) and figs["share_2023"].percent  # unit: percent
    assert figs["band"].value == Interval(F(10), F(15)) and figs["band"].percent
    assert figs["big"].value == Interval(F(12600), F(14000), True, False)
    assert figs["deaths_2024_03"].value == point(1024)
    assert figs["deaths_2024_03"].period == parse_period("2024-03")
    assert figs["deaths_2024_03"].quote == "1,024 people died in March"
    assert figs["unknown"].value is None
    # a series is sorted by period; points may be unknown or hedged
    assert figs["sales"].series == (
        (parse_period("2024-Q1"), point(F(3, 2))),
        (parse_period("2024-Q2"), Interval(F(3, 2), F(5, 2))),
        (parse_period("2024-Q3"), None),
        (parse_period("2024-Q4"), Interval(F(3), None)),
    )
    assert figs["sales"].what == "units sold"


@settings(max_examples=200, deadline=None)
@given(st.from_regex(r"[0-9]{1,30}(\.[0-9]{1,30})?", fullmatch=True))
def test_plain_numbers_read_as_read_figure_value_reads_them(text: str) -> None:
    topic, problems = load_text(f"figures:\n  a: {text}\nclaims: {{}}\n", file="n.yaml")
    assert problems == [] and topic is not None
    assert topic.figures["a"].value == read_figure_value(text)[0]


def test_topic_tags_and_claim_details() -> None:
    topic, _ = load_file(GOOD / "exact.yaml")
    assert topic is not None
    assert topic.name == "exact_numbers"  # topic: overrides the file stem
    assert topic.tags == ("tests", "numbers")
    claims = {c.id: c for c in topic.claims}
    assert claims["share_rise"].of == BinOp("-", Ref("share_2024"), Ref("share_2023"))
    assert claims["share_rise"].vs == Number(F(0))
    assert claims["share_rise"].note == "checked against the original table"  # through an alias
    assert claims["share_rise"].mark("note") == (46, 11)  # where the alias is, not the anchor
    assert claims["quoted_expression"].of_text == "tenth * 100 / 100"
    assert claims["number_expression"].of == Number(F(145))
    assert claims["number_expression"].says == "145"
    assert claims["value_only"].vs is None and claims["value_only"].vs_text is None
    over = claims["overrides"]
    assert over.settings == Settings(hedge_tolerance=F(1, 5), word_tolerance=F(1, 100))
    assert over.expect == "fails"
    assert claims["share_rise"].settings == Settings()


def test_claim_settings_start_from_the_registry_settings() -> None:
    base = Settings(hedge_tolerance=F(3, 10), word_tolerance=F(1, 10))
    topic, _ = load_file(GOOD / "exact.yaml", settings=base)
    assert topic is not None
    claims = {c.id: c for c in topic.claims}
    assert claims["share_rise"].settings == base
    assert claims["overrides"].settings == Settings(hedge_tolerance=F(1, 5), word_tolerance=F(1, 100))
    # hedged figure values use the registry's hedge tolerance
    assert topic.figures["big"].value == Interval(F(9800), F(14000), True, False)


def test_the_same_expression_text_parses_once_per_claim_alike() -> None:
    text = "figures: {a: 1, b: 2}\nclaims:\n" + "".join(
        f"  c{i}:\n    says: more than\n    of: a\n    vs: a + b\n" for i in range(3)
    )
    topic, problems = load_text(text, file="t.yaml")
    assert problems == [] and topic is not None
    assert {c.vs for c in topic.claims} == {BinOp("+", Ref("a"), Ref("b"))}


# --------------------------------------------------------------------------
# Registries: folders, files, ids across files
# --------------------------------------------------------------------------


def test_a_folder_means_every_yaml_file_under_it_in_sorted_order() -> None:
    registry = load_registry([GOOD])
    assert registry.problems == ()
    assert [t.name for t in registry.topics] == ["exact_numbers", "small", "treason"]
    assert registry.topics[1].file == str(GOOD / "nested" / "small.yml")


def test_a_path_given_twice_is_read_once() -> None:
    registry = load_registry([GOOD / "treason.yaml", GOOD, str(GOOD / "treason.yaml")])
    assert registry.problems == ()
    assert [t.name for t in registry.topics] == ["treason", "exact_numbers", "small"]


def test_a_missing_path_is_a_problem_with_a_suggestion(tmp_path: Path) -> None:
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "a.yaml").write_text("claims: {}\n")
    registry = load_registry([tmp_path / "claim", tmp_path / "claims"])
    (problem,) = registry.problems
    assert problem.file == str(tmp_path / "claim")
    assert problem.message == "no such file or folder"
    assert problem.hint == f"did you mean {tmp_path / 'claims'}?"
    assert [t.name for t in registry.topics] == ["a"]


def test_an_empty_folder_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.yaml").write_text("claims: {}\n")
    registry = load_registry([tmp_path])
    (problem,) = registry.problems
    assert "no claim files" in problem.message


def test_a_claim_id_used_twice_across_the_registry(tmp_path: Path) -> None:
    claim = "figures: {a: 1}\nclaims:\n  same_id:\n    says: about 1\n    of: a\n"
    (tmp_path / "a.yaml").write_text(claim)
    (tmp_path / "b.yaml").write_text("title: second\n" + claim)
    registry = load_registry([tmp_path])
    (problem,) = registry.problems
    assert (problem.file, problem.line, problem.column) == (str(tmp_path / "b.yaml"), 4, 3)
    assert problem.message == "claim id 'same_id' is already used"
    assert problem.hint is not None and f"first defined at {tmp_path / 'a.yaml'}:3" in problem.hint
    assert [len(t.claims) for t in registry.topics] == [1, 0]


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with open(big, "wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing is written or read
    start = time.perf_counter()
    topic, problems = load_file(big)
    assert time.perf_counter() - start < 0.5
    assert topic is None
    (problem,) = problems
    assert "refused over 5 MB" in problem.message
    topic, problems = load_text("#" * (MAX_FILE_BYTES + 1), file="big.yaml")
    assert topic is None and "refused over 5 MB" in problems[0].message


def test_an_unreadable_path_is_a_problem(tmp_path: Path) -> None:
    topic, problems = load_file(tmp_path)  # a folder given as a file
    assert topic is None and problems[0].message.startswith("cannot read the file")


def test_loading_leaves_the_garbage_collector_as_it_was() -> None:
    assert gc.isenabled()
    load_registry([GOOD])
    assert gc.isenabled()
    gc.disable()
    try:
        load_registry([GOOD])
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_big_registry_loads_in_seconds(tmp_path: Path) -> None:
    n = 20_000
    lines = ["figures:"] + [f"  f{i}: {i + 1}" for i in range(n)] + ["claims:"]
    for i in range(n):
        lines += [f"  c{i}:", "    says: nearly four times higher", f"    of: f{i} + f{(i + 1) % n}", f"    vs: f{i}"]
    (tmp_path / "big.yaml").write_text("\n".join(lines) + "\n")
    start = time.perf_counter()
    registry = load_registry([tmp_path])
    elapsed = time.perf_counter() - start
    assert registry.problems == ()
    assert len(registry.topics[0].claims) == n
    assert elapsed < 5, f"{n} claims took {elapsed:.1f} s"


# --------------------------------------------------------------------------
# Hostile input: problems, never exceptions
# --------------------------------------------------------------------------

HOSTILE = [
    "",
    "\ufeff",
    "\ufeffclaims: {}\n",
    "null",
    "42",
    "[",
    "{",
    "]",
    "- - -",
    "? [a, b]\n: c\nclaims: {}",
    "claims: {? [a]: b}",
    "claims:\n  x: !!binary aGVsbG8=\n",
    "claims:\n  x: !!set {a, b}\n",
    "claims: !!python/name:os.system\n",
    "claims: !!python/object/new:os.system [ls]\n",
    "claims: &a [*a]\n",
    "claims:\n  x:\n    says: !!str 145\n    of: !!int a\n",
    "claims:\n  x:\n    says: more\n    of: |\n      a +\n",
    "claims:\n  x:\n    says: more\n    of: ((((((((((((((((((((((((((((((((((((((((((((((((((((a\n",
    "figures:\n  a:\n    series: {2024: {2025: 1}}\nclaims: {}\n",
    "figures:\n  a:\n    series: [1, 2]\nclaims: {}\n",
    "figures:\n  a: [1]\nclaims: {}\n",
    "figures:\n  a: 1" + "0" * 5000 + "\nclaims: {}\n",
    "figures:\n  a: at least " + "9" * 5000 + "\nclaims: {}\n",
    "figures: {a: 1e400}\nclaims: {}\n",
    "figures: {a: .nan}\nclaims: {}\n",
    "figures: {a: 0x1F}\nclaims: {}\n",
    "figures: {a: 1_000}\nclaims: {}\n",
    "figures: {a: 190:20:30}\nclaims: {}\n",
    "claims: {x: {says: y, of: a, expect: [holds]}}\n",
    "claims: {x: {says: y, of: 'a' , hedge_tolerance: nan}}\n",
    "claims: {x: {says: y, of: '\ud800'}}\n",
    "title: \ud800\nclaims: {}\n",
    "tags: [[a]]\nclaims: {}\n",
    "topic: ''\nclaims: {}\n",
    "topic: [a]\nclaims: {}\n",
    "sources: {s: null}\nclaims: {}\n",
    "sources: [a]\nclaims: {}\n",
    "claims: {x: {says: y, of: a, source: [s]}}\n",
    "\x00\x01\x02",
    "a: b\n" * 2000 + "claims: {}\n",
    "[" * 100_000,
    "{a: " * 100_000,
    "- " * 100_000,
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_gives_problems_not_exceptions(text: str) -> None:
    start = time.perf_counter()
    topic, problems = load_text(text, file="hostile.yaml")
    assert time.perf_counter() - start < 1.0
    assert topic is not None or problems
    for p in problems:
        assert p.file == "hostile.yaml" and p.message
        assert not p.message.startswith("cannot read the file: "), p  # an unforeseen exception


def test_load_text_of_not_text_is_a_problem() -> None:
    topic, problems = load_text(b"claims: {}", file="bytes.yaml")  # type: ignore[arg-type]
    assert topic is None and problems


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_loads_or_gives_problems(text: str) -> None:
    topic, problems = load_text(text, file="any.yaml")
    assert topic is not None or problems
    assert all(not p.message.startswith("cannot read the file: ") for p in problems)


_yamlish = st.text(alphabet="abcs_:{}[],-'\"&*!|> \n0123456789.%", max_size=200)


@settings(max_examples=500, deadline=None)
@given(_yamlish)
def test_yaml_like_text_loads_or_gives_problems(text: str) -> None:
    topic, problems = load_text("claims:\n  x:\n    says: more\n    of: " + text, file="any.yaml")
    assert topic is not None or problems
    assert all(not p.message.startswith("cannot read the file: ") for p in problems)


# ---- what ClaimReview publishes: source url and date, claim_reviewed, publish


@pytest.mark.parametrize(("value", "key", "message", "hint"), [
    ("javascript:alert(1)", "url", "source 's': url 'javascript:alert(1)' is not an http(s) address",
     "write the full address, such as https://example.org/article"),
    ("example.org/a", "url", "source 's': url 'example.org/a' is not an http(s) address", None),
    ("https://", "url", "source 's': url 'https://' is not an http(s) address", None),
    ("2024-02-30", "date", "source 's': date '2024-02-30' is not a date",
     "write an ISO date: 2024-04-16, or 2024-04 or 2024 when the day or month is not known"),
    ("16 April 2024", "date", "source 's': date '16 April 2024' is not a date", None),
    ("2024-13", "date", "source 's': date '2024-13' is not a date", None),
])
def test_source_url_and_date_are_checked_where_they_are_written(value, key, message, hint) -> None:
    text = f"sources:\n  s:\n    title: t\n    {key}: '{value}'\nfigures: {{a: {{value: 1, source: s}}}}\nclaims: {{}}\n"
    topic, problems = load_text(text, file="claims/x.yaml")
    (problem,) = problems
    assert (problem.line, problem.column, problem.message) == (4, 10 if key == "url" else 11, message)
    if hint is not None:
        assert problem.hint == hint


@pytest.mark.parametrize(("url", "date"), [
    ("https://example.org/a?b=1#c", "2024-04-16"), ("http://example.org", "2024-04"), ("HTTPS://x.org/", "2024"),
])
def test_good_source_url_and_date_load(url, date) -> None:
    topic, problems = load_text(f"sources: {{s: {{url: '{url}', date: {date}}}}}\nclaims: {{}}\n", file="x.yaml")
    assert problems == []
    assert (topic.sources["s"].url, topic.sources["s"].date) == (url, date)


def test_claim_reviewed_and_publish_are_read() -> None:
    topic, problems = load_text(
        "figures: {a: 2, b: 1}\nclaims:\n  x: {says: doubled, of: a, vs: b, claim_reviewed: A doubled, publish: false}\n"
        "  y: {says: doubled, of: a, vs: b}\n", file="x.yaml")
    assert problems == []
    x, y = topic.claims
    assert (x.claim_reviewed, x.publish, y.claim_reviewed, y.publish) == ("A doubled", False, None, True)


@pytest.mark.parametrize(("entry", "where", "message"), [
    ("publish: maybe", (3, 45), "claim 'x': publish must be true or false, not text 'maybe'"),
    ("claim_reviewed: ''", (3, 52), "claim 'x': claim_reviewed is empty"),
])
def test_bad_publishing_keys_are_refused(entry, where, message) -> None:
    _, problems = load_text(f"figures: {{a: 2, b: 1}}\nclaims:\n  x: {{says: doubled, of: a, vs: b, {entry}}}\n",
                            file="x.yaml")
    assert [((p.line, p.column), p.message) for p in problems] == [(where, message)]
