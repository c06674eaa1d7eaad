"""The check page's engine under Node (no browser): one Node process, course files streamed in, answers out."""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.course import command as course
from generator.course.bundle import bundle
from generator.editions.impact import History, history
from generator.editions.manifest import Edition
from generator.mkdocs.vendor import LIBRARIES, VENDOR
from generator.model.types import Model
from generator.pipeline import load_model

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "docs/assets/javascripts/course-check"
NODE = shutil.which("node")
#: Reads one JSON request a line ({name, b64, today}) and prints one JSON answer a line, as window.__crCheck does.
HARNESS = """
const [bundlePath, module] = process.argv.slice(1);
const fs = await import("node:fs");
const readline = await import("node:readline");
const { checkCourse } = await import(module);
const bundle = JSON.parse(fs.readFileSync(bundlePath, "utf8"));
const lines = readline.createInterface({ input: process.stdin });
for await (const line of lines) {
  const { name, b64, today } = JSON.parse(line);
  let answer;
  try {
    answer = await checkCourse(bundle, name, new Uint8Array(Buffer.from(b64, "base64")), today);
  } catch (e) {
    answer = { failed: String(e) };
  }
  process.stdout.write(JSON.stringify(answer) + "\\n");
}
"""


def _site_layout(dest: Path) -> Path:
    """The scripts and vendored libraries where the built site has them; the path of check.js."""
    scripts = dest / "assets/javascripts/course-check"
    shutil.copytree(SCRIPTS, scripts)
    for lib in LIBRARIES:
        source, target = VENDOR / lib.kept, dest / lib.target
        target.parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if source.is_dir() else shutil.copyfile)(source, target)
    return scripts / "check.js"


def cached_history() -> Callable[[Model, tuple[Edition, ...]], History]:
    """The CLI's edition history worked out once, not per course file (the model it comes from is cached)."""
    found: dict[tuple[int, int], History] = {}

    def history_of(model: Model, editions: tuple[Edition, ...]) -> History:
        key = (id(model), id(editions))
        if key not in found:
            found[key] = history(model, editions)
        return found[key]

    return history_of


@contextlib.contextmanager
def node_engine(tmp: Path) -> Iterator[NodeEngine]:
    """The Node engine, with the CLI's history cached while it is open."""
    engine = NodeEngine(tmp)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(course, "history", cached_history())
        yield engine
    engine.close()


class NodeEngine:
    """The browser engine in one Node process; `check` sends a file and returns the engine's answer."""

    def __init__(self, tmp: Path) -> None:
        assert NODE is not None
        checked = load_model(ROOT)
        assert checked.model is not None
        data = bundle(checked.model, ROOT, history(checked.model, checked.editions))
        (tmp / "bundle.json").write_text(json.dumps(data), encoding="utf-8")
        module = _site_layout(tmp / "site").as_uri()
        self.process = subprocess.Popen(
            [NODE, "--input-type=module", "-e", HARNESS, str(tmp / "bundle.json"), module],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "NODE_NO_WARNINGS": "1"},
        )

    def check(self, name: str, data: bytes, today: str) -> dict[str, Any]:
        assert self.process.stdin is not None and self.process.stdout is not None
        request = {"name": name, "b64": base64.b64encode(data).decode("ascii"), "today": today}
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        answer: dict[str, Any] = json.loads(self.process.stdout.readline())
        return answer

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=30)
        if self.process.stdout is not None:
            self.process.stdout.close()
