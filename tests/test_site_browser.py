"""The exported site in a real browser: Debian's chromium driven by Playwright.

At a desktop width (1280 px) and a phone width (390 px), every page must
load from ``file://`` with no console error, never scroll sideways, and show
its verdict badges.  A screenshot of each page at each width is written to a
temporary folder (printed with ``pytest -s``) for a person to look at.

Skipped, with the reason, where chromium or Playwright is not installed
(``.ci/run`` installs chromium with apt-get, so CI runs these).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason=f"no browser: {CHROMIUM} is missing (install it with `apt-get install chromium`)",
)

WIDTHS = (1280, 390)
PAGES = ("index", "amnesty-2024", "military-courts", "treason")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "site"
    result = CliRunner().invoke(app, ["export", str(ROOT / "claims"), "--format", "html", "--output", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install playwright)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("screenshots")
    print(f"\nscreenshots of the site: {folder}")
    return folder


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_page_in_a_browser(site, browser, shots, name, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    messages: list[str] = []
    page.on("console", lambda m: messages.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: messages.append(f"pageerror: {e}"))
    failed: list[str] = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    try:
        page.goto((site / f"{name}.html").as_uri())
        assert messages == [] and failed == []
        scroll, client = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert scroll <= client, f"{name}.html scrolls sideways at {width} px ({scroll} > {client})"
        # nothing pokes out of the page on the right, even where overflow is clipped
        widest = page.evaluate(
            "Math.max(...[...document.querySelectorAll('main *')].map(e => e.getBoundingClientRect().right))")
        assert widest <= client + 0.5, f"an element of {name}.html ends at {widest} px, past {client}"
        # every badge is shown as a coloured pill with its word (the stylesheet applied)
        badges = page.evaluate("""[...document.querySelectorAll('.badge')].map(e => {
            const r = e.getBoundingClientRect(), s = getComputedStyle(e);
            return [e.textContent.trim(), r.width, r.height, s.backgroundColor, s.visibility, s.display];
        })""")
        assert len(badges) >= 4
        for text, w, h, colour, visibility, display in badges:
            assert text.split()[-1] in ("holds", "imprecise", "fails", "unverifiable"), text
            assert w > 20 and h > 10 and visibility == "visible" and display != "none", text
            assert colour not in ("rgba(0, 0, 0, 0)", "transparent"), text
        if name != "index":
            cards = page.evaluate("""[...document.querySelectorAll('article.claim')].map(
                c => c.querySelector('.claim-head .badge').getBoundingClientRect().width)""")
            assert len(cards) >= 8 and min(cards) > 20
        page.screenshot(path=str(shots / f"{name}-{width}.png"), full_page=True)
    finally:
        page.close()


def test_an_anchor_opens_its_claim(site, browser):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        page.goto((site / "treason.html").as_uri() + "#espionage_fold")
        card = page.locator("#espionage_fold")
        assert card.is_visible()
        assert page.evaluate("document.querySelector('#espionage_fold').getBoundingClientRect().top") < 5
        assert card.locator(".badge").first.inner_text() == "≈ imprecise"
    finally:
        page.close()


def test_the_print_stylesheet_hides_the_navigation(site, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto((site / "treason.html").as_uri())
        page.emulate_media(media="print")
        assert not page.locator("header.site").is_visible()
        assert page.locator("article.claim").first.is_visible()
        pdf = page.pdf()
        assert pdf.startswith(b"%PDF")
    finally:
        page.close()
