"""A small HTML scanner for the site tests: links, loaded resources, ids, the h1 and the badges of a page."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

#: Elements and attributes through which a browser *loads* something (as opposed to links a reader follows).
RESOURCE_ATTRS = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "audio": "src",
    "video": "src",
    "embed": "src",
    "object": "data",
}
LOADED_LINK_RELS = {
    "stylesheet",
    "icon",
    "preload",
    "modulepreload",
    "manifest",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "apple-touch-icon",
}


@dataclass
class Scan:
    """What one page contains."""

    links: list[str] = field(default_factory=list)
    resources: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    h1: str = ""
    badges: list[tuple[str, str]] = field(default_factory=list)  # (css class, text)
    html_lang: str = ""


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = Scan()
        self._h1 = False
        self._badge: list[str] | None = None
        self._badge_class = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.scan.html_lang = a.get("lang", "")
        if "id" in a:
            self.scan.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.scan.links.append(a["href"])
        if tag in RESOURCE_ATTRS and a.get(RESOURCE_ATTRS[tag]):
            self.scan.resources.append(a[RESOURCE_ATTRS[tag]])
        if tag == "link" and LOADED_LINK_RELS & set(a.get("rel", "").split()):
            self.scan.resources.append(a.get("href", ""))
        if tag == "h1":
            self._h1 = True
        if tag == "span" and "cr-badge" in a.get("class", "").split():
            self._badge, self._badge_class = [], a["class"]

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1":
            self._h1 = False
        if tag == "span" and self._badge is not None:
            self.scan.badges.append((self._badge_class, "".join(self._badge).strip()))
            self._badge = None

    def handle_data(self, data: str) -> None:
        if self._h1:
            self.scan.h1 += data
        if self._badge is not None:
            self._badge.append(data)


def scan(path: Path) -> Scan:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    parser.scan.h1 = parser.scan.h1.strip()
    return parser.scan
