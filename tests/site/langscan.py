"""Finds the other language's interface strings on a built page, using the catalogues in generator/render/strings/."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import yaml

from generator.render.strings import catalogue

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SKIPPED = {"script", "style", "template", "svg", "code"}
SHOWN_ATTRS = ("aria-label", "title", "placeholder", "alt")
_PLACEHOLDER = re.compile(r"\{\w+\}")
_MARKDOWN = re.compile(r"\[([^\]]*)\]\([^)]*\)|[`*_]")


class _Text(HTMLParser):
    """Interface text a reader sees or hears: code and elements that carry a `lang` (data text) are left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page_lang = ""
        self.parts: list[str] = []
        self._stack: list[tuple[str, bool]] = []  # (tag, is this element out of scope)

    def _out(self) -> bool:
        return bool(self._stack) and self._stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.page_lang = a.get("lang", "")
            return
        out = self._out() or tag in SKIPPED or "lang" in a  # data text carries its own lang
        if not out:
            self.parts.extend(a[k] for k in SHOWN_ATTRS if a.get(k))
        if tag not in VOID:
            self._stack.append((tag, out))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i][0] == tag:
                del self._stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if not self._out():
            self.parts.append(data)


def page_text(path: Path) -> tuple[str, str]:
    """(page language, its visible text in that language, whitespace collapsed)."""
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.page_lang, " ".join(" ".join(parser.parts).split())


@cache
def foreign_fragments(lang: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Fragments of the other language's strings that differ from this language's, as word-bounded patterns."""
    tables = catalogue()
    other = "en" if lang == "nl" else "nl"
    own_text = " ".join(_MARKDOWN.sub(r"\1", s) for s in tables[lang].values())  # type: ignore[index]
    found: dict[str, re.Pattern[str]] = {}
    for key, text in tables[other].items():  # type: ignore[index]
        if text == tables[lang][key]:  # type: ignore[index]
            continue
        for piece in _PLACEHOLDER.split(_MARKDOWN.sub(r"\1", text)):
            piece = " ".join(piece.strip(" .,:;()\"'→–-").split())
            if len(piece) < 4 or not re.search(r"[A-Za-z]{3}", piece):
                continue
            pattern = re.compile(r"(?<![\w-])" + re.escape(piece) + r"(?![\w-])")
            if pattern.search(own_text):
                continue  # the same words are also ours (a name, a code)
            found[piece] = pattern
    return tuple(sorted(found.items()))


def data_texts(standards: Path, lang: str) -> str:
    """Every `lang` text of the data: words there are the data's own (a name quoted in the other language)."""
    out: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get(lang), str):
                out.append(node[lang])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted(standards.rglob("*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return "\n".join(out)


@dataclass(frozen=True)
class Leak:
    page: str
    fragment: str


def leaks(site: Path, standards: Path) -> list[Leak]:
    """Every other-language interface fragment on every built HTML page of `site` that the data does not use."""
    own = {lang: data_texts(standards, lang) for lang in ("en", "nl")}
    out: list[Leak] = []
    for path in sorted(site.rglob("*.html")):
        lang, text = page_text(path)
        if lang not in ("en", "nl"):
            continue
        for fragment, pattern in foreign_fragments(lang):
            if pattern.search(text) and not pattern.search(own[lang]):
                out.append(Leak(str(path.relative_to(site)), fragment))
    return out
