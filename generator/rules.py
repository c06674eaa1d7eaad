"""Validate stage, part two: rules that span files — ids, references, text kinds, mappings."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .load import Document
from .problems import Problem, pointer_join
from .rules_case import case_clash_problems

_LANGUAGES = ("en", "nl")
_LOOSE_SPACE = re.compile(r"^\s|\s$|\s{2,}|[\t\r\n]")


@dataclass
class Loaded:
    """The schema-valid documents of a project, by kind (framework folder for the framework kinds)."""

    frameworks: dict[str, Document]
    groups: dict[str, list[Document]]
    requirements: dict[str, Document]
    mappings: list[Document]
    relations: Document | None
    courses: list[Document]


def check(loaded: Loaded) -> list[Problem]:
    """All cross-file problems of a project whose files each passed their schema."""
    problems: list[Problem] = []
    ids: dict[str, tuple[Document, str]] = {}
    official: dict[str, set[str]] = {}
    prefix_of_folder: dict[str, str] = {}

    def define(doc: Document, pointer: str, ident: str) -> None:
        if ident in ids:
            first_doc, first_pointer = ids[ident]
            line = first_doc.where(first_pointer)[0]
            problems.append(_at(doc, pointer, "duplicate-id",
                                f'id "{ident}" is already used in {first_doc.rel}:{line}',
                                "ids are unique across all files; pick a new id (published ids are never reused)"))
        else:
            ids[ident] = (doc, pointer)

    for folder, fw in sorted(loaded.frameworks.items()):
        prefix = fw.data["id"]
        prefix_of_folder[folder] = prefix
        official[prefix] = set(fw.data["official_languages"])
        define(fw, "/id", prefix)
        stems = {d.path.stem: d for d in loaded.groups.get(folder, [])}
        for i, stem in enumerate(fw.data["groups"]):
            if stem not in stems:
                problems.append(_at(fw, f"/groups/{i}", "missing-group",
                                    f'group "{stem}" has no file standards/{folder}/{stem}.yaml',
                                    "create the file, or remove the name from groups"))
        for stem, doc in sorted(stems.items()):
            if stem not in fw.data["groups"]:
                problems.append(_at(doc, "", "unlisted-group",
                                    f'group file "{stem}.yaml" is not listed in {fw.rel}',
                                    f'add "{stem}" to groups in framework.yaml'))
    for folder, docs in sorted(loaded.groups.items()):
        prefix = prefix_of_folder.get(folder)
        if prefix is None:
            for doc in docs:
                problems.append(_at(doc, "", "missing-framework",
                                    f"standards/{folder}/ has no framework.yaml",
                                    "add framework.yaml describing the framework"))
            continue
        for doc in docs:
            expected = f"{prefix}:{doc.path.stem}"
            if doc.data["id"] != expected:
                problems.append(_at(doc, "/id", "id-prefix", f'group id is "{doc.data["id"]}", expected "{expected}"',
                                    "a group's id is the framework id, a colon and the file's stem"))
            define(doc, "/id", doc.data["id"])
            for i, item in enumerate(doc.data["items"]):
                pointer = f"/items/{i}"
                if not item["id"].startswith(prefix + ":"):
                    problems.append(_at(doc, pointer + "/id", "id-prefix",
                                        f'item id "{item["id"]}" does not start with "{prefix}:"',
                                        f"every item of this framework has an id starting with {prefix}:"))
                define(doc, pointer + "/id", item["id"])
    for _folder, doc in sorted(loaded.requirements.items()):
        define(doc, "/id", doc.data["id"])
        for i, cond in enumerate(doc.data["conditions"]):
            define(doc, f"/conditions/{i}/id", cond["id"])

    # Text kinds, per framework's official languages, and loose whitespace.
    for folder, fw in sorted(loaded.frameworks.items()):
        langs = set(fw.data["official_languages"])
        for doc in [fw, *loaded.groups.get(folder, []), *filter(None, [loaded.requirements.get(folder)])]:
            problems.extend(_text_problems(doc, langs))
    for doc in loaded.mappings + ([loaded.relations] if loaded.relations else []):
        problems.extend(_text_problems(doc, None))

    # References inside frameworks.
    item_ids = set(ids)
    for docs in loaded.groups.values():
        for doc in docs:
            for i, item in enumerate(doc.data["items"]):
                for name in ("ksbs", "assesses"):
                    for j, ref in enumerate(item.get(name, [])):
                        problems.extend(_ref(doc, f"/items/{i}/{name}/{j}", ref, item_ids))
                if "parent" in item:
                    problems.extend(_ref(doc, f"/items/{i}/parent", item["parent"], item_ids))
                    if item["parent"] == item["id"]:
                        problems.append(_at(doc, f"/items/{i}/parent", "self-reference",
                                            f'item "{item["id"]}" is its own parent'))
    for doc in loaded.requirements.values():
        for i, cond in enumerate(doc.data["conditions"]):
            for j, ref in enumerate(cond["rule"].get("groups", [])):
                problems.extend(_ref(doc, f"/conditions/{i}/rule/groups/{j}", ref, item_ids))
    for doc in loaded.courses:
        problems.extend(course_id_problems(doc))
        for i, module in enumerate(doc.data["modules"]):
            for k, outcome in enumerate(module["outcomes"]):
                for j, ref in enumerate(outcome["covers"]):
                    problems.extend(_ref(doc, f"/modules/{i}/outcomes/{k}/covers/{j}", ref, item_ids))

    problems.extend(_mapping_problems(loaded, item_ids, set(official)))
    problems.extend(case_clash_problems(loaded))
    return problems


def _at(doc: Document, pointer: str, code: str, message: str, hint: str = "",
        severity: str = "error") -> Problem:
    line, col = doc.where(pointer)
    return Problem(doc.rel, line, col, code, message, pointer, severity, hint)  # type: ignore[arg-type]


def _ref(doc: Document, pointer: str, ref: str, known: set[str]) -> list[Problem]:
    if ref in known:
        return []
    close = difflib.get_close_matches(ref, sorted(known), n=1, cutoff=0.8)
    hint = f'did you mean "{close[0]}"?' if close else "use the id of an existing item"
    return [_at(doc, pointer, "unknown-reference", f'"{ref}" is not the id of any item', hint)]


def _texts(value: Any, pointer: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every bilingual text (a mapping with en, nl and kind) inside `value`."""
    if isinstance(value, dict):
        if "kind" in value and "en" in value and "nl" in value and isinstance(value["kind"], dict):
            yield pointer, value
            return
        for key, child in value.items():
            yield from _texts(child, pointer_join(pointer, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _texts(child, pointer_join(pointer, i))


def _text_problems(doc: Document, official: set[str] | None) -> list[Problem]:
    """Text kinds that do not fit; `official` None means our own texts (mappings, vocabulary): summaries only."""
    problems = []
    for pointer, text in _texts(doc.data, ""):
        for lang in _LANGUAGES:
            kind = text["kind"][lang]
            other = "nl" if lang == "en" else "en"
            if official is None:
                if kind != "summary":
                    problems.append(_at(doc, f"{pointer}/kind/{lang}", "text-kind",
                                        f'"{lang}" text is marked {kind}, but texts in this file are our own',
                                        "mark it summary: rationales and definitions are written by us"))
            elif kind == "official" and lang not in official:
                allowed = ", ".join(sorted(official)) or "none: our own texts are summaries"
                problems.append(_at(doc, f"{pointer}/kind/{lang}", "text-kind",
                                    f'"{lang}" text is marked official, but the framework has no official '
                                    f"{lang} wording",
                                    f"official languages: {allowed}; mark it translation or summary"))
            if kind == "translation" and text["kind"][other] != "official":
                problems.append(_at(doc, f"{pointer}/kind/{lang}", "text-kind",
                                    f'"{lang}" text is marked translation, but the "{other}" text is not official',
                                    "a translation renders official wording; mark it summary"))
            if _LOOSE_SPACE.search(text[lang]):
                problems.append(_at(doc, f"{pointer}/{lang}", "whitespace",
                                    f'"{lang}" text has leading, trailing, doubled or special whitespace',
                                    "normalise spaces: one space between words, none at the ends", "warning"))
    return problems


def _mapping_problems(loaded: Loaded, item_ids: set[str], frameworks: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    relations: dict[str, str] = {}
    if loaded.relations is not None:
        relations = {r["id"]: r["inverse"] for r in loaded.relations.data["relations"]}
        for i, r in enumerate(loaded.relations.data["relations"]):
            if r["inverse"] not in relations:
                close = difflib.get_close_matches(r["inverse"], sorted(relations), n=1)
                problems.append(_at(loaded.relations, f"/relations/{i}/inverse", "unknown-relation",
                                    f'inverse "{r["inverse"]}" is not a relation of the vocabulary',
                                    (f'did you mean "{close[0]}"? ' if close else "")
                                    + "use one of: " + ", ".join(sorted(relations))))
    elif loaded.mappings:
        problems.append(Problem("standards/relations.yaml", 1, 1, "missing-relations",
                                "mapping files need standards/relations.yaml, which is missing",
                                hint="restore the relation vocabulary file"))
    seen: dict[tuple[str, str], tuple[Document, str, str]] = {}
    group_of = {item["id"]: doc.data["id"] for docs in loaded.groups.values() for doc in docs
                for item in doc.data["items"]}
    groups = sorted({doc.data["id"] for docs in loaded.groups.values() for doc in docs})
    for doc in loaded.mappings:
        data = doc.data
        for side in ("source", "target"):
            if data[side] not in frameworks:
                problems.append(_at(doc, f"/{side}", "unknown-framework",
                                    f'"{data[side]}" is not the id of any framework',
                                    "use a framework id: " + ", ".join(sorted(frameworks))))
        expected_name = f"{data['source']}--{data['target']}.yaml"
        if doc.path.name != expected_name and {data["source"], data["target"]} <= frameworks:
            problems.append(_at(doc, "/source", "mapping-file-name",
                                f'a mapping file from {data["source"]} to {data["target"]} must be named '
                                f'"{expected_name}", not "{doc.path.name}"',
                                f"rename the file to standards/mappings/{expected_name}"))
        problems.extend(_compared_problems(doc, groups, group_of))
        for i, row in enumerate(data["mappings"]):
            pointer = f"/mappings/{i}"
            for side in ("source", "target"):
                ref = row[side]
                problems.extend(_ref(doc, f"{pointer}/{side}", ref, item_ids))
                if ref in item_ids and not ref.startswith(data[side] + ":"):
                    problems.append(_at(doc, f"{pointer}/{side}", "wrong-framework",
                                        f'"{ref}" is not an item of {data[side]}, the file\'s {side} framework',
                                        f"mappings in this file go from {data['source']} to {data['target']}"))
            if row["relation"] not in relations and relations:
                close = difflib.get_close_matches(row["relation"], sorted(relations), n=1)
                problems.append(_at(doc, f"{pointer}/relation", "unknown-relation",
                                    f'relation "{row["relation"]}" is not in the vocabulary',
                                    (f'did you mean "{close[0]}"? ' if close else "")
                                    + "use one of: " + ", ".join(sorted(relations))))
            if row["source"] == row["target"]:
                problems.append(_at(doc, pointer, "self-mapping", f'"{row["source"]}" is mapped to itself',
                                    "a mapping relates items of two different frameworks"))
                continue
            pair = (row["source"], row["target"])
            if pair in seen:
                first_doc, first_pointer, _ = seen[pair]
                problems.append(_at(doc, pointer, "duplicate-mapping",
                                    f"{pair[0]} -> {pair[1]} is already mapped at "
                                    f"{first_doc.rel}:{first_doc.where(first_pointer)[0]}",
                                    "keep one row per pair of items"))
                continue
            reverse = seen.get((row["target"], row["source"]))
            if reverse is not None and relations:
                expected = relations.get(reverse[2])
                if expected is not None and row["relation"] != expected:
                    problems.append(_at(doc, f"{pointer}/relation", "contradicting-mapping",
                                        f'{pair[0]} -> {pair[1]} is "{row["relation"]}", but the reverse row at '
                                        f'{reverse[0].rel}:{reverse[0].where(reverse[1])[0]} is "{reverse[2]}"',
                                        f'the reverse of "{reverse[2]}" is "{expected}"; state the pair once'))
            seen[pair] = (doc, pointer, row["relation"])
    return problems


def _compared_problems(doc: Document, groups: list[str], group_of: dict[str, str]) -> list[Problem]:
    """The `compared` groups exist in the right framework, and every mapped item lies inside them."""
    data = doc.data
    if "compared" not in data:
        return []
    problems: list[Problem] = []
    for side in ("source", "target"):
        own = [g for g in groups if g.startswith(data[side] + ":")]
        for j, group in enumerate(data["compared"][side]):
            if group not in own:
                close = difflib.get_close_matches(group, own, n=1, cutoff=0.6)
                problems.append(_at(doc, f"/compared/{side}/{j}", "unknown-group",
                                    f'"{group}" is not a group of {data[side]}, the file\'s {side} framework',
                                    (f'did you mean "{close[0]}"? ' if close else "")
                                    + "use one of: " + ", ".join(own)))
        compared = set(data["compared"][side])
        for i, row in enumerate(data["mappings"]):
            group = group_of.get(row[side])
            if group is not None and group.startswith(data[side] + ":") and group not in compared:
                problems.append(_at(doc, f"/mappings/{i}/{side}", "outside-compared",
                                    f'"{row[side]}" belongs to {group}, which is not among the compared {side} groups',
                                    f"add {group} to compared/{side}, or map an item of a compared group"))
    return problems


def course_id_problems(doc: Document) -> list[Problem]:
    """A course file's module ids are unique, and so are the outcome ids within each module."""
    problems: list[Problem] = []
    modules: dict[str, int] = {}
    for i, module in enumerate(doc.data["modules"]):
        mid = module["id"]
        if mid in modules:
            first = doc.where(f"/modules/{modules[mid]}/id")[0]
            problems.append(_at(doc, f"/modules/{i}/id", "duplicate-id",
                                f'module id "{mid}" is already used (line {first})', "give every module its own id"))
        else:
            modules[mid] = i
        outcomes: dict[str, int] = {}
        for k, outcome in enumerate(module["outcomes"]):
            oid = outcome["id"]
            if oid in outcomes:
                first = doc.where(f"/modules/{i}/outcomes/{outcomes[oid]}/id")[0]
                problems.append(_at(doc, f"/modules/{i}/outcomes/{k}/id", "duplicate-id",
                                    f'outcome id "{oid}" is already used in module "{mid}" (line {first})',
                                    "give every outcome of a module its own id"))
            else:
                outcomes[oid] = k
    return problems
