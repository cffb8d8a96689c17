"""Regenerate docs/treason.png: the treason page of the exported site, as a
browser shows it at desktop width (the README's screenshot).

    python docs/screenshot.py            # from the repository root

Needs the test extra (Playwright) and Debian's chromium (/usr/bin/chromium).
The site is exported with `factcheck export --format html` into a temporary
folder; only the PNG is kept.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "treason.png"
CHROMIUM = "/usr/bin/chromium"
WIDTH, HEIGHT = 1280, 1100


def main() -> int:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        subprocess.run([sys.executable, "-m", "factcheck", "export", "claims", "--format", "html",
                        "--output", str(site)], cwd=ROOT, check=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
            page.goto((site / "treason.html").as_uri())
            page.screenshot(path=str(OUT))  # the first screen: title, counts, the first claims
            browser.close()
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
