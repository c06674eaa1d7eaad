"""`coachref edition freeze | list | diff`: store the checked data as a new edition, list the editions, and say
in text what changed since the latest one. Nothing here prints: the CLI does."""

from __future__ import annotations

from pathlib import Path

from generator.course.edition import standards_hash
from generator.editions.delta import Delta, Snapshot, between
from generator.editions.impact import current
from generator.editions.manifest import ID_PATTERN, Edition, edition_path, manifest, render
from generator.model.types import Model
from generator.render.exports.json_export import to_dict
from generator.write import write_if_changed


class Refused(Exception):
    """Why an edition was not frozen (the message says how to go on)."""


def freeze(model: Model, root: Path, editions: tuple[Edition, ...], ident: str) -> Path:
    """Write editions/<ident>.json from the checked model; refuse a bad or taken id, an id dated before the
    latest edition, and data identical to the latest edition."""
    if not ID_PATTERN.match(ident):
        raise Refused(
            f'"{ident}" is not an edition id: write its release date, YYYY-MM-DD (and .2, .3 … for a '
            "second release on one day)"
        )
    date = ident[:10]
    if edition_path(root, ident).exists():
        raise Refused(f"edition {ident} exists already: editions are never changed once frozen; choose a new id")
    latest = editions[-1] if editions else None
    if latest is not None and (date, ident) < (latest.date, latest.id):
        raise Refused(f"edition {ident} would come before the latest edition, {latest.id}: use a later date")
    man = manifest(model)
    if latest is not None and between(Snapshot.of(latest), current(model, editions)).empty:
        raise Refused(f"the data is the same as in edition {latest.id}: there is nothing to freeze")
    text = render(
        ident,
        date,
        len(editions) + 1,
        latest.id if latest else None,
        standards_hash((root / "standards").resolve()),
        man,
        to_dict(model),
    )
    path = edition_path(root, ident)
    write_if_changed(path, text)
    return path


def listing(editions: tuple[Edition, ...]) -> list[str]:
    """One line per edition: sequence, id, date, the edition before it, and how many items it has."""
    return [
        f"{e.sequence:>3}  {e.id}  {len(e.manifest['items'])} items"
        + (f"  (after {e.previous})" if e.previous else "  (first edition)")
        for e in editions
    ]


def describe(delta: Delta) -> list[str]:
    """What a delta holds, one line per change: kind, id, successors, fields, declared kind."""
    lines = []
    for entry in delta.frameworks:
        lines.append(f"framework {entry.id}: {entry.kind} ({', '.join(entry.fields)})")
    for entry in delta.items:
        moved = f" -> {', '.join(entry.successors)}" if entry.successors else ""
        fields = f" ({', '.join(entry.fields)})" if entry.fields else ""
        assessed = ", affects assessment" if entry.affects_assessment and entry.kind != "added" else ""
        lines.append(f"{entry.kind:<10} {entry.id}{moved}{fields}{assessed}")
    for entry in delta.rows:
        now = f" (now {entry.successors[0].replace(' ', ' -> ')})" if entry.successors else ""
        lines.append(
            f"row {entry.kind:<8} {entry.id.replace(' ', ' -> ')}{now}"
            + (f" ({', '.join(entry.fields)})" if entry.fields else "")
        )
    for entry in delta.requirements:
        fields = f" ({', '.join(entry.fields)})" if entry.fields else ""
        lines.append(f"requirements {entry.kind} {entry.id}{fields}")
    return lines


def diff_text(model: Model, editions: tuple[Edition, ...]) -> str:
    """What `coachref edition diff` prints: the changes since the latest edition, one a line."""
    if not editions:
        return "no editions yet: coachref edition freeze ID stores the first\n"
    lines = describe(between(Snapshot.of(editions[-1]), current(model, editions)))
    head = f"since edition {editions[-1].id}: " + (f"{len(lines)} changes" if lines else "no changes")
    return "".join(f"{line}\n" for line in [head, *(f"  {x}" for x in lines)])
