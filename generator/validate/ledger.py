"""URLs that never break: the committed ledger of every page address the site has published (published-urls.txt),
and the check that the data still publishes each of them.

A page whose item was retired (a group's `retired:` entry) keeps its address: it becomes a page that names the
successor (generator/render/site/retired.py). An address in the ledger that the site would no longer have is the error
`url-dropped`, located at its line in the ledger; `coachref urls --update` rewrites the ledger when dropping an
address is intended (review the diff: the ledger is committed). The editions page is in the ledger, the pages of
changes between editions are not: render/site/editions_pages.py says why.
"""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics.problem import Problem
from generator.load.documents import decode
from generator.load.loaded import Loaded
from generator.load.read import read_bytes
from generator.model import inventory
from generator.model.inventory import SlugClash
from generator.model.types import Model
from generator.model.urls import url_of
from generator.write import write_if_changed

LEDGER = "published-urls.txt"
HEADER = (
    "# Every page address the site publishes, relative to site_url (English at the root, Dutch under nl/).",
    "# A build fails when one of them would disappear: retire the item instead (a `retired:` entry in its",
    "# group file, with replaced_by or a reason). Regenerate with `coachref urls --update` and commit.",
)

#: The hint for a ledger that cannot be read as UTF-8 (regenerating it would forget what was published before).
_RESTORE = "save it as UTF-8, or restore it from version control"


def site_urls(model: Model) -> list[str]:
    """Every address of a generated page, both languages, sorted (the page inventory is the one list of pages)."""
    return sorted({prefix + url_of(ref.path) for ref in inventory.pages(model) for prefix in ("", "nl/")})


def read(root: Path) -> list[tuple[int, str]] | Problem:
    """(line number, address) of every address in the ledger (none when there is no ledger yet), or the problem
    that stops it being read: not UTF-8, not a plain file, unreadable."""
    path = root / LEDGER
    if not path.exists() and not path.is_symlink():
        return []
    raw = read_bytes(path, LEDGER, root)
    text = raw if isinstance(raw, Problem) else decode(raw, LEDGER, _RESTORE)
    if isinstance(text, Problem):
        return text
    lines = text.split("\n")
    return [(n, line.strip()) for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]


def render(urls: list[str]) -> str:
    return "\n".join([*HEADER, *urls]) + "\n"


def dropped(model: Model, root: Path, loaded: Loaded) -> list[Problem]:
    """An error for each address in the ledger that the site would no longer publish (or the one that stops the
    ledger being read, or two pages that would share an address)."""
    listed = read(root)
    if isinstance(listed, Problem):
        return [listed]
    try:
        have = set(site_urls(model))
    except SlugClash as clash:  # what validate/rules/addresses.py cannot foresee, e.g. a group named workbook
        return [_clash(clash.path, loaded)]
    return [
        Problem(
            LEDGER,
            line,
            1,
            "url-dropped",
            f'the site would no longer publish "{url}"',
            "",
            "error",
            "if an item was removed or renamed, add a `retired:` entry for its id to its group file "
            "(replaced_by: the new id, or a reason); if dropping it is intended, run coachref urls --update",
        )
        for line, url in listed
        if url not in have
    ]


def _clash(path: str, loaded: Loaded) -> Problem:
    """A page-clash problem at the framework (and the group) whose page would take an address that is taken."""
    parts = path.split("/")
    hint = "rename the group (or the framework's folder) so that its pages get addresses of their own"
    doc = loaded.frameworks.get(parts[0])
    if doc is None:
        return Problem(
            "standards", 1, 1, "page-clash", f"two pages would be published at {url_of(path)}", "", hint=hint
        )
    groups = doc.data["groups"]
    group = parts[1] if len(parts) > 1 and parts[1] in groups else None
    what = f'the page of group "{group}"' if group else "a page of this framework"
    pointer = f"/groups/{groups.index(group)}" if group else "/id"
    line, col = doc.where(pointer)
    return Problem(
        doc.rel,
        line,
        col,
        "page-clash",
        f"{what} would be published at {url_of(path)}, an address another page of the site already has",
        pointer,
        hint=hint,
    )


def update(model: Model, root: Path) -> tuple[list[str], list[str]]:
    """Rewrite the ledger with the current addresses, all or nothing; return (added, removed)."""
    listed = read(root)
    old = set() if isinstance(listed, Problem) else {url for _, url in listed}
    new = site_urls(model)
    try:
        write_if_changed(root / LEDGER, render(new))
    except OSError as exc:  # a full disk: the old ledger stays as it was; say which file could not be written
        raise OSError(exc.errno, exc.strerror, str(root / LEDGER)) from exc
    return sorted(set(new) - old), sorted(old - set(new))
