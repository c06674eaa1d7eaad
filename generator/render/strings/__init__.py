"""The interface strings: one catalogue per language (en.yaml, nl.yaml beside this file), one lookup, no fallback.

Both catalogues must have exactly the same keys and the same {placeholders}; a key used but absent is an error,
never a silently shown raw id. Plural forms are two keys, `<key>.one` and `<key>.other`, chosen by `tn`.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

from generator.model.types import LANGUAGES, Lang

HERE = Path(__file__).resolve().parent
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


class CatalogueError(ValueError):
    """The catalogues disagree (a key in one language only, different placeholders) or one is not a flat table."""


class MissingString(LookupError):
    """A key the code asks for is in no catalogue: a programming error the build reports by name."""


try:  # libyaml's parser (the catalogues are read at every build: the pure-Python one took a tenth of a second)
    from yaml import CSafeLoader as _Loader
except ImportError:  # a PyYAML built without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


class _UniqueKeys(_Loader):
    """PyYAML keeps the last of two equal keys without a word; a catalogue must not."""


def _mapping(loader: _UniqueKeys, node: yaml.MappingNode) -> dict[object, object]:
    keys = [loader.construct_object(k) for k, _v in node.value]
    doubled = sorted({str(k) for k in keys if keys.count(k) > 1})
    if doubled:
        raise CatalogueError(f"{node.start_mark.name}: key given twice: {', '.join(doubled)}")
    return loader.construct_mapping(node)


_UniqueKeys.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def _read(path: Path) -> dict[str, str]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeys)
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        raise CatalogueError(f'{path}: must be a flat table of key: "text"')
    return data


def load(folder: Path = HERE) -> dict[Lang, dict[str, str]]:
    """Read and cross-check every language's catalogue in `folder`."""
    tables: dict[Lang, dict[str, str]] = {lang: _read(folder / f"{lang}.yaml") for lang in LANGUAGES}
    problems = []
    for lang, table in tables.items():
        for other, other_table in tables.items():
            missing = sorted(set(other_table) - set(table))
            if missing:
                problems.append(
                    f"{folder / f'{lang}.yaml'}: missing {len(missing)} key(s) that {other}.yaml has: "
                    + ", ".join(missing)
                )
    en = tables["en"]
    for key in sorted(set(en) & set(tables["nl"])):
        if set(_PLACEHOLDER.findall(en[key])) != set(_PLACEHOLDER.findall(tables["nl"][key])):
            problems.append(f"{key}: the placeholders differ between en.yaml and nl.yaml")
    if problems:
        raise CatalogueError("interface strings: " + "; ".join(problems))
    return tables


@cache
def catalogue() -> dict[Lang, dict[str, str]]:
    """The checked catalogues of this package (read once)."""
    return load()


def t(key: str, lang: Lang, **values: object) -> str:
    """The interface string `key` in `lang`, its {placeholders} filled from `values` (only when given)."""
    try:
        text = catalogue()[lang][key]
    except KeyError:
        raise MissingString(
            f"interface string {key!r} is not in generator/render/strings/{lang}.yaml; "
            "add it to every language's catalogue"
        ) from None
    return text.format(**values) if values else text


def tn(key: str, n: int, lang: Lang, **values: object) -> str:
    """The plural form of `key` for the count `n` (`key.one` or `key.other`), with {n} filled in."""
    return t(f"{key}.{'one' if n == 1 else 'other'}", lang, n=n, **values)
