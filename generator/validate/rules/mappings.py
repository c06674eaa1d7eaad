"""Rules on crosswalks: the relation vocabulary, mapping files (frameworks, name, compared groups) and rows."""

from __future__ import annotations

from collections.abc import Iterator

from generator.diagnostics.problem import Problem
from generator.load.documents import Document
from generator.validate.rules.index import Index, at, suggest


def relation_vocabulary(index: Index) -> Iterator[Problem]:
    """Every relation's inverse is a relation; mapping files need the vocabulary."""
    relations = index.loaded.relations
    if relations is None:
        if index.loaded.mappings:
            yield Problem(
                "standards/relations.yaml",
                1,
                1,
                "missing-relations",
                "mapping files need standards/relations.yaml, which is missing",
                hint="restore the relation vocabulary file",
            )
        return
    known = sorted(index.inverse)
    for i, r in enumerate(relations.data["relations"]):
        if r["inverse"] not in index.inverse:
            yield at(
                relations,
                f"/relations/{i}/inverse",
                "unknown-relation",
                f'inverse "{r["inverse"]}" is not a relation of the vocabulary',
                suggest(r["inverse"], known) + "use one of: " + ", ".join(known),
            )


def mapping_files(index: Index) -> Iterator[Problem]:
    """A mapping file names two known frameworks and is named after them."""
    frameworks = index.frameworks
    for doc in index.loaded.mappings:
        data = doc.data
        for side in ("source", "target"):
            if data[side] not in frameworks:
                yield at(
                    doc,
                    f"/{side}",
                    "unknown-framework",
                    f'"{data[side]}" is not the id of any framework',
                    "use a framework id: " + ", ".join(sorted(frameworks)),
                )
        expected = f"{data['source']}--{data['target']}.yaml"
        if doc.path.name != expected and {data["source"], data["target"]} <= frameworks:
            yield at(
                doc,
                "/source",
                "mapping-file-name",
                f'a mapping file from {data["source"]} to {data["target"]} must be named "{expected}", '
                f'not "{doc.path.name}"',
                f"rename the file to standards/mappings/{expected}",
            )


def compared_groups(index: Index) -> Iterator[Problem]:
    """The `compared` groups exist in the right framework, and every mapped item lies inside them."""
    for doc in (d for d in index.loaded.mappings if "compared" in d.data):
        data = doc.data
        for side in ("source", "target"):
            own = [g for g in index.groups if g.startswith(data[side] + ":")]
            for j, group in enumerate(data["compared"][side]):
                if group not in own:
                    yield at(
                        doc,
                        f"/compared/{side}/{j}",
                        "unknown-group",
                        f'"{group}" is not a group of {data[side]}, the file\'s {side} framework',
                        suggest(group, own) + "use one of: " + ", ".join(own),
                    )
            compared = set(data["compared"][side])
            for i, row in enumerate(data["mappings"]):
                group = index.group_of.get(row[side])
                if group is not None and group.startswith(data[side] + ":") and group not in compared:
                    yield at(
                        doc,
                        f"/mappings/{i}/{side}",
                        "outside-compared",
                        f'"{row[side]}" belongs to {group}, which is not among the compared {side} groups',
                        f"add {group} to compared/{side}, or map an item of a compared group",
                    )


def mapping_references(index: Index) -> Iterator[Problem]:
    """Each row's items exist on the file's own sides, and its relation is in the vocabulary."""
    known = sorted(index.inverse)
    for doc in index.loaded.mappings:
        data = doc.data
        for i, row in enumerate(data["mappings"]):
            for side in ("source", "target"):
                ref = row[side]
                yield from index.unknown_ref(doc, f"/mappings/{i}/{side}", ref)
                if ref in index.ids and not ref.startswith(data[side] + ":"):
                    yield at(
                        doc,
                        f"/mappings/{i}/{side}",
                        "wrong-framework",
                        f'"{ref}" is not an item of {data[side]}, the file\'s {side} framework',
                        f"mappings in this file go from {data['source']} to {data['target']}",
                    )
            if index.inverse and row["relation"] not in index.inverse:
                yield at(
                    doc,
                    f"/mappings/{i}/relation",
                    "unknown-relation",
                    f'relation "{row["relation"]}" is not in the vocabulary',
                    suggest(row["relation"], known) + "use one of: " + ", ".join(known),
                )


def mapping_pairs(index: Index) -> Iterator[Problem]:
    """Each pair of items is stated once, never with itself, and never contradicted by a reverse row."""
    seen: dict[tuple[str, str], tuple[Document, str, str]] = {}
    for doc in index.loaded.mappings:
        for i, row in enumerate(doc.data["mappings"]):
            pointer = f"/mappings/{i}"
            pair = (row["source"], row["target"])
            if pair[0] == pair[1]:
                yield at(
                    doc,
                    pointer,
                    "self-mapping",
                    f'"{pair[0]}" is mapped to itself',
                    "a mapping relates items of two different frameworks",
                )
            elif pair in seen:
                first_doc, first_pointer, _ = seen[pair]
                yield at(
                    doc,
                    pointer,
                    "duplicate-mapping",
                    f"{pair[0]} -> {pair[1]} is already mapped at {first_doc.rel}:{first_doc.where(first_pointer)[0]}",
                    "keep one row per pair of items",
                )
            else:
                yield from _contradiction(index, doc, pointer, row, seen.get((pair[1], pair[0])))
                seen[pair] = (doc, pointer, row["relation"])


def _contradiction(
    index: Index, doc: Document, pointer: str, row: dict[str, str], reverse: tuple[Document, str, str] | None
) -> Iterator[Problem]:
    if reverse is None or not index.inverse:
        return
    expected = index.inverse.get(reverse[2])
    if expected is not None and row["relation"] != expected:
        yield at(
            doc,
            f"{pointer}/relation",
            "contradicting-mapping",
            f'{row["source"]} -> {row["target"]} is "{row["relation"]}", but the reverse row at '
            f'{reverse[0].rel}:{reverse[0].where(reverse[1])[0]} is "{reverse[2]}"',
            f'the reverse of "{reverse[2]}" is "{expected}"; state the pair once',
        )


def unmapped_reasons(index: Index) -> Iterator[Problem]:
    """Each item given a reason under `unmapped` exists, lies in a compared group, is really unmapped, and once."""
    for doc in index.loaded.mappings:
        data = doc.data
        compared = data.get("compared", {})
        mapped = {row[side] for row in data["mappings"] for side in ("source", "target")}
        seen: set[str] = set()
        for i, entry in enumerate(data.get("unmapped", [])):
            for j, ref in enumerate(entry["items"]):
                pointer = f"/unmapped/{i}/items/{j}"
                problems = index.unknown_ref(doc, pointer, ref)
                yield from problems
                if problems:
                    continue
                yield from _unmapped_entry(index, doc, pointer, ref, compared, ref in mapped, ref in seen)
                seen.add(ref)


def _unmapped_entry(
    index: Index, doc: Document, pointer: str, ref: str, compared: dict[str, list[str]], mapped: bool, seen: bool
) -> Iterator[Problem]:
    data = doc.data
    group = index.group_of.get(ref, "")
    side = next((s for s in ("source", "target") if ref.startswith(data[s] + ":")), None)
    groups = compared.get(side, [g for g in index.groups if g.startswith(f"{data[side]}:")]) if side else []
    if group not in groups:
        yield at(
            doc,
            pointer,
            "unmapped-not-compared",
            f'"{ref}" is not in a compared group of this file, so it cannot be a gap of it',
            "list only items of the groups under compared/source or compared/target",
        )
    elif mapped:
        yield at(
            doc,
            pointer,
            "unmapped-but-mapped",
            f'"{ref}" is listed as unmapped, but a row of this file maps it',
            "remove it from unmapped, or remove the row that maps it",
        )
    elif seen:
        yield at(
            doc,
            pointer,
            "unmapped-listed-twice",
            f'"{ref}" already has a reason under unmapped',
            "give each unmapped item one reason",
        )
