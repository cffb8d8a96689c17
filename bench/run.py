#!/usr/bin/env python3
"""Benchmark `factcheck verify` against a bare libyaml parse and yamllint.

    python bench/run.py                      # 1k, 10k, 100k claims, 5 runs each
    python bench/run.py --sizes 1k,10k --runs 3
    python bench/run.py --quick              # 1 run, 1k only (smoke test)

Every measurement is a whole process (start-up included), timed with
time.perf_counter around Popen + os.wait4, which also gives that child's
peak RSS (ru_maxrss).  Commands of one group run in alternation
(A B C A B C ...) so that drift in machine load hits them all alike.
The table reports median/min/max wall seconds, the ratio of medians to
the group's reference (the libyaml parse for registry sizes,
`import typer, rich, yaml` for start-up) and the peak RSS over the runs.

Workloads come from the shared generator ../shared/bench/make_registry.py
(relative to the repository root), or from bench/make_registry.py, a
verbatim copy, when the shared one is missing.  Unix only (os.wait4).
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED_GENERATOR = "../shared/bench/make_registry.py"  # relative to REPO
LOCAL_GENERATOR = "bench/make_registry.py"
SIZES = {"1k": 10, "10k": 100, "100k": 1000}  # name -> --files (100 claims each)
CLAIMS_PER_FILE = 100

# Same file set as factcheck verify DIR (all *.yaml below DIR), parsed the
# way PyYAML users parse fastest: a full load with libyaml's CSafeLoader.
LIBYAML_PARSE = (
    "import sys, pathlib, yaml\n"
    "for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.yaml')):\n"
    "    with open(p, 'rb') as f:\n"
    "        yaml.load(f, Loader=yaml.CSafeLoader)\n"
)

# Targets from the project's performance issue.
TARGET_VS_LIBYAML = 1.5
TARGET_STARTUP = 1.3
TARGET_PEAK_MB = 300
#: issue 11: a 5,000-word article in well under a second
TARGET_SCAN_SECONDS = 1.0


def scan_article(out: Path) -> Path:
    """A 5,000-word article for the scan row: the paragraphs of
    tests/data/scan/pairs.txt among paragraphs of plain prose."""
    # (with the failing statement corrected, so that the command exits 0)
    pairs = (REPO / "tests" / "data" / "scan" / "pairs.txt").read_text(encoding="utf-8").replace("rose 30%", "rose 8.3%")
    filler = ("The council said the review of recorded crime would be published in the summer, after officers "
              "had checked how each report was logged across the city and its districts. ") * 10
    text = ((pairs.strip() + "\n\n" + filler + "\n\n") * 20).strip() + "\n"
    out.mkdir(parents=True, exist_ok=True)
    path = out / "article.txt"
    path.write_text(text, encoding="utf-8")
    return path


@dataclass
class Command:
    label: str
    argv: list[str]
    reference: bool = False
    times: list[float] = field(default_factory=list)
    peaks_mb: list[float] = field(default_factory=list)
    codes: list[int] = field(default_factory=list)
    stderr_tail: str = ""


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run_once(cmd: Command) -> None:
    """Run cmd as a child process; record wall time, peak RSS and exit code."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd.argv, cwd=REPO, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        proc.returncode = code  # reaped by wait4; keep Popen from waiting again
        if code != 0:
            err.seek(0)
            cmd.stderr_tail = err.read()[-400:].decode(errors="replace")
    # ru_maxrss: kilobytes on Linux, bytes on macOS.
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    cmd.times.append(elapsed)
    cmd.peaks_mb.append(usage.ru_maxrss / scale)
    cmd.codes.append(code)


def run_group(name: str, commands: list[Command], runs: int) -> None:
    for r in range(runs):
        for cmd in commands:  # alternate: A B C A B C ...
            run_once(cmd)
            log(f"  {name:>8} run {r + 1}/{runs}  {cmd.label:<34} {cmd.times[-1]:8.3f}s  rc={cmd.codes[-1]}")


def generate(size: str, out: Path) -> None:
    shared = REPO / SHARED_GENERATOR
    script = SHARED_GENERATOR if shared.is_file() else LOCAL_GENERATOR
    if out.exists():
        shutil.rmtree(out)
    argv = [sys.executable, script, str(out), "--files", str(SIZES[size]), "--claims", str(CLAIMS_PER_FILE)]
    subprocess.run(argv, cwd=REPO, check=True)


def factcheck_command() -> list[str]:
    """The installed `factcheck` script beside this Python (what a user
    runs), else `python -m factcheck`."""
    script = Path(sys.executable).parent / "factcheck"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "factcheck"]


def compile_bytecode() -> str | None:
    """Compile factcheck's modules, as `pip install .` does, so that start-up
    is measured as installed.  An editable install run with
    PYTHONDONTWRITEBYTECODE=1 never writes bytecode and would compile every
    module on every start.  Returns a note, or None."""
    found = subprocess.run([sys.executable, "-c", "import factcheck, os; print(os.path.dirname(factcheck.__file__))"],
                           cwd=REPO, capture_output=True, text=True).stdout.strip()
    if not found:
        return "factcheck not importable: bytecode not compiled"
    subprocess.run([sys.executable, "-m", "compileall", "-q", found], check=False, capture_output=True)
    return None


def version_of(dist: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def header(yamllint: str | None, generator: str) -> list[str]:
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        commit = ""
    yl_version = "not found"
    if yamllint:
        yl_version = subprocess.run([yamllint, "--version"], capture_output=True, text=True).stdout.strip()
    return [
        f"date:      {datetime.datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"python:    {platform.python_version()} ({sys.executable})",
        f"cpus:      {os.cpu_count()} ({cpu_model()})",
        f"platform:  {platform.platform()}",
        f"factcheck: {version_of('factcheck')} (commit {commit or '?'}, uncommitted changes not shown)",
        f"pyyaml:    {version_of('PyYAML')}; yamllint: {yl_version}",
        f"generator: {generator} (--claims {CLAIMS_PER_FILE})",
    ]


def table(groups: list[tuple[str, list[Command]]]) -> list[str]:
    cols = ("size", "command", "runs", "median s", "min s", "max s", "x ref", "peak MB", "rc")
    rows = []
    for name, commands in groups:
        ref = next((c for c in commands if c.reference), None)
        ref_median = statistics.median(ref.times) if ref and ref.times else None
        for c in commands:
            if not c.times:
                continue
            median = statistics.median(c.times)
            ratio = f"{median / ref_median:.2f}" if ref_median else "-"
            if c is ref:
                ratio = "1.00 (ref)"
            bad = sorted({code for code in c.codes if code != 0})
            rows.append((
                name, c.label, str(len(c.times)), f"{median:.3f}", f"{min(c.times):.3f}", f"{max(c.times):.3f}",
                ratio, f"{max(c.peaks_mb):.1f}", ",".join(map(str, bad)) or "0",
            ))
    widths = [max(len(cols[i]), *(len(r[i]) for r in rows)) for i in range(len(cols))]
    numeric = {2, 3, 4, 5, 6, 7}

    def fmt(r):
        return "  ".join(v.rjust(w) if i in numeric else v.ljust(w) for i, (v, w) in enumerate(zip(r, widths))).rstrip()

    return [fmt(cols), "  ".join("-" * w for w in widths), *(fmt(r) for r in rows)]


def verdicts(groups: list[tuple[str, list[Command]]]) -> list[str]:
    lines = []

    def med(commands, label_start):
        c = next((c for c in commands if c.label.startswith(label_start) and c.times), None)
        if c and c.label.startswith("factcheck") and any(c.codes):
            lines.append(f"warning: {c.label} exited nonzero; its times are not comparable")
        return statistics.median(c.times) if c else None

    for name, commands in groups:
        if name == "scan":
            m = med(commands, "factcheck scan")
            if m:
                lines.append(f"{name:>8}: factcheck scan of a 5,000-word article = {m:.2f} s, start-up included  "
                             f"(target < {TARGET_SCAN_SECONDS} s: {'met' if m < TARGET_SCAN_SECONDS else 'NOT met'})")
            continue
        if name == "terminal":
            pipe, tty = med(commands, "verify | cat"), med(commands, "verify on a terminal")
            if pipe and tty:
                ok = tty <= TARGET_TERMINAL * pipe
                lines.append(f"{name:>8}: verify on a terminal = {tty / pipe:.2f}x into a pipe  "
                             f"(target <= {TARGET_TERMINAL}x: {'met' if ok else 'NOT met'})")
            continue
        if name == "start-up":
            base = med(commands, "python -c 'import")
            for label in ("factcheck --help", "factcheck verify claims"):
                m = med(commands, label)
                if m and base:
                    ok = m <= TARGET_STARTUP * base
                    lines.append(f"{name:>8}: {label} = {m / base:.2f}x import  "
                                 f"(target <= {TARGET_STARTUP}x: {'met' if ok else 'NOT met'})")
            continue
        parse, lint = med(commands, "libyaml"), med(commands, "yamllint")
        for c in commands:
            if not c.label.startswith("factcheck verify") or not c.times:
                continue
            verify = med(commands, c.label)
            short = c.label.replace("factcheck verify --format json", "verify").strip()
            if verify and parse:
                ok = verify <= TARGET_VS_LIBYAML * parse
                lines.append(f"{name:>8}: {short} = {verify / parse:.2f}x libyaml parse  "
                             f"(target <= {TARGET_VS_LIBYAML}x: {'met' if ok else 'NOT met'})")
            if verify and lint:
                ok = verify < lint
                lines.append(f"{name:>8}: {short} = {verify / lint:.2f}x yamllint  "
                             f"(target < 1x: {'met' if ok else 'NOT met'})")
        if name == "100k":
            peak = max((max(c.peaks_mb) for c in commands if c.label.startswith("factcheck verify") and c.peaks_mb),
                       default=None)
            if peak is not None:
                lines.append(f"{name:>8}: verify peak memory = {peak:.0f} MB  "
                             f"(target < {TARGET_PEAK_MB} MB: {'met' if peak < TARGET_PEAK_MB else 'NOT met'})")
    return lines


# ---- the terminal rows (issue 13): text output on a pseudo-terminal ----

TARGET_TERMINAL = 1.5
TERMINAL_FILES = 200  # x 100 claims: 20k claims

#: Runs a command on a new pseudo-terminal, reading all it writes, as a
#: terminal emulator does (used when `script` from util-linux is missing).
PTY_SPAWN = "import pty, sys\nsys.exit(pty.spawn(sys.argv[1:]) >> 8)\n"


def on_a_terminal(argv: list[str]) -> list[str]:
    """argv run with stdout and stderr on a pty: `script -qec` when present."""
    import shlex

    script = shutil.which("script")
    if script:
        return [script, "-qec", shlex.join(argv), "/dev/null"]
    return [sys.executable, "-c", PTY_SPAWN, *argv]


def terminal_group(root: Path, fc: list[str], runs: int) -> list[Command]:
    """`factcheck verify` of 20k claims as text: into a pipe, and on a
    terminal (rich's styling and the progress display on); the pipe is the
    reference.  CI and NO_COLOR are cleared so that the terminal run is what
    a person sees."""
    import shlex

    out = root / "20k-terminal"
    if out.exists():
        shutil.rmtree(out)
    shared = REPO / SHARED_GENERATOR
    script = SHARED_GENERATOR if shared.is_file() else LOCAL_GENERATOR
    log(f"generating 20k ({TERMINAL_FILES} files x {CLAIMS_PER_FILE} claims) in {out}")
    subprocess.run([sys.executable, script, str(out), "--files", str(TERMINAL_FILES), "--claims",
                    str(CLAIMS_PER_FILE)], cwd=REPO, check=True)
    clean = ["env", "-u", "CI", "-u", "NO_COLOR", "-u", "GITHUB_ACTIONS", "TERM=xterm-256color", "COLUMNS=120"]
    verify = [*clean, *fc, "verify", str(out)]
    commands = [
        Command("verify | cat (a pipe)", ["sh", "-c", shlex.join(verify) + " | cat"], reference=True),
        Command("verify on a terminal (pty)", on_a_terminal(verify)),
    ]
    run_group("terminal", commands, runs)
    return commands


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per command (default 5)")
    parser.add_argument("--sizes", default="1k,10k,100k", help="comma-separated, of " + ",".join(SIZES))
    parser.add_argument("--quick", action="store_true", help="smoke test: 1 run, 1k only")
    parser.add_argument("--keep", action="store_true", help="generate into bench/out/ and keep it")
    parser.add_argument("--jobs", type=int, help="N of the parallel verify row (default: factcheck's own, the number of cores)")
    parser.add_argument("--yamllint", default=shutil.which("yamllint"), help="yamllint executable (default: on PATH)")
    parser.add_argument("--no-startup", action="store_true", help="skip the start-up rows")
    parser.add_argument("--no-scan", action="store_true", help="skip the scan row")
    parser.add_argument("--no-terminal", action="store_true", help="skip the terminal rows (20k claims on a pty)")
    args = parser.parse_args()

    if args.quick:
        args.runs, args.sizes = 1, "1k"
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    unknown = [s for s in sizes if s not in SIZES]
    if unknown or args.runs < 1:
        parser.error(f"--sizes takes {','.join(SIZES)} (got {','.join(unknown)}); --runs must be >= 1")

    check = subprocess.run([sys.executable, "-m", "factcheck", "--help"], cwd=REPO, capture_output=True, text=True)
    if check.returncode != 0:
        log(f"{sys.executable} -m factcheck does not run (is the project installed in this Python?):")
        log(check.stderr[-800:])
        return 2

    generator = SHARED_GENERATOR if (REPO / SHARED_GENERATOR).is_file() else LOCAL_GENERATOR + " (shared one missing)"
    notes = []
    jobs_args = ["--jobs", str(args.jobs)] if args.jobs is not None else []
    compiled = compile_bytecode()
    if compiled:
        notes.append(compiled)
    if not args.yamllint:
        notes.append("yamllint skipped: not installed (pip install yamllint, or pass --yamllint PATH)")

    if args.keep:
        root = REPO / "bench" / "out"
        root.mkdir(parents=True, exist_ok=True)
    else:
        root = Path(tempfile.mkdtemp(prefix="factcheck-bench-"))

    fc = factcheck_command()
    groups: list[tuple[str, list[Command]]] = []
    try:
        for size in sizes:
            out = root / size
            log(f"generating {size} ({SIZES[size]} files x {CLAIMS_PER_FILE} claims) in {out}")
            generate(size, out)
            commands = [
                Command("factcheck verify --format json" + (" " + " ".join(jobs_args) if jobs_args else ""),
                        [*fc, "verify", str(out), "--format", "json", *jobs_args]),
                Command("factcheck verify --format json --jobs 1",
                        [*fc, "verify", str(out), "--format", "json", "--jobs", "1"]),
                Command("libyaml parse (CSafeLoader)", [sys.executable, "-c", LIBYAML_PARSE, str(out)], reference=True),
            ]
            if args.yamllint:
                commands.append(Command("yamllint (default config)", [args.yamllint, str(out)]))
            run_group(size, commands, args.runs)
            groups.append((size, commands))
        if not args.no_startup:
            commands = [
                Command("factcheck --help", [*fc, "--help"]),
                Command("factcheck verify claims", [*fc, "verify", "claims"]),
                Command("python -c 'import typer, rich, yaml'", [sys.executable, "-c", "import typer, rich, yaml"],
                        reference=True),
            ]
            run_group("start-up", commands, args.runs)
            groups.append(("start-up", commands))
        if not args.no_scan:
            article = scan_article(root / "scan")
            commands = [
                Command("factcheck scan (5,000 words) --format json", [*fc, "scan", str(article), "--format", "json"]),
                Command("python -c 'import typer, rich, yaml'", [sys.executable, "-c", "import typer, rich, yaml"],
                        reference=True),
            ]
            run_group("scan", commands, args.runs)
            groups.append(("scan", commands))
        if not args.no_terminal and not args.quick:
            groups.append(("terminal", terminal_group(root, fc, args.runs)))
    finally:
        if args.keep:
            log(f"kept generated registries in {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)

    print("\n".join(header(args.yamllint, generator)))
    print()
    print("\n".join(table(groups)))
    print()
    print("x ref: ratio of medians to the group's reference row (libyaml parse; import typer, rich, yaml).")
    print("peak MB: highest ru_maxrss of the child over the runs (os.wait4): with worker processes, the largest")
    print("single process (workers are forked from it and hold one file at a time). rc: nonzero exit codes seen.")
    print(f"verify without --jobs uses one process per core ({os.cpu_count()} here) on registries of 512 KB or more.")
    for line in verdicts(groups):
        print(line)
    for note in notes:
        print("note:", note)
    for _, commands in groups:
        for c in commands:
            if c.stderr_tail and not c.label.startswith("yamllint"):  # yamllint exits 1 on lint errors
                print(f"note: {c.label} exited {sorted(set(c.codes))}; stderr tail:\n{c.stderr_tail}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
