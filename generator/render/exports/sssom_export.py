"""Render stage for SSSOM: every crosswalk as a mapping set (SSSOM/TSV with its YAML metadata block), per direction
and language.

- One file per crosswalk, direction and language: `ST0809--BVJN-en.sssom.tsv` (as the file states the rows) and
  `BVJN--ST0809-en.sssom.tsv` (read from the other side: subject and object swap, the predicate is the inverse
  relation's, so broadMatch becomes narrowMatch). Both are meaningful: a reader starts from their own framework.
- Item ids are CURIEs already (`ST0809:K1`); each framework id is a prefix in the `curie_map`, expanding to
  `<site_url>id/<framework>/`. Frameworks (subject_source, object_source) are CURIEs of the `coachref` prefix that
  expand to their overview page on the site.
- The predicate is the relation's SKOS property (`skos` in standards/relations.yaml); the justification is
  semapv:ManualMappingCuration (every row was compared and written by people); the comment is the rationale in
  the file's language; reviewer and date come from the row's review. IANA TSV has no escapes, so a tab or a line
  break inside a text (which `coachref check` warns about as `whitespace`) is written as one space: every record is
  one line, for line-based tools too. The set carries both frameworks' versions,
  the licence of the mappings (the mapping file's `licence`, else SSSOM's "unspecified") and a stable id: the
  address at which the site publishes the file.
- Output follows the canonical SSSOM/TSV rules where they apply here: LF line ends, `#` directly before the YAML,
  curie_map first and sorted, slots in the order of the MappingSet and Mapping tables; the frameworks, their
  versions and the entity types are set-level slots, review and date stay per row.
- A row to re-confirm (reviewed before a substantive change of one of its items: editions.impact.to_reconfirm)
  keeps its predicate, reviewer and date, and its `comment` starts with "To be re-confirmed:" and why. SSSOM 1.0
  has no slot for a review that a later change has overtaken: `confidence` is the creator's estimate that the
  mapping is right, and we have no number for that (a made-up 0.5 would claim a measurement nobody made); the
  curation rule says how a mapping was made, not what happened since; `other` is discouraged by the standard.
  The comment is where SSSOM puts curator notes, and the reviewer and date already say when it was last reviewed.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import yaml

from generator.config import site_url
from generator.model.dates import data_date
from generator.model.types import LANGUAGES, Framework, Item, Lang, Mapping, MappingSet, Model
from generator.render.exports.common import NOTHING, ToReconfirm, reconfirm_reason
from generator.render.strings import t

SSSOM_VERSION = "1.0"
UNSPECIFIED_LICENCE = "https://w3id.org/sssom/license/unspecified"
JUSTIFICATION = "semapv:ManualMappingCuration"
#: Where the site publishes these files (relative to site_url); the mapping_set_id is an address under it.
FOLDER = "downloads/sssom"

#: The Mapping slots we fill, in the order of the SSSOM Mapping class.
COLUMNS = (
    "subject_id",
    "subject_label",
    "subject_type",
    "predicate_id",
    "object_id",
    "object_label",
    "object_type",
    "mapping_justification",
    "reviewer_label",
    "mapping_date",
    "subject_source",
    "subject_source_version",
    "object_source",
    "object_source_version",
    "comment",
)


#: A tab or any line break, with the spaces around it: a TSV field cannot hold one (IANA TSV has no escapes).
_BREAKS = re.compile(r" *[\t\n\r\v\f\x1c-\x1e\x85\u2028\u2029]\s*")


def one_line(value: str) -> str:
    """`value` as one TSV field: each tab or line break, with the spaces around it, becomes one space."""
    return _BREAKS.sub(" ", value)


def file_name(left: str, right: str, lang: Lang) -> str:
    """The file of the crosswalk read from framework `left` (ids), in `lang`."""
    return f"{left}--{right}-{lang}.sssom.tsv"


def set_id(left: str, right: str, lang: Lang) -> str:
    """The mapping set's stable id: the address where the site publishes it."""
    return f"{site_url()}{FOLDER}/{file_name(left, right, lang)}"


def _label(item: Item, lang: Lang) -> str:
    name = item.label_in(lang)
    return f"{name}: {item.title.get(lang)}" if item.title else f"{name}: {item.statement.get(lang)}"


def _framework_curie(fw: Framework) -> str:
    return f"coachref:{fw.folder}/"


def _comment(m: Mapping, lang: Lang, reconfirm: ToReconfirm) -> str:
    """The rationale; for a row to re-confirm, first that it is to be re-confirmed and why."""
    why = reconfirm.get((m.source, m.target))
    if why is None:
        return m.rationale.get(lang)
    return f"{t('reconfirm', lang)}: {reconfirm_reason(why, m.reviewed_date, lang)} {m.rationale.get(lang)}"


def _row(model: Model, m: Mapping, reverse: bool, lang: Lang, reconfirm: ToReconfirm) -> dict[str, str]:
    subject, obj = (m.target, m.source) if reverse else (m.source, m.target)
    relation = model.relation[m.relation]
    predicate = model.relation[relation.inverse].skos if reverse else relation.skos
    s_item, o_item = model.items[subject], model.items[obj]
    s_fw, o_fw = model.framework[s_item.framework], model.framework[o_item.framework]
    return {
        "subject_id": subject,
        "subject_label": _label(s_item, lang),
        "subject_type": "skos concept",
        "predicate_id": predicate,
        "object_id": obj,
        "object_label": _label(o_item, lang),
        "object_type": "skos concept",
        "mapping_justification": JUSTIFICATION,
        "reviewer_label": m.reviewed_by,
        "mapping_date": m.reviewed_date,
        "subject_source": _framework_curie(s_fw),
        "subject_source_version": s_fw.version,
        "object_source": _framework_curie(o_fw),
        "object_source_version": o_fw.version,
        "comment": _comment(m, lang, reconfirm),
    }


def metadata(model: Model, mset: MappingSet, reverse: bool, lang: Lang) -> dict[str, Any]:
    """The metadata block of one mapping set (slots in the MappingSet table's order, curie_map first)."""
    left, right = (mset.target, mset.source) if reverse else (mset.source, mset.target)
    l_fw, r_fw = model.framework[left], model.framework[right]
    prefixes = {left: f"{site_url()}id/{left}/", right: f"{site_url()}id/{right}/", "coachref": site_url()}
    dates = sorted({m.reviewed_date for m in mset.mappings}) or [data_date(model)]
    meta: dict[str, Any] = {
        "curie_map": dict(sorted(prefixes.items())),
        "mapping_set_id": set_id(left, right, lang),
        "mapping_set_version": dates[-1],
        "mapping_set_title": f"{l_fw.title.get(lang)} ({left}) → {r_fw.title.get(lang)} ({right})",
        "license": mset.licence or UNSPECIFIED_LICENCE,
        "subject_type": "skos concept",
        "subject_source": _framework_curie(l_fw),
        "subject_source_version": l_fw.version,
        "object_type": "skos concept",
        "object_source": _framework_curie(r_fw),
        "object_source_version": r_fw.version,
        "sssom_version": SSSOM_VERSION,
    }
    if mset.description:
        meta["mapping_set_description"] = mset.description.get(lang)
    return meta


def _yaml_block(meta: dict[str, Any]) -> str:
    text = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=False, width=10**6)
    return "".join(f"#{line}\n" for line in text.splitlines())


def render(model: Model, mset: MappingSet, reverse: bool, lang: Lang, reconfirm: ToReconfirm = NOTHING) -> str:
    """One SSSOM/TSV file: the metadata block, then the header and one row per mapping (LF line ends)."""
    meta = metadata(model, mset, reverse, lang)
    propagated = {k for k in COLUMNS if k in meta}  # set-level slots hold for every row: not repeated per row
    columns = [c for c in COLUMNS if c not in propagated]
    rows = [_row(model, m, reverse, lang, reconfirm) for m in mset.mappings]
    rows.sort(key=lambda r: (r["subject_id"], r["object_id"]))
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(columns)
    writer.writerows([one_line(r[c]) for c in columns] for r in rows)
    return _yaml_block(meta) + buffer.getvalue()


def export(model: Model, lang: Lang | None, reconfirm: ToReconfirm = NOTHING) -> dict[str, bytes]:
    """Every crosswalk in both directions, for one language or both."""
    files: dict[str, bytes] = {}
    for code in (lang,) if lang else LANGUAGES:
        for mset in model.mapping_sets:
            for reverse in (False, True):
                left, right = (mset.target, mset.source) if reverse else (mset.source, mset.target)
                files[file_name(left, right, code)] = render(model, mset, reverse, code, reconfirm).encode("utf-8")
    return files
