"""The pre-commit hook that this repository offers (``.pre-commit-hooks.yaml``),
declared as documented and run the way a user's repository runs it: with
``pre-commit try-repo`` on a committed copy of this checkout, in a temporary
git repository holding ``claims/`` and a workflow YAML."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
HOOKS = ROOT / ".pre-commit-hooks.yaml"


def _hook() -> dict:
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert isinstance(hooks, list)
    (hook,) = [h for h in hooks if h["id"] == "factcheck"]
    return hook


def test_the_hook_checks_the_registry_as_a_whole_when_a_claim_file_changes():
    hook = _hook()
    assert hook["name"] == "factcheck"
    assert hook["entry"] == "factcheck verify"  # no paths: the registry setting, else claims/
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    assert files.search("claims/treason.yaml") and files.search("claims/sub/x.yml")
    for other in (".github/workflows/ci.yml", ".pre-commit-config.yaml", "docs/claims/x.yaml", "README.md"):
        assert not files.search(other), other


# --------------------------------------------------------------------------
# pre-commit try-repo, for real
# --------------------------------------------------------------------------

GOOD = """\
figures:
  treason_2024: 145
  treason_2023: 39
claims:
  treason_nearly_fourfold:
    says: nearly four times higher
    of: treason_2024
    vs: treason_2023
"""

WORKFLOW = """\
name: ci
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
"""

def _git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> Path:
    """This checkout as its users' pre-commit fetches it: the tracked files,
    as they are now, committed in a repository of their own."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    pytest.importorskip("pre_commit")
    repo = tmp_path_factory.mktemp("factcheck-hook")
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            check=True, capture_output=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, repo / name)
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "factcheck")
    _git(repo, "tag", "v0.1.0")
    return repo


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory) -> Path:
    """One hook environment for the module (pre-commit builds it once per repo and rev)."""
    return tmp_path_factory.mktemp("pre-commit-home")


def _project(tmp_path: Path) -> Path:
    """A newsroom's repository: claims/, a workflow, a pyproject naming the registry."""
    project = tmp_path / "newsroom"
    (project / "claims").mkdir(parents=True)
    (project / ".github" / "workflows").mkdir(parents=True)
    (project / "claims" / "treason.yaml").write_text(GOOD, encoding="utf-8")
    (project / ".github" / "workflows" / "ci.yml").write_text(WORKFLOW, encoding="utf-8")
    (project / "pyproject.toml").write_text('[tool.factcheck]\nregistry = "claims"\n', encoding="utf-8")
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "commit", "-qm", "claims")
    return project


def _pre_commit(project: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "CI", "VIRTUAL_ENV")}
    env |= {"PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never", "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=project, env=env, capture_output=True,
                          text=True, timeout=600)


def test_try_repo_fails_with_the_claims_file_and_line(hook_repo, pre_commit_home, tmp_path):
    """``pre-commit try-repo`` (which builds the hook's environment afresh)
    on a commit that touches one claim file: the hook checks the whole
    registry, so a claim id already used in another file fails it, at the
    claim's file and line."""
    project = _project(tmp_path)
    (project / "claims" / "wiretaps.yaml").write_text(
        "figures: {a: 23, b: 9}\nclaims:\n  treason_nearly_fourfold:\n    says: doubled\n    of: a\n    vs: b\n",
        encoding="utf-8")
    _git(project, "add", "claims/wiretaps.yaml")
    result = _pre_commit(project, pre_commit_home, "try-repo", str(hook_repo), "factcheck")
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.search(r"^factcheck\.+Failed$", result.stdout, re.M), result.stdout
    assert ("claims/wiretaps.yaml:3:3: claim id 'treason_nearly_fourfold' is already used (first defined at "
            "claims/treason.yaml:5; claim ids are unique across the registry)") in result.stdout, result.stdout


def test_the_documented_config_passes_skips_and_fails(hook_repo, pre_commit_home, tmp_path):
    """docs/integration.md's .pre-commit-config.yaml as written, the
    repository's address replaced by the local copy (tagged v0.1.0, the
    project's version): a good registry passes, a commit of a workflow alone
    skips the hook, a wrong verdict fails it at the claim's file and line."""
    docs = (ROOT / "docs" / "integration.md").read_text(encoding="utf-8")
    config = re.search(r"```yaml\n(# \.pre-commit-config\.yaml\n.*?)```", docs, re.S)
    assert config, "docs/integration.md has no .pre-commit-config.yaml block"
    text = config[1]
    assert "rev: v0.1.0" in text
    project = _project(tmp_path)
    (project / ".pre-commit-config.yaml").write_text(
        re.sub(r"repo: \S+", f"repo: {hook_repo.as_uri()}", text), encoding="utf-8")
    _git(project, "add", "-A")

    result = _pre_commit(project, pre_commit_home, "run", "--all-files")
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^factcheck\.+Passed$", result.stdout, re.M), result.stdout

    (project / ".github" / "workflows" / "ci.yml").write_text(WORKFLOW + "# changed\n", encoding="utf-8")
    _git(project, "add", "-A")
    result = _pre_commit(project, pre_commit_home, "run")
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^factcheck\.+\(no files to check\)Skipped$", result.stdout, re.M), result.stdout

    (project / "claims" / "treason.yaml").write_text(GOOD.replace("nearly four times higher", "tripled"),
                                                     encoding="utf-8")
    _git(project, "add", "-A")
    result = _pre_commit(project, pre_commit_home, "run")
    assert result.returncode == 1, result.stdout + result.stderr
    assert ('✗ fails         treason_nearly_fourfold  "tripled"  expected holds  claims/treason.yaml:5:3'
            in result.stdout), result.stdout
