"""The downloads page and the published course reports: files match the exports, reports match the CLI."""

from __future__ import annotations

import re

import pytest

from generator.compliance.render import render_report
from generator.course import evaluate_file
from generator.exports import EXPORTERS
from generator.site.downloads import public_name

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
def test_published_course_report_matches_what_the_cli_reports(built_site: BuiltSite, lang: str, prefix: str,
                                                              stem: str) -> None:
    report = evaluate_file(model_of(built_site.root), built_site.root, built_site.root / "courses" / f"{stem}.yaml")
    assert not isinstance(report, list)
    markdown = render_report(report, "md", lang)  # type: ignore[arg-type]
    html = (built_site.site / prefix / "courses" / stem / "index.html").read_text(encoding="utf-8")
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    verdict = re.search(r"^\*\*([^*]+)\*\*", markdown, re.MULTILINE)
    assert verdict is not None
    assert verdict.group(1) in text  # e.g. "Oordeel: VOLDOET NIET"
    assert f"<title>{report.programme}" in html
    rows = re.findall(r"^\| ([a-q]|[KSB]\d+) \| .* \| ([^|]+) \|$", markdown, re.MULTILINE)
    assert len(rows) >= 31
    for _letter, covered_by in rows:
        plain = re.sub(r"[*_`\\]", "", covered_by)  # Markdown emphasis and escapes are not in the page text
        assert " ".join(plain.split()) in text
