"""Text from the data is content, never markup: HTML and Markdown syntax in a YAML string show as text."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest

from generator.model import urls
from generator.render import markup
from generator.render.site.generate import generate

from ..conftest import PROJECT, fixture_project
from ..helpers import model_of

#: The Markdown extensions of mkdocs.yml that matter for escaping.
EXTENSIONS = ["admonition", "attr_list", "def_list", "tables", "toc"]
HOSTILE = (
    '<script>alert(1)</script> <img src=x onerror="alert(2)"> *bold* _it_ [link](https://evil.example) '
    "`code` # h {: .x} | a | &amp; \\ 1. two"
)


def render(md: str) -> str:
    return markdown.markdown(md, extensions=EXTENSIONS)


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(HOSTILE, id="html-and-markdown"),
        pytest.param("1. Not a list", id="numbered-line"),
        pytest.param("# Not a heading", id="heading"),
        pytest.param("- not a bullet", id="bullet"),
        pytest.param("> not a quote", id="quote"),
    ],
)
def test_escaped_text_renders_as_the_same_text(value: str) -> None:
    html = render(markup.text(value))
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "<strong>" not in html and "<em>" not in html and "<code>" not in html
    assert "<h1" not in html and "<ol>" not in html and "<ul>" not in html and "<blockquote>" not in html
    assert "<table" not in html
    visible = re.sub(r"<[^>]+>", "", html).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    assert visible.replace("&quot;", '"') == " ".join(value.split())  # the text survives


def test_escaped_text_inside_a_table_cell_stays_in_its_cell() -> None:
    html = render("| a | b |\n|---|---|\n| " + markup.text("x | y") + " | z |")
    assert html.count("<td>") == 2


def test_html_text_escapes_quotes_for_attributes() -> None:
    assert markup.html_text('"><script>') == "&quot;&gt;&lt;script&gt;"


def test_a_script_in_a_yaml_string_shows_as_text_on_the_generated_page(tmp_path: Path) -> None:
    root = fixture_project(tmp_path / "p")
    knowledge = root / "standards/demo/knowledge.yaml"
    original = knowledge.read_text(encoding="utf-8")
    start = original.index('en: "Knows the first thing.')
    end = original.index("\n", start)
    knowledge.write_text(original[:start] + 'en: "<script>alert(1)</script> **x**"' + original[end:], encoding="utf-8")
    generate(model_of(root), root / "docs" / urls.GENERATED)
    page = (root / "docs/generated/demo/knowledge/k1.en.md").read_text(encoding="utf-8")
    front, body = page.split("\n---\n", 1)  # MkDocs reads front matter as data, never as Markdown
    assert "<" not in front  # the JSON-LD there has <, > and & escaped, so it cannot close its <script>
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in front  # the page title: escaped text
    html = render(body)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>" not in html and "<strong>x" not in html
    assert markup.yaml_title("<script>") == '"&lt;script&gt;"'
    side = (root / "docs/generated/demo/side-by-side.en.md").read_text(encoding="utf-8")
    assert "<script>alert" not in side and "&lt;script&gt;alert(1)" in side


def test_glossary_terms_are_linked_once_and_escaped() -> None:
    terms = [(markup.term_pattern("kern"), "glossary.md#kern")]
    seen: set[str] = set()
    out = markup.linkify_terms("De kern <b>en</b> de kern.", terms, seen)
    assert out == "De [kern](glossary.md#kern) &lt;b&gt;en&lt;/b&gt; de kern\\."
    assert seen == {"glossary.md#kern"}


def test_el_escapes_text_and_attributes_and_keeps_raw_markup() -> None:
    cell = markup.el("td", "<b> & ", markup.raw("<em>ok</em>"), class_='x"y', data_order=3, hidden=True, lang=None)
    assert cell == '<td class="x&quot;y" data-order="3" hidden>&lt;b&gt; &amp; <em>ok</em></td>'
    assert markup.void("rect", x=1, fill="#fff") == '<rect x="1" fill="#fff"/>'


def test_table_puts_caption_head_and_rows_in_place() -> None:
    lines = markup.table(
        "A < B", [markup.el("tr", markup.col("h"))], [markup.el("tr", markup.el("td", "1"))], class_="cr-table", id="t"
    )
    assert lines == [
        '<table class="cr-table" id="t">',
        "<caption>A &lt; B</caption>",
        '<thead><tr><th scope="col">h</th></tr></thead>',
        "<tbody>",
        "<tr><td>1</td></tr>",
        "</tbody>",
        "</table>",
    ]


@pytest.mark.parametrize(
    ("url", "target"),
    [
        ("https://example.org/a b", "https://example.org/a%20b"),
        ("https://example.org/x)](javascript:alert(1)", "https://example.org/x%29]%28javascript:alert%281%29"),
        ('https://example.org/"><script>', "https://example.org/%22%3E%3Cscript%3E"),
        ("https://example.org/p?q=1&r=2#s", "https://example.org/p?q=1&r=2#s"),
    ],
)
def test_a_url_cannot_end_its_link_early(url: str, target: str) -> None:
    assert markup.href(url) == target
    html = render(markup.link("label", url))
    assert html.count("<a ") == 1 and "<script" not in html


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        pytest.param("rationale", "rationale", id="plain"),
        pytest.param("a`b", "a`b", id="backtick-inside"),
        pytest.param("<script>", "&lt;script&gt;", id="html"),
    ],
)
def test_code_shows_its_value_as_code(value: str, shown: str) -> None:
    assert render(markup.code(value)) == f"<p><code>{shown}</code></p>"


def test_text_with_escapes_the_string_and_fills_its_placeholders_with_markup() -> None:
    md = markup.text_with("Columns (*{columns}*, …) [x]", columns=markup.code("id"))
    assert render(md) == "<p>Columns (*<code>id</code>*, …) [x]</p>"
    with pytest.raises(KeyError):
        markup.text_with("{missing}")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_downloads_page_shows_csv_column_names_as_code(lang: str) -> None:
    from generator.render.exports.csv_export import CROSSWALK_COLUMNS, FRAMEWORK_COLUMNS
    from generator.render.site.downloads import EXAMPLE_COLUMNS, RECONFIRM_COLUMN, Download, downloads_page

    assert set(EXAMPLE_COLUMNS) <= set(FRAMEWORK_COLUMNS) | set(CROSSWALK_COLUMNS)
    assert CROSSWALK_COLUMNS[-1] == RECONFIRM_COLUMN  # the page says it is the last column
    page = downloads_page(model_of(PROJECT), [Download("csv/x-en.csv", "csv", b"")], lang, "")
    html = render(page)
    assert all(f"<code>{name}</code>" in html for name in (*EXAMPLE_COLUMNS, RECONFIRM_COLUMN))
