"""Load stage: read one YAML file into plain data plus a locator (JSON Pointer -> line, column).

Only the plain YAML data model is accepted (mappings with text keys, sequences, scalars).
Everything YAML can do beyond that is reported as a problem with its location, never executed
or expanded: object-constructing tags, anchors and aliases (so alias bombs cost nothing),
duplicate keys, several documents, tabs in indentation, bytes that are not UTF-8.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml import events as ev

from generator.diagnostics.messages import say
from generator.diagnostics.problem import Problem
from generator.load.builder import MAX_DEPTH, Builder, TooDeep
from generator.load.read import read_bytes
from generator.load.yaml_problems import syntax_problem, text_problems

# libyaml's parser is about ten times faster; fall back to pure Python where PyYAML was built without it.
# Only the parser part of the loader is used: events in, nothing constructed.
_Parser = getattr(yaml, "CBaseLoader", yaml.BaseLoader)

_SCHEMA_COMMENT = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(\S+)\s*$")


@dataclass
class Document:
    """A loaded YAML file: its data, where each value and key sits, and its schema comment."""

    path: Path
    rel: str
    data: Any
    values: dict[str, Any] = field(default_factory=dict)  # pointer -> YAML mark (0-based line, column)
    keys: dict[str, Any] = field(default_factory=dict)
    schema_comment: str | None = None

    def where(self, pointer: str, *, key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of the value (or key) at `pointer`, or of its nearest ancestor."""
        table = self.keys if key else self.values
        mark = table.get(pointer)
        while mark is None and pointer:
            pointer = pointer.rsplit("/", 1)[0]
            mark = self.values.get(pointer)
        return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def decode(raw: bytes, rel: str, hint: str = "") -> str | Problem:
    """The file's text, or an `encoding` problem at the line and column of its first byte that is not UTF-8."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        col = len(raw[line_start : exc.start].decode("utf-8", errors="replace")) + 1  # characters, not bytes
        byte = f"{raw[exc.start]:02x}"
        return Problem(rel, line, col, "encoding", say("encoding", byte=byte), "", hint=hint or say("encoding.hint"))


#: What a file that is no text starts with, and its kind (messages `binary-file.<kind>`): an Office document or any zip
#: (.docx, .xlsx renamed), a PDF, an Office 97-2003 document. The check page's load.js knows the same four.
SIGNATURES = (
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),
    (b"%PDF-", "pdf"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
)


def binary_problem(raw: bytes, rel: str) -> Problem | None:
    """A `binary-file` problem when the bytes are a document or archive instead of YAML text (its kind named,
    rather than its first byte that is not UTF-8)."""
    kind = next((kind for start, kind in SIGNATURES if raw.startswith(start)), None)
    if kind is None:
        return None
    return Problem(rel, 1, 1, "binary-file", say(f"binary-file.{kind}"), "", hint=say("binary-file.hint"))


def load(path: Path, rel: str, root: Path | None = None) -> tuple[Document | None, list[Problem]]:
    """Read and parse one file. Returns the document (None when unusable) and the problems found.
    With the project's `root`, a symbolic link that leads out of the project is refused unread."""
    raw = read_bytes(path, rel, root)
    if isinstance(raw, Problem):
        return None, [raw]
    if (binary := binary_problem(raw, rel)) is not None:
        return None, [binary]
    text = decode(raw, rel)
    if isinstance(text, Problem):
        return None, [text]
    text = text.removeprefix("\ufeff")
    problems = text_problems(rel, text)
    if problems:
        return None, problems
    builder = Builder(rel)
    try:
        data = builder.build(_events(text))
    except yaml.MarkedYAMLError as exc:
        return None, [syntax_problem(rel, text, exc)]
    except TooDeep as exc:
        mark = exc.args[0]
        return None, [
            Problem(
                rel,
                mark.line + 1,
                mark.column + 1,
                "yaml-too-deep",
                say("yaml-too-deep", depth=MAX_DEPTH),
                "",
                hint=say("yaml-too-deep.hint"),
            )
        ]
    first = text.splitlines()[0] if text else ""
    match = _SCHEMA_COMMENT.match(first)
    doc = Document(path, rel, data, builder.values, builder.keys, match.group(1) if match else None)
    return doc, builder.problems


def _events(text: str) -> Any:
    parser = _Parser(text)
    get = parser.get_event
    try:
        while True:
            event = get()
            yield event
            if type(event) is ev.StreamEndEvent:
                return
    finally:
        parser.dispose()
