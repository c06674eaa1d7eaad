"""Course check page figures (information, not a test): script weight beyond a standard page, and the time to
evaluate a 200-module course in Chromium beside the CLI's time for the same file.

Run from the project folder after `coachref build`: `python benchmarks/bench_course_check.py [--site site]`.
Budgets (issue 11): at most 150 KB of gzip script beyond a standard page; under 200 ms for 200 modules.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from generator.course.command import run_course  # noqa: E402
from tests.tools.chromium import ARGS, CHROMIUM  # noqa: E402


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def big_course(modules: int = 200) -> str:
    """A course of `modules` modules, 5 outcomes each, covering BVJN eindtermen and ST0809 KSBs in turn."""
    from generator.pipeline import load_model

    model = load_model(PROJECT).model
    assert model is not None
    ids = sorted(i for i in model.items if i.startswith(("BVJN:intake", "BVJN:jobfinding", "BVJN:coaching", "ST0809")))
    lines = [
        'provider: "Benchmark"',
        'programme: "200 modules"',
        'version: "1"',
        "level: hbo-bachelor",
        'targets: ["BVJN:register", "ST0809:ksb-coverage"]',
        "mode: {dual: true, practice_hours: 400}",
        "modules:",
    ]
    n = 0
    for m in range(modules):
        lines += [f'  - id: "M{m}"', f'    title: "Module {m}"', "    outcomes:"]
        for o in range(5):
            covers = ", ".join(f'"{ids[(n + k) % len(ids)]}"' for k in range(3))
            text = f"Outcome {m}.{o} of the benchmark course."
            lines.append(f'      - {{id: "{o}", text: "{text}", covers: [{covers}]}}')
            n += 3
    return "\n".join(lines) + "\n"


def script_weight(site: Path, urls: list[str]) -> tuple[int, int]:
    """(raw bytes, gzip bytes) of the scripts the check page loads beyond a standard page."""
    raw = gz = 0
    for url in urls:
        data = (site / url).read_bytes()
        raw += len(data)
        gz += len(gzip.compress(data, 9))
    return raw, gz


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", type=Path, default=PROJECT / "site")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    site = args.site.resolve()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    text = big_course()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.yaml"
        path.write_text(text, encoding="utf-8")
        cli = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            run_course(PROJECT, path, "json", None)
            cli.append((time.perf_counter() - start) * 1000)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(bypass_csp=True)  # its waits evaluate strings, as the tests do
        loaded: list[str] = []
        page.on("request", lambda r: loaded.append(r.url))
        page.goto(base)
        page.wait_for_load_state("networkidle")
        standard = {u for u in loaded if u.endswith(".js")}
        loaded.clear()
        page.goto(base + "courses/check/")
        page.wait_for_function("typeof window.__crCheck === 'function'")
        extra = sorted(u.removeprefix(base) for u in loaded if u.endswith(".js") and u not in standard)
        data_gz = len(gzip.compress((site / "courses/check/data.json").read_bytes(), 9))
        times = page.evaluate(
            """async ([text, n]) => {
            const bytes = new TextEncoder().encode(text), out = [];
            for (let i = 0; i < n; i++) {
              const t0 = performance.now();
              await window.__crCheck("big.yaml", bytes, "2026-01-01");
              out.push(performance.now() - t0);
            }
            return out;
        }""",
            [text, args.repeat],
        )
        browser.close()
    server.shutdown()
    raw, gz = script_weight(site, extra)
    print(
        f"check page: {len(extra)} script files beyond a standard page, {raw / 1024:.1f} KB raw, "
        f"{gz / 1024:.1f} KB gzip (budget 150 KB); its data.json {data_gz / 1024:.1f} KB gzip"
    )
    print(
        f"200-module course ({text.count(chr(10))} lines): browser median {statistics.median(times):.0f} ms "
        f"(first {times[0]:.0f} ms; budget 200 ms), CLI median {statistics.median(cli):.0f} ms "
        "(run_course in-process, model cached)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
