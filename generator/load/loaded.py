"""The documents of a project that passed their schemas, by kind: what the validate stage hands to the model."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.load.documents import Document


@dataclass
class Loaded:
    """The schema-valid documents of a project, by kind (framework folder for the framework kinds)."""

    frameworks: dict[str, Document] = field(default_factory=dict)
    groups: dict[str, list[Document]] = field(default_factory=dict)
    requirements: dict[str, Document] = field(default_factory=dict)
    mappings: list[Document] = field(default_factory=list)
    relations: Document | None = None
    courses: list[Document] = field(default_factory=list)
