"""Load stage: a YAML event stream into plain data, with the line and column of every value and key, and the
problems of the YAML itself (tags that construct objects, anchors and aliases, duplicate or non-text keys, nesting
past MAX_DEPTH, numbers too long to read). documents.py feeds it the events of one file."""

from __future__ import annotations

from typing import Any

import yaml
from yaml import events as ev

from generator.diagnostics.messages import say
from generator.diagnostics.problem import Problem

_YAML = "tag:yaml.org,2002:"
_ALLOWED_EXPLICIT_TAGS = {_YAML + t for t in ("str", "int", "float", "bool", "null", "map", "seq")}
_RESOLVER = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
#: Deeper nesting is refused (no real file nests more than about 10 levels); it also bounds the recursion.
MAX_DEPTH = 100
#: The longest whole number a file may write, in characters: Python refuses to read a longer decimal number, or to
#: write any longer one as text (CPython's int_max_str_digits), so a longer one is a located problem.
MAX_NUMBER_CHARS = 4300


class TooDeep(Exception):
    """Raised by the builder at the first mapping or list nested deeper than MAX_DEPTH."""


class Builder:
    """Turns a YAML event stream into plain data, recording locations and problems."""

    def __init__(self, rel: str) -> None:
        self.rel = rel
        self.problems: list[Problem] = []
        self.values: dict[str, Any] = {}
        self.keys: dict[str, Any] = {}
        self.aliases: list[tuple[int, int, str]] = []
        self.depth = 0

    def problem(self, mark: Any, code: str, message: str, pointer: str, hint: str = "") -> None:
        self.problems.append(Problem(self.rel, mark.line + 1, mark.column + 1, code, message, pointer, hint=hint))

    def build(self, events: Any) -> Any:
        """Consume a whole stream; return the data of its single document (None if empty)."""
        it = iter(events)
        data: Any = None
        documents = 0
        for event in it:
            if isinstance(event, ev.DocumentStartEvent):
                documents += 1
                if documents == 2:
                    self.problem(
                        event.start_mark,
                        "yaml-multi-doc",
                        say("yaml-multi-doc"),
                        "",
                        say("yaml-multi-doc.hint"),
                    )
                value = self.node(it, next(it), "")
                if documents == 1:
                    data = value
            elif isinstance(event, ev.StreamEndEvent):
                break
        if self.aliases:
            line, col, name = self.aliases[0]
            count = len(self.aliases)
            more = say("yaml-alias.more", count=count) if count > 1 else ""
            self.problems.append(
                Problem(
                    self.rel,
                    line,
                    col,
                    "yaml-alias",
                    say("yaml-alias", name=name, more=more),
                    "",
                    hint=say("yaml-alias.hint"),
                )
            )
        return data

    def check_tag(self, event: Any, pointer: str) -> bool:
        tag = event.tag
        if tag is None or tag == "!" or tag in _ALLOWED_EXPLICIT_TAGS:
            return True
        shown = "!!" + tag[len(_YAML) :] if tag.startswith(_YAML) else tag
        self.problem(
            event.start_mark,
            "yaml-tag",
            say("yaml-tag", tag=shown),
            pointer,
            say("yaml-tag.hint"),
        )
        return False

    def node(self, it: Any, event: Any, pointer: str) -> Any:
        # The hot loop of every check: exact type tests, local names, and marks kept as libyaml made them.
        values = self.values
        values[pointer] = event.start_mark
        kind = type(event)
        if kind is ev.ScalarEvent:
            if event.tag is not None and not self.check_tag(event, pointer):
                return None
            try:
                return _scalar(event)
            except _TooLong:
                self.problem(
                    event.start_mark,
                    "number-too-long",
                    say("number-too-long", length=len(event.value), limit=MAX_NUMBER_CHARS),
                    pointer,
                    say("number-too-long.hint"),
                )
                return None
        if kind is ev.MappingStartEvent:
            if event.tag is not None:
                self.check_tag(event, pointer)
            self.enter(event)
            mapping: dict[str, Any] = {}
            keys = self.keys
            prefix = pointer + "/"
            for key_event in it:
                if type(key_event) is ev.MappingEndEvent:
                    self.depth -= 1
                    return mapping
                key = self.key(it, key_event, pointer)
                if key is None:
                    self.node(it, next(it), pointer + "/?")
                    continue
                value_pointer = prefix + (_escape(key) if ("~" in key or "/" in key) else key)
                if key in mapping:
                    first = keys[value_pointer]
                    self.problem(
                        key_event.start_mark,
                        "duplicate-key",
                        say("duplicate-key", key=key, line=first.line + 1),
                        value_pointer,
                        say("duplicate-key.hint"),
                    )
                    self.node(it, next(it), pointer + "/?")  # parse and drop the second value
                    continue
                keys[value_pointer] = key_event.start_mark
                mapping[key] = self.node(it, next(it), value_pointer)
        if kind is ev.SequenceStartEvent:
            if event.tag is not None:
                self.check_tag(event, pointer)
            self.enter(event)
            items: list[Any] = []
            append = items.append
            prefix = pointer + "/"
            for child in it:
                if type(child) is ev.SequenceEndEvent:
                    self.depth -= 1
                    return items
                append(self.node(it, child, prefix + str(len(items))))
        if kind is ev.AliasEvent:
            self.aliases.append((event.start_mark.line + 1, event.start_mark.column + 1, str(event.anchor)))
            return None
        raise AssertionError(f"unexpected YAML event {event!r}")  # pragma: no cover

    def enter(self, event: Any) -> None:
        """One level deeper; past MAX_DEPTH the file is refused where that level starts."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise TooDeep(event.start_mark)

    def key(self, it: Any, event: Any, pointer: str) -> str | None:
        if type(event) is ev.ScalarEvent and (event.tag is None or self.check_tag(event, pointer)):
            try:
                value = _scalar(event)
            except _TooLong:
                value = None  # a whole number, so not text
            if isinstance(value, str):
                return value
            self.problem(
                event.start_mark,
                "key-type",
                say("key-type", key=repr(event.value)),
                pointer,
                say("key-type.hint", raw=event.value),
            )
            return None
        if type(event) is ev.AliasEvent:
            mark: Any = event.start_mark
            self.aliases.append((mark.line + 1, mark.column + 1, str(event.anchor)))
            return None
        if type(event) is not ev.ScalarEvent:
            self.problem(event.start_mark, "key-type", say("key-type.plain"), pointer)
            self.node(it, event, pointer + "/?")
        return None


_PLAIN: dict[str, Any] = {}


def _scalar(event: Any) -> Any:
    """Resolve a scalar as YAML 1.1 core types; dates and timestamps stay text."""
    if event.tag and event.tag != "!":
        return _construct(event.tag, event.value)
    if event.style or not event.implicit[0]:
        return event.value
    value = event.value
    try:
        return _PLAIN[value]
    except KeyError:
        if len(_PLAIN) > 100_000:
            _PLAIN.clear()
        tag = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
        resolved = _PLAIN[value] = _construct(tag, value)
        return resolved


class _TooLong(ValueError):
    """A whole number written with more than MAX_NUMBER_CHARS characters."""


def _construct(tag: str, value: str) -> Any:
    node = yaml.ScalarNode(tag, value)
    if tag == _YAML + "int":
        if len(value) > MAX_NUMBER_CHARS:
            raise _TooLong(value)
        return _CONSTRUCTOR.construct_yaml_int(node)
    if tag == _YAML + "float":
        return _CONSTRUCTOR.construct_yaml_float(node)
    if tag == _YAML + "bool":
        return _CONSTRUCTOR.construct_yaml_bool(node)
    if tag == _YAML + "null":
        return None
    return value


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")
