"""Render a check result for people (one line per problem) or for machines (JSON). Never prints."""

from __future__ import annotations

import json
import re

from generator.diagnostics.problem import Problem

#: Characters that steer a terminal or a page or hide text rather than show it, beyond the C0 controls: DEL, C1
#: controls, the Unicode line separators and the bidirectional marks and overrides (U+202E makes "SEY :tnailpmoC"
#: read "Compliant: YES"). The check page gets this set from data.json and shows them escaped too.
STEERING = "\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069"
# The C0 controls too (line breaks and tabs: one problem stays one line).
_CONTROL = re.compile(f"[\x00-\x1f{STEERING}]")
# json.dumps already escapes C0 (its own line breaks and indentation must stay).
_JSON_RAW = re.compile(f"[{STEERING}]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(line: str) -> str:
    """`line` with every control character written as an escape (ESC shows as \\x1b): data cannot clear the
    screen, recolour or hide text, or start a new line, in a terminal or a CI log."""
    return _CONTROL.sub(_escape, line)


def terminal_text(text: str) -> str:
    """A multi-line report for a terminal: as terminal_safe, but its own line breaks and tabs stay."""
    return _CONTROL.sub(lambda m: m.group() if m.group() in "\n\t" else _escape(m), text)


def summary(problems: list[Problem], files: int) -> str:
    """The closing line: counts of errors and warnings."""
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if not problems:
        return f"no problems in {files} file{'s' * (files != 1)}"
    parts = [f"{errors} error{'s' * (errors != 1)}", f"{warnings} warning{'s' * (warnings != 1)}"]
    return f"{', '.join(parts)} in {files} file{'s' * (files != 1)}"


def text(problems: list[Problem], files: int, *, hints: bool = True) -> str:
    """One line per problem (with an indented hint line), sorted, then the summary."""
    lines = []
    for p in problems:
        lines.append(terminal_safe(p.as_line()))
        if hints and p.hint:
            lines.append(f"    hint: {terminal_safe(p.hint)}")
    lines.append(summary(problems, files))
    return "\n".join(lines) + "\n"


def as_json(problems: list[Problem], files: int) -> str:
    """The same problems as a JSON document."""
    errors = sum(p.severity == "error" for p in problems)
    doc = {
        "files": files,
        "errors": errors,
        "warnings": len(problems) - errors,
        "problems": [p.as_dict() for p in problems],
    }
    return json_safe(json.dumps(doc, ensure_ascii=False, indent=2)) + "\n"


def json_safe(out: str) -> str:
    """JSON text from json.dumps with what it leaves raw (DEL, C1, line separators, bidi controls) escaped too;
    those occur only inside strings, where \\u escapes are valid JSON."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", out)
