"""`coachref export --format sssom`: every crosswalk, both directions, both languages, valid for the official SSSOM
tooling (the `sssom` package, run in its own process) and saying what the YAML says (read here with plain PyYAML)."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from .helpers import ROOT, run_cli

pytestmark = pytest.mark.slow  # runs the official SSSOM validator (sssom-py) in its own process
#: The official validator is an extra (pip install -e ".[sssom]"; CI installs it): without it, its tests say why.
needs_sssom = pytest.mark.skipif(
    importlib.util.find_spec("sssom") is None,
    reason="the official SSSOM validator is not installed: pip install -e '.[sssom]'",
)

TOOL = Path(__file__).parent / "tools" / "sssom_read.py"
SITE_URL = re.findall(r"^site_url: (\S+)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)[0]


def _yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _official(paths: list[Path]) -> dict[str, Any]:
    """What the official validator and reader make of each file."""
    done = subprocess.run([sys.executable, str(TOOL), *map(str, paths)], capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    out = tmp_path_factory.mktemp("sssom")
    code, stdout, stderr = run_cli(["export", "--format", "sssom", "--out", str(out)], ROOT)
    assert code == 0, stdout + stderr
    files = sorted(out.glob("*.sssom.tsv"))
    return out, _official(files)


def _mapping_files() -> list[Path]:
    return sorted((ROOT / "standards" / "mappings").glob("*.yaml"))


@needs_sssom
def test_every_crosswalk_in_both_directions_and_languages(exported: tuple[Path, dict[str, Any]]) -> None:
    out, _ = exported
    expected = {
        f"{a}--{b}-{lang}.sssom.tsv"
        for path in _mapping_files()
        for a, b in [path.stem.split("--"), path.stem.split("--")[::-1]]
        for lang in ("en", "nl")
    }
    assert {p.name for p in out.iterdir()} == expected
    assert len(expected) == 4 * len(_mapping_files())


@needs_sssom
def test_the_official_validator_accepts_every_file(exported: tuple[Path, dict[str, Any]]) -> None:
    _, parsed = exported
    assert parsed and all(not v["errors"] for v in parsed.values()), {k: v["errors"] for k, v in parsed.items()}


@needs_sssom
def test_the_official_validator_rejects_a_broken_file(exported: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    """The validator is not vacuous: an undeclared prefix and a justification outside SEMAPV both fail."""
    out, _ = exported
    good = next(iter(sorted(out.iterdir()))).read_text(encoding="utf-8")
    (tmp_path / "prefix.sssom.tsv").write_text(good.replace("skos:relatedMatch", "nowhere:relatedMatch"), "utf-8")
    (tmp_path / "why.sssom.tsv").write_text(good.replace("semapv:ManualMappingCuration", "byHand"), "utf-8")
    parsed = _official(sorted(tmp_path.iterdir()))
    assert all(v["errors"] for v in parsed.values()), parsed


@needs_sssom
def test_rows_say_what_the_yaml_says(exported: tuple[Path, dict[str, Any]]) -> None:
    """Predicate from relations.yaml (inverse when read backwards), rationale as comment in the file's language,
    reviewer and date per row, the versions of both frameworks, and a stable id under site_url."""
    out, parsed = exported
    relations = {r["id"]: r for r in _yaml(ROOT / "standards" / "relations.yaml")["relations"]}
    versions = {fw["id"]: fw["version"] for fw in map(_yaml, (ROOT / "standards").glob("*/framework.yaml"))}
    for path in _mapping_files():
        data = _yaml(path)
        for reverse in (False, True):
            left, right = (data["target"], data["source"]) if reverse else (data["source"], data["target"])
            for lang in ("en", "nl"):
                name = f"{left}--{right}-{lang}.sssom.tsv"
                got = parsed[str(out / name)]
                meta = got["metadata"]
                assert meta["mapping_set_id"] == f"{SITE_URL}downloads/sssom/{name}"
                assert meta["license"].startswith("https://")
                rows = {(r["subject_id"], r["object_id"]): r for r in got["rows"]}
                assert len(rows) == len(got["rows"]) == len(data["mappings"])
                for m in data["mappings"]:
                    review = m.get("reviewed", data["reviewed"])
                    relation = relations[m["relation"]]
                    key = (m["target"], m["source"]) if reverse else (m["source"], m["target"])
                    row = rows[key]
                    predicate = relations[relation["inverse"]]["skos"] if reverse else relation["skos"]
                    assert row["predicate_id"] == predicate
                    assert row["comment"] == m["rationale"][lang]
                    assert (row["reviewer_label"], row["mapping_date"]) == (review["by"], review["date"])
                    assert row["mapping_justification"] == "semapv:ManualMappingCuration"
                    # set-level slots, which the official reader propagates to every row
                    assert (row["subject_source_version"], row["object_source_version"]) == (
                        versions[left],
                        versions[right],
                    )


def test_export_is_repeatable(tmp_path: Path) -> None:
    outs = []
    for n in (1, 2):
        code, stdout, stderr = run_cli(
            ["export", "--format", "sssom", "--lang", "nl", "--out", str(tmp_path / str(n))], ROOT
        )
        assert code == 0, stdout + stderr
        outs.append({p.name: p.read_bytes() for p in (tmp_path / str(n)).iterdir()})
    assert outs[0] == outs[1] and all(name.endswith("-nl.sssom.tsv") for name in outs[0])
