"""The sheets of the XLSX workbook as columns and rows of plain cells: about, a sheet per framework and crosswalk,
coverage and relations (xlsx_export.py writes them). A crosswalk row to re-confirm says why in its "reconfirm EN"
and "reconfirm NL" columns (empty for every other row), and counts for nothing on the coverage sheet until it is
re-reviewed."""

from __future__ import annotations

from collections.abc import Sequence

from generator.model.coverage import coverage
from generator.model.dates import data_date
from generator.model.types import Model
from generator.render.exports.common import (
    ToReconfirm,
    links,
    official_url,
    reconfirm_reason,
    subpoints,
    title,
)
from generator.render.strings import t

Cell = str | int
#: (header, column width in characters); text columns are wide and wrap, so every cell is readable.
Columns = Sequence[tuple[str, int]]

FRAMEWORK_COLUMNS: Columns = (
    ("id", 26),
    ("group", 24),
    ("label EN", 10),
    ("label NL", 10),
    ("text EN", 60),
    ("kind EN", 12),
    ("text NL", 60),
    ("kind NL", 12),
    ("official URL", 40),
    ("title EN", 30),
    ("title NL", 30),
    ("subpoints EN", 45),
    ("subpoints NL", 45),
    ("parent", 22),
    ("status", 16),
    ("confidence", 16),
    ("links", 30),
    ("links confidence", 16),
)
CROSSWALK_COLUMNS: Columns = (
    ("source id", 26),
    ("relation", 10),
    ("relation EN", 16),
    ("relation NL", 18),
    ("SKOS", 18),
    ("target id", 30),
    ("source text EN", 50),
    ("source text NL", 50),
    ("target text EN", 50),
    ("target text NL", 50),
    ("rationale EN", 60),
    ("rationale NL", 60),
    ("reviewed by", 24),
    ("reviewed date", 14),
    ("source official URL", 40),
    ("target official URL", 40),
    ("reconfirm EN", 40),
    ("reconfirm NL", 40),
)
RELATION_COLUMNS: Columns = (
    ("id", 10),
    ("label EN", 18),
    ("label NL", 20),
    ("definition EN", 60),
    ("definition NL", 60),
    ("SKOS", 18),
    ("CASE association type", 22),
    ("inverse", 10),
    ("strength", 10),
)


def framework_rows(model: Model, framework_id: str) -> list[tuple[Cell, ...]]:
    f = model.framework[framework_id]
    return [
        (
            i.id,
            g.id,
            i.label_in("en"),
            i.label_in("nl"),
            i.statement.en,
            i.statement.kind_en,
            i.statement.nl,
            i.statement.kind_nl,
            official_url(model, i),
            title(i, "en"),
            title(i, "nl"),
            subpoints(i, "en"),
            subpoints(i, "nl"),
            i.parent or "",
            i.status,
            i.confidence or "",
            links(i),
            i.links_confidence or "",
        )
        for g in f.groups
        for i in g.items
    ]


def crosswalk_rows(model: Model, index: int, reconfirm: ToReconfirm) -> list[tuple[Cell, ...]]:
    rows: list[tuple[Cell, ...]] = []
    for m in model.mapping_sets[index].mappings:
        src, tgt, rel = model.items[m.source], model.items[m.target], model.relation[m.relation]
        why = reconfirm.get((m.source, m.target))
        reasons = (
            (reconfirm_reason(why, m.reviewed_date, "en"), reconfirm_reason(why, m.reviewed_date, "nl"))
            if why
            else ("", "")
        )
        rows.append(
            (
                src.id,
                rel.id,
                rel.label.en,
                rel.label.nl,
                rel.skos,
                tgt.id,
                src.statement.en,
                src.statement.nl,
                tgt.statement.en,
                tgt.statement.nl,
                m.rationale.en,
                m.rationale.nl,
                m.reviewed_by,
                m.reviewed_date,
                official_url(model, src),
                official_url(model, tgt),
                *reasons,
            )
        )
    return rows


def coverage_sheet(model: Model, reconfirm: ToReconfirm) -> tuple[Columns, list[tuple[Cell, ...]]]:
    columns: list[tuple[str, int]] = [
        ("crosswalk", 16),
        ("framework", 12),
        ("counterpart", 12),
        ("group", 26),
        ("group EN", 26),
        ("group NL", 26),
        ("items", 8),
        ("items mapped", 14),
    ]
    columns += [(f"strongest: {r.id}", 16) for r in model.relations]
    columns += [("unmapped", 11), ("unmapped items", 40)]
    rows: list[tuple[Cell, ...]] = []
    for side in coverage(model, reconfirm):
        for row in side.rows:
            names = (row.group.id, row.group.title.en, row.group.title.nl) if row.group else ("(all compared)", "", "")
            rows.append(
                (
                    side.mapping_set.id,
                    side.framework.id,
                    side.counterpart.id,
                    *names,
                    row.items,
                    row.mapped,
                    *(n for _, n in row.by_relation),
                    row.items - row.mapped,
                    " ".join(i.id for i in row.unmapped),
                )
            )
    return columns, rows


def relation_rows(model: Model) -> list[tuple[Cell, ...]]:
    return [
        (r.id, r.label.en, r.label.nl, r.definition.en, r.definition.nl, r.skos, r.case_type, r.inverse, r.strength)
        for r in model.relations
    ]


ABOUT_COLUMNS: Columns = (("about", 28), ("EN", 70), ("NL", 70))


def about_rows(model: Model) -> list[tuple[Cell, ...]]:
    """The first sheet: what the workbook is, the data date, and per framework its version, publisher and licence."""
    rows: list[tuple[Cell, ...]] = [
        ("workbook", t("xlsx-workbook", "en"), t("xlsx-workbook", "nl")),
        ("data date", data_date(model), data_date(model)),
    ]
    for fw in model.frameworks:
        lic = fw.licence
        rows += [
            (f"{fw.id}: title", fw.title.en, fw.title.nl),
            (
                f"{fw.id}: version",
                f"{fw.reference} {fw.version}" + (f" ({fw.date})" if fw.date else ""),
                f"{fw.reference} {fw.version}" + (f" ({fw.date})" if fw.date else ""),
            ),
            (f"{fw.id}: publisher", fw.publisher.en, fw.publisher.nl),
            (
                f"{fw.id}: licence",
                lic.name.en + (f" <{lic.url}>" if lic.url else ""),
                lic.name.nl + (f" <{lic.url}>" if lic.url else ""),
            ),
            (f"{fw.id}: attribution", lic.attribution.en, lic.attribution.nl),
        ]
    return rows
