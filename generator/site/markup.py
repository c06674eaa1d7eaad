"""Data text → safe Markdown/HTML: data strings are content, never markup (no HTML, no Markdown syntax)."""

from __future__ import annotations

import html
import json
import re

# Characters Python-Markdown (with the tables and attr_list extensions) gives a meaning; a backslash before
# each makes it literal. '<' and '&' are turned into entities first, so raw HTML can never get through.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
_SPACE = re.compile(r"\s+")


def text(value: str) -> str:
    """Escape one data string for use inline in Markdown: one line, no markup, HTML shown as text."""
    return _escape(_SPACE.sub(" ", value).strip())


def _escape(flat: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", html.escape(flat, quote=False))


def html_text(value: str) -> str:
    """Escape one data string for use inside raw HTML (where Markdown is not processed)."""
    return html.escape(_SPACE.sub(" ", value).strip(), quote=True)


def attr(value: str) -> str:
    """Escape a value for an HTML attribute."""
    return html.escape(value, quote=True)


def badge(kind: str, label: str, note: str) -> str:
    """The visible text-kind badge (official / translation / summary) as inline HTML."""
    return (f'<span class="cr-badge cr-badge--{attr(kind)}" title="{attr(note)}">{html_text(label)}</span>')


def linkify_terms(value: str, terms: list[tuple[re.Pattern[str], str]], seen: set[str]) -> str:
    """Escape `value` and link the first occurrence (per page, tracked in `seen`) of each glossary term.

    `terms` pairs a whole-word pattern with the Markdown link target of its definition."""
    flat = _SPACE.sub(" ", value).strip()
    out: list[str] = []
    pos = 0
    while True:
        best: tuple[int, int, str] | None = None
        for pattern, target in terms:
            if target in seen:
                continue
            m = pattern.search(flat, pos)
            if m and (best is None or m.start() < best[0]):
                best = (m.start(), m.end(), target)
        if best is None:
            break
        start, end, target = best
        out.append(_escape(flat[pos:start]))
        out.append(f"[{_escape(flat[start:end])}]({target})")
        seen.add(target)
        pos = end
    out.append(_escape(flat[pos:]))
    return "".join(out)


def term_pattern(term: str) -> re.Pattern[str]:
    """A case-insensitive whole-word pattern for a glossary term."""
    return re.compile(rf"(?<!\w){re.escape(term)}(?!\w)", re.IGNORECASE)


def yaml_title(value: str) -> str:
    """A page title for YAML front matter: HTML-escaped (themes print it unescaped) and JSON-quoted (valid YAML)."""
    return json.dumps(html.escape(_SPACE.sub(" ", value).strip(), quote=False), ensure_ascii=True)


_CSS_SAFE = re.compile(r"[A-Za-z0-9 .,:;()/'·©–-]")


def css_string(value: str) -> str:
    """A data string as a quoted CSS string (for `content:`): every character outside a small safe set is a hex
    escape, so quotes, backslashes and `</style>` in the data stay text."""
    flat = _SPACE.sub(" ", value).strip()
    return '"' + "".join(ch if _CSS_SAFE.fullmatch(ch) else f"\\{ord(ch):06x}" for ch in flat) + '"'
