"""Where the statement reader is wrong: the generated corpus
(tests/corpus.py) run against the engine, tabulated per family x number
form x frame (cases and mismatches), then per family x what went wrong.

    python tests/corpus_report.py            # the table
    python tests/corpus_report.py -v FAMILY  # and every mismatch of FAMILY
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.corpus import FAMILIES, corpus  # noqa: E402
from tests.test_corpus import describe, mismatches  # noqa: E402

FRAMES = ("bare", "clause", "sentence")


def _kind(problem: str) -> str:
    """A short name for what went wrong: "family", "number", "no number",
    "hedge", "direction", "ambiguous", "unreadable", "verdict X != Y"."""
    if problem.startswith("verdict"):
        return problem.split(" (")[0].split(":")[0]
    if problem.startswith("no number"):
        return "no number"
    return problem.split(" ")[0].rstrip(":")


def main(argv: list[str]) -> int:
    verbose = argv[1:2] == ["-v"]
    only = " ".join(argv[2:]) if verbose else None
    table: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(lambda: {f: [0, 0] for f in FRAMES})
    what: dict[str, Counter] = defaultdict(Counter)
    fam_total: Counter = Counter()
    fam_bad: Counter = Counter()
    shown = []
    for case in corpus():
        problems = mismatches(case)
        cell = table[(case.group, case.form)][case.frame]
        cell[0] += 1
        fam_total[case.group] += 1
        if problems:
            cell[1] += 1
            fam_bad[case.group] += 1
            for p in problems[1:]:
                what[case.group][_kind(p)] += 1
            if verbose and case.group == only:
                shown.append(describe(case, problems))
    w = max(len(f"{g} / {f}") for g, f in table)
    print(f"{'family / number form':<{w}}  " + "  ".join(f"{fr:>15}" for fr in FRAMES) + f"  {'all':>15}")
    print(f"{'':<{w}}  " + "  ".join(f"{'bad/cases':>15}" for _ in FRAMES) + f"  {'bad/cases':>15}")
    for fam in FAMILIES:
        for (g, form), cells in sorted(table.items()):
            if g != fam:
                continue
            bad = sum(c[1] for c in cells.values())
            n = sum(c[0] for c in cells.values())
            row = "  ".join(f"{f'{cells[fr][1]}/{cells[fr][0]}':>15}" for fr in FRAMES)
            print(f"{f'{g} / {form}':<{w}}  {row}  {f'{bad}/{n}':>15}")
        print(f"{f'{fam} (all)':<{w}}  {'':>15}  {'':>15}  {'':>15}  {f'{fam_bad[fam]}/{fam_total[fam]}':>15}")
        print()
    print(f"total: {sum(fam_bad.values())} mismatches in {sum(fam_total.values())} cases")
    print("\nwhat went wrong (a case may count under several):")
    for fam in FAMILIES:
        if what[fam]:
            print(f"  {fam}: " + ", ".join(f"{k} {v}" for k, v in what[fam].most_common()))
    if shown:
        print()
        print("\n".join(shown))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
