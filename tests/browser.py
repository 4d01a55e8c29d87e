"""Real headless Chromium for the page tests: one launch rule, one way to open a page, one audit.

The browser tests drive Debian's Chromium at /usr/bin/chromium through Playwright (never a
downloaded browser); they fail, not skip, when it is missing. Screenshots go to
``test-artifacts/`` at the repository root. Import what a test module needs, and take the
``browser`` fixture from ``tests/conftest.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: The two sizes every kind of page is checked at: a laptop and a phone.
VIEWPORTS = {"desktop": {"width": 1440, "height": 900}, "phone": {"width": 390, "height": 844}}
#: Visible text that gives away an identifier instead of a label (a CURIE of the graph's prefixes, an IRI).
IDENTIFIER = re.compile(r"\bhttps?://\S+|\b(?:aic|esco|rome|onet|schema|skos|prov|dcterms|rdfs?|owl|xsd|seniority|graph):[A-Za-z_]")


def launch(playwright):
    """Chromium from Debian, headless, with nothing phoning home."""
    assert CHROMIUM.exists(), f"{CHROMIUM} is missing: the browser tests need Debian's chromium"
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


class Opened:
    """A page opened from ``file://``, with what it logged and what it asked for.

    ``ready`` is a selector the page sets when it is ready (the graph pages set
    ``body[data-settled='1']`` once the layout has settled); ``None`` waits for the load event.
    """

    def __init__(self, browser, path: Path, *, viewport: dict | None = None, ready: str | None = "body[data-settled='1']", query: str = ""):
        self.url = path.as_uri()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page = browser.new_page(viewport=viewport or {"width": 1400, "height": 900})
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(self.url + query)
        if ready:
            self.page.wait_for_selector(ready, state="attached", timeout=30_000)

    def js(self, expression, arg=None):
        return self.page.evaluate(expression, arg)

    def foreign_requests(self) -> list[str]:
        """Requests for anything but the page itself (data: and blob: URLs are in the page)."""
        base = self.url.split("?")[0]
        return [u for u in self.requests if u.split("#")[0].split("?")[0] != base and not u.startswith(("data:", "blob:", "about:"))]

    def node_point(self, node):
        """Where a graph page's ``node`` is on the screen."""
        box = self.page.locator("#mynetwork").bounding_box()
        point = self.js("id => network.canvasToDOM(network.getPosition(id))", node)
        return box["x"] + point["x"], box["y"] + point["y"]

    def screenshot(self, name: str) -> Path:
        """Save a full-page screenshot as ``test-artifacts/<name>.png``."""
        ARTIFACTS.mkdir(exist_ok=True)
        shot = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(shot), full_page=True)
        return shot

    def controls_outside_viewport(self) -> list[str]:
        """The visible buttons, inputs, selects and links that a person cannot reach without zooming out.

        Scrolling down is fine (pages are long on a phone); sticking out sideways is not.
        """
        return self.js(
            """() => { const w = document.documentElement.clientWidth, out = [];
                for (const el of document.querySelectorAll('button, input, select, textarea, a[href], summary')) {
                  const r = el.getBoundingClientRect(), s = getComputedStyle(el);
                  if (r.width === 0 || r.height === 0 || s.visibility === 'hidden') continue;
                  if (r.left < -1 || r.right > w + 1) out.push((el.id || el.tagName) + ' ' + (el.innerText || el.value || '').slice(0, 30));
                }
                return out; }"""
        )

    def identifiers_in_text(self) -> list[str]:
        """CURIEs and IRIs in the text a person reads (not in attributes or scripts)."""
        return sorted(set(IDENTIFIER.findall(self.page.inner_text("body"))))

    def accessibility_violations(self, impacts=("serious", "critical")) -> list[str]:
        """axe-core's violations of the given impacts, one line each (axe-core is bundled: offline)."""
        from axe_playwright_python.sync_playwright import Axe

        response = Axe().run(self.page).response
        return [
            f"{v['id']} ({v['impact']}): {v['help']} at {', '.join(str(n['target']) for n in v['nodes'][:3])}"
            for v in response["violations"]
            if v["impact"] in impacts
        ]

    def close(self):
        self.page.close()
