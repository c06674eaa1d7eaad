"""The one escaper: data text → safe Markdown/HTML (content, never markup), and HTML built by escaping helpers.

`el`, `void` and `table` escape their text and attributes by construction; `raw` marks a string that is already
markup, so data text becomes markup in exactly one place. Shared by the site and the course report."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from urllib.parse import quote

# Characters Python-Markdown (with the tables and attr_list extensions) gives a meaning; a backslash before
# each makes it literal. '<' and '&' are turned into entities first, so raw HTML can never get through.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
_SPACE = re.compile(r"\s+")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
#: Text that neither escaping nor the folding of whitespace would change: no HTML-special character, no whitespace
#: but single spaces. Such text is used as it is (the escaping helpers' fast path; same result).
_PLAIN = re.compile(r"[&<>\"']|[^\S ]|  ")


def text(value: str) -> str:
    """Escape one data string for use inline in Markdown: one line, no markup, HTML shown as text."""
    return _escape(_SPACE.sub(" ", value).strip())


def _escape(flat: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", html.escape(flat, quote=False))


def code(value: str) -> str:
    """One data string as an inline code span (a column name, a command): shown as it is, in a code font. The
    fence is one backtick longer than any run of backticks inside, so the value cannot end the span early."""
    flat = _SPACE.sub(" ", value).strip()
    fence = "`" * (max((len(run) for run in re.findall(r"`+", flat)), default=0) + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def text_with(template: str, **markup: str) -> str:
    """An interface string with {placeholders} escaped as `text` escapes, each placeholder then filled with
    markup that is already safe (from `code`, `link` or `text`)."""
    parts = _PLACEHOLDER.split(_SPACE.sub(" ", template).strip())  # text, name, text, name, …, text
    return "".join(markup[part] if n % 2 else _escape(part) for n, part in enumerate(parts))


def html_text(value: str) -> str:
    """Escape one data string for use inside raw HTML (where Markdown is not processed)."""
    return html.escape(_SPACE.sub(" ", value).strip(), quote=True)


def attr(value: str) -> str:
    """Escape a value for an HTML attribute."""
    return html.escape(value, quote=True)


def badge(kind: str, label: str, note: str) -> Markup:
    """The visible text-kind badge (official / translation / summary) as inline HTML, left out of search snippets."""
    return el("span", label, class_=f"cr-badge cr-badge--{kind}", title=note, data_search_exclude=True)  # not content


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
    escape, so quotes, backslashes and `</style>` in the data stay text. Each escape ends with a space, which CSS
    consumes as its terminator (one whitespace after an escape always is), so a real space after it stays."""
    flat = _SPACE.sub(" ", value).strip()
    return '"' + "".join(ch if _CSS_SAFE.fullmatch(ch) else f"\\{ord(ch):06x} " for ch in flat) + '"'


# --- link targets ---------------------------------------------------------------------------------------------

#: Characters kept as they are in a link target; anything else (spaces, parentheses, quotes, angle brackets,
#: backslashes) is percent-encoded, so a URL from the data cannot end a Markdown link or an HTML attribute early.
_URL_SAFE = "/:?#[]@!$&*+,;=%~-._"


def href(url: str) -> str:
    """A URL from the data as a Markdown link target (and safe in an HTML attribute)."""
    return quote(url.strip(), safe=_URL_SAFE)


def link(label: str, url: str) -> str:
    """A Markdown link: `label` is data text (escaped), `url` is encoded with `href`."""
    return f"[{text(label)}]({href(url)})"


# --- HTML by construction -------------------------------------------------------------------------------------


class Markup(str):
    """A string that is already markup: the helpers below put it in as it is instead of escaping it."""

    __slots__ = ()


def raw(value: str) -> Markup:
    """Mark `value` as already-safe markup (a literal tag, or the output of another helper)."""
    return Markup(value)


Child = str | int | Markup


def _content(child: Child) -> str:
    """A child as markup: Markup as it is; text escaped with runs of whitespace made one space (kept at the ends,
    so `el("span", " (note)")` keeps its leading space)."""
    if isinstance(child, Markup):
        return child
    value = str(child)
    if _PLAIN.search(value) is None:  # most text needs neither (the same result, a third of the time)
        return value
    return html.escape(_SPACE.sub(" ", value), quote=True)


def attributes(**attrs: object) -> str:
    """Attributes in the order given: `class_` → class, `data_x` → data-x; True → bare, None/False → left out."""
    out = []
    for name, value in attrs.items():
        if value is None or value is False:
            continue
        key = _NAMES.get(name) or _NAMES.setdefault(name, name.rstrip("_").replace("_", "-"))
        if value is True:
            out.append(f" {key}")
        else:
            value = str(value)
            out.append(f' {key}="{value if _PLAIN.search(value) is None else attr(value)}"')
    return "".join(out)


#: Attribute names as written (`class_` -> class, `data_x` -> data-x), worked out once per name.
_NAMES: dict[str, str] = {}


def el(tag: str, *children: Child, **attrs: object) -> Markup:
    """`<tag attrs>children</tag>`: text children are escaped, Markup children kept as they are."""
    return Markup(f"<{tag}{attributes(**attrs)}>{''.join(_content(c) for c in children)}</{tag}>")


def void(tag: str, **attrs: object) -> Markup:
    """A self-closed element without content (`<rect …/>` in SVG)."""
    return Markup(f"<{tag}{attributes(**attrs)}/>")


def join(parts: Sequence[Child], sep: str = "") -> Markup:
    """Children joined into one piece of markup (text parts escaped); `sep` is literal markup."""
    return Markup(sep.join(_content(c) for c in parts))


def col(label: Child, **attrs: object) -> Markup:
    """A column header cell."""
    return el("th", label, scope="col", **attrs)


def table(caption: str | None, head: Sequence[Markup], rows: Sequence[Markup], **attrs: object) -> list[str]:
    """A table as lines: optional caption (escaped), header rows, body rows (each a `<tr>` built with `el`)."""
    top = [f"<table{attributes(**attrs)}>", *([el("caption", caption)] if caption is not None else [])]
    return [*top, f"<thead>{''.join(head)}</thead>", "<tbody>", *rows, "</tbody>", "</table>"]


def json_script(id_: str, data: object) -> Markup:
    """Data for a page's script as `<script type="application/json">`: one line, and `<`, `>` and `&` written as
    JSON escapes, so no text in the data can end the element or be read as markup."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    body = body.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return el("script", raw(body), type="application/json", id=id_)
