"""Rules on page addresses: a retired id is retired once, and no two ids of a group (items or retired) would be
given the same page address (generator/model/urls.py: the group's folder and the id's slug)."""

from __future__ import annotations

from collections.abc import Iterator

from generator.diagnostics.problem import Problem
from generator.load.documents import Document
from generator.model.urls import slug
from generator.validate.rules.index import Index, at

_SLUG_RULE = (
    "a page address is the group's folder and the last part of the id, lower-cased, with every "
    "character other than a-z, 0-9 and - made a -"
)


def group_ids(doc: Document) -> Iterator[tuple[str, str, bool]]:
    """(id, JSON Pointer to it, retired?) of every item and retired entry of a group file, in file order."""
    for i, item in enumerate(doc.data["items"]):
        yield item["id"], f"/items/{i}/id", False
    for i, entry in enumerate(doc.data.get("retired", [])):
        yield entry["id"], f"/retired/{i}/id", True


def _group_docs(index: Index) -> Iterator[tuple[str, Document]]:
    for folder, docs in sorted(index.loaded.groups.items()):
        if folder in index.prefix_of_folder:
            yield from ((folder, doc) for doc in docs)


def retired_once(index: Index) -> Iterator[Problem]:
    """An id is retired by one entry only (a second would make a second page at the same address)."""
    first: dict[str, tuple[Document, str]] = {}
    for _folder, doc in _group_docs(index):
        for ident, pointer, retired in group_ids(doc):
            if not retired:
                continue
            if ident in first:
                where, at_pointer = first[ident]
                yield at(
                    doc,
                    pointer,
                    "duplicate-id",
                    f'"{ident}" is already retired in {where.rel}:{where.where(at_pointer)[0]}',
                    "retire an id once: remove this entry",
                )
            else:
                first[ident] = (doc, pointer)


def retired_case_clashes(index: Index) -> Iterator[Problem]:
    """A retired id does not equal another id (live or retired) but for case: both pages would share an address."""
    first = {d.ident.casefold(): (d.ident, d.doc, d.pointer) for d in reversed(index.definitions)}
    for _folder, doc in _group_docs(index):
        for ident, pointer, retired in group_ids(doc):
            other, where, at_pointer = first.setdefault(ident.casefold(), (ident, doc, pointer))
            if retired and other != ident:
                yield at(
                    doc,
                    pointer,
                    "id-case-clash",
                    f'retired id "{ident}" differs only in case from "{other}" '
                    f"({where.rel}:{where.where(at_pointer)[0]})",
                    "pages are named by ids, where case does not count: retire the id exactly as it was published",
                )


def page_clashes(index: Index) -> Iterator[Problem]:
    """No two ids of a group share a slug (ids that differ only in case are reported as id-case-clash), and no item
    page would take the address of its group's own page."""
    for folder, doc in _group_docs(index):
        pages = doc.data.get("item_pages", True)
        seen: dict[str, tuple[str, str]] = {}
        for ident, pointer, _retired in group_ids(doc):
            name = slug(ident)
            address = f"{folder}/{doc.path.stem}/{name}/"
            if pages and name == "index":
                yield at(
                    doc,
                    pointer,
                    "page-clash",
                    f'"{ident}" would take the address of its group\'s own page, {folder}/{doc.path.stem}/',
                    f'{_SLUG_RULE}: the last part of an id cannot be "index"',
                )
                continue
            other, at_pointer = seen.setdefault(name, (ident, pointer))
            if other.casefold() != ident.casefold():
                yield at(
                    doc,
                    pointer,
                    "page-clash",
                    f'"{ident}" would have the same page address as "{other}" '
                    f"({doc.rel}:{doc.where(at_pointer)[0]}): {address}",
                    f"{_SLUG_RULE}: make the last parts of the two ids differ",
                )
