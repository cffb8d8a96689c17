"""The seed registry (claims/): every claim's verdict is pinned here, and every
quote taken from a seed text is checked against that text.

(a) ``EXPECTED`` pins the verdict of each seed claim. The engine's verdicts are
    compared with it, so an engine change that flips one is noticed; the
    ``expect:`` of each claim file must agree with it too.
(b) Every ``quote`` of a claim or figure whose source is a seed text must
    appear in that text (../shared/seeds beside the repository). The YAML is
    read with yaml.safe_load, independently of the engine.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CLAIMS = ROOT / "claims"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

#: claim file -> (the source id that stands for the seed text, the seed file's prefix)
SEED_SOURCES = {
    "treason.yaml": ("istories", "000_"),
    "military-courts.yaml": ("verstka_article", "001_"),
    "amnesty-2024.yaml": ("amnesty", "002_"),
}

#: claim id -> the verdict the registry records (semantics.md); see the YAML
#: comments beside each ``expect`` for the arithmetic.
EXPECTED = {
    # claims/treason.yaml (seed 000, IStories via The Moscow Times)
    "treason_nearly_fourfold": "holds",  # 145/39 = 3.718 in [3.6, 4)
    "treason_record": "unverifiable",  # gaps 2014, 2015, 2018, 2020, 2021
    "espionage_fold": "imprecise",  # 23/9 = 2.556, just outside [2.45, 2.55]
    "espionage_fold_kholod": "fails",  # 23/15 = 1.533
    "confidential_tenfold": "holds",  # 21/2 = 10.5 in [9.5, 10.5]
    "secrets_one_third": "unverifiable",  # 2023 unknown
    "rtvi_parts": "holds",  # 18 + 7 + 2 = 27 <= at least 28
    "espionage_counts_side_by_side": "fails",  # 23 < at least 28
    # claims/military-courts.yaml (seed 001, Verstka)
    "military_nearly_14000": "holds",  # 13,699 in [12,600, 14,000)
    "military_76_percent": "holds",  # 76.10% in [75.5, 76.5]
    "military_record_since_2010": "unverifiable",  # gaps 2011-2019, 2021
    "military_previous_high_2010": "unverifiable",  # same gaps
    "military_jailed_more_than_double": "holds",  # 6,838/3,021 = 2.263 > 2
    "drug_trafficking_up_from_560": "holds",  # 774 > 560
    "drug_trafficking_previous_peak": "unverifiable",  # 2016-2023 unknown
    "desertion_average_34_per_day": "unverifiable",  # 2024 total unknown
    "desertion_march_per_calendar_day": "fails",  # 684/31 = 22.06
    "desertion_march_per_working_day": "holds",  # 684/20 = 34.2
    # claims/amnesty-2024.yaml (seed 002, Amnesty International)
    "amnesty_treason_h1_over_threefold": "holds",  # 52/15 = 3.467 > 3
    "amnesty_espionage_h1_ninefold": "holds",  # 18/2 = 9 in [8.55, 9.45]
    "amnesty_espionage_h1_over_ninefold": "fails",  # 9 is not over 9
    "amnesty_prosecutions_growing": "holds",  # 70 > 17
    "amnesty_renewables_about_1_percent": "unverifiable",  # no base
    "amnesty_renewables_far_short": "holds",  # about 1% < 4.5%
    "amnesty_oil_gas_around_10_percent": "unverifiable",  # no base
    "amnesty_abortion_laws_15_regions": "holds",  # 1 + 14 = 15
    "amnesty_jw_imprisoned_of_sentenced": "holds",  # 43 <= 116
    "amnesty_jw_cases_vs_believers": "holds",  # 24 <= 34
    "amnesty_extremist_july_within_total": "holds",  # 55 <= more than 60
    "amnesty_kursk_housed_within_displaced": "holds",  # around 50,000 <= more than 150,000
}


def _load(name: str) -> dict:
    with open(CLAIMS / name, encoding="utf-8") as f:
        return yaml.safe_load(f)


# --------------------------------------------------------------------------
# (a) verdicts
# --------------------------------------------------------------------------


def test_expect_fields_match_the_pinned_table():
    recorded = {}
    for name in SEED_SOURCES:
        for cid, claim in _load(name)["claims"].items():
            recorded[cid] = claim.get("expect", "holds")
    assert recorded == EXPECTED


def test_engine_verdicts_match_the_pinned_table():
    from factcheck.verify import verify_paths

    run = verify_paths([CLAIMS])
    assert not run.problems, "\n".join(str(p) for p in run.problems)
    got = {r.claim.id: r.outcome.verdict for r in run.results}
    flipped = {
        cid: (EXPECTED.get(cid), got.get(cid))
        for cid in EXPECTED.keys() | got.keys()
        if EXPECTED.get(cid) != got.get(cid)
    }
    explanations = {r.claim.id: r.outcome.explanation for r in run.results if r.claim.id in flipped}
    assert not flipped, f"(expected, engine) per claim: {flipped}\n{explanations}"


# --------------------------------------------------------------------------
# (b) quotes
# --------------------------------------------------------------------------

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_SPACE = re.compile(r"\s+")


def _plain(text: str) -> str:
    """The text as a reader sees it. The seed files are extractions of web
    pages: an inline link is written ``[text](#)`` and a sentence is sometimes
    broken across a paragraph break. Quotes are written as published, so both
    are undone before comparing; every other character (curly quotes, dashes)
    must match exactly."""
    return _SPACE.sub(" ", _LINK.sub(r"\1", text)).strip()


def _seed_quotes():
    """(file, kind, id, quote) for every quote sourced to a seed text."""
    out = []
    for name, (seed_source, _prefix) in SEED_SOURCES.items():
        data = _load(name)
        for kind in ("figures", "claims"):
            for item_id, item in (data.get(kind) or {}).items():
                if not isinstance(item, dict) or not item.get("quote"):
                    continue
                # A claim without a source speaks for the seed text.
                if item.get("source", seed_source if kind == "claims" else None) == seed_source:
                    out.append((name, kind, item_id, item["quote"]))
    return out


def test_every_seed_file_has_quotes():
    names = {name for name, *_ in _seed_quotes()}
    assert names == set(SEED_SOURCES)


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed texts not present at {SEEDS}")
@pytest.mark.parametrize(
    "name, kind, item_id, quote",
    _seed_quotes(),
    ids=lambda v: v if isinstance(v, str) and len(v) < 60 and " " not in v else "",
)
def test_quote_is_verbatim_in_its_seed(name, kind, item_id, quote):
    prefix = SEED_SOURCES[name][1]
    seeds = sorted(SEEDS.glob(prefix + "*.txt"))
    assert len(seeds) == 1, f"expected one seed text {prefix}*.txt in {SEEDS}"
    text = _plain(seeds[0].read_text(encoding="utf-8"))
    assert _plain(quote) in text, f"{name}: {kind}.{item_id}.quote is not in {seeds[0].name}"
