"""Rewrite the output of every console transcript in README.md and docs/
(or in the Markdown files given) with what the commands print now, in the
environment tests/test_transcripts.py replays them in.

    python tests/update_transcripts.py [FILE.md ...]

Run it after a deliberate change of output, then read the diff: every
changed line is a change users will see.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import test_transcripts as t  # noqa: E402


def update(document: Path, scratch: Path) -> int:
    text = document.read_text(encoding="utf-8")
    by_line = {x.line: x for x in t.transcripts(document)}
    changed = 0

    def rewrite(m):  # one console fence
        nonlocal changed
        line = text.count("\n", 0, m.start()) + 1
        transcript = by_line.get(line)
        if transcript is None:
            return m.group(0)
        where = Path(tempfile.mkdtemp(dir=scratch))
        outputs = t.replay(transcript, t.copy_repository(where))
        body = "".join(
            f"$ {step.command}\n" + "".join(row.rstrip() + "\n" for row in got.splitlines())
            for step, got in zip(transcript.steps, outputs, strict=True)
        )
        new = m.group(0).replace(m.group(1), body, 1)
        changed += new != m.group(0)
        return new

    new_text = t.FENCE.sub(rewrite, text)
    if new_text != text:
        document.write_text(new_text, encoding="utf-8")
    return changed


def main(argv: list[str]) -> None:
    documents = [Path(a).resolve() for a in argv] or [d for d in t.DOCUMENTS if d.exists()]
    for document in documents:
        with tempfile.TemporaryDirectory() as tmp:
            print(f"{document.relative_to(t.ROOT)}: {update(document, Path(tmp))} transcripts changed")


if __name__ == "__main__":
    main(sys.argv[1:])
