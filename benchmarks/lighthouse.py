"""Lighthouse scores per page kind in both languages (information, not a test), served with gzip as hosts do.

Run from the project folder after `coachref build`: `make lighthouse` (it runs `npm ci` in benchmarks/lighthouse/
first), or `python benchmarks/lighthouse.py [SITE_DIR]`.
The built site is served on 127.0.0.1 by a small static server that gzips text files when the browser asks
(uncompressed, the search index alone drops performance to about 0.8); Lighthouse (npm, pinned in
benchmarks/lighthouse/package-lock.json, out of the project's own node_modules) drives the Chromium at
CHROME_PATH (default /usr/bin/chromium). Prints a Markdown table.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = PROJECT / "benchmarks/lighthouse/node_modules/.bin/lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
#: One page of each kind (as tests/browser/test_browser.py PAGE_KINDS).
PAGE_KINDS = {
    "home": "",
    "group": "coaching-professional/knowledge/",
    "item": "coaching-professional/knowledge/k5/",
    "side by side": "coaching-professional/side-by-side/",
    "mappings hub": "mappings/",
    "crosswalk": "mappings/st0809--bvjn/",
    "matrix": "mappings/bvjn--st0809/matrix/",
    "coverage": "mappings/coverage/",
    "KSB matrix": "coaching-professional/duties-matrix/",
    "checklist": "coaching-professional/checklist/",
    "downloads": "downloads/",
    "course report": "courses/draft-jobcoach/",
    "course check": "courses/check/",
    "workbook": "coaching-professional/workbook/",
}
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped on the fly for text types when the request accepts gzip; quiet."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the redirect to the address with a slash
            path = path / "index.html"
        if (
            "gzip" not in self.headers.get("Accept-Encoding", "")
            or not path.is_file()
            or path.suffix not in COMPRESSIBLE
        ):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        return _Body(body)


class _Body:
    """A bytes body with the file-like interface SimpleHTTPRequestHandler copies from."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, n: int = -1) -> bytes:
        out, self.data = (self.data, b"") if n < 0 else (self.data[:n], self.data[n:])
        return out

    def close(self) -> None:
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def scores(url: str) -> dict[str, float]:
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    done = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            "--quiet",
            "--only-categories=" + ",".join(CATEGORIES),
            "--chrome-flags=--headless --no-sandbox --disable-gpu",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
    )
    if done.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url}:\n{done.stderr[-2000:]}")
    report = json.loads(done.stdout)
    out = {c: float(report["categories"][c]["score"]) for c in CATEGORIES}
    out["TBT ms"] = float(report["audits"]["total-blocking-time"]["numericValue"])
    return out


def main() -> None:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else PROJECT / "site"
    if not LIGHTHOUSE.exists() or not (site / "index.html").exists():
        raise SystemExit(
            "needs `npm ci` in benchmarks/lighthouse/ (make lighthouse) and a built site (`coachref build`)"
        )
    server, base = serve(site)
    try:
        print("| page kind | lang | performance | accessibility | best practices | SEO | TBT ms |")
        print("|---|---|---|---|---|---|---|")
        for kind, path in PAGE_KINDS.items():
            for lang in ("en", "nl"):
                s = scores(base + ("" if lang == "en" else "nl/") + path)
                print(
                    f"| {kind} | {lang} | {s['performance']:.2f} | {s['accessibility']:.2f} | "
                    f"{s['best-practices']:.2f} | {s['seo']:.2f} | {s['TBT ms']:.0f} |",
                    flush=True,
                )
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
