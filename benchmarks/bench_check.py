"""Benchmark: time `coachref check` on the real data and on synthetic frameworks of growing size.

Prints figures (information, not a test). Every project carries the real editions/ and one more edition frozen
from its own data, so every item, row and framework is compared with it, as after a release. The cost of that
comparison is timed in the same process as the rest of the check: the check against the check without the
comparison (its total less the comparison's own CPU time) is printed with its target (at most 1.2).

The machine is shared and noisy, so every size runs in the same session, best of several runs, and the report
quotes ratios: time per 1,000 items should stay flat if the check grows linearly. Two ratios are printed with
their targets: the growth t(4N) / t(N) (linear: at most 4.4) and, at the largest size, the check against the
floor, a bare `yaml.CSafeLoader` parse of the same files (target: at most 1.5). Both sides are timed the same
way, as a whole process.

    python benchmarks/bench_check.py [--items 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = [
    f"BVJN:{g}:{c}"
    for g, letters in (
        ("intake-assessment", "abcdefghi"),
        ("jobfinding", "abcdefghijklmnopq"),
        ("coaching-on-the-job", "abcdefghijklmn"),
    )
    for c in letters
]


def make_project(where: Path, items: int) -> Path:
    """Copy the real project data and add a synthetic framework SYN with `items` items and 2 mappings each."""
    shutil.copytree(ROOT / "standards", where / "standards")
    shutil.copytree(ROOT / "schemas", where / "schemas")
    if (ROOT / "editions").is_dir():  # the data declares its changes against these
        shutil.copytree(ROOT / "editions", where / "editions")
    if items == 0:
        return where
    folder = where / "standards" / "synthetic"
    folder.mkdir()
    per_group = 1000
    groups = [f"g{n:02d}" for n in range((items + per_group - 1) // per_group)]
    text = (
        '{en: "Synthetic statement %d in English.", nl: "Synthetische uitspraak %d in het Nederlands.", '
        "kind: {en: summary, nl: summary}}"
    )
    (folder / "framework.yaml").write_text(
        "# yaml-language-server: $schema=../../schemas/framework.schema.json\n"
        "id: SYN\ntitle: {en: Synthetic, nl: Synthetisch, kind: {en: summary, nl: summary}}\n"
        "publisher: {en: Bench, nl: Bench}\nreference: SYN\nversion: '1'\nstatus: published\nchecked_on: '2026-12-05'\n"
        "official_languages: [en]\nlicence: {id: none, name: {en: none, nl: geen}, "
        "attribution: {en: Synthetic data., nl: Synthetische data., kind: {en: summary, nl: summary}}}\n"
        "sources: [{id: bench, title: {en: Bench, nl: Bench}}]\n"
        f"groups: [{', '.join(groups)}]\n",
        encoding="utf-8",
    )
    n = 0
    for g in groups:
        lines = [
            "# yaml-language-server: $schema=../../schemas/group.schema.json",
            f"id: SYN:{g}",
            "title: {en: Group, nl: Groep, kind: {en: summary, nl: summary}}",
            "items:",
        ]
        for _ in range(min(per_group, items - n)):
            n += 1
            lines += [
                f"  - id: SYN:i{n}",
                f"    label: I{n}",
                f"    statement: {text % (n, n)}",
                "    theories:",
                "      - {en: A theory, nl: Een theorie}",
                "    confidence: inferred",
            ]
        (folder / f"{g}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = [
        "# yaml-language-server: $schema=../../schemas/mapping.schema.json",
        "source: SYN\ntarget: BVJN\nreviewed: {by: bench, date: 2026-11-22}\nmappings:",
    ]
    for i in range(1, items + 1):
        for k in range(2):
            rows += [
                f"  - source: SYN:i{i}",
                f"    target: {TARGETS[(i + k) % len(TARGETS)]}",
                "    relation: related",
                "    rationale: {en: Synthetic., nl: Synthetisch., kind: {en: summary, nl: summary}}",
            ]
    (where / "standards" / "mappings").mkdir(exist_ok=True)
    (where / "standards" / "mappings" / "SYN--BVJN.yaml").write_text("\n".join(rows) + "\n", encoding="utf-8")
    if not (where / "standards" / "relations.yaml").exists():  # before the vocabulary existed
        (where / "standards" / "relations.yaml").write_text(
            "relations:\n  - {id: related, label: {en: related, nl: verwant}, definition: {en: Related., nl: Verwant., "
            "kind: {en: summary, nl: summary}}, skos: skos:relatedMatch, case_type: isRelatedTo, inverse: related, "
            "strength: 1}\n",
            encoding="utf-8",
        )
    return where


#: The floor: parse every YAML file the check reads with libyaml's safe loader, and nothing else.
FLOOR = """
import pathlib, yaml
for path in sorted(pathlib.Path("standards").rglob("*.yaml")):
    yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
"""


def best_of(cwd: Path, repeat: int, command: list[str] | None = None) -> float:
    """Best CPU seconds (user + system) of `repeat` runs of `command` (default: `coachref check`) in `cwd`. CPU
    time, unlike wall-clock time, hardly moves when other work shares the machine; the wall time is kept in
    `WALL` for the record."""
    command = command or [sys.executable, "-m", "generator", "check"]
    times, walls = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if proc.returncode != 0:
            sys.exit(f"{command[-1]} failed in {cwd}:\n{proc.stdout[-2000:]}{proc.stderr[-2000:]}")
    WALL.append(min(walls))
    return min(times)


#: The edition comparison alone: reading editions/ and comparing the checked model with the latest edition, in the
#: process that checked it (CPU seconds, printed).
COMPARISON = """
import pathlib, time
from generator.validate.check import without_cycle_collector
from generator.editions import declared, manifest
from generator.pipeline import load_model
root = pathlib.Path(".")
checked = load_model(root)
start = time.process_time()
with without_cycle_collector():  # as generator/pipeline.py runs it
    declared.problems(checked.model, checked.result.loaded, manifest.read_all(root))
print(time.process_time() - start)
"""


def best_printed(cwd: Path, repeat: int, script: str) -> float:
    """The smallest number `script` prints over `repeat` runs in `cwd`."""
    runs = [
        subprocess.run([sys.executable, "-c", script], cwd=cwd, capture_output=True, text=True, check=True)
        for _ in range(repeat)
    ]
    return min(float(r.stdout.strip()) for r in runs)


def _ratio(check: float, comparison: float) -> float:
    """The check against the same check without the comparison."""
    return check / (check - comparison)


#: The best wall-clock seconds of each best_of call, in order (shown beside the CPU figures).
WALL: list[float] = []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000, help="largest synthetic size (default 10000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the best is reported")
    args = parser.parse_args()
    sizes = [0, args.items // 4, args.items // 2, args.items]
    print(
        f"coachref check, best of {args.repeat} runs (whole process, including Python start-up; CPU seconds,\n"
        "which hardly move with other load on the machine, and wall seconds for the record)"
    )
    print(
        f"{'synthetic items':>16} {'mappings':>9} {'CPU s':>8} {'wall s':>8} {'CPU ms per 1k items':>20} "
        f"{'comparison s':>13} {'ratio':>6}"
    )
    results, compared = {}, {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            project = make_project(Path(tmp) / f"p{size}", size)
            # the real data alone is its latest edition already ("nothing to freeze"): compared as it is
            subprocess.run(
                [sys.executable, "-m", "generator", "edition", "freeze", "2026-12-31"],
                cwd=project,
                capture_output=True,
                check=False,
            )
            results[size] = best_of(project, args.repeat)
            wall = WALL[-1]
            compared[size] = best_printed(project, args.repeat, COMPARISON)
            per_k = "" if size == 0 else f"{(results[size] - results[0]) / (size / 1000) * 1000:20.0f}"
            print(
                f"{size:16d} {2 * size:9d} {results[size]:8.2f} {wall:8.2f} {per_k:>20} {compared[size]:13.3f} "
                f"{_ratio(results[size], compared[size]):6.2f}"
            )
        floor = best_of(project, args.repeat, [sys.executable, "-c", FLOOR])
    small, large = sizes[1], sizes[-1]
    growth = results[large] / results[small]
    above = (results[large] - results[0]) / (results[small] - results[0])
    print(
        f"\n(CPU seconds) real data only: {results[0]:.2f} s; {large} items: {results[large]:.2f} s "
        f"({results[large] / results[0]:.1f}x the real data)"
    )
    print(
        f"growth: {large // small}x the items took {growth:.2f}x the time (target <= 4.4); "
        f"{above:.2f}x above the real-data time"
    )
    print(
        f"edition comparison: the check is {_ratio(results[0], compared[0]):.2f}x the check without it on the real "
        f"data, {_ratio(results[large], compared[large]):.2f}x at {large} items (target <= 1.2); the comparison "
        f"itself took {compared[large] / compared[small]:.2f}x the time for {large // small}x the items"
    )
    print(
        f"floor: yaml.CSafeLoader parse of the same {large}-item files: {floor:.2f} s; "
        f"check / floor = {results[large] / floor:.2f} (target <= 1.5)"
    )


if __name__ == "__main__":
    main()
