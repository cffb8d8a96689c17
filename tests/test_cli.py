"""The command line, as a user types it: exit codes, parsed JSON, the text of
``show``, and no traceback ever.  Claim files are written to a temporary
folder that is also the working directory, so paths in the output are the
ones given on the command line."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck import __version__
from factcheck.cli import ExitCode, app

TREASON = """\
title: Treason convictions in Russia, 2024

sources:
  istories:
    title: Russia's Treason Convictions Hit Post-Soviet Record in 2024
    publisher: The Moscow Times, citing IStories
    url: https://example.org/treason
    date: 2025-04-16

figures:
  treason_2024:
    value: 145
    what: Russian citizens convicted of treason
    period: 2024
    source: istories
  treason_2023: 39
  espionage_2024: 23
  espionage_2023: 9
  convictions:
    series: {2010: 8632, 2022: 4191, 2023: 7779, 2024: 13699}
    what: service members convicted by garrison military courts

claims:
  treason_nearly_fourfold:
    source: istories
    quote: That figure is nearly four times higher than the number of convictions in 2023.
    says: nearly four times higher
    of: treason_2024
    vs: treason_2023
  espionage_fold:
    says: a 2.5-fold increase
    of: espionage_2024
    vs: espionage_2023
    expect: imprecise
  military_record:
    says: the highest since at least 2010
    of: convictions[2024]
    vs: convictions
    expect: unverifiable
"""

WRONG = """\
figures:
  espionage_2024: 23
  espionage_2023: 9
claims:
  espionage_doubled:
    says: doubled
    of: espionage_2024
    vs: espionage_2023
"""

BROKEN = """\
figures:
  a: 1
claims:
  bad_claim:
    sayz: doubled
    of: a
"""


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "treason.yaml").write_text(TREASON, encoding="utf-8")
    return tmp_path


def write(path: Path, text: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return str(path.relative_to(Path.cwd()))


def factcheck(*args: str, **env: str):
    """Run ``factcheck ARGS`` with a fixed width and no colour."""
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "100", "NO_COLOR": "1", **env},
                                catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


def line_of(text: str, key: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.strip() == f"{key}:")


# --------------------------------------------------------------------------
# the exit codes are pinned: CI scripts depend on them
# --------------------------------------------------------------------------


def test_exit_codes_are_pinned():
    assert {c.name: int(c) for c in ExitCode} == {"OK": 0, "UNEXPECTED": 1, "USAGE": 2, "INVALID": 3,
                                                  "INTERRUPTED": 130, "BROKEN_PIPE": 141}


def test_version():
    result = factcheck("--version")
    assert result.exit_code == 0
    assert result.stdout == f"factcheck {__version__}\n"


def test_no_command_shows_help():
    result = factcheck()
    assert result.exit_code in (0, 2)
    assert "verify" in result.output and "check" in result.output


# --------------------------------------------------------------------------
# verify
# --------------------------------------------------------------------------


def test_verify_json_every_verdict_as_expected(workdir):
    # $ factcheck verify claims/treason.yaml --format json  -> 0
    result = factcheck("verify", "claims/treason.yaml", "--format", "json")
    assert result.exit_code == ExitCode.OK, result.output
    doc = json.loads(result.stdout)
    assert doc["version"] == 1
    by_claim = {r["claim"]: r for r in doc["results"]}
    assert list(by_claim) == ["treason_nearly_fourfold", "espionage_fold", "military_record"]
    fourfold = by_claim["treason_nearly_fourfold"]
    assert fourfold["topic"] == "treason"
    assert fourfold["file"] == "claims/treason.yaml"
    assert fourfold["line"] == line_of(TREASON, "treason_nearly_fourfold")
    assert fourfold["says"] == "nearly four times higher"
    assert (fourfold["verdict"], fourfold["expected"], fourfold["ok"]) == ("holds", "holds", True)
    assert (fourfold["reading"], fourfold["computed"], fourfold["accepted"]) == ("ratio", "3.718", "[3.6, 4)")
    assert (fourfold["ambiguous"], fourfold["strict_verdict"]) == (True, "fails")
    assert "145 / 39 = 3.718" in fourfold["explanation"]
    assert by_claim["espionage_fold"]["verdict"] == "imprecise"
    assert by_claim["military_record"]["verdict"] == "unverifiable"
    assert all(r["ok"] for r in doc["results"])
    assert doc["errors"] == []
    assert doc["summary"] == {"claims": 3, "holds": 1, "imprecise": 1, "fails": 0, "unverifiable": 1,
                              "unexpected": 0, "errors": 0}


def test_verify_json_is_byte_identical(workdir):
    write(workdir / "claims" / "wrong.yaml", WRONG)
    first = factcheck("verify", "--format", "json").stdout
    assert first == factcheck("verify", "--format", "json").stdout


def test_verify_defaults_to_claims_folder(workdir):
    # $ factcheck verify  -> 0, text
    result = factcheck("verify")
    assert result.exit_code == ExitCode.OK, result.output
    assert "treason_nearly_fourfold" in result.stdout
    assert result.stdout.splitlines()[-1] == (
        "3 claims: 1 holds, 1 imprecise, 0 fails, 1 unverifiable; 0 unexpected; 0 errors")


def test_verify_registry_setting_names_the_default_folder(workdir):
    write(workdir / "pyproject.toml", '[tool.factcheck]\nregistry = "data"\n')
    write(workdir / "data" / "wrong.yaml", WRONG)
    result = factcheck("verify", "--format", "json")
    assert [r["claim"] for r in json.loads(result.stdout)["results"]] == ["espionage_doubled"]


def test_verify_registry_setting_is_found_from_a_subfolder(workdir, monkeypatch):
    write(workdir / "pyproject.toml", '[tool.factcheck]\nregistry = "data"\n')
    write(workdir / "data" / "wrong.yaml", WRONG)
    (workdir / "sub").mkdir()
    monkeypatch.chdir(workdir / "sub")
    doc = json.loads(factcheck("verify", "--format", "json").stdout)
    assert [r["file"] for r in doc["results"]] == ["../data/wrong.yaml"]


NEARLY = """\
figures:
  a: 130
  b: 39
claims:
  nearly_fourfold:
    says: nearly four times higher
    of: a
    vs: b
"""


def test_verify_uses_the_tolerances_of_the_settings(workdir):
    path = write(workdir / "claims" / "nearly.yaml", NEARLY)
    assert factcheck("verify", path).exit_code == ExitCode.UNEXPECTED  # 3.33 is not in [3.6, 4)
    write(workdir / "factcheck.toml", "hedge_tolerance = 0.2\n")
    assert factcheck("verify", path).exit_code == ExitCode.OK  # [3.2, 4)


def test_verify_invalid_settings_exit_3(workdir):
    write(workdir / "pyproject.toml", "[tool.factcheck]\nhedge_tolerence = 0.2\n")
    result = factcheck("verify")
    assert result.exit_code == ExitCode.INVALID
    assert "pyproject.toml:2: unknown setting 'hedge_tolerence' (did you mean 'hedge_tolerance'?)" in result.stderr


def test_verify_unexpected_verdict_exits_1(workdir):
    # $ factcheck verify claims/wrong.yaml  -> 1
    path = write(workdir / "claims" / "wrong.yaml", WRONG)
    result = factcheck("verify", path)
    assert result.exit_code == ExitCode.UNEXPECTED
    assert "✗ fails" in result.stdout
    assert "espionage_doubled" in result.stdout
    assert "expected holds" in result.stdout


def test_verify_quiet_shows_only_problems(workdir):
    write(workdir / "claims" / "wrong.yaml", WRONG)
    result = factcheck("verify", "--quiet")
    assert result.exit_code == ExitCode.UNEXPECTED
    assert "treason_nearly_fourfold" not in result.stdout
    assert result.stdout.startswith("✗ fails")
    assert result.stdout.splitlines()[-1] == (
        "4 claims: 1 holds, 1 imprecise, 1 fails, 1 unverifiable; 1 unexpected; 0 errors")
    # --quiet lists fewer results but always prints the summary (its help says so)
    assert factcheck("verify", "-q", "claims/treason.yaml").stdout == (
        "3 claims: 1 holds, 1 imprecise, 0 fails, 1 unverifiable; 0 unexpected; 0 errors\n")


def test_verify_invalid_file_exits_3_and_still_checks_the_others(workdir):
    # $ factcheck verify --format json  -> 3
    write(workdir / "claims" / "broken.yaml", BROKEN)
    result = factcheck("verify", "--format", "json")
    assert result.exit_code == ExitCode.INVALID
    doc = json.loads(result.stdout)
    assert {r["claim"] for r in doc["results"]} >= {"treason_nearly_fourfold", "espionage_fold"}
    assert {e["file"] for e in doc["errors"]} == {"claims/broken.yaml"}
    (error,) = [e for e in doc["errors"] if "sayz" in e["message"]]
    assert (error["line"], error["column"], error["hint"]) == (5, 5, "did you mean 'says'?")
    assert list(error) == ["file", "line", "column", "message", "hint"]
    assert doc["summary"]["errors"] == len(doc["errors"])


def test_verify_invalid_beats_unexpected(workdir):
    write(workdir / "claims" / "broken.yaml", BROKEN)
    write(workdir / "claims" / "wrong.yaml", WRONG)
    assert factcheck("verify").exit_code == ExitCode.INVALID


def test_verify_text_errors_go_to_stderr_with_their_place(workdir):
    write(workdir / "claims" / "broken.yaml", BROKEN)
    result = factcheck("verify")
    assert result.exit_code == ExitCode.INVALID
    assert result.stderr.startswith("claims/broken.yaml:5:")
    assert "claims/broken.yaml" not in result.stdout


def test_verify_missing_path_exits_3(workdir):
    result = factcheck("verify", "nowhere.yaml")
    assert result.exit_code == ExitCode.INVALID
    assert "nowhere.yaml" in result.output


def test_verify_github_format_is_the_default_under_github_actions(workdir):
    write(workdir / "claims" / "wrong.yaml", WRONG)
    result = factcheck("verify", GITHUB_ACTIONS="true")
    assert result.exit_code == ExitCode.UNEXPECTED
    (annotation,) = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert annotation.startswith(
        f"::error file=claims/wrong.yaml,line={line_of(WRONG, 'espionage_doubled')},col=")
    assert ",title=factcheck (fails)::espionage_doubled: fails, expected holds: " in annotation
    assert factcheck("verify", "--format", "text", GITHUB_ACTIONS="true").stdout.startswith("✓")


def test_verify_junit(workdir):
    import xml.etree.ElementTree as ET

    write(workdir / "claims" / "broken.yaml", BROKEN)
    result = factcheck("verify", "--format", "junit")
    assert result.exit_code == ExitCode.INVALID
    root = ET.fromstring(result.stdout.split("\n", 1)[1])
    names = [(c.get("classname"), c.get("name")) for c in root.iter("testcase")]
    assert ("treason", "treason_nearly_fourfold") in names
    assert root.find(".//error") is not None


def test_verify_unknown_format_is_a_usage_error(workdir):
    result = factcheck("verify", "--format", "xml")
    assert result.exit_code == ExitCode.USAGE
    assert "xml" in result.stderr


def test_verify_unexpected_exception_is_one_line_and_exit_3(workdir, monkeypatch):
    import factcheck.verify as engine

    def boom(*args, **kwargs):
        raise RuntimeError("the engine broke")

    monkeypatch.setattr(engine, "iter_checked", boom)
    result = factcheck("verify")
    assert result.exit_code == ExitCode.INVALID
    assert result.stderr == "factcheck: internal error: RuntimeError: the engine broke (please report this)\n"


# --------------------------------------------------------------------------
# check
# --------------------------------------------------------------------------


def test_check_holds_exits_0():
    # $ factcheck check doubled 41 20  -> 0
    result = factcheck("check", "doubled", "41", "20")
    assert result.exit_code == ExitCode.OK, result.output
    assert result.stdout.startswith('✓ holds  "doubled"')


def test_check_json_is_a_result_without_claim_file_line():
    # $ factcheck check "2.5-fold increase" 23 9 --format json  -> 1
    result = factcheck("check", "2.5-fold increase", "23", "9", "--format", "json")
    assert result.exit_code == ExitCode.UNEXPECTED
    doc = json.loads(result.stdout)
    assert list(doc) == ["topic", "says", "verdict", "expected", "ok", "reading", "computed", "accepted",
                         "ambiguous", "strict_verdict", "explanation", "notes", "needed", "parts"]
    assert [part["role"] for part in doc["parts"]][0] == "statement"
    assert list(doc["parts"][0]) == ["text", "reading", "role", "verdict", "computed", "accepted", "explanation"]
    assert (doc["says"], doc["verdict"], doc["ok"], doc["reading"]) == (
        "2.5-fold increase", "imprecise", False, "ratio")
    assert doc["computed"] == "2.556"


def _two_parts(monkeypatch):
    """``check`` as the engine answers a statement with a restatement
    (semantics section 9): its own reading holds, "(24%)" fails."""
    import factcheck.verify as engine
    from factcheck.model import Outcome, PartOutcome

    own = PartOutcome("nearly a quarter", "share", "holds", "21%", "[20, 25)%",
                      '21 / 100 x 100 = 21%; "nearly a quarter" needs [20, 25)%: holds')
    restated = PartOutcome("(24%)", "share", "fails", "21%", "[23.5, 24.5]%",
                           '21 / 100 x 100 = 21%; "(24%)" needs [23.5, 24.5]%: fails', "restatement")
    outcome = Outcome("fails", "share", "21%", "[20, 25)%", own.explanation, parts=(own, restated))
    monkeypatch.setattr(engine, "check_statement", lambda *args, **kwargs: outcome)


def test_check_text_with_several_parts_shows_each(monkeypatch):
    # $ factcheck check "nearly a quarter (24%)" 21 100  -> 1
    _two_parts(monkeypatch)
    result = factcheck("check", "nearly a quarter (24%)", "21", "100")
    assert result.exit_code == ExitCode.UNEXPECTED
    assert result.stdout == (
        '✗ fails  "nearly a quarter (24%)"\n'
        '    part "nearly a quarter": 21 / 100 x 100 = 21%; "nearly a quarter" needs [20, 25)%: holds\n'
        "      role: statement; reading: share; computed: 21%; accepted: [20, 25)%\n"
        '    part "(24%)": 21 / 100 x 100 = 21%; "(24%)" needs [23.5, 24.5]%: fails\n'
        "      role: restatement; reading: share; computed: 21%; accepted: [23.5, 24.5]%\n"
    )


def test_check_json_with_several_parts_lists_each(monkeypatch):
    _two_parts(monkeypatch)
    result = factcheck("check", "nearly a quarter (24%)", "21", "100", "--format", "json")
    assert result.exit_code == ExitCode.UNEXPECTED
    doc = json.loads(result.stdout)
    assert (doc["verdict"], doc["explanation"]) == (
        "fails", '21 / 100 x 100 = 21%; "nearly a quarter" needs [20, 25)%: holds')
    assert doc["parts"] == [
        {"text": "nearly a quarter", "reading": "share", "role": "statement", "verdict": "holds",
         "computed": "21%", "accepted": "[20, 25)%",
         "explanation": '21 / 100 x 100 = 21%; "nearly a quarter" needs [20, 25)%: holds'},
        {"text": "(24%)", "reading": "share", "role": "restatement", "verdict": "fails",
         "computed": "21%", "accepted": "[23.5, 24.5]%",
         "explanation": '21 / 100 x 100 = 21%; "(24%)" needs [23.5, 24.5]%: fails'},
    ]


def test_check_json_of_one_part_has_the_statement_as_its_part():
    result = factcheck("check", "2.5-fold increase", "23", "9", "--format", "json")
    doc = json.loads(result.stdout)
    assert doc["parts"] == [{key: doc[key] for key in ("reading", "verdict", "computed", "accepted", "explanation")}
                            | {"text": doc["parts"][0]["text"], "role": "statement"}]
    assert doc["parts"][0]["text"] in ("2.5-fold increase", "2.5-fold")


def test_check_nearly_fourfold_text_shows_the_arithmetic():
    result = factcheck("check", "nearly four times higher", "145", "39")
    assert result.exit_code == ExitCode.OK
    assert "145 / 39 = 3.718" in result.stdout
    assert "under the strict reading: fails" in result.stdout


def test_check_rate_over_a_period():
    # 12,410 in 2024 (366 days) is 33.9 a day
    result = factcheck("check", "an average of about 34 per day", "12410", "--period", "2024", "--format", "json")
    assert json.loads(result.stdout)["verdict"] == "holds"
    assert result.exit_code == ExitCode.OK


def test_check_percent_points():
    result = factcheck("check", "up 2 percentage points", "7", "5", "--percent")
    assert result.exit_code == ExitCode.OK, result.output


@pytest.mark.parametrize("args", [
    ["check", "doubled", "lots", "20"],
    ["check", "doubled", "41", "twenty-ish"],
    ["check", "an average of 34 per day", "12410", "--period", "last year"],
    ["check", "doubled", "41", "20", "--format", "yaml"],
    ["check"],
])
def test_check_usage_errors_exit_2_without_traceback(args):
    result = factcheck(*args)
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.strip()


def test_check_uses_the_tolerances_of_the_settings(workdir):
    assert factcheck("check", "nearly four times higher", "130", "39").exit_code == ExitCode.UNEXPECTED
    write(workdir / "factcheck.toml", "hedge_tolerance = 0.2\n")
    assert factcheck("check", "nearly four times higher", "130", "39").exit_code == ExitCode.OK


def test_check_with_invalid_settings_is_a_usage_error(workdir):
    write(workdir / "factcheck.toml", "hedge_tolerance = 2\n")
    result = factcheck("check", "doubled", "41", "20")
    assert result.exit_code == ExitCode.USAGE
    assert "hedge_tolerance" in result.stderr


def test_check_bad_number_names_it():
    result = factcheck("check", "doubled", "lots", "20")
    assert result.stderr.startswith("factcheck: ")
    assert "'lots'" in result.stderr


# --------------------------------------------------------------------------
# show
# --------------------------------------------------------------------------


def test_show_topic(workdir):
    # $ factcheck show treason  -> 0
    result = factcheck("show", "treason", COLUMNS="200")
    assert result.exit_code == ExitCode.OK, result.output
    out = result.stdout
    assert out.startswith("treason: Treason convictions in Russia, 2024 ")
    for text in [
        "istories  Russia's Treason Convictions Hit Post-Soviet Record in 2024 — The Moscow Times, citing IStories, 2025-04-16",
        "https://example.org/treason",
        "convictions: service members convicted by garrison military courts",
        "2011–2021  no data",
        "13699",
        '✓ holds         treason_nearly_fourfold  "nearly four times higher"  claims/treason.yaml:',
        "quote: “That figure is nearly four times higher than the number of convictions in 2023.”",
        "145 / 39 = 3.718",
        "ambiguous wording; under the strict reading: fails",
        '✓ unverifiable  military_record',
    ]:
        assert text in out, text
    assert any(line.split()[:3] == ["treason_2024", "145", "2024"] for line in out.splitlines())


def test_show_figure_brings_its_claims(workdir):
    result = factcheck("show", "espionage_2023")
    assert result.exit_code == ExitCode.OK
    assert "espionage_fold" in result.stdout
    assert "treason_nearly_fourfold" not in result.stdout


def test_show_json(workdir):
    result = factcheck("show", "treason.treason_2024", "--format", "json")
    assert result.exit_code == ExitCode.OK
    doc = json.loads(result.stdout)
    assert doc["matches"] == [{"kind": "figure", "name": "treason.treason_2024", "topic": "treason"}]
    assert [r["claim"] for r in doc["results"]] == ["treason_nearly_fourfold"]
    assert doc["results"][0]["verdict"] == "holds"


def test_show_and_verify_with_several_parts(workdir, monkeypatch):
    """A claim whose statement has two checked parts, as the engine gives
    them: each part under the claim in ``show``; ``parts`` in the JSON of
    ``show`` and ``verify``."""
    import factcheck.verify as engine
    from factcheck.model import PartOutcome

    real = engine.check_claim

    def with_parts(claim, topic):
        got = real(claim, topic)
        if claim.id == "espionage_fold":
            own = PartOutcome("a 2.5-fold increase", "ratio", got.outcome.verdict, got.outcome.computed,
                              got.outcome.accepted, got.outcome.explanation)
            vs = PartOutcome("from 9", "value", "holds", "9", "[8.5, 9.5]", "B = 9", "B")
            got = got._replace(outcome=got.outcome._replace(parts=(own, vs)))
        return got

    monkeypatch.setattr(engine, "check_claim", with_parts)
    result = factcheck("show", "espionage_fold", COLUMNS="200")
    assert result.exit_code == ExitCode.OK, result.output
    lines = result.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if "espionage_fold" in line and line.startswith("✓"))
    assert lines[start + 2].startswith('    part "a 2.5-fold increase": 23 / 9 = 2.556;')
    assert lines[start + 3] == "      role: statement; reading: ratio; computed: 2.556; accepted: [2.45, 2.55]"
    assert lines[start + 4:start + 6] == ['    part "from 9": B = 9: holds',
                                          "      role: B; reading: value; computed: 9; accepted: [8.5, 9.5]"]
    doc = json.loads(factcheck("show", "espionage_fold", "--format", "json").stdout)
    assert [(p["text"], p["role"]) for p in doc["results"][0]["parts"]] == [
        ("a 2.5-fold increase", "statement"), ("from 9", "B")]
    doc = json.loads(factcheck("verify", "--format", "json").stdout)
    by_claim = {r["claim"]: r for r in doc["results"]}
    assert len(by_claim["espionage_fold"]["parts"]) == 2
    assert len(by_claim["treason_nearly_fourfold"]["parts"]) == 1


def test_show_no_match_exits_2_with_the_nearest_names(workdir):
    # $ factcheck show treasn  -> 2
    result = factcheck("show", "treasn")
    assert result.exit_code == ExitCode.USAGE
    assert result.stdout == ""
    assert result.stderr.startswith("factcheck: no topic, claim, figure or source is named 'treasn'; did you mean treason")


def test_show_unexpected_exception_is_one_line_and_exit_3_not_a_usage_error(workdir, monkeypatch):
    import factcheck.show as show_module

    def boom(*args, **kwargs):
        raise KeyError("oops")

    monkeypatch.setattr(show_module, "find", boom)
    result = factcheck("show", "treason")
    assert result.exit_code == ExitCode.INVALID
    assert result.stderr == "factcheck: internal error: KeyError: 'oops' (please report this)\n"


def test_show_with_paths(workdir):
    path = write(workdir / "elsewhere" / "wrong.yaml", WRONG)
    assert factcheck("show", "espionage_doubled", path).exit_code == ExitCode.OK
    assert factcheck("show", "treason", path).exit_code == ExitCode.USAGE


NUMBERS = """\
figures:
  arrests_2024: 336
  arrests_2023: 300
  syrians: 74400
  afghans: 52500
  total: 453214
claims:
  towns:
    says: More than 300 people in 40 towns were arrested, up 12%
    of: arrests_2024
    vs: arrests_2023
  named:
    says: Syrians (74,400) and Afghans (52,500) accounted for 28%
    of: syrians + afghans
    vs: total
"""


def test_verify_a_number_no_figure_names_is_an_error_at_its_line(workdir):
    # semantics section 8: never a verdict on part of the statement
    path = write(workdir / "claims" / "numbers.yaml", NUMBERS)
    result = factcheck("verify", path, "--format", "json")
    assert result.exit_code == ExitCode.INVALID
    out = json.loads(result.stdout)
    assert [(r["claim"], r["verdict"]) for r in out["results"]] == [("named", "holds")]
    assert out["errors"] == [{
        "file": path, "line": 9, "column": 11,
        "message": "claim 'towns': '40' is not what the statement asserts, and names none of the claim's figures "
                   "(A (arrests_2024) = 336, B (arrests_2023) = 300)",
        "hint": "give `says` only the phrase to check (the whole sentence stays in `quote`), or add the figure "
                "this number names to `of` or `vs`",
    }]


def test_check_an_unplaced_number_exits_2(workdir):
    result = factcheck("check", "waits of more than 65 weeks have more than halved", "300", "700")
    assert result.exit_code == ExitCode.USAGE
    assert "'more than 65 weeks'" in result.stderr
