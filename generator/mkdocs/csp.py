"""The Content-Security-Policy of every page, as a <meta> tag so that it holds on any static host: scripts only from
the site itself plus the page's own inline scripts, each allowed by its SHA-256 hash (never 'unsafe-inline'), and no
request to another host."""

from __future__ import annotations

import base64
import hashlib
import re

_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""")
#: Script elements that hold data, which browsers never run: no hash needed.
_DATA_TYPES = frozenset({"application/json", "application/ld+json"})
_CHARSET = '<meta charset="utf-8">'


def inline_hashes(html: str) -> list[str]:
    """The CSP source of every inline script the page runs: 'sha256-<base64>' of its exact text, sorted."""
    found = set()
    for match in _SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if re.search(r"\bsrc\s*=", attrs):
            continue
        kind = _TYPE.search(attrs)
        if kind is not None and kind.group(1).lower() in _DATA_TYPES:
            continue
        digest = base64.b64encode(hashlib.sha256(match.group("body").encode("utf-8")).digest()).decode("ascii")
        found.add(f"'sha256-{digest}'")
    return sorted(found)


def policy(html: str) -> str:
    """The page's policy. Styles may be inline (MkDocs Material and the printed furniture write style attributes and
    one <style>); images may be data: URIs (Material's icons in its CSS), and Material's script reads some (data:
    is no other host)."""
    scripts = " ".join(["'self'", *inline_hashes(html)])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self' data:",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def with_policy(html: str) -> str:
    """`html` with its policy in a <meta http-equiv> right after the charset, before any script (unchanged when the
    page has no charset tag, which every page of the theme has)."""
    if _CHARSET not in html or 'http-equiv="Content-Security-Policy"' in html:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return html.replace(_CHARSET, f"{_CHARSET}\n  {meta}", 1)
