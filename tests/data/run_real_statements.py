"""Run factcheck over tests/data/real_statements.yaml and list where the verdict differs from `expect`.

    python tests/data/run_real_statements.py [path/to/real_statements.yaml]

Each entry becomes a one-claim file (figures a, b or series s) read with registry.load_text and
checked with verify.check_claim; an unreadable statement (a Problem) counts as "unreadable",
a file the loader rejects (e.g. keys it does not know yet) as "load-error".
"""
import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from factcheck.model import Problem
from factcheck.registry import load_text
from factcheck.verify import check_claim


def q(x):
    return json.dumps(x, ensure_ascii=False)

def claim_file(e):
    unit = "\n    unit: percent" if e.get("unit") == "percent" else ""
    rnd = "\n    rounded: true" if e.get("rounded") else ""
    fig_lines = []
    def fig(name, v, period=None):
        if isinstance(v, dict):
            return v["expr"]
        val = "null" if v is None else (q(v) if isinstance(v, str) else str(v))
        per = f"\n    period: {q(str(period))}" if period is not None else ""
        fig_lines.append(f"  {name}:\n    value: {val}{unit}{rnd}{per}")
        return name
    if "series" in e:
        pts = ", ".join(f"{q(str(k))}: {'null' if v is None else v}" for k, v in e["series"].items())
        comp = "\n    complete: true" if e.get("complete") else ""
        fig_lines.append(f"  s:\n    series: {{{pts}}}{unit}{comp}")
        of, vs = f"s[{e['at']}]", "s"
    else:
        of = fig("a", e.get("of"), e.get("period"))
        vs = fig("b", e["vs"]) if "vs" in e else None
    out = "figures:\n" + "\n".join(fig_lines) + "\nclaims:\n  c:\n" + f"    says: {q(e['says'])}\n    of: {q(of)}\n"
    if vs is not None:
        out += f"    vs: {q(vs)}\n"
    return out

def run(e):
    text = claim_file(e)
    topic, problems = load_text(text, file="x.yaml")
    if topic is None or not topic.claims:
        return "load-error", "; ".join(p.message for p in problems)
    got = check_claim(topic.claims[0], topic)
    if isinstance(got, Problem):
        return "unreadable", got.message
    o = got.outcome
    return o.verdict, o.explanation

if __name__ == "__main__":
    with open(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).with_name("real_statements.yaml")) as f:
        data = yaml.safe_load(f)
    agree = 0
    rows = []
    for e in data:
        try:
            v, why = run(e)
        except Exception as exc:  # noqa: BLE001 - report any crash as a row
            v, why = "crash", repr(exc)
        ok = v == e["expect"]
        agree += ok
        rows.append((e["id"], e["expect"], v, ok, e["says"][:70], why.replace("\n", " ")[:220]))
    for r in rows:
        if not r[3]:
            print(f"{r[0]} expect={r[1]:12s} got={r[2]:12s} | {r[4]}\n      {r[5]}")
    print(f"agree {agree}/{len(data)}")
