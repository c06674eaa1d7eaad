"""Render stage for CSV: one file per framework and per crosswalk, in one language, safe to open in a spreadsheet.

Encoding decisions (RFC 4180 plus what spreadsheets need):
- UTF-8 *with* a byte-order mark: Excel reads a BOM-less CSV in the system's ANSI code page, which turns "cliënt"
  into "cliÃ«nt"; with the BOM both Excel and LibreOffice detect UTF-8. Python's csv module and most tools skip it
  (read with encoding="utf-8-sig").
- CRLF line ends: what RFC 4180 prescribes and what Excel writes; line breaks inside a quoted cell stay LF, which
  Excel and LibreOffice show as a new line within the cell.
- A cell starting with =, +, -, @, tab or CR gets an apostrophe in front, so no formula from the content ever runs.
- Column headers are fixed English identifiers in both languages' files, so scripts can rely on them.
- A crosswalk row reviewed before a substantive change of one of its items says so in its last column,
  `reconfirm` (empty for every other row): which item changed, how, when and in which edition.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from generator.model.types import LANGUAGES, Framework, Lang, MappingSet, Model
from generator.render.exports.common import (
    NOTHING,
    ToReconfirm,
    links,
    neutralise,
    official_url,
    reconfirm_reason,
    subpoints,
    title,
)

FRAMEWORK_COLUMNS = (
    "id",
    "framework",
    "group",
    "group_title",
    "label",
    "parent",
    "title",
    "text",
    "kind",
    "subpoints",
    "status",
    "official_url",
    "confidence",
    "links",
    "links_confidence",
)
CROSSWALK_COLUMNS = (
    "source_id",
    "source_text",
    "source_kind",
    "relation",
    "relation_label",
    "skos",
    "case_type",
    "target_id",
    "target_text",
    "target_kind",
    "rationale",
    "rationale_kind",
    "reviewed_by",
    "reviewed_date",
    "source_official_url",
    "target_official_url",
    "reconfirm",
)


def framework_rows(model: Model, framework: Framework, lang: Lang) -> list[tuple[str, ...]]:
    """One row per item, in the publisher's order (values not yet neutralised)."""
    return [
        (
            item.id,
            framework.id,
            group.id,
            group.title.get(lang),
            item.label_in(lang),
            item.parent or "",
            title(item, lang),
            item.statement.get(lang),
            item.statement.kind(lang),
            subpoints(item, lang),
            item.status,
            official_url(model, item),
            item.confidence or "",
            links(item),
            item.links_confidence or "",
        )
        for group in framework.groups
        for item in group.items
    ]


def crosswalk_rows(
    model: Model, mset: MappingSet, lang: Lang, reconfirm: ToReconfirm = NOTHING
) -> list[tuple[str, ...]]:
    """One row per mapping, in the file's order (values not yet neutralised); `reconfirm` is empty, or why the row
    is to be re-confirmed."""
    rows: list[tuple[str, ...]] = []
    for m in mset.mappings:
        src, tgt, rel = model.items[m.source], model.items[m.target], model.relation[m.relation]
        why = reconfirm.get((m.source, m.target))
        rows.append(
            (
                src.id,
                src.statement.get(lang),
                src.statement.kind(lang),
                rel.id,
                rel.label.get(lang),
                rel.skos,
                rel.case_type,
                tgt.id,
                tgt.statement.get(lang),
                tgt.statement.kind(lang),
                m.rationale.get(lang),
                m.rationale.kind(lang),
                m.reviewed_by,
                m.reviewed_date,
                official_url(model, src),
                official_url(model, tgt),
                reconfirm_reason(why, m.reviewed_date, lang) if why else "",
            )
        )
    return rows


def to_csv(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """CSV bytes: UTF-8 with BOM, CRLF, minimal quoting, every cell neutralised."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows([neutralise(v) for v in row] for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def export(model: Model, lang: Lang | None, reconfirm: ToReconfirm = NOTHING) -> dict[str, bytes]:
    """`<framework>-<lang>.csv` and `crosswalk-<set>-<lang>.csv` (as the site publishes them) for one language, or
    both when `lang` is None; a crosswalk row to re-confirm says why in its `reconfirm` column."""
    files: dict[str, bytes] = {}
    for code in (lang,) if lang else LANGUAGES:
        for framework in model.frameworks:
            files[f"{framework.id}-{code}.csv"] = to_csv(FRAMEWORK_COLUMNS, framework_rows(model, framework, code))
        for mset in model.mapping_sets:
            files[f"crosswalk-{mset.id}-{code}.csv"] = to_csv(
                CROSSWALK_COLUMNS, crosswalk_rows(model, mset, code, reconfirm)
            )
    return files
