"""Model stage, the value types every part of the model uses: bilingual texts and names, labelled facts, and the
changes an editor declares against an edition."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Lang = Literal["en", "nl"]
LANGUAGES: tuple[Lang, ...] = ("en", "nl")


@dataclass(frozen=True)
class Text:
    """A bilingual text and what each language's text is (official, translation, summary)."""

    en: str
    nl: str
    kind_en: str
    kind_nl: str

    def get(self, lang: Lang) -> str:
        return self.en if lang == "en" else self.nl

    def kind(self, lang: Lang) -> str:
        return self.kind_en if lang == "en" else self.kind_nl


@dataclass(frozen=True)
class Label:
    """A bilingual name."""

    en: str
    nl: str

    def get(self, lang: Lang) -> str:
        return self.en if lang == "en" else self.nl


@dataclass(frozen=True)
class Detail:
    """A labelled fact (about a framework or an item)."""

    label: Label
    value: Text
    id: str | None = None
    confidence: str | None = None
    panel: bool | None = None  # True: a framework fact shown in its status panel


@dataclass(frozen=True)
class Change:
    """A change the editor declared against a frozen edition (`changes:` in the data)."""

    since: str  # the edition id it is made against
    date: str
    kind: str  # correction | reword | substantive
    affects_assessment: bool
    note: Text | None = None
