"""Site build figures (information, not a test): generation overhead and build time at 200 / 2,000 items.

Run from the project folder: `python benchmarks/bench_site.py`. Every build runs in a copy of the project (in a
temporary folder), so the working tree is never touched. A full build is `coachref build` (check, generate, MkDocs
in the same process), run through `generator.cli.main` in a fresh Python process that also reports how many times
the check really ran (`generator.pipeline.runs`; one build must run it once). The floor is plain
`python -m mkdocs build --strict` with page generation switched off.

"After a data edit" is a real edit, as an author makes one: a skill's statement reworded, the change declared for
the next edition (as `coachref check` demands), a new wording each time. The full build also reports the CPU seconds
spent generating pages (the plugin's part, the check excluded).
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from generator.editions.manifest import read_all

PROJECT = Path(__file__).resolve().parent.parent
PARTS = ("mkdocs.yml", "docs", "overrides", "standards", "schemas", "generator", "courses", "editions")
IGNORE = shutil.ignore_patterns("__pycache__", "generated")
SKILLS = "standards/coaching-professional/skills.yaml"
SYNTHETIC_ITEM = """  - id: "ST0809:S{n}"
    label: "S{n}"
    statement:
      en: "Synthetic skill {n} for the benchmark: plans, agrees and reviews coaching with coachee and sponsor."
      nl: "Synthetische vaardigheid {n} voor de benchmark: plant, bespreekt en evalueert coaching."
      kind:
        en: summary
        nl: summary
"""


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for part in PARTS:
        src = PROJECT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=IGNORE)
        elif src.is_file():
            shutil.copy2(src, dest / part)
    if (PROJECT / "node_modules").is_dir():  # where the check page's libraries still come from node_modules/
        (dest / "node_modules").symlink_to(PROJECT / "node_modules")
    return dest


#: One `coachref build` in this process, then the CPU seconds the plugin spent generating pages and the number of check
#: runs it took, on the last two lines of stdout.
FULL_BUILD = """
import sys, time
from generator import cli, pipeline
from generator.mkdocs import plugin
spent = [0.0]
generate = plugin.CoachrefPlugin._generate
def timed(self, config):
    start = time.process_time()
    try:
        generate(self, config)
    finally:
        spent[0] += time.process_time() - start
plugin.CoachrefPlugin._generate = timed
before = pipeline.runs[0]
code = cli.main(["build"])
print(f"generation: {spent[0]}")
print(f"check runs: {pipeline.runs[0] - before}")
sys.exit(code)
"""
#: Check runs of the last full build (printed by main; must be one), and its CPU seconds of page generation.
check_runs: list[int] = []
generation: list[float] = []
#: The user part of each build's CPU seconds: the system part (writing and deleting some 3,000 site files) varies by a
#: few tenths of a second between identical builds on a shared disk, more than the 5 % the ratios are held to.
user_seconds: list[float] = []


def build(root: Path, *, generate: bool = True) -> float:
    """CPU seconds (user + system: steady on a busy machine, unlike wall time) for one strict build of the
    project at `root`: `coachref build`, or with `generate=False` the plain MkDocs floor."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "COACHREF_NO_GENERATE": "0" if generate else "1"}
    command = ["-c", FULL_BUILD] if generate else ["-m", "mkdocs", "build", "--strict", "-q"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([sys.executable, *command], cwd=root, env=env, capture_output=True, text=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    elapsed = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    user_seconds.append(after.ru_utime - before.ru_utime)
    if done.returncode != 0:
        sys.exit(f"build failed in {root}:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    if generate:
        *_, spent, runs = done.stdout.strip().splitlines()
        generation.append(float(spent.removeprefix("generation: ")))
        check_runs.append(int(runs.removeprefix("check runs: ")))
    return elapsed


def item_pages(root: Path) -> int:
    return sum(1 for _ in (root / "site").rglob("index.html")) // 2


def add_skills(root: Path, total_items: int) -> None:
    """Append synthetic skills so that the site has about `total_items` item pages per language."""
    current = item_pages(root)
    extra = max(0, total_items - current)
    path = root / SKILLS
    path.write_text(
        path.read_text(encoding="utf-8") + "".join(SYNTHETIC_ITEM.format(n=100 + i) for i in range(extra)),
        encoding="utf-8",
    )


def declared_edit(text: str, n: int) -> str:
    """skills.yaml with ST0809:S1's English statement reworded (wording `n`) and the change declared since the latest
    edition, as an author would make it."""
    latest = read_all(PROJECT)[-1]
    head, sep, rest = text.partition('  - id: "ST0809:S1"\n')
    item, nxt, tail = rest.partition("\n  - id: ")
    if not sep or not nxt or "\n    changes:" in item:
        sys.exit(f"{SKILLS}: ST0809:S1 is not where the benchmark expects it (or already declares a change)")
    item, reworded = re.subn(r'(\n    statement:\n      en: ")', rf"\1(Reworded {n}.) ", item, count=1)
    if reworded != 1:
        sys.exit(f"{SKILLS}: ST0809:S1 has no English statement where the benchmark expects it")
    note = '{en: "Benchmark edit.", nl: "Bewerking voor de benchmark.", kind: {en: summary, nl: summary}}'
    item += (
        f'\n    changes:\n      - since: "{latest.id}"\n        date: "{latest.date}"\n        kind: reword'
        f"\n        affects_assessment: false\n        note: {note}"
    )
    return head + sep + item + nxt + tail


def best_of(runs: int, root: Path, *, generate: bool = True) -> float:
    return min(build(root, generate=generate) for _ in range(runs))


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="coachref-bench-") as tmp:
        real = copy_project(Path(tmp) / "real")
        build(real)  # warm up, and leave the generated pages for the no-generation build
        edited = real / SKILLS
        original = edited.read_text(encoding="utf-8")
        edits = iter(range(1, 1000))

        def after_edit() -> float:
            edited.write_text(declared_edit(original, next(edits)), encoding="utf-8")
            seconds = build(real)
            spent.append(generation[-1])
            return seconds

        spent: list[float] = []
        runs, users = [], []
        for _ in range(5):  # interleaved
            runs.append((build(real), after_edit(), build(real, generate=False)))
            users.append(tuple(user_seconds[-3:]))
        full, cold, floor = (min(r[i] for r in runs) for i in range(3))
        user_full, user_cold, user_floor = (min(u[i] for u in users) for i in range(3))
        pages = item_pages(real)
        print(f"real site ({pages} pages per language), CPU seconds, best of 5 interleaved triples:")
        print(f"  coachref build, data unchanged:         {full:6.2f} s  (check; pages up to date)")
        print(f"  coachref build after a data edit:       {cold:6.2f} s  (check, render every page)")
        print(f"    of which generating the pages:        {min(spent):6.2f} s  (best of 5)")
        print(f"  generation switched off (MkDocs floor): {floor:6.2f} s")
        print(f"  ratio unchanged / floor:                {full / floor:6.2f}  (target <= 1.05)")
        print(f"  ratio after an edit / floor:            {cold / floor:6.2f}  (target <= 1.05)")
        print(f"  the same two ratios in user time only:  {user_full / user_floor:6.2f} / {user_cold / user_floor:.2f}")
        # each triple's own ratios, then their median: builds run side by side in one triple share the machine's state,
        # so this drifts less than ratios of minima taken from different triples
        paired = sorted(r[1] / r[2] for r in runs)
        paired_user = sorted(u[1] / u[2] for u in users)
        print(f"  after an edit, median of the 5 paired:  {paired[2]:6.2f} / {paired_user[2]:.2f} in user time")
        print(f"  check runs in one full build:           {check_runs[-1]:6d} (must be 1)")
        for target in (200, 2000):
            root = copy_project(Path(tmp) / f"synthetic-{target}")
            build(root)
            add_skills(root, target)
            seconds = build(root)
            print(
                f"synthetic, ~{target} item pages per language ({item_pages(root)} pages per language): "
                f"{seconds:6.2f} s"
            )


if __name__ == "__main__":
    main()
