"""Careless use and faults that need no site build (adversarial.md, 2026-12-05).

`coachref build --site-dir` never replaces the project or its inputs (O1); a project without node_modules/
builds (F5); a course that is not a file (as `coachref check` says), an export or a ledger that hits a file-size
limit (F6) and a site folder that cannot be renamed (F2, through a seam) are each one clear line, never an
internal error, and change nothing."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
from pathlib import Path

import pytest

from generator.mkdocs import publish

from .conftest import copy_project, fixture_project
from .helpers import run_cli, run_coachref

run = run_coachref  # `coachref ARGS` in its own process, optionally with a file-size limit (tests/helpers.py)


def tree(root: Path) -> dict[str, str]:
    """Every file under `root` (links not followed) and a hash of its content."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "node_modules" not in p.parts
    }


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project copy with a file of the user's own beside it, and a folder of notes."""
    root = copy_project(tmp_path_factory.mktemp("faults") / "project")
    (root / "notes.txt").write_text("keep me\n", encoding="utf-8")
    (root / "notes").mkdir()
    (root / "notes" / "draft.md").write_text("keep me too\n", encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("site_dir", "why"),
    [
        (".", "holds the project"),
        ("..", "holds the project"),
        ("standards", "is the project's standards/ folder"),
        ("docs", "is the project's docs/ folder"),
        ("docs/generated", "is inside the project's docs/ folder"),
        ("generator/site", "is inside the project's generator/ folder"),
        ("schemas", "is the project's schemas/ folder"),
        ("courses", "is the project's courses/ folder"),
        ("tests", "is the project's tests/ folder"),
        ("editions/new", "is inside the project's editions/ folder"),
        ("overrides", "is the project's overrides/ folder"),
        ("notes", "is not empty and holds no site built by coachref (no .coachref-site file)"),
    ],
)
def test_site_dir_never_replaces_the_project_or_its_inputs(project: Path, site_dir: str, why: str) -> None:
    """adversarial.md O1: `--site-dir .` deleted the whole project, `.git` included, and said it built the site."""
    before = tree(project)
    code, out, err = run_cli(["build", "--site-dir", site_dir], project)  # in-process: refused before any build
    assert code == 2, err
    assert out == ""
    first, second = err.splitlines()
    assert first.startswith(f"coachref: {project / site_dir} {why}"), first
    assert second == "coachref: site not built; nothing was changed"
    assert tree(project) == before


@pytest.mark.slow  # a real build in its own process
def test_a_project_without_node_modules_builds_the_whole_site(tmp_path: Path) -> None:
    """issue 20 item 2: the check page's libraries come with the package, so a checkout with `pip install .` and no
    Node builds the complete site (it used to stop with "run npm ci", adversarial.md F5)."""
    from generator.mkdocs.vendor import LIBRARIES

    root = copy_project(tmp_path / "project")
    (root / "node_modules").unlink()
    done = run(root, "build")
    assert done.returncode == 0 and "WARNING" not in done.stderr and "Error" not in done.stderr, done.stderr
    for lib in LIBRARIES:
        assert (root / "site" / lib.target).exists(), lib.name
    assert (root / "site/assets/vendor/yaml.js").is_file() and (root / "site/courses/check/index.html").is_file()


@pytest.mark.slow  # a real build in its own process
def test_a_fifo_in_courses_fails_the_build_as_it_fails_the_check(tmp_path: Path) -> None:
    """A named pipe in courses/ is a located error for `coachref check`; the build refuses it the same way
    (it used to publish the site without a word)."""
    root = copy_project(tmp_path / "project")
    os.mkfifo(root / "courses" / "pipe.yaml")
    check = run(root, "check")
    done = run(root, "build")
    line = "courses/pipe.yaml:1:1: error[not-a-file] this is a named pipe (FIFO), not a file\n"
    assert check.returncode == done.returncode == 1
    assert line in check.stdout
    assert done.stderr.startswith(line)
    assert done.stderr.endswith("coachref: site not built: fix the errors above first\n")
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    assert not (root / "site").exists()


def test_an_xlsx_export_past_the_file_size_limit_is_one_line(tmp_path: Path) -> None:
    """adversarial.md F6: a full disk or a file-size limit while the workbook is saved was an internal error (openpyxl
    wrote temporary files; XlsxWriter now writes in memory, and the limit stops the write to --out). One line, and
    nothing is written to --out."""
    out, project = tmp_path / "out", fixture_project(tmp_path / "project")
    done = run(project, "export", "--format", "xlsx", "--out", str(out), limit=4_000)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == f"coachref: cannot write to {out}: File too large\n"
    assert not out.exists()


def test_a_ledger_that_cannot_be_written_is_one_line_and_stays_as_it_was(tmp_path: Path) -> None:
    """Any write error is one line with the file it concerns, exit 1; the ledger is replaced all or nothing."""
    root = fixture_project(tmp_path / "project")
    done = run(root, "urls", "--update", limit=1_000)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == f"coachref: File too large ({root / 'published-urls.txt'})\n"
    assert sorted(p.name for p in root.iterdir() if p.is_file()) == ["mkdocs.yml"]


def test_a_site_folder_that_cannot_be_renamed_gets_its_contents_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """adversarial.md F2, through a seam: a mount point cannot be renamed (EBUSY), so the new site is moved in
    entry by entry, and nothing else is left in it (tests/site/test_publish.py does it on a real bind mount)."""
    site, staging = tmp_path / "site", tmp_path / ".site.staging-x"
    (site / "old").mkdir(parents=True)
    (site / "old" / "page.html").write_text("old", encoding="utf-8")
    (site / "gone.html").write_text("gone", encoding="utf-8")
    (staging / "new").mkdir(parents=True)
    (staging / "new" / "page.html").write_text("new", encoding="utf-8")
    (staging / "index.html").write_text("index", encoding="utf-8")
    rename = os.rename

    def mount_point(src: str | Path, dst: str | Path) -> None:
        if Path(src) == site:
            raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(src), None, str(dst))
        rename(src, dst)

    monkeypatch.setattr(publish, "_exchange", lambda a, b: False)
    monkeypatch.setattr(publish.os, "rename", mount_point)
    publish.swap_in(staging, site)
    assert tree(site) == tree(staging) and sorted(p.name for p in site.iterdir()) == ["index.html", "new"]

    def full(src: str | Path, dst: str | Path, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(dst))

    before = tree(site)
    (staging / "index.html").write_text("newer", encoding="utf-8")
    monkeypatch.setattr(publish.shutil, "copytree", full)
    with pytest.raises(OSError, match="No space left on device"):
        publish.swap_in(staging, site)
    assert tree(site) == before and sorted(p.name for p in site.iterdir()) == ["index.html", "new"]
    shutil.rmtree(staging)
