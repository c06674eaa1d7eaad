"""Edition files: the manifest of a model (per item: group, label, GUID, status, a hash per text and one of its
links), and reading and writing `editions/<id>.json` (the manifest plus our own JSON export of the data)."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.model.types import LANGUAGES, Framework, Item, Label, Mapping, Model, Text

FOLDER = "editions"
FORMAT = "coachref-edition/1"
ID_PATTERN = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(\.[1-9][0-9]*)?$")

Manifest = dict[str, Any]


@dataclass(frozen=True)
class Edition:
    """One frozen edition: its id, release date, sequence number (1 for the first), manifest and export."""

    id: str
    date: str
    sequence: int
    previous: str | None
    manifest: Manifest
    export: dict[str, Any]
    path: str  # relative to the project, for messages
    standards_hash: str = ""  # the 12-digit hash of standards/ when frozen, as course reports name their data


def digest(parts: Iterable[str]) -> str:
    """16 hex digits of SHA-256 over the parts, each NFC-normalised with runs of whitespace made one space."""
    h = hashlib.sha256()
    for part in parts:
        h.update(" ".join(unicodedata.normalize("NFC", part).split()).encode("utf-8") + b"\x1f")
    return h.hexdigest()[:16]


def _texts(lang: str, *texts: Text | Label | None) -> list[str]:
    return [t.get(lang) if t is not None else "" for t in texts]  # type: ignore[arg-type]


def item_fingerprint(item: Item) -> dict[str, Any]:
    """What an edition records of an item: where it is, its codes, and a hash of each thing a change can touch."""
    text = {}
    for lang in LANGUAGES:
        label = item.label_in(lang)
        parts = [
            label,
            *_texts(lang, item.title, item.statement),
            "\x1e",
            *_texts(lang, *item.subpoints),
            "\x1e",
            *_texts(lang, *item.theories),
            "\x1e",
        ]
        for detail in item.details:
            parts += _texts(lang, detail.label, detail.value)
        text[lang] = digest(parts)
    entry: dict[str, Any] = {
        "group": item.group,
        "label": item.label,
        "status": item.status,
        "text": text,
        "links": digest([*item.ksbs, "\x1e", *item.assesses, "\x1e", item.parent or ""]),
    }
    if item.guid:
        entry["guid"] = item.guid
    return entry  # the official_url is left out: a publisher moving its pages changes no content


def mapping_key(m: Mapping) -> str:
    return f"{m.source} {m.target}"


def mapping_fingerprint(m: Mapping) -> dict[str, Any]:
    return {
        "relation": m.relation,
        "reviewed": m.reviewed_date,
        "text": {lang: digest([m.rationale.get(lang)]) for lang in LANGUAGES},
    }


def framework_fingerprint(fw: Framework) -> dict[str, Any]:
    """The framework's own data that a change must be declared for: title, publisher, version, status, facts."""
    parts = {
        lang: digest(
            [
                *_texts(lang, fw.title, fw.short_title, fw.publisher),
                fw.version,
                fw.status,
                fw.date or "",
                fw.level or "",
                fw.official_url or "",
                *(p for f in fw.facts for p in _texts(lang, f.label, f.value)),
            ]
        )
        for lang in LANGUAGES
    }
    return {"version": fw.version, "status": fw.status, "text": parts}


def manifest(model: Model) -> Manifest:
    """The manifest of a model: frameworks, items, retired ids and mapping rows, each by its stable key."""
    return {
        "frameworks": {fw.id: framework_fingerprint(fw) for fw in model.frameworks},
        "items": {i.id: item_fingerprint(i) for i in model.items.values()},
        "retired": {r.id: {"date": r.date, "successors": list(r.successors)} for r, _ in model.retired.values()},
        "mappings": {mapping_key(m): mapping_fingerprint(m) for s in model.mapping_sets for m in s.mappings},
    }


def edition_path(root: Path, ident: str) -> Path:
    return root / FOLDER / f"{ident}.json"


def render(
    ident: str,
    date: str,
    sequence: int,
    previous: str | None,
    standards_hash: str,
    man: Manifest,
    export: dict[str, Any],
) -> str:
    """The text of an edition file: deterministic JSON, one space indent, newline at the end."""
    doc = {
        "format": FORMAT,
        "id": ident,
        "date": date,
        "sequence": sequence,
        "previous": previous,
        "standards_hash": standards_hash,
        "manifest": man,
        "export": export,
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


class EditionFileError(Exception):
    """An edition file that cannot be read as one: path, line, column and what is wrong."""

    def __init__(self, path: str, line: int, col: int, message: str) -> None:
        super().__init__(f"{path}:{line}:{col}: {message}")
        self.path, self.line, self.col, self.message = path, line, col, message


def read_all(root: Path) -> tuple[Edition, ...]:
    """Every edition in editions/, oldest first (by sequence); none when the folder is absent."""
    folder = root / FOLDER
    if not folder.is_dir():
        return ()
    editions = [_read(root, path) for path in sorted(folder.glob("*.json"))]
    editions.sort(key=lambda e: e.sequence)
    for n, edition in enumerate(editions, 1):
        if edition.sequence != n:
            raise EditionFileError(
                edition.path,
                1,
                1,
                f"sequence {edition.sequence} where {n} was expected: editions are numbered 1, 2, 3 … without gaps",
            )
    return tuple(editions)


def _read(root: Path, path: Path) -> Edition:
    rel = path.relative_to(root).as_posix()
    if path.is_symlink() or not path.is_file():
        raise EditionFileError(rel, 1, 1, "not a plain file")
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise EditionFileError(rel, 1, 1, f"not UTF-8 ({exc.reason})") from None
    except json.JSONDecodeError as exc:
        raise EditionFileError(rel, exc.lineno, exc.colno, f"not valid JSON: {exc.msg}") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise EditionFileError(rel, 1, 1, f'not an edition file (its "format" is not "{FORMAT}")')
    missing = [k for k in ("id", "date", "sequence", "manifest", "export") if k not in doc]
    if missing:
        raise EditionFileError(rel, 1, 1, f"missing {', '.join(missing)}")
    if doc["id"] != path.stem:
        raise EditionFileError(rel, 1, 1, f'its id "{doc["id"]}" differs from its file name')
    return Edition(
        doc["id"],
        doc["date"],
        doc["sequence"],
        doc.get("previous"),
        doc["manifest"],
        doc["export"],
        rel,
        str(doc.get("standards_hash") or ""),
    )
