"""Stable page paths: framework, group and item ids → site-relative paths and URLs.

The rule (published; never change it, because bookmarks, exports and course files point at it):

* framework overview:  ``<framework folder>/``                      e.g. ``coaching-professional/``
* group index:         ``<framework folder>/<group file stem>/``     e.g. ``coaching-professional/knowledge/``
* item page:           ``<framework folder>/<group file stem>/<slug>/``, where ``<slug>`` is the last
  ``:``-separated part of the item id, lower-cased, with every character outside ``a-z 0-9 -`` replaced by
  ``-``: ``ST0809:K1`` → ``coaching-professional/knowledge/k1/``, ``BVJN:intake-assessment:a`` →
  ``jobcoach-eindtermen/intake-assessment/a/``, ``CLCAS:commitments:1-1`` →
  ``clcas-career-coach/commitments/1-1/``.
* items of a group with ``item_pages: false`` have no page; they live at ``<group index>#<slug>``.
* crosswalk of a framework pair, read from one side: ``mappings/<left id>--<right id>/``, ids lower-cased,
  e.g. ``mappings/st0809--bvjn/`` and ``mappings/bvjn--st0809/``; its matrix at ``…/matrix/``.
* coverage and gaps of every crosswalk: ``mappings/coverage/``.
* KSB matrix of a group whose items point at KSBs: ``<framework folder>/<group file stem>-matrix/``, e.g.
  ``coaching-professional/duties-matrix/``.
* Dutch pages have the same path under ``nl/``.

Source files are written to ``docs/generated/<path>.<lang>.md``; the coachref plugin drops the ``generated/`` part
from the published address.
"""

from __future__ import annotations

import posixpath
import re
from functools import cache

from generator.model.types import Framework, Group, Item, Model

GENERATED = "generated"
_UNSAFE = re.compile(r"[^a-z0-9-]")


def slug(item_id: str) -> str:
    """The item's slug: last id segment, lower-cased, unsafe characters replaced by '-'."""
    return _UNSAFE.sub("-", item_id.rsplit(":", 1)[-1].lower())


def framework_page(fw: Framework) -> str:
    """Source path (no language suffix, no .md) of a framework overview."""
    return f"{fw.folder}/index"


def group_page(fw: Framework, group: Group) -> str:
    return f"{fw.folder}/{group.stem}/index"


def item_page(fw: Framework, group: Group, item: Item) -> str:
    return f"{fw.folder}/{group.stem}/{slug(item.id)}"


def retired_page(fw: Framework, group: Group, item_id: str) -> str:
    """Where a retired item's page was, and stays (it now names the successor): the item page rule."""
    return f"{fw.folder}/{group.stem}/{slug(item_id)}"


def special_page(name: str, fw: Framework | None = None) -> str:
    """Pages that are not frameworks, groups or items: frameworks, glossary, side-by-side, checklist, mappings."""
    return f"{fw.folder}/{name}" if fw else name


COVERAGE = "mappings/coverage"
#: The editions page: every edition, and which one the site shows.
EDITIONS = "editions"


def coverage_anchor(framework: str, counterpart: str) -> str:
    """Anchor on the coverage page of one framework (id) covered by another: e.g. ``st0809-by-bvjn``."""
    return f"{framework}-by-{counterpart}".lower()


def crosswalk_page(left: str, right: str) -> str:
    """Source path of the crosswalk between two frameworks (ids), read from `left`."""
    return f"mappings/{left.lower()}--{right.lower()}/index"


def matrix_page(left: str, right: str) -> str:
    return f"mappings/{left.lower()}--{right.lower()}/matrix"


def link_matrix_page(fw: Framework, group: Group) -> str:
    return f"{fw.folder}/{group.stem}-matrix"


def item_target(model: Model, item_id: str) -> tuple[str, str]:
    """(source path, anchor) where an item is shown: its own page, or its group page with an anchor."""
    item = model.items[item_id]
    group = model.groups[item.group]
    fw = model.framework[item.framework]
    if group.item_pages:
        return item_page(fw, group, item), ""
    return group_page(fw, group), slug(item.id)


@cache
def relative(target: str, start: str) -> str:
    """`posixpath.relpath` for two site-relative paths, without its calls to the file system (hot: thousands of
    links per build)."""
    to = [part for part in target.split("/") if part not in ("", ".")]
    base = [part for part in start.split("/") if part not in ("", ".")]
    same = 0
    while same < min(len(to), len(base)) and to[same] == base[same]:
        same += 1
    return "/".join([".."] * (len(base) - same) + to[same:]) or "."


def md_link(from_path: str, to_path: str, anchor: str = "") -> str:
    """Relative link between two generated source pages, as MkDocs resolves it (to the .md file)."""
    rel = relative(to_path + ".md", posixpath.dirname(from_path))
    return rel + (f"#{anchor}" if anchor else "")


def url_of(path: str) -> str:
    """Published URL (relative to the language root) of a source path: 'a/b/index' → 'a/b/', 'a/b' → 'a/b/'."""
    if path == "index":
        return ""
    return (path[: -len("/index")] if path.endswith("/index") else path) + "/"


def html_link(from_path: str, to_path: str, anchor: str = "") -> str:
    """Relative URL between two published pages, for links inside raw HTML (MkDocs does not rewrite those)."""
    base = url_of(from_path) or "."
    rel = relative(url_of(to_path), base)
    rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{anchor}" if anchor else "")
