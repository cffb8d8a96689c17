"""Fuzzing: mutated claim files give (topic or None, problems), never an
exception.

(Split from the reliability tests of issue 5.)"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import registry, verify
from factcheck.model import Registry, Topic

ROOT = Path(__file__).parent.parent
DATA = Path(__file__).parent / "data"



SEEDS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "claims").glob("*.yaml"))] + [
    p.read_text(encoding="utf-8")
    for p in sorted(DATA.rglob("*.y*ml"))
    if p.parent.name != "broken" and p.name != "public_cases.yaml"
]

YAML_BITS = [":", "- ", "&a ", "*a", "!!python/object:os.system ", "{", "}", "[", '"', "'", "#", "? ",
             "<<: *a", "|", ">", "\t", "\x00", "\x07", "---\n", "...", "%YAML 1.1\n", "~", "null", "1e999",
             "9" * 150, "(", ")", "+", "/ 0", "[2024]", "at least ", "\ufeff", "\ud800", "é"]


@st.composite
def mutated_file(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 4))):
        lines = text.split("\n")
        op = draw(st.sampled_from(["del_char", "ins_char", "rep_char", "del_line", "ins_line",
                                   "dup_line", "swap_lines", "ins_yaml"]))
        if op in ("del_char", "ins_char", "rep_char", "ins_yaml"):
            i = draw(st.integers(0, len(text)))
            piece = (draw(st.sampled_from(YAML_BITS)) if op == "ins_yaml"
                     else draw(st.characters(codec="utf-8", exclude_categories=("Cs",))))
            if op == "del_char":
                text = text[:i] + text[i + 1:]
            elif op == "rep_char":
                text = text[:i] + piece + text[i + 1:]
            else:
                text = text[:i] + piece + text[i:]
            continue
        i = draw(st.integers(0, max(len(lines) - 1, 0)))
        j = draw(st.integers(0, max(len(lines) - 1, 0)))
        if op == "del_line" and lines:
            del lines[i]
        elif op == "ins_line":
            lines.insert(i, draw(st.sampled_from(YAML_BITS + lines)))
        elif op == "dup_line" and lines:
            lines.insert(i, lines[i])
        elif op == "swap_lines" and lines:
            lines[i], lines[j] = lines[j], lines[i]
        text = "\n".join(lines)
    return text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_file())
def test_mutated_files_never_raise(text: str) -> None:
    topic, problems = registry.load_text(text, file="mutated.yaml")
    assert topic is None or isinstance(topic, Topic)
    assert isinstance(problems, list)
    assert topic is not None or problems
    run = verify.check_claims(Registry(topics=(topic,) if topic else (), problems=tuple(problems)))
    assert isinstance(run, verify.VerifyRun)
