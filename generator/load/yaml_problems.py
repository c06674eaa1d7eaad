"""Load stage, text side: problems in a file's text found before parsing (control characters, tabs, emptiness)
and parse errors turned into located problems."""

from __future__ import annotations

import re

import yaml

from generator.diagnostics.messages import say
from generator.diagnostics.problem import Problem

_TAB_INDENT = re.compile(r"^[ ]*\t", re.MULTILINE)
# Characters YAML refuses raw (C0 controls but tab and line breaks, DEL, C1 including NEL, which YAML 1.1 would
# read as a line break and so shift every line number after it) and the two noncharacters libyaml refuses.
# U+2028 and U+2029 too: PyYAML breaks lines there, editors and the check page's parser do not
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")


def text_problems(rel: str, text: str) -> list[Problem]:
    """What stops a decoded file from being parsed at all: a control character, tabs in indentation, no content."""
    control = _CONTROL.search(text)
    if control:
        return [
            Problem(
                rel,
                *_position(text, control.start()),
                "control-character",
                say("control-character", code=f"{ord(control.group()):04X}"),
                "",
                hint=say("control-character.hint"),
            )
        ]
    problems = [
        Problem(
            rel,
            *_position(text, m.end() - 1),
            "tab",
            say("tab"),
            "",
            hint=say("tab.hint"),
        )
        for m in _TAB_INDENT.finditer(text)
    ]
    if problems:
        return problems
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return [Problem(rel, 1, 1, "empty-file", say("empty-file"), "", hint=say("empty-file.hint"))]
    return []


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def syntax_problem(rel: str, text: str, exc: yaml.MarkedYAMLError) -> Problem:
    """A parse error where the parser noticed it (never past the last line), naming where the construct
    it was reading began."""
    mark = exc.problem_mark or exc.context_mark
    message = exc.problem or "cannot parse"
    if exc.context and exc.context_mark:
        message += f" ({exc.context.removeprefix('while ')} that starts at line {exc.context_mark.line + 1})"
    elif exc.context:
        message += f" ({exc.context})"
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    last = text.count("\n") + (0 if text.endswith("\n") else 1)
    if line > last:
        line, col = last, len(text.rstrip("\n").rsplit("\n", 1)[-1]) + 1
    start = exc.context_mark.line + 1 if exc.context_mark else max(1, line - 5)
    quote = _unclosed_quote(text, start, line)
    if quote is not None:
        return Problem(
            rel,
            *quote,
            "yaml-syntax",
            say("yaml-syntax.quote", line=line, problem=message),
            "",
            hint=say("yaml-syntax.quote.hint"),
        )
    return Problem(
        rel,
        line,
        col,
        "yaml-syntax",
        say("yaml-syntax", problem=message),
        "",
        hint=say("yaml-syntax.hint"),
    )


def _unclosed_quote(text: str, first: int, stop: int) -> tuple[int, int] | None:
    """(line, column) of a double quote left open on one of the lines first..stop-1, the usual cause of a parse
    error a few lines further down; None when every line there closes its quotes."""
    lines = text.splitlines()
    for number in range(stop - 1, first - 1, -1):
        if number < 1 or number > len(lines):
            continue
        row = lines[number - 1]
        quotes = [i for i, ch in enumerate(row) if ch == '"' and (i == 0 or row[i - 1] != "\\")]
        if len(quotes) % 2:
            return number, quotes[-1] + 1
    return None
