"""Shared fixtures: a throw-away copy of the project and the real site built from it once per session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-snapshots",
        action="store_true",
        help="rewrite tests/snapshots/ from the current output (see tests/test_snapshots.py)",
    )


PROJECT = Path(__file__).resolve().parent.parent
#: Modules whose every test is marked slow: a run that deselects slow tests (`make test-fast`) does not even import
#: them (hypothesis alone takes a second to import).
ALL_SLOW = ("test_course_parity_generated.py", "test_json_text_generated.py")


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    if collection_path.name in ALL_SLOW and "not slow" in (config.option.markexpr or ""):
        return True
    return None


#: What a build needs; everything else (tests, site/) stays behind, and node_modules/ is linked. The code is not
#: copied: the installed package builds any project (mkdocs.yml names its plugin).
#: (Not published-urls.txt: tests that remove data from their copy would trip it; tests/site/test_retired.py
#: copies it on purpose.)
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "standards", "schemas", "courses")
_IGNORE = shutil.ignore_patterns("__pycache__", "generated", ".pytest_cache")


#: A small project (two frameworks, a crosswalk, a course) for tests that need a project, not the real data.
FIXTURE = Path(__file__).resolve().parent / "cases" / "base"


def fixture_project(dest: Path) -> Path:
    """Copy the small fixture project (tests/cases/base/) with the real schemas and mkdocs.yml into `dest`."""
    shutil.copytree(FIXTURE, dest)
    shutil.copytree(PROJECT / "schemas", dest / "schemas")
    shutil.copy(PROJECT / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def copy_project(dest: Path) -> Path:
    """Copy the parts of the project a build needs into `dest` (generated pages left out) and return it."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = PROJECT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=_IGNORE)
        elif src.is_file():
            shutil.copy2(src, dest / part)
    if (PROJECT / "node_modules").is_dir():  # the check page's libraries, copied into the site by the build
        (dest / "node_modules").symlink_to(PROJECT / "node_modules")
    return dest


def mkdocs_build(root: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of the project at `root` into `site_dir`, as a separate process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@dataclass(frozen=True)
class BuiltSite:
    """A project copy and the site built from it."""

    root: Path
    site: Path
    log: str


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The real site, built once per session with --strict from a copy of the project, its editions included (not in
    PROJECT_PARTS: tests that change data in their copy would have to declare each change against them)."""
    root = copy_project(tmp_path_factory.mktemp("project"))
    shutil.copytree(PROJECT / "editions", root / "editions")
    done = mkdocs_build(root, root / "site")
    assert done.returncode == 0, f"mkdocs build --strict failed:\n{done.stdout}\n{done.stderr}"
    return BuiltSite(root, root / "site", done.stderr)


@pytest.fixture(scope="session")
def next_edition_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuiltSite, Any]:
    """The real site after a realistic next edition (tests/next_edition.py: items reworded, changed, renumbered,
    split, retired and added), frozen with `coachref edition freeze` and built with --strict; and its plan."""
    from .helpers import run_cli
    from .next_edition import DATE, make

    root, plan = make(tmp_path_factory.mktemp("next-edition"))
    if (PROJECT / "node_modules").is_dir():
        (root / "node_modules").symlink_to(PROJECT / "node_modules")
    assert run_cli(["edition", "freeze", DATE], root)[0] == 0
    done = mkdocs_build(root, root / "site")
    assert done.returncode == 0, f"mkdocs build --strict failed:\n{done.stdout}\n{done.stderr}"
    return BuiltSite(root, root / "site", done.stderr), plan
