"""Post-build crawler over site/: every internal link and anchor resolves; nothing is loaded from another host."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from ..conftest import BuiltSite
from .htmlscan import Scan, scan

pytestmark = pytest.mark.site
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


@pytest.fixture(scope="module")
def scans(built_site: BuiltSite) -> dict[Path, Scan]:
    return {p: scan(p) for p in sorted(built_site.site.rglob("*.html"))}


def _target(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """The file and anchor an internal href points to; None for external and non-page links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
        return None
    path = unquote(parts.path)
    base = page.parent
    target = (site / path.lstrip("/")) if path.startswith("/") else (base / path if path else page)
    target = target.resolve()
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    return target, unquote(parts.fragment)


def test_every_internal_link_and_anchor_resolves(built_site: BuiltSite, scans: dict[Path, Scan]) -> None:
    broken = []
    for page, found in scans.items():
        for href in found.links:
            hit = _target(built_site.site, page, href)
            if hit is None:
                continue
            target, anchor = hit
            if not target.is_file():
                broken.append(f"{page.relative_to(built_site.site)}: {href} (no file)")
            elif anchor and target.suffix == ".html":
                ids = scans[target].ids if target in scans else scan(target).ids
                if anchor not in ids:
                    broken.append(f"{page.relative_to(built_site.site)}: {href} (no anchor)")
    assert not broken, "\n".join(broken[:50])


def test_no_resource_is_loaded_from_another_host(built_site: BuiltSite, scans: dict[Path, Scan]) -> None:
    foreign = [
        f"{p.relative_to(built_site.site)}: {r}"
        for p, found in scans.items()
        for r in found.resources
        if urlsplit(r).scheme or r.startswith("//")
    ]
    for css in built_site.site.rglob("*.css"):
        foreign += [
            f"{css.name}: {u}"
            for u in _CSS_URL.findall(css.read_text(encoding="utf-8"))
            if u.startswith(("http:", "https:", "//"))
        ]
    assert not foreign, "\n".join(foreign[:50])
    assert not any("fonts.googleapis" in p.read_text(encoding="utf-8") for p in scans)


def test_every_page_declares_its_language(built_site: BuiltSite, scans: dict[Path, Scan]) -> None:
    for page, found in scans.items():
        rel = page.relative_to(built_site.site).as_posix()
        assert found.html_lang == ("nl" if rel.startswith("nl/") else "en"), rel
