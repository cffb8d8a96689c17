"""Settings: found by walking up from the registry, read exactly, and every
unknown or bad key reported with its line."""

from __future__ import annotations

from fractions import Fraction as F
from pathlib import Path

import pytest

from factcheck.model import Settings
from factcheck.settings import find_settings, parse_tolerance, settings_from_dict


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_no_settings_file_gives_the_defaults(tmp_path: Path) -> None:
    settings, options, problems = find_settings(tmp_path)
    assert settings == Settings(hedge_tolerance=F(1, 10), word_tolerance=F(1, 20))
    assert options == {}
    assert problems == []


def test_factcheck_toml_is_read_exactly(tmp_path: Path) -> None:
    write(tmp_path / "factcheck.toml", 'registry = "claims"\nhedge_tolerance = 0.15\nword_tolerance = 0.1\n')
    settings, options, problems = find_settings(tmp_path)
    assert problems == []
    assert settings.hedge_tolerance == F(3, 20)  # not the float nearest to 0.15
    assert settings.word_tolerance == F(1, 10)
    assert options["registry"] == tmp_path.resolve() / "claims"
    assert options["config"] == tmp_path.resolve() / "factcheck.toml"


def test_pyproject_tool_factcheck_is_read(tmp_path: Path) -> None:
    write(
        tmp_path / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.factcheck]\nregistry = "data/claims"\nhedge_tolerance = 0.2\n'
        '\n[tool.factcheck.review]\nauthor = "The Desk"\nurl = "https://example.org"\n',
    )
    settings, options, problems = find_settings(tmp_path)
    assert problems == []
    assert settings == Settings(hedge_tolerance=F(1, 5))
    assert options["registry"] == tmp_path.resolve() / "data" / "claims"
    assert options["review"] == {"author": "The Desk", "url": "https://example.org"}


def test_the_walk_starts_at_a_file_or_folder_and_goes_up(tmp_path: Path) -> None:
    write(tmp_path / "factcheck.toml", "hedge_tolerance = 0.3\n")
    claims = tmp_path / "claims" / "russia"
    claims.mkdir(parents=True)
    write(claims / "treason.yaml", "claims: {}\n")
    assert find_settings(claims)[0].hedge_tolerance == F(3, 10)
    assert find_settings(claims / "treason.yaml")[0].hedge_tolerance == F(3, 10)


def test_the_nearest_file_wins(tmp_path: Path) -> None:
    write(tmp_path / "factcheck.toml", "hedge_tolerance = 0.3\n")
    write(tmp_path / "sub" / "factcheck.toml", "hedge_tolerance = 0.2\n")
    assert find_settings(tmp_path / "sub")[0].hedge_tolerance == F(1, 5)


def test_factcheck_toml_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.factcheck]\nhedge_tolerance = 0.2\n")
    write(tmp_path / "factcheck.toml", "hedge_tolerance = 0.25\n")
    assert find_settings(tmp_path)[0].hedge_tolerance == F(1, 4)


def test_a_pyproject_without_tool_factcheck_does_not_stop_the_walk(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.factcheck]\nword_tolerance = 0.01\n")
    write(tmp_path / "pkg" / "pyproject.toml", '[project]\nname = "pkg"\n')
    settings, options, _ = find_settings(tmp_path / "pkg")
    assert settings.word_tolerance == F(1, 100)
    assert options["config"] == tmp_path.resolve() / "pyproject.toml"


def test_unknown_keys_are_reported_with_line_and_suggestion(tmp_path: Path) -> None:
    write(tmp_path / "factcheck.toml", 'registry = "claims"\nhedge_tolerence = 0.2\n\n[review]\nauthr = "me"\n')
    settings, options, problems = find_settings(tmp_path)
    assert settings == Settings()  # the misspelt key changes nothing
    assert [(p.line, p.message, p.hint) for p in problems] == [
        (2, "unknown setting 'hedge_tolerence'", "did you mean 'hedge_tolerance'?"),
        (5, "unknown key 'authr' in review", "did you mean 'author'?"),
    ]
    assert problems[0].file == str(tmp_path.resolve() / "factcheck.toml")


def test_unknown_keys_in_pyproject_point_into_the_tool_table(tmp_path: Path) -> None:
    write(
        tmp_path / "pyproject.toml",
        '[project]\nname = "x"\nregistri = 1\n\n[tool.factcheck]\nregistri = "claims"\n',
    )
    _, _, problems = find_settings(tmp_path)
    assert [(p.line, p.message, p.hint) for p in problems] == [
        (6, "unknown setting 'registri'", "did you mean 'registry'?"),
    ]


@pytest.mark.parametrize(
    "toml, message",
    [
        ("hedge_tolerance = 1.5\n", "hedge_tolerance must be at least 0 and less than 1"),
        ("hedge_tolerance = 1\n", "hedge_tolerance must be at least 0 and less than 1"),
        ("word_tolerance = -0.1\n", "word_tolerance must be at least 0 and less than 1"),
        ("word_tolerance = true\n", "word_tolerance must be a number between 0 and 1, not true/false"),
        ("word_tolerance = nan\n", "word_tolerance must be a number between 0 and 1, not nan"),
        ("hedge_tolerance = inf\n", "hedge_tolerance must be a number between 0 and 1, not inf"),
        ('hedge_tolerance = "lots"\n', "hedge_tolerance 'lots' is not a number"),
        ("registry = 3\n", "registry must be a path written as a string"),
        ("review = 3\n", "review must be a table with author and url"),
    ],
)
def test_bad_values_are_problems(tmp_path: Path, toml: str, message: str) -> None:
    write(tmp_path / "factcheck.toml", toml)
    settings, _, problems = find_settings(tmp_path)
    assert settings == Settings()
    (problem,) = problems
    assert message in problem.message
    assert problem.line == 1


def test_invalid_toml_is_a_problem_with_its_position(tmp_path: Path) -> None:
    write(tmp_path / "factcheck.toml", "hedge_tolerance = 0.1\nword_tolerance = = 2\n")
    settings, _, problems = find_settings(tmp_path)
    assert settings == Settings()
    (problem,) = problems
    assert problem.message.startswith("invalid TOML")
    assert (problem.line, problem.column) == (2, 18)


def test_settings_from_dict() -> None:
    settings, options, problems = settings_from_dict(
        {"hedge_tolerance": F(1, 5), "word_tolerance": "2%", "registry": "claims"}, base=Path("/repo")
    )
    assert settings == Settings(F(1, 5), F(1, 50))
    assert options == {"registry": Path("/repo/claims")}
    assert problems == []


@pytest.mark.parametrize(
    "value, expected",
    [(F(1, 10), F(1, 10)), (0, F(0)), ("0.1", F(1, 10)), ("1/8", F(1, 8)), ("12.5%", F(1, 8))],
)
def test_parse_tolerance(value: object, expected: F) -> None:
    assert parse_tolerance(value) == expected


@pytest.mark.parametrize("value", [1, F(3, 2), -1, "x", "", True, None, [0.1], "1" * 60])
def test_parse_tolerance_refuses(value: object) -> None:
    with pytest.raises(ValueError):
        parse_tolerance(value)
