#!/usr/bin/env python3
"""How well ``factcheck scan`` does on real article passages
(tests/data/scan/corpus.yaml, annotated by hand).

    python tests/scan_report.py            # the three figures, and each miss

- checkable right: statements whose A and B are both in the passage, found
  with those numbers and the verdict semantics.md gives;
- base missing reported: statements whose A or B the passage does not give,
  reported as unverifiable;
- alarms real: of the statements scan calls imprecise or fails, the share
  annotated so (a false alarm costs a desk more than a miss).
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck.scan import scan_text  # noqa: E402

CORPUS = Path(__file__).resolve().parent / "data" / "scan" / "corpus.yaml"


def _same(mention, written: str | None) -> bool:
    if written is None:
        return mention is None
    return mention is not None and " ".join(mention.text.split()).lower() == written.lower()


def measure(corpus: Path = CORPUS) -> dict:
    passages = yaml.safe_load(corpus.read_text(encoding="utf-8"))
    checkable = right = missing = reported = alarms = real = 0
    misses: list[str] = []
    for p in passages:
        text = p["text"]
        scan = scan_text(text, date=p.get("date") and str(p["date"]))
        matched: set[int] = set()
        for ann in p["statements"]:
            at = text.find(ann["says"])
            assert at >= 0, ann["says"]
            st = next((s for s in scan.statements if s.start < at + len(ann["says"]) and at < s.end), None)
            if st is not None:
                matched.add(id(st))
            if ann["a"] is not None and ann["b"] is not None:
                checkable += 1
                ok = st is not None and st.outcome.verdict == ann["verdict"] and _same(st.pairing.a.mention, ann["a"]) \
                    and st.pairing.b is not None and _same(st.pairing.b.mention, ann["b"])
                right += ok
            else:
                missing += 1
                ok = st is not None and st.outcome.verdict == "unverifiable"
                reported += ok
            if not ok:
                got = "not found" if st is None else (
                    f"{st.outcome.verdict}, A={st.pairing.a.mention and st.pairing.a.mention.text}, "
                    f"B={st.pairing.b and st.pairing.b.mention and st.pairing.b.mention.text}")
                misses.append(f"{ann['says']!r}: want {ann['verdict']} A={ann['a']} B={ann['b']}; got {got}")
        for st in scan.statements:
            if st.outcome.verdict in ("imprecise", "fails"):
                alarms += 1
                ann = next((a for a in p["statements"] if (at := text.find(a["says"])) < st.end
                            and st.start < at + len(a["says"])), None)
                if ann is not None and ann["verdict"] == st.outcome.verdict:
                    real += 1
                else:
                    misses.append(f"false alarm: {st.says!r} {st.outcome.verdict}")
    return {
        "passages": len(passages),
        "checkable": checkable, "checkable_right": right,
        "base_missing": missing, "base_missing_reported": reported,
        "alarms": alarms, "alarms_real": real,
        "misses": misses,
    }


def percent(k: int, n: int) -> float:
    return 100.0 if n == 0 else 100 * k / n


def main() -> None:
    m = measure()
    print(f"{m['passages']} passages")
    print(f"checkable right:       {m['checkable_right']}/{m['checkable']} = "
          f"{percent(m['checkable_right'], m['checkable']):.0f}%  (target 60%)")
    print(f"base missing reported: {m['base_missing_reported']}/{m['base_missing']} = "
          f"{percent(m['base_missing_reported'], m['base_missing']):.0f}%  (target 50%)")
    print(f"alarms real:           {m['alarms_real']}/{m['alarms']} = "
          f"{percent(m['alarms_real'], m['alarms']):.0f}%  (target 75%)")
    for line in m["misses"]:
        print("  " + line)


if __name__ == "__main__":
    main()
