"""Who publishes the site (mkdocs.yml `extra.publisher`): the about page names the publisher, the address to report
an error and the licence of our own texts, in both languages; the foot of every page repeats them with the data
date; a missing or malformed setting stops the build with a located one-line error and the old site kept."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.model.dates import data_date
from generator.model.types import Model
from generator.render.site.publisher import LICENCE_URL, PublisherError, settings
from generator.render.strings import t

from ..conftest import BuiltSite, copy_project
from ..helpers import run_cli

pytestmark = pytest.mark.site


def published(root: Path) -> dict[str, str]:
    """name and contact as the project's mkdocs.yml gives them (read with the tag-tolerant loader)."""
    from generator.config import _TolerantLoader

    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TolerantLoader)  # a SafeLoader
    return dict(config["extra"]["publisher"])


@pytest.mark.parametrize(("lang", "page"), [("en", "about/index.html"), ("nl", "nl/about/index.html")])
def test_the_about_page_names_the_publisher_the_error_route_and_our_licence(
    built_site: BuiltSite, lang: str, page: str
) -> None:
    who = published(built_site.root)
    html = (built_site.site / page).read_text(encoding="utf-8")
    assert "coachref:" not in html, "a marker line was left in the page"
    assert f"<strong>{who['name']}</strong>" in html
    contact = f'<a href="{who["contact"]}">{who["contact"].removeprefix("mailto:")}</a>'
    assert html.count(contact) == 2, "the publisher paragraph and the report-an-error paragraph both link it"
    assert f'<a href="{LICENCE_URL}">{t("publisher.licence-name", lang)}</a>' in html
    assert 'id="report-an-error"' in html if lang == "en" else 'id="een-fout-melden"' in html  # linked anchors


@pytest.mark.parametrize(
    "page",
    [
        "index.html",
        "coaching-professional/knowledge/k1/index.html",
        "nl/jobcoach-eindtermen/index.html",
        "nl/courses/check/index.html",
    ],
)
def test_the_foot_of_every_page_names_publisher_contact_licence_and_data_date(
    built_site: BuiltSite, model: Model, page: str
) -> None:
    lang = "nl" if page.startswith("nl/") else "en"
    who = published(built_site.root)
    html = (built_site.site / page).read_text(encoding="utf-8")
    foot = html[html.index('<div class="md-copyright">') :]
    foot = foot[: foot.index("</div>\n</div>") if "</div>\n</div>" in foot else len(foot)]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", foot))
    assert t("publisher.footer", lang, name=who["name"]) in text
    assert f'<a href="{who["contact"]}">{t("publisher.footer-contact", lang)}</a>' in foot
    assert f'href="{LICENCE_URL}" rel="license"' in foot
    assert f"{t('print-data-date', lang)} {data_date(model)}" in text


BAD = [
    ("publisher: {name: coachref}", "extra.publisher.contact must be an https: or mailto: address", "publisher"),
    ("publisher: {name: coachref, contact: 'http://example.org/'}", "extra.publisher.contact must be", "contact"),
    ("publisher: {name: '  ', contact: 'mailto:a@example.org'}", "extra.publisher.name must be", "name"),
    ("publisher: 'mailto:a@example.org'", "extra.publisher is missing", "extra"),
]


@pytest.mark.parametrize(("setting", "message", "where"), BAD)
def test_a_wrong_publisher_setting_is_located_and_explained(
    tmp_path: Path, setting: str, message: str, where: str
) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: x\nextra:\n  generator: false\n  {setting}\n", encoding="utf-8")
    extra = yaml.safe_load(config.read_text(encoding="utf-8"))["extra"]
    with pytest.raises(PublisherError) as caught:
        settings(extra, config)
    line, col = {"extra": (3, 3), "publisher": (4, 14), "contact": (4, 40), "name": (4, 21)}[where]
    assert str(caught.value).startswith(f"{config}:{line}:{col}: {message}"), str(caught.value)


def test_a_build_without_a_contact_stops_with_the_located_error_and_keeps_the_old_site(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    contact = next(line for line in text.splitlines() if line.strip().startswith("contact:"))
    config.write_text(text.replace(contact, contact.split(":")[0] + ": editors at example dot org"), encoding="utf-8")
    site = root / "site"
    site.mkdir()
    (site / ".coachref-site").write_text("", encoding="utf-8")
    (site / "index.html").write_text("the old site", encoding="utf-8")
    code, out, err = run_cli(["build"], root)
    line = text.splitlines().index(contact) + 1
    assert code != 0
    assert f"mkdocs.yml:{line}:" in err and "extra.publisher.contact must be an https: or mailto: address" in err
    assert "Traceback" not in err + out
    assert (site / "index.html").read_text(encoding="utf-8") == "the old site"
