"""Who publishes this copy of the reference and where readers report an error: the deployer's `extra.publisher`
in mkdocs.yml, checked with its location, and the words the about page and the footer of every page show."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.model.types import LANGUAGES, Lang
from generator.render import markup as mk
from generator.render.strings import t

#: The lines in docs/about.*.md that the plugin replaces (generator/mkdocs/plugin.py): who publishes the site and the
#: licence of our texts; how to report an error.
MARKERS = ("<!-- coachref:publisher -->", "<!-- coachref:report -->")
#: Our own texts' licence (summaries, translations, mappings and their rationales, notes, exports): a decision of
#: the project, written down in README.md; the official texts keep their publishers' licences.
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"


class PublisherError(ValueError):
    """`extra.publisher` in mkdocs.yml is missing or wrong; the message is located and says how to fix it."""


@dataclass(frozen=True)
class Publisher:
    """The deployer's name and the address (https: or mailto:) that readers write to."""

    name: str
    contact: str


def _where(config_file: Path, keys: tuple[str, ...]) -> str:
    """`mkdocs.yml:line:col` of the deepest of `keys` (extra, publisher, …) that the file has."""
    try:
        node: Any = yaml.compose(config_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return str(config_file)
    mark = node.start_mark if node is not None else None
    for key in keys:
        if not isinstance(node, yaml.MappingNode):
            break
        found = [(k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key]
        if not found:
            break
        node = found[0][1]
        mark = node.start_mark
    return f"{config_file}:{mark.line + 1}:{mark.column + 1}" if mark is not None else str(config_file)


def settings(extra: Mapping[str, Any], config_file: Path) -> Publisher:
    """The checked `extra.publisher` of mkdocs.yml; a located PublisherError when it is missing or wrong."""
    given = extra.get("publisher")
    if not isinstance(given, dict):
        raise PublisherError(
            f"{_where(config_file, ('extra',))}: extra.publisher is missing: add `publisher:` with "
            "`name:` (who publishes this copy) and `contact:` (an https: or mailto: address "
            "where readers report an error) under `extra:`"
        )
    name, contact = given.get("name"), given.get("contact")
    if not isinstance(name, str) or not name.strip():
        raise PublisherError(
            f"{_where(config_file, ('extra', 'publisher', 'name'))}: extra.publisher.name must be "
            "the name of who publishes this copy of the reference, found "
            f"{name!r}"
        )
    if not isinstance(contact, str) or not contact.startswith(("https://", "mailto:")) or " " in contact:
        raise PublisherError(
            f"{_where(config_file, ('extra', 'publisher', 'contact'))}: extra.publisher.contact "
            f"must be an https: or mailto: address where readers report an error, found {contact!r}"
        )
    return Publisher(name.strip(), contact)


def _shown(contact: str) -> str:
    """The contact as people read it: the e-mail address without mailto:, a web address as it is."""
    return contact.removeprefix("mailto:").split("?")[0]


def about_markdown(markdown: str, who: Publisher, lang: Lang) -> str:
    """The about page with its markers replaced: who publishes the site and our texts' licence; where to report an
    error."""
    contact = mk.link(_shown(who.contact), who.contact)
    licence = mk.link(t("publisher.licence-name", lang), LICENCE_URL)
    about = "\n\n".join(
        [
            mk.text_with(t("publisher.about", lang), name=f"**{mk.text(who.name)}**", contact=contact),
            mk.text_with(t("publisher.licence", lang), licence=licence, name=mk.text(who.name)),
        ]
    )
    report = mk.text_with(t("publisher.report", lang), contact=contact)
    return markdown.replace(MARKERS[0], about).replace(MARKERS[1], report)


def footer(who: Publisher, data_date: str | None) -> dict[str, dict[str, str]]:
    """Per language, what overrides/partials/copyright.html shows at the foot of every page (plain text: the
    template escapes it)."""
    parts: dict[str, dict[str, str]] = {}
    for lang in LANGUAGES:
        parts[lang] = {
            "publisher": t("publisher.footer", lang, name=who.name),
            "contact": who.contact,
            "contact_label": t("publisher.footer-contact", lang),
            "licence": t("publisher.licence-name", lang),
            "licence_url": LICENCE_URL,
            "data_date": f"{t('print-data-date', lang)} {data_date}" if data_date else "",
        }
    return parts
