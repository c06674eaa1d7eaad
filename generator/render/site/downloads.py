"""The downloads and course-report pages: export files rendered at build time, listed with size, format and licence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.course.engine import default_sets, evaluate
from generator.course.render import render_report
from generator.course.results import CourseReport, Meta
from generator.course.template import write_template_xlsx
from generator.editions.impact import History
from generator.load.documents import Document
from generator.model.types import Lang, Model
from generator.render import markup as mk
from generator.render.exports import EXPORTERS
from generator.render.exports.common import NOTHING, ToReconfirm
from generator.render.strings import t

#: Published download folder, relative to the generated folder (and to the site root once published).
FOLDER = "downloads"

#: The download formats, in the order the downloads page lists them; names and descriptions are in the
#: string catalogue (format.<id>, format.<id>.about).
FORMATS = ("csv", "xlsx", "case", "sssom", "json", "course")

#: Column names the downloads page gives as examples of the CSV headers (each a column of a framework or a
#: crosswalk file: `render/exports/csv_export.py`).
EXAMPLE_COLUMNS = ("id", "relation", "rationale")
#: The last column of a crosswalk file: why the mapping is to be re-confirmed, or empty.
RECONFIRM_COLUMN = "reconfirm"


@dataclass(frozen=True)
class Download:
    """One published file."""

    path: str  # relative to FOLDER
    fmt: str
    content: bytes


def files(model: Model, root: Path, reconfirm: ToReconfirm = NOTHING) -> list[Download]:
    """Every download, rendered from the model (deterministic; the crosswalk rows in `reconfirm` marked as to be
    re-confirmed), plus the schemas of the JSON export and of a workbook file, and the course templates."""
    out = [
        Download(f"{fmt}/{name}", fmt, content)
        for fmt in ("csv", "xlsx", "case", "sssom", "json")
        for name, content in sorted(EXPORTERS[fmt](model, None, reconfirm).items())
    ]
    for name in ("export", "workbook"):  # the schemas of the JSON export and of a workbook file
        schema = root / "schemas" / f"{name}.schema.json"
        if schema.is_file():
            out.append(Download(f"json/{name}.schema.json", "json", schema.read_bytes()))
    template = root / "courses" / "template.yaml"
    if template.is_file():
        out.append(Download("course/template.yaml", "course", template.read_bytes()))
    out.append(Download("course/template.xlsx", "course", write_template_xlsx(model)))
    out += [
        Download(f"course/{path.name}", "course", path.read_bytes())  # the worked examples, to start from
        for path in example_courses(root)
    ]
    return out


def example_courses(root: Path) -> list[Path]:
    """The worked example course files (every courses/*.yaml but the template), by name."""
    return sorted(p for p in (root / "courses").glob("*.yaml") if p.stem != "template" and p.is_file())


def public_name(path: str) -> str:
    """The published name: a language in the file name is written -en/-nl, because static-i18n reserves
    the .en./.nl. suffixes for its own language copies."""
    for lang in ("en", "nl"):
        path = path.replace(f".{lang}.", f"-{lang}.")
    return path


def published(path: str, lang: Lang) -> str:
    """The source name of a download's copy in the `lang` build (x-en.csv -> x-en.nl.csv for Dutch)."""
    stem, dot, ext = public_name(path).rpartition(".")
    return f"{stem}.{lang}{dot}{ext}"


def _size(n: int, lang: Lang) -> str:
    text = f"{n / 1024:.1f} kB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.1f} MB"
    return text.replace(".", ",") if lang == "nl" else text


def _csv_headers_note(lang: Lang) -> str:
    """What the CSV files share across languages, naming example columns as code (they are typed as they are)."""
    columns = ", ".join(mk.code(name) for name in EXAMPLE_COLUMNS)
    return mk.text_with(t("csv-headers-note", lang), columns=columns)


def _csv_reconfirm_note(lang: Lang) -> str:
    """What the last column of a crosswalk file says: why the mapping is to be re-confirmed, if it is."""
    return mk.text_with(t("csv-reconfirm-note", lang), column=mk.code(RECONFIRM_COLUMN))


def downloads_page(model: Model, downloads: list[Download], lang: Lang, prefix: str) -> str:
    """The downloads page: a table per format with file, size and description, then licences."""
    lines = [
        "---",
        f"title: {mk.yaml_title(t('downloads', lang))}",
        "---",
        "",
        f"# {t('downloads', lang)}",
        "",
        mk.text(t("downloads-intro", lang)),
        "",
    ]
    for fmt in FORMATS:
        rows = [d for d in downloads if d.fmt == fmt]
        if not rows:
            continue
        lines += [
            f"## {t(f'format.{fmt}', lang)}",
            "",
            mk.text(t(f"format.{fmt}.about", lang)),
            "",
            f"{mk.text(t('standard', lang))}: {mk.text(t(f'format.{fmt}.standard', lang))}  ",
            f"{mk.text(t('validator', lang))}: {mk.text(t(f'format.{fmt}.validator', lang))}",
            "",
            *([_csv_headers_note(lang), "", _csv_reconfirm_note(lang), ""] if fmt == "csv" else []),
            f"| {t('file', lang)} | {t('size', lang)} |",
            "|---|---|",
        ]
        lines += [
            f"| [{mk.text(public_name(d.path).split('/', 1)[1])}]({mk.href(prefix + public_name(d.path))}) | "
            f"{_size(len(d.content), lang)} |"
            for d in rows
        ]
        if fmt == "course":
            lines += [
                "",
                f"**{mk.link(t('check.link', lang), 'courses/check.md')}**: {mk.text(t('check.link-intro', lang))}",
            ]
        lines.append("")
    lines += [f"## {t('licences', lang)}", ""]
    for fw in model.frameworks:
        lines.append(
            f"- **{mk.text(fw.title.get(lang))}**: {mk.text(fw.licence.name.get(lang))}. "
            f"{mk.text(fw.licence.attribution.get(lang))}"
        )
    lines.append("")
    return "\n".join(lines)


def course_reports(
    model: Model, root: Path, courses: Sequence[Document], history: History | None = None
) -> dict[str, CourseReport]:
    """The compliance report of every valid example course in courses/ (not the template), by file stem. The
    courses were checked with the standards (an invalid one is reported by `coachref check`, and left out here)."""
    from generator.course.edition import edition, file_sha256
    from generator.model.dates import data_date

    data = edition(model, root, history)
    return {
        doc.path.stem: evaluate(
            model, doc.data, default_sets(model, doc.data), Meta(doc.rel, file_sha256(doc.path), data_date(model), data)
        )
        for doc in sorted(courses, key=lambda d: d.rel)
        if doc.path.stem != "template"
    }


def course_pages(reports: dict[str, CourseReport], lang: Lang) -> dict[str, str]:
    """One page per example course: its compliance report in `lang`."""
    pages: dict[str, str] = {}
    for stem, report in reports.items():
        body = render_report(report, "md", lang, base="../../")
        get = mk.link(t("course-example-download", lang, file=f"{stem}.yaml"), f"../{FOLDER}/course/{stem}.yaml")
        heading, _, rest = body.partition("\n\n")  # the download right under the report's title
        pages[stem] = "\n".join(
            [
                "---",
                f"title: {mk.yaml_title(report.programme)}",
                "---",
                "",
                heading,
                "",
                f"**{get}**: {mk.text(t('course-example-use', lang))}",
                "",
                rest,
            ]
        )
    return pages
