"""Text from the data is content, never markup: HTML and Markdown syntax in a YAML string show as text."""

from __future__ import annotations

import shutil
from pathlib import Path

import markdown
import pytest

from generator.site import markup, urls
from generator.site.generate import generate

from ..conftest import PROJECT
from ..helpers import model_of

#: The Markdown extensions of mkdocs.yml that matter for escaping.
EXTENSIONS = ["admonition", "attr_list", "def_list", "tables", "toc"]
HOSTILE = ('<script>alert(1)</script> <img src=x onerror="alert(2)"> *bold* _it_ [link](https://evil.example) '
           '`code` # h {: .x} | a | &amp; \\ 1. two')


def render(md: str) -> str:
    return markdown.markdown(md, extensions=EXTENSIONS)


@pytest.mark.parametrize("value", [
    pytest.param(HOSTILE, id="html-and-markdown"),
    pytest.param("1. Not a list", id="numbered-line"),
    pytest.param("# Not a heading", id="heading"),
    pytest.param("- not a bullet", id="bullet"),
    pytest.param("> not a quote", id="quote"),
])
def test_escaped_text_renders_as_the_same_text(value: str) -> None:
    html = render(markup.text(value))
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "<strong>" not in html and "<em>" not in html and "<code>" not in html
    assert "<h1" not in html and "<ol>" not in html and "<ul>" not in html and "<blockquote>" not in html
    assert "<table" not in html


def test_escaped_text_inside_a_table_cell_stays_in_its_cell() -> None:
    html = render("| a | b |\n|---|---|\n| " + markup.text("x | y") + " | z |")
    assert html.count("<td>") == 2


def test_html_text_escapes_quotes_for_attributes() -> None:
    assert markup.html_text('"><script>') == "&quot;&gt;&lt;script&gt;"


def test_a_script_in_a_yaml_string_shows_as_text_on_the_generated_page(tmp_path: Path) -> None:
    for part in ("standards", "schemas"):
        shutil.copytree(PROJECT / part, tmp_path / part)
    knowledge = tmp_path / "standards/coaching-professional/knowledge.yaml"
    original = knowledge.read_text(encoding="utf-8")
    start = original.index('en: "Knows the main theories')
    end = original.index("\n", start)
    knowledge.write_text(original[:start] + 'en: "<script>alert(1)</script> **x**"' + original[end:], encoding="utf-8")
    generate(model_of(tmp_path), tmp_path / "docs" / urls.GENERATED)
    page = (tmp_path / "docs/generated/coaching-professional/knowledge/k1.en.md").read_text(encoding="utf-8")
    html = render(page)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>" not in html and "<strong>x" not in html
    assert markup.yaml_title("<script>") == '"&lt;script&gt;"'
    side = (tmp_path / "docs/generated/coaching-professional/side-by-side.en.md").read_text(encoding="utf-8")
    assert "<script>alert" not in side and "&lt;script&gt;alert(1)" in side


def test_glossary_terms_are_linked_once_and_escaped() -> None:
    terms = [(markup.term_pattern("kern"), "glossary.md#kern")]
    seen: set[str] = set()
    out = markup.linkify_terms("De kern <b>en</b> de kern.", terms, seen)
    assert out == "De [kern](glossary.md#kern) &lt;b&gt;en&lt;/b&gt; de kern\\."
    assert seen == {"glossary.md#kern"}
