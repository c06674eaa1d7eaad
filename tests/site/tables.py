"""Read the raw-HTML tables of a built page (crosswalks, matrices, coverage) into rows of cells, for the tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


@dataclass
class Cell:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    hrefs: list[str] = field(default_factory=list)


@dataclass
class Row:
    attrs: dict[str, str]
    section: str  # thead, tbody or tfoot
    cells: list[Cell] = field(default_factory=list)

    def texts(self) -> list[str]:
        return [c.text for c in self.cells]


@dataclass
class Table:
    attrs: dict[str, str]
    caption: str = ""
    rows: list[Row] = field(default_factory=list)

    def body(self) -> list[Row]:
        return [r for r in self.rows if r.section == "tbody"]

    def section(self, name: str) -> list[Row]:
        return [r for r in self.rows if r.section == name]


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[Table] = []
        self._table: Table | None = None
        self._section = "tbody"
        self._cell: Cell | None = None
        self._caption = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "table":
            self._table = Table(a)
            self.tables.append(self._table)
        elif self._table is None:
            return
        elif tag in ("thead", "tbody", "tfoot"):
            self._section = tag
        elif tag == "caption":
            self._caption = True
        elif tag == "tr":
            self._table.rows.append(Row(a, self._section))
        elif tag in ("td", "th") and self._table.rows:
            self._cell = Cell(tag, a)
            self._table.rows[-1].cells.append(self._cell)
        elif tag == "a" and self._cell is not None:
            self._cell.hrefs.append(a.get("href", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._table = None
            self._section = "tbody"
        elif tag in ("td", "th"):
            if self._cell is not None:
                self._cell.text = " ".join(self._cell.text.split())
            self._cell = None
        elif tag == "caption":
            self._caption = False
        elif tag in ("thead", "tfoot"):
            self._section = "tbody"

    def handle_data(self, data: str) -> None:
        if self._caption and self._table is not None:
            self._table.caption += data
        elif self._cell is not None:
            self._cell.text += data


def tables(path: Path) -> list[Table]:
    """Every table of a built page, in document order."""
    return parse(path.read_text(encoding="utf-8"))


def parse(text: str) -> list[Table]:
    """Every raw-HTML table of a page's HTML, or of a generated page's Markdown, in document order."""
    parser = _Parser()
    parser.feed(text)
    return parser.tables


def table(path: Path, css_class: str) -> Table:
    """The one table of `path` with `css_class`; fails when there is none or more than one."""
    found = [t for t in tables(path) if css_class in t.attrs.get("class", "").split()]
    assert len(found) == 1, f"{path}: {len(found)} tables with class {css_class}"
    return found[0]
