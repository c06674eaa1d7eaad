"""Rules on bilingual texts: a text's kind fits its framework's official languages, and its spacing is clean."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from generator.diagnostics.problem import Problem, pointer_join
from generator.load.documents import Document
from generator.validate.rules.index import Index, at

_LANGUAGES = ("en", "nl")
_LOOSE_SPACE = re.compile(r"^\s|\s$|\s{2,}|[\t\r\n]")


def text_kinds(index: Index) -> Iterator[Problem]:
    """Framework texts follow the framework's official languages; mapping and vocabulary texts are our own."""
    loaded = index.loaded
    for folder, fw in sorted(loaded.frameworks.items()):
        langs = set(fw.data["official_languages"])
        for doc in [fw, *loaded.groups.get(folder, []), *filter(None, [loaded.requirements.get(folder)])]:
            yield from _text_problems(doc, langs)
    for doc in loaded.mappings + ([loaded.relations] if loaded.relations else []):
        yield from _text_problems(doc, None)


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


def _text_problems(doc: Document, official: set[str] | None) -> Iterator[Problem]:
    """Text kinds that do not fit; `official` None means our own texts (mappings, vocabulary): summaries only."""
    for pointer, text in _texts(doc.data, ""):
        for lang in _LANGUAGES:
            yield from _kind_problems(doc, pointer, text, lang, official)
            if _LOOSE_SPACE.search(text[lang]):
                yield at(
                    doc,
                    f"{pointer}/{lang}",
                    "whitespace",
                    f'"{lang}" text has leading, trailing, doubled or special whitespace',
                    "normalise spaces: one space between words, none at the ends",
                    "warning",
                )


def _kind_problems(
    doc: Document, pointer: str, text: dict[str, Any], lang: str, official: set[str] | None
) -> Iterator[Problem]:
    kind = text["kind"][lang]
    other = "nl" if lang == "en" else "en"
    where = f"{pointer}/kind/{lang}"
    if official is None:
        if kind != "summary":
            yield at(
                doc,
                where,
                "text-kind",
                f'"{lang}" text is marked {kind}, but texts in this file are our own',
                "mark it summary: rationales and definitions are written by us",
            )
    elif kind == "official" and lang not in official:
        allowed = ", ".join(sorted(official)) or "none: our own texts are summaries"
        yield at(
            doc,
            where,
            "text-kind",
            f'"{lang}" text is marked official, but the framework has no official {lang} wording',
            f"official languages: {allowed}; mark it translation or summary",
        )
    if kind == "translation" and text["kind"][other] != "official":
        yield at(
            doc,
            where,
            "text-kind",
            f'"{lang}" text is marked translation, but the "{other}" text is not official',
            "a translation renders official wording; mark it summary",
        )
