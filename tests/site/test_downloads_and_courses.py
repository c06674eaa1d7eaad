"""The downloads page and the published course reports: files match the exports, reports match the CLI."""

from __future__ import annotations

import re
from html import unescape

import pytest

from generator.course.command import evaluate_file
from generator.course.report_data import as_data
from generator.course.report_words import evidence
from generator.render.exports import EXPORTERS
from generator.render.site.downloads import public_name

from ..conftest import BuiltSite
from ..helpers import model_of

pytestmark = pytest.mark.site


@pytest.mark.parametrize("prefix", ["", "nl/"])
def test_downloads_page_links_every_export_and_each_file_is_the_export(built_site: BuiltSite, prefix: str) -> None:
    html = (built_site.site / prefix / "downloads" / "index.html").read_text(encoding="utf-8")
    links = set(re.findall(r'href="([^"#]+\.(?:csv|xlsx|json|yaml|tsv))"', html))
    model = model_of(built_site.root)
    for fmt in ("csv", "xlsx", "case", "sssom", "json"):
        for name, content in EXPORTERS[fmt](model, None).items():
            public = public_name(f"{fmt}/{name}")
            assert any(link.endswith(public) for link in links), public
            assert (built_site.site / prefix / "downloads" / public).read_bytes() == content


@pytest.mark.parametrize(("lang", "prefix"), [("en", ""), ("nl", "nl/")])
@pytest.mark.parametrize("stem", ["hbo-jobcoach-duaal", "draft-jobcoach", "uk-coaching-professional-l5"])
def test_published_course_report_matches_what_the_cli_reports(
    built_site: BuiltSite, lang: str, prefix: str, stem: str
) -> None:
    report = evaluate_file(model_of(built_site.root), built_site.root, built_site.root / "courses" / f"{stem}.yaml")
    assert not isinstance(report, list)
    data = as_data(report)
    html = (built_site.site / prefix / "courses" / stem / "index.html").read_text(encoding="utf-8")
    inline = re.sub(r"</?span[^>]*>", "", html)  # the course's own words are in a span with their language
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", inline)).split())
    assert " ".join(data["verdict"][lang].split()) in text  # the verdict, gaps named
    assert f"<title>{report.programme}" in html
    items = [i for rs in data["requirement_sets"] for c in rs["conditions"] for i in c.get("items", [])]
    # 31 KSBs for the UK course; 40 eindtermen and 15 methodiek parts (the lead-in left out) for the register
    assert len(items) == (31 if stem == "uk-coaching-professional-l5" else 40 + 15)
    for item in items:
        assert f'href="../../{item["url"]}"' in html
        for ref in item["covered_by"]:
            assert " ".join(evidence(ref, lang).split()) in text  # type: ignore[arg-type]
    # the source's own words under each condition that has them (the BVJN register's foreword)
    quotes = [c["quote"][lang] for rs in data["requirement_sets"] for c in rs["conditions"] if "quote" in c]
    assert bool(quotes) == any(rs["id"] == "BVJN:register" for rs in data["requirement_sets"])
    for quote in quotes:
        assert f"“{' '.join(quote.split())}”" in text


@pytest.mark.parametrize(("lang", "prefix"), [("en", ""), ("nl", "nl/")])
def test_every_worked_example_can_be_downloaded_from_its_report(built_site: BuiltSite, lang: str, prefix: str) -> None:
    """ux.md finding 4: the worked examples were reports only; a provider had to retype them to start from one."""
    from generator.render.strings import t

    examples = sorted(p for p in (built_site.root / "courses").glob("*.yaml") if p.stem != "template")
    assert len(examples) >= 3
    downloads = (built_site.site / prefix / "downloads/index.html").read_text(encoding="utf-8")
    for path in examples:
        published = built_site.site / prefix / "downloads/course" / path.name
        assert published.read_bytes() == path.read_bytes()  # the very file, byte for byte
        assert f'href="course/{path.name}"' in downloads
        page = (built_site.site / prefix / "courses" / path.stem / "index.html").read_text(encoding="utf-8")
        label = t("course-example-download", lang, file=path.name)  # type: ignore[arg-type]
        assert f'<a href="../../downloads/course/{path.name}">{label}</a>' in page
