"""Browser fixtures: the built site served on 127.0.0.1, one real Chromium, and a tab that fails the test if any
request leaves the site's host."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from ..conftest import PROJECT, BuiltSite
from ..site.conftest import model  # noqa: F401  (the site's model, for the browser tests too)
from ..tools.chromium import ARGS, CHROMIUM

AXE = PROJECT / "node_modules/axe-core/axe.min.js"
#: WCAG 2.2 AA, target size included.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page: Any) -> list[str]:
    """Run axe-core on the page as it is now; one line per violation (rule, impact, help, first targets)."""
    # Evaluated through the DevTools protocol, not added as a <script>: the page's CSP allows no inline script.
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    assert result["passes"], "axe-core ran no rule"
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}"
        for v in result["violations"]
    ]


BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.site,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Chromium at /usr/bin/chromium (apt-get install chromium)"),
]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def base_url(built_site: BuiltSite) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(built_site.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    # Functional tests drive the page through Playwright's own evaluation, which the site's CSP (rightly) refuses;
    # tests/browser/test_csp.py checks the policy itself, in contexts that do not bypass it.
    context = browser.new_context(bypass_csp=True, base_url=base_url)
    outside: list[str] = []
    context.on(
        "request", lambda r: None if r.url.startswith(base_url) or r.url.startswith("data:") else outside.append(r.url)
    )
    tab = context.new_page()
    yield tab
    context.close()
    assert outside == [], f"requests left the site's host: {outside}"
