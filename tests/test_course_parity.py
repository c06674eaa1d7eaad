"""The check page's engine against the CLI's, under Node (no browser, in `make test-fast`): every course file of the
project and its cases through `coachref course --format json` and through course-check/check.js, the module the page
runs, with the page's own data.json; both must give the same report, or the same problems. A property-based test
(hypothesis, marked slow) does the same for thousands of generated course files, valid and broken."""

from __future__ import annotations

import base64
import datetime
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator.compliance.bundle import bundle_json
from generator.course import run_course
from generator.editions.impact import history
from generator.pipeline import load_model
from generator.site.vendor import LIBRARIES, VENDOR

from .browser.test_course_check import COURSE_FILES, _parser_words_out, rel
from .helpers import ROOT

NODE = shutil.which("node")
SCRIPTS = ROOT / "docs/assets/javascripts/course-check"
TODAY = datetime.date.today().isoformat()
#: Reads {"name", "bytes" (base64)} lines; answers each with check.js's result, one JSON line each.
HARNESS = """
const fs = await import("node:fs");
const [bundlePath, inputPath, module, today] = process.argv.slice(1);
const { checkCourse } = await import(module);
const bundle = JSON.parse(fs.readFileSync(bundlePath, "utf8"));
const out = [];
for (const line of fs.readFileSync(inputPath, "utf8").split("\\n")) {
  if (!line) continue;
  const { name, bytes } = JSON.parse(line);
  out.push(await checkCourse(bundle, name, new Uint8Array(Buffer.from(bytes, "base64")), today));
}
process.stdout.write(JSON.stringify(out));
"""


@pytest.fixture(scope="module")
def site_like(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The page's scripts and vendored libraries laid out as in the built site, and the page's data.json."""
    if NODE is None:
        pytest.skip("needs Node.js")
    root = tmp_path_factory.mktemp("check-page")
    shutil.copytree(SCRIPTS, root / "assets/javascripts/course-check")
    for lib in LIBRARIES:
        source, target = VENDOR / lib.kept, root / lib.target
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    (root / "package.json").write_text('{"type": "module"}\n', encoding="utf-8")
    checked = load_model(ROOT)
    assert checked.model is not None
    data = bundle_json(checked.model, ROOT, history(checked.model, checked.editions))
    (root / "data.json").write_text(data, encoding="utf-8")
    return root


def node_results(site: Path, files: list[tuple[str, bytes]], tmp: Path) -> list[dict[str, Any]]:
    """check.js's answer for each (name, bytes), Node started once."""
    lines = [json.dumps({"name": name, "bytes": base64.b64encode(data).decode()}) for name, data in files]
    (tmp / "input.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    module = (site / "assets/javascripts/course-check/check.js").as_uri()
    done = subprocess.run(
        [NODE or "node", "--input-type=module", "-e", HARNESS, str(site / "data.json"), str(tmp / "input.jsonl"),
         module, TODAY],
        capture_output=True, text=True, check=False, env={**os.environ, "NODE_NO_WARNINGS": "1"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    found: list[dict[str, Any]] = json.loads(done.stdout)
    return found


def python_result(path: Path, root: Path = ROOT) -> dict[str, Any]:
    code, out, err = run_course(root, path, "json", None)
    assert code in (0, 1), err
    found: dict[str, Any] = json.loads(out)
    if "checked" in found:
        found["checked"] = TODAY  # the CLI's clock and the test's agree except across midnight
    return found


def agree(python: dict[str, Any], node: dict[str, Any]) -> None:
    if "problems" in python:
        assert "problems" in node, node.get("report", node)
        assert _parser_words_out(node["problems"]) == _parser_words_out(python)
    else:
        assert "report" in node, node.get("problems", node)
        assert node["report"] == python


#: Node has no DOMParser, which the page reads an XLSX file's XML with: workbooks are compared in Chromium only
#: (tests/browser/test_course_check.py runs every file, these included).
YAML_FILES = [p for p in COURSE_FILES if p.suffix != ".xlsx"]


def test_both_engines_agree_on_every_course_file(site_like: Path, tmp_path: Path) -> None:
    answers = node_results(site_like, [(rel(p), p.read_bytes()) for p in YAML_FILES], tmp_path)
    assert len(answers) == len(YAML_FILES) >= 25
    for path, node in zip(YAML_FILES, answers, strict=True):
        agree(python_result(Path(rel(path))), node)


# --- generated course files (hypothesis) ----------------------------------------------------------------------------


def _items() -> list[str]:
    model = load_model(ROOT).model
    assert model is not None
    return sorted(model.items)


def course_files() -> Any:
    """A strategy for a course file's text: mostly well-formed courses, each with a few faults a provider makes
    (wrong types, unknown or near ids, group ids, repeated ids, missing fields, odd levels and hours)."""
    from hypothesis import strategies as st

    items = _items()
    ref = st.one_of(
        st.sampled_from(items),
        st.sampled_from(items).map(lambda i: i.lower()),  # a near miss
        st.sampled_from(["BVJN:jobfinding", "ST0809:knowledge", "BVJN:intake-asessment:b", "X:1", ""]),
    )
    # Characters this Python's Unicode tables know (not "Cn"): Python (Unicode 14 in 3.11) and Node (15.1) escape the
    # characters assigned in between differently in repr(); a known limit, named in the README.
    chars = st.characters(exclude_categories=("Cn", "Cs"))
    text = st.one_of(st.text(chars, min_size=1, max_size=30), st.just(""), st.integers(), st.booleans(), st.none())
    outcome = st.fixed_dictionaries(
        {"id": st.one_of(st.sampled_from(["o1", "o2", "1.1"]), text), "text": text,
         "covers": st.one_of(st.lists(ref, max_size=8), ref, st.none())}
    )  # fmt: skip
    module = st.fixed_dictionaries(
        {"id": st.one_of(st.sampled_from(["M1", "M2", "M3"]), text), "title": text,
         "outcomes": st.one_of(st.lists(outcome, max_size=4), st.just([]), text)}
    )  # fmt: skip
    level = st.one_of(st.sampled_from(["hbo-bachelor", "hbo-post", "hbo-associate", "mbo-4", "uk-level-5"]),
                      st.sampled_from(["HBO", "bachelor", 5, True]))  # fmt: skip
    hours = st.one_of(st.integers(min_value=-5, max_value=2000), st.floats(allow_nan=False, width=32), text)
    mode = st.fixed_dictionaries(
        {"dual": st.one_of(st.booleans(), text)},
        optional={"practice_hours": hours, "training_hours": hours, "off_the_job_hours": hours,
                  "duration_months": hours},
    )  # fmt: skip
    course = st.fixed_dictionaries(
        {"provider": text, "programme": text, "version": st.one_of(st.just("1"), text), "level": level,
         "mode": st.one_of(mode, text), "modules": st.one_of(st.lists(module, max_size=4), text)},
        optional={"targets": st.lists(st.sampled_from(["BVJN:register", "ST0809:ksb-coverage", "BVJN:regster"]),
                                      max_size=2),
                  "language": st.sampled_from(["en", "nl", "de"]), "surprise": text},
    )  # fmt: skip
    import yaml

    head = "# yaml-language-server: $schema=../schemas/course.schema.json\n"
    return st.one_of(course, valid_courses(items)).map(
        lambda c: head + yaml.safe_dump(c, allow_unicode=True, sort_keys=False)
    )


def valid_courses(items: list[str]) -> Any:
    """Courses with no fault: reports (verdicts, points to review, broad outcomes) compared field by field."""
    from hypothesis import strategies as st

    words = st.text(st.characters(exclude_categories=("Cn", "Cs", "Cc")), min_size=1, max_size=20).filter(str.strip)

    def modules(n: int) -> Any:
        outcome = st.lists(
            st.fixed_dictionaries({"text": words, "covers": st.lists(st.sampled_from(items), min_size=1, max_size=8)}),
            min_size=1, max_size=3,
        )  # fmt: skip
        return st.lists(st.tuples(words, outcome), min_size=n, max_size=n).map(
            lambda ms: [{"id": f"M{i + 1}", "title": title,
                         "outcomes": [{"id": f"{i + 1}.{j + 1}", **o} for j, o in enumerate(outs)]}
                        for i, (title, outs) in enumerate(ms)]
        )  # fmt: skip

    mode = st.fixed_dictionaries(
        {"dual": st.booleans()},
        optional={"practice_hours": st.integers(0, 2000), "training_hours": st.integers(0, 2000)},
    )
    return st.fixed_dictionaries(
        {"provider": words, "programme": words, "version": st.just("2026-1"),
         "level": st.sampled_from(["hbo-bachelor", "hbo-post", "hbo-associate", "mbo-4", "uk-level-5"]),
         "mode": mode, "modules": st.integers(1, 4).flatmap(modules)},
        optional={"targets": st.lists(st.sampled_from(["BVJN:register", "ST0809:ksb-coverage"]), min_size=1,
                                      max_size=2, unique=True),
                  "language": st.sampled_from(["en", "nl"])},
    )  # fmt: skip


@pytest.mark.slow  # 2,000 generated files through both engines
def test_both_engines_agree_on_2000_generated_course_files(site_like: Path, tmp_path: Path) -> None:
    """Hypothesis draws the files (derandomized: the same 2,000 on every run); both engines then check them all, Node
    started once. A disagreement names the file, whose text is kept in the test's tmp folder."""
    from hypothesis import HealthCheck, given, settings

    texts: list[str] = []

    @settings(max_examples=2000, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(course_files())
    def draw(text: str) -> None:
        texts.append(text)

    draw()
    assert len(set(texts)) >= 1500, "too few distinct files"
    paths = []
    for n, body in enumerate(texts):
        path = tmp_path / f"course-{n}.yaml"
        path.write_text(body, encoding="utf-8")
        paths.append(path)
    answers = node_results(site_like, [(p.as_posix(), p.read_bytes()) for p in paths], tmp_path)
    valid = 0
    for path, node in zip(paths, answers, strict=True):
        python = python_result(path)
        agree(python, node)
        valid += "problems" not in python
    assert len(paths) >= 2000 and valid >= 20, (len(paths), valid)  # broken files mostly, and some valid ones
