"""One owner for the wording of every course-file problem (issue 19 item 1): the templates of
generator/diagnostics/messages.py are the only place a message or hint is written; the CLI fills them in with Python,
the check page with course-check/messages.js from data.json, and both fill them in alike."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from generator.diagnostics.messages import DESCRIPTIONS_NL, MESSAGES, MESSAGES_NL, say
from tests.helpers import ROOT
from tests.tools.course_node import NODE

SCRIPTS = ROOT / "docs/assets/javascripts/course-check"
FIELD = re.compile(r"\{(\w+)(:,)?\}")
#: Keys made from a prefix and a value (the names of JSON types and of the kinds of value found).
BUILT = ("type.", "got.")


def _fields(template: str) -> list[str]:
    return [m[1] for m in FIELD.finditer(template)]


def test_templates_hold_only_named_fields() -> None:
    """{name} and {name:,} only: any other brace would be read differently by Python and JavaScript."""
    for key, template in MESSAGES.items():
        assert "{" not in FIELD.sub("", template) and "}" not in FIELD.sub("", template), key


def test_every_template_is_used() -> None:
    python = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "generator").rglob("*.py"))
    script = "\n".join(p.read_text(encoding="utf-8") for p in SCRIPTS.glob("*.js"))
    unused = [
        key
        for key in MESSAGES
        if f'"{key}"' not in python + script and not (key.startswith(BUILT) and key.split(".")[0] in python + script)
    ]
    assert not unused


def test_the_page_writes_no_message_of_its_own() -> None:
    """No fixed part of a template (12 characters or more) is written in the check page's scripts: they fill in
    the templates data.json carries, and so cannot drift from the CLI's words."""
    script = "\n".join(p.read_text(encoding="utf-8") for p in SCRIPTS.glob("*.js"))
    script = re.sub(r"/\*.*?\*/|^\s*//[^\n]*|\s//\s[^\n]*", "", script, flags=re.S | re.M)  # comments may name them
    parts = {key: [p.strip(" '\"(),.:;?!*") for p in FIELD.split(template)[::3]] for key, template in MESSAGES.items()}
    copied = [(key, part) for key, found in parts.items() for part in found if len(part) >= 12 and part in script]
    assert not copied


@pytest.mark.skipif(NODE is None, reason="needs Node.js")
def test_both_engines_fill_in_every_template_alike() -> None:
    values = {"count": 1234567, "limit": 4300, "size": 40000001, "row": 20001, "col": 101, "length": 4401}
    filled = {key: {name: values.get(name, f"<{name} é “x”>") for name in _fields(t)} for key, t in MESSAGES.items()}
    program = (
        f"const {{ setMessages, say }} = await import({json.dumps((SCRIPTS / 'messages.js').as_uri())});"
        "const [messages, filled] = JSON.parse(process.argv[1]);"
        "setMessages(messages);"
        "const out = Object.entries(filled).map(([k, v]) => [k, String(say(k, v))]);"
        "console.log(JSON.stringify(Object.fromEntries(out)));"
    )
    done = subprocess.run(
        [str(NODE), "--input-type=module", "-e", program, json.dumps([{"en": MESSAGES, "nl": MESSAGES_NL}, filled])],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(done.stdout) == {key: say(key, **v) for key, v in filled.items()}


def test_every_template_has_its_dutch_with_the_same_fields() -> None:
    """The page words a problem in Dutch from the same template keys and values (MESSAGES_NL)."""
    assert list(MESSAGES_NL) == list(MESSAGES)
    assert {k: sorted(_fields(t)) for k, t in MESSAGES_NL.items()} == {
        k: sorted(_fields(t)) for k, t in MESSAGES.items()
    }


def _hint_descriptions() -> set[str]:
    """The descriptions that can be an `invalid-format` hint: those of the course schema's fields with a pattern or a
    format, and of the common definitions it refers to that have one."""
    schemas = {
        name: json.loads((ROOT / f"schemas/{name}").read_text())
        for name in ("course.schema.json", "common.schema.json")
    }
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("common.schema.json#/$defs/"):
                walk(schemas["common.schema.json"]["$defs"][ref.rsplit("/", 1)[1]])
            if ("pattern" in node or "format" in node) and node.get("description"):
                found.add(node["description"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schemas["course.schema.json"])
    return found


def test_every_description_that_can_be_a_hint_has_its_dutch() -> None:
    """The Dutch check page shows the Dutch of a field's description where the CLI prints the schema's English (the
    Dutch reviewer's 29th point of issue 19): exactly those descriptions are in DESCRIPTIONS_NL, none left over."""
    wanted = _hint_descriptions()
    assert len(wanted) >= 4
    assert set(DESCRIPTIONS_NL) == wanted
    assert all(nl and nl != en for en, nl in DESCRIPTIONS_NL.items())  # written in Dutch, not copied
