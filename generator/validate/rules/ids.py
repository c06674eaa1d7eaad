"""Rules on the layout of frameworks and on ids: listed groups, id prefixes, ids unique across all files."""

from __future__ import annotations

from collections.abc import Iterator

from generator.diagnostics.problem import Problem
from generator.validate.rules.index import Definition, Index, at, suggest


def listed_groups(index: Index) -> Iterator[Problem]:
    """Every group named in framework.yaml has a file, and every group file is named there."""
    for folder, fw in sorted(index.loaded.frameworks.items()):
        stems = {d.path.stem: d for d in index.loaded.groups.get(folder, [])}
        for i, stem in enumerate(fw.data["groups"]):
            if stem not in stems:
                yield at(
                    fw,
                    f"/groups/{i}",
                    "missing-group",
                    f'group "{stem}" has no file standards/{folder}/{stem}.yaml',
                    "create the file, or remove the name from groups",
                )
        for stem, doc in sorted(stems.items()):
            if stem not in fw.data["groups"]:
                yield at(
                    doc,
                    "",
                    "unlisted-group",
                    f'group file "{stem}.yaml" is not listed in {fw.rel}',
                    f'add "{stem}" to groups in framework.yaml',
                )


def framework_present(index: Index) -> Iterator[Problem]:
    """A folder of group files has a framework.yaml."""
    for folder, docs in sorted(index.loaded.groups.items()):
        if folder not in index.prefix_of_folder:
            for doc in docs:
                yield at(
                    doc,
                    "",
                    "missing-framework",
                    f"standards/{folder}/ has no framework.yaml",
                    "add framework.yaml describing the framework",
                )


def id_prefixes(index: Index) -> Iterator[Problem]:
    """A group's id is `<framework id>:<file stem>`; an item's id starts with `<framework id>:`."""
    for folder, docs in sorted(index.loaded.groups.items()):
        prefix = index.prefix_of_folder.get(folder)
        if prefix is None:
            continue
        for doc in docs:
            expected = f"{prefix}:{doc.path.stem}"
            if doc.data["id"] != expected:
                yield at(
                    doc,
                    "/id",
                    "id-prefix",
                    f'group id is "{doc.data["id"]}", expected "{expected}"',
                    "a group's id is the framework id, a colon and the file's stem",
                )
            for i, item in enumerate(doc.data["items"]):
                if not item["id"].startswith(prefix + ":"):
                    yield at(
                        doc,
                        f"/items/{i}/id",
                        "id-prefix",
                        f'item id "{item["id"]}" does not start with "{prefix}:"',
                        f"every item of this framework has an id starting with {prefix}:",
                    )
            for i, entry in enumerate(doc.data.get("retired", [])):
                if not entry["id"].startswith(prefix + ":"):  # its page would be in this framework's folder
                    yield at(
                        doc,
                        f"/retired/{i}/id",
                        "id-prefix",
                        f'retired id "{entry["id"]}" does not start with "{prefix}:"',
                        f"retire an id in the group file it belonged to (ids here start with {prefix}:)",
                    )


def unique_ids(index: Index) -> Iterator[Problem]:
    """No id is defined twice, in any file."""
    for definition in index.definitions:
        first = index.ids[definition.ident]
        if first is not definition:
            line = first.doc.where(first.pointer)[0]
            yield at(
                definition.doc,
                definition.pointer,
                "duplicate-id",
                f'id "{definition.ident}" is already used in {first.doc.rel}:{line}',
                "ids are unique across all files; pick a new id (published ids are never reused)",
            )


def group_roles(index: Index) -> Iterator[Problem]:
    """Every group a framework's `roles` names is one of the groups it lists."""
    for _folder, doc in sorted(index.loaded.frameworks.items()):
        groups = doc.data["groups"]
        for role, stems in sorted(doc.data.get("roles", {}).items()):
            for i, stem in enumerate(stems):
                if stem not in groups:
                    yield at(
                        doc,
                        f"/roles/{role}/{i}",
                        "unknown-group",
                        f'roles: {role} names "{stem}", which is not in groups',
                        suggest(stem, groups) + "use one of: " + ", ".join(groups),
                    )


def case_clashes(index: Index) -> Iterator[Problem]:
    """No id equals an earlier one but for case: they would share a page address (exact repeats are duplicate-id)."""
    first: dict[str, Definition] = {}
    for definition in index.definitions:
        other = first.setdefault(definition.ident.casefold(), definition)
        if other.ident != definition.ident:
            line = other.doc.where(other.pointer)[0]
            yield at(
                definition.doc,
                definition.pointer,
                "id-case-clash",
                f'id "{definition.ident}" differs only in case from "{other.ident}" ({other.doc.rel}:{line})',
                "ids name pages on the site, where case does not count: make the two ids differ in more than case",
            )


def retired_ids(index: Index) -> Iterator[Problem]:
    """A retired id is never used again by an item, and its successor is a current item."""
    for ident, (doc, pointer, entry) in sorted(index.retired.items()):
        if ident in index.ids:
            live = index.ids[ident]
            yield at(
                doc,
                f"{pointer}/id",
                "duplicate-id",
                f'"{ident}" is retired but still the id of an item ({live.doc.rel}:{live.doc.where(live.pointer)[0]})',
                "published ids are never reused: give the item a new id, or remove the retired entry",
            )
        successors = entry.get("replaced_by", [])
        if isinstance(successors, str):
            yield from index.unknown_ref(doc, f"{pointer}/replaced_by", successors)
        else:
            for n, successor in enumerate(successors):
                yield from index.unknown_ref(doc, f"{pointer}/replaced_by/{n}", successor)
