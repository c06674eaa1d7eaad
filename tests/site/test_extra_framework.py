"""A framework added as YAML only (tests/cases/extra-framework/) gets its menu entry, pages in both languages
and downloads, and a KSB checklist exactly when it declares the ksb role: no Python and no mkdocs.yml edit."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from ..conftest import PROJECT, copy_project, mkdocs_build

pytestmark = pytest.mark.site

TINY = PROJECT / "tests" / "cases" / "extra-framework" / "standards" / "tiny"
TITLES = {"": "Tiny test framework", "nl/": "Klein testkader"}


def _primary_nav(page: Path) -> str:
    """The site menu of a built page (Material's primary navigation)."""
    html = page.read_text(encoding="utf-8")
    start = html.index('class="md-nav md-nav--primary"')
    return html[start : html.index("md-sidebar--secondary", start)]  # the menu holds nested navs: cut at the toc


@pytest.fixture(scope="module", params=["ksb-role", "no-role"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    root = copy_project(tmp_path_factory.mktemp(request.param))
    shutil.copytree(TINY, root / "standards" / "tiny")
    if request.param == "no-role":
        framework = root / "standards" / "tiny" / "framework.yaml"
        text = framework.read_text(encoding="utf-8")
        assert "roles:\n  ksb: [abilities, conduct]\n" in text
        framework.write_text(text.replace("roles:\n  ksb: [abilities, conduct]\n", ""), encoding="utf-8")
    done = mkdocs_build(root, root / "site")
    assert done.returncode == 0, f"mkdocs build --strict failed:\n{done.stdout}\n{done.stderr}"
    return request.param, root / "site"


@pytest.mark.parametrize("lang", ["", "nl/"])
def test_the_framework_is_in_the_menu_with_its_pages(site: tuple[str, Path], lang: str) -> None:
    _variant, out = site
    menu = _primary_nav(out / lang / "index.html")
    entry = re.search(r'<a href="tiny/" class="md-nav__link">\s*<span class="md-ellipsis">\s*(.*?)\s*</span>', menu)
    assert entry is not None, "TINY has no menu entry"
    assert entry.group(1) == TITLES[lang]
    for page in ("tiny", "tiny/abilities", "tiny/abilities/a1", "tiny/conduct/c1"):
        assert (out / lang / page / "index.html").is_file(), page


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_framework_has_downloads(site: tuple[str, Path], lang: str) -> None:
    _variant, out = site
    for name in (f"case/TINY-{lang}.case.json", f"csv/TINY-{lang}.csv"):
        assert (out / "downloads" / name).is_file(), name
        assert f'href="{name}"' in (out / "downloads" / "index.html").read_text(encoding="utf-8"), name
    assert "TINY:A1" in (out / "downloads" / f"csv/TINY-{lang}.csv").read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("lang", ["", "nl/"])
def test_a_checklist_exactly_when_the_ksb_role_is_declared(site: tuple[str, Path], lang: str) -> None:
    variant, out = site
    has_role = variant == "ksb-role"
    checklist = out / lang / "tiny" / "checklist" / "index.html"
    assert checklist.is_file() == has_role
    assert ('href="tiny/checklist/"' in _primary_nav(out / lang / "index.html")) == has_role
    if has_role:
        html = checklist.read_text(encoding="utf-8")
        assert all(label in html for label in ("A1", "A2", "C1"))
    # the real frameworks are unaffected either way
    assert (out / lang / "coaching-professional" / "checklist" / "index.html").is_file()
    assert not (out / lang / "jobcoach-eindtermen" / "checklist" / "index.html").exists()


@pytest.mark.parametrize("lang", ["", "nl/"])
def test_a_workbook_exactly_when_the_ksb_role_is_declared(site: tuple[str, Path], lang: str) -> None:
    """Driven by the role, not the name: without assessment methods each item gets one general evidence note."""
    variant, out = site
    has_role = variant == "ksb-role"
    workbook = out / lang / "tiny" / "workbook" / "index.html"
    assert workbook.is_file() == has_role
    assert ('href="tiny/workbook/"' in _primary_nav(out / lang / "index.html")) == has_role
    if has_role:
        html = workbook.read_text(encoding="utf-8")
        assert html.count('data-method="TINY:') == 3 and html.count('class="cr-wb-item"') == 3
    assert (out / lang / "coaching-professional" / "workbook" / "index.html").is_file()


@pytest.mark.parametrize(("lang", "prefix"), [("en", ""), ("nl", "nl/")])
def test_a_framework_with_only_its_checked_on_date_gets_a_status_panel_and_lines(
    site: tuple[str, Path], lang: str, prefix: str
) -> None:
    """TINY gives its checked_on date (required) but no status_note and no panel facts: its page still has a status
    panel with that date and its version and status, and every other page's status line gives both and links it."""
    from html import escape

    from generator.render.strings import t

    _variant, out = site
    home = (out / prefix / "tiny" / "index.html").read_text(encoding="utf-8")
    default = t("status-default", lang, version="0.1", status=t("status.published", lang))
    assert 'id="status"' in home and escape(t("status-checked-on", lang, date="2026-11-01"), quote=False) in home
    assert escape(default, quote=False) in home
    for page in ("tiny/abilities", "tiny/abilities/a1"):
        html = (out / prefix / page / "index.html").read_text(encoding="utf-8")
        line = html[html.index('class="cr-status-line"') :]
        line = line[: line.index("</p>")]
        checked = t("status-checked-short", lang, date="2026-11-01")
        assert escape(default, quote=False) in line and escape(checked, quote=False) in line, page
        assert '#status"' in line, page
