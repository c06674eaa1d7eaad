"""Write every generated page (an .en.md/.nl.md pair per page) into docs/generated/, write-if-changed,
and delete generated files that no page produces any more."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from generator.course.report_data import as_data
from generator.editions.impact import history as edition_history
from generator.editions.impact import to_reconfirm
from generator.editions.manifest import Edition
from generator.load.documents import Document
from generator.model import inventory, urls
from generator.model.inventory import PageKind
from generator.model.types import LANGUAGES, Lang, Model
from generator.render import markup as mk
from generator.render.site import (
    catalogue,
    check_page,
    checklists,
    coverage_page,
    crosswalk,
    downloads,
    editions_pages,
    ksb_matrix,
    matrix,
    pages,
    retired,
    twins,
    workbook,
)
from generator.render.site.pages import Page
from generator.render.strings import t
from generator.write import write_if_changed


@dataclass(frozen=True)
class Planned:
    """One page to write: its source path (no language suffix, no .md) and its renderer."""

    path: str
    render: Callable[[Page], str]


@dataclass(frozen=True)
class Outcome:
    """What a generation run did."""

    written: tuple[str, ...]
    deleted: tuple[str, ...]
    total: int


#: The renderer of each page kind of the inventory (model/inventory.py). Adding a kind = a row there and a row here.
RENDERERS: dict[PageKind, Callable[..., str]] = {
    "frameworks": pages.frameworks_page,
    "glossary": pages.glossary_page,
    "mappings": crosswalk.mappings_page,
    "coverage": coverage_page.coverage_page,
    "editions": editions_pages.editions_page,
    "crosswalk": crosswalk.crosswalk_page,
    "matrix": matrix.matrix_page,
    "framework": pages.framework_page,
    "side-by-side": checklists.side_by_side_page,
    "checklist": checklists.checklist_page,
    "link-matrix": ksb_matrix.link_matrix_page,
    "workbook": workbook.workbook_page,
    "group": pages.group_page,
    "item": pages.item_page,
    "retired": retired.retired_page,
}


def plan(model: Model) -> list[Planned]:
    """Every page of the site that comes from the data (the inventory, which refuses clashing addresses), each with
    its renderer, in a fixed order."""
    return [Planned(ref.path, partial(RENDERERS[ref.kind], **ref.subject)) for ref in inventory.pages(model)]


def glossary_terms(model: Model) -> dict[str, dict[Lang, list[tuple[str, str]]]]:
    """framework id -> lang -> [(term, anchor on the glossary page)], longest term first."""
    out: dict[str, dict[Lang, list[tuple[str, str]]]] = {}
    for fw in model.frameworks:
        for group in (g for g in fw.groups if g.role == "glossary"):
            for item in group.items:
                for lang in LANGUAGES:
                    names = (item.title.get(lang) if item.title else item.label_in(lang)).split("/")
                    out.setdefault(fw.id, {}).setdefault(lang, []).extend(
                        (n.strip(), urls.slug(item.id)) for n in names if n.strip()
                    )
    for by_lang in out.values():
        for terms in by_lang.values():
            terms.sort(key=lambda x: (-len(x[0]), x[0]))
    return out


def render_all(
    model: Model, root: Path | None = None, courses: Sequence[Document] = (), editions: tuple[Edition, ...] = ()
) -> dict[str, str | bytes]:
    """Source file name (relative to the generated folder) -> content, for every page and language; with the
    project `root`, also the downloads (files and page) and the reports of the checked example `courses`; with
    the frozen `editions`, what changed in each."""
    terms = glossary_terms(model)
    hist = edition_history(model, editions)
    reconfirm = to_reconfirm(model, hist)  # decided once, for every page, twin and download
    files: dict[str, str | bytes] = {}
    twinned = {tw.page: tw for tw in twins.twins(model)}
    for page in plan(model):
        for lang in LANGUAGES:
            ctx = Page(model, page.path, lang, terms, history=hist, reconfirm=reconfirm)
            content = page.render(ctx).rstrip("\n") + "\n"
            if (tw := twinned.get(page.path)) is not None:  # link the twin from the head; write it beside the page
                content = content.replace(
                    pages.HEADER + "\n", "\n".join([pages.HEADER, *twins.front_matter(model, tw, lang), ""]), 1
                )
                files[twins.twin_source(page.path, lang)] = twins.dumps(twins.twin(model, tw, lang, reconfirm))
            files[f"{page.path}.{lang}.md"] = content
    files.update(editions_pages.files(model, hist, root))
    if root is not None:
        files[f"{catalogue.CATALOGUE}.en.json"] = twins.dumps(catalogue.catalogue(model, root, hist))
        for schema in sorted((root / "schemas").glob("*.schema.json")):  # stable URLs: <site_url>schemas/<name>
            files[f"schemas/{schema.name.removesuffix('.json')}.en.json"] = schema.read_bytes()
        items = downloads.files(model, root, reconfirm)
        reports = downloads.course_reports(model, root, courses, hist)
        for d in items:  # once per language folder: static-i18n publishes x.en.csv at /…/x.csv, x.nl.csv at /nl/…
            for lang in LANGUAGES:
                files[f"{downloads.FOLDER}/{downloads.published(d.path, lang)}"] = d.content
        files.update(check_page.check_files(model, root, pages.HEADER, hist))
        for lang in LANGUAGES:
            body = downloads.downloads_page(model, items, lang, f"{downloads.FOLDER}/")
            files[f"{downloads.FOLDER}.{lang}.md"] = f"{pages.HEADER}\n{body.removeprefix('---').lstrip()}"
            course_pages = downloads.course_pages(reports, lang)
            title = t("courses", lang)
            index = [
                pages.HEADER,
                f"title: {mk.yaml_title(title)}",
                "---",
                "",
                f"# {title}",
                "",
                f"**{mk.link(t('check.link', lang), 'courses/check.md')}**: {mk.text(t('check.link-intro', lang))}",
                "",
                t("courses-intro", lang),
                "",
            ]
            index += [
                f"- {mk.link(reports[stem].programme, f'courses/{stem}.md')}: "
                f"{mk.text(as_data(reports[stem])['verdict'][lang])}"
                for stem in course_pages
            ]
            files[f"courses.{lang}.md"] = "\n".join(index) + "\n"
            for stem, body in course_pages.items():
                files[f"courses/{stem}.{lang}.md"] = f"{pages.HEADER}\n{body.removeprefix('---').lstrip()}\n"
    return files


#: In the generated folder: the key of the inputs the pages were last generated from, then one file name a line.
STAMP = ".coachref-stamp"


def generate(
    model: Model,
    out: Path,
    root: Path | None = None,
    courses: Sequence[Document] = (),
    key: str | None = None,
    editions: tuple[Edition, ...] = (),
) -> Outcome:
    """Write the pages into `out` (changed files only) and delete stale generated files there. With a `key` that
    names the inputs (see pipeline.input_key), a folder already generated from the same key is left as it is."""
    stamp = out / STAMP
    if key is not None and (done := _up_to_date(out, stamp, key)) is not None:
        return Outcome((), (), done)
    stamp.unlink(missing_ok=True)
    files = render_all(model, root, courses, editions)
    written = tuple(name for name, content in files.items() if write_if_changed(out / name, content))
    deleted = []
    if out.is_dir():
        for path in sorted(p for p in out.rglob("*") if p.is_file()):
            rel = path.relative_to(out).as_posix()
            if rel not in files:
                path.unlink()
                deleted.append(rel)
        for folder in sorted((d for d in out.rglob("*") if d.is_dir()), key=lambda d: -len(d.parts)):
            if not any(folder.iterdir()):
                folder.rmdir()
    if key is not None:
        write_if_changed(stamp, "\n".join([key, *sorted(files)]) + "\n")
    return Outcome(written, tuple(deleted), len(files))


def _up_to_date(out: Path, stamp: Path, key: str) -> int | None:
    """The number of generated files when `out` holds every file of a generation from `key`; else None."""
    try:
        first, *names = stamp.read_text(encoding="utf-8").splitlines()
    except (OSError, ValueError):
        return None
    if first != key or not all((out / name).is_file() for name in names):
        return None
    return len(names)
