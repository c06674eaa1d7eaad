"""`coachref build` replaces the site atomically: a killed, terminated or failing build leaves the previous site
byte for byte as it was, reports a one-line error without a traceback, and leaves no staging folder behind."""

from __future__ import annotations

import hashlib
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ..conftest import BuiltSite, copy_project

pytestmark = pytest.mark.site


def tree(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def staging(root: Path) -> list[str]:
    return sorted(p.name for p in root.glob(".site.staging-*"))


def start_build(root: Path, **kwargs: object) -> subprocess.Popen[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.Popen([sys.executable, "-m", "generator", "build"], cwd=root, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)  # type: ignore[call-overload]


def wait_for_pages(root: Path, at_least: int, process: subprocess.Popen[str]) -> None:
    """Wait until the build has written `at_least` HTML pages into its staging folder."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        found = [s for s in root.glob(".site.staging-*") if sum(1 for _ in s.rglob("*.html")) >= at_least]
        if found:
            return
        time.sleep(0.05)
    pytest.fail("the build wrote no pages in 60 s")


@pytest.fixture
def project(built_site: BuiltSite, tmp_path: Path) -> Path:
    """A project copy whose site/ holds a good earlier build."""
    root = copy_project(tmp_path / "project")
    shutil.copytree(built_site.site, root / "site")
    return root


def test_killed_then_failing_builds_leave_the_old_site(project: Path) -> None:
    before = tree(project / "site")
    process = start_build(project)
    wait_for_pages(project, 100, process)
    process.kill()
    process.communicate()
    assert tree(project / "site") == before
    assert len(staging(project)) == 1  # SIGKILL gives no chance to clean up: the next build does

    index = project / "docs" / "index.en.md"  # a broken link: --strict fails the build in MkDocs
    index.write_text(index.read_text(encoding="utf-8") + "\n[gone](no-such-page.md)\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=project, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=False)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "coachref: mkdocs: Aborted with 1 warnings in strict mode!" in done.stderr
    assert done.stderr.endswith("coachref: site not built; the previous site is unchanged\n")
    assert tree(project / "site") == before
    assert staging(project) == []


def test_a_terminated_build_cleans_up(project: Path) -> None:
    before = tree(project / "site")
    process = start_build(project)
    wait_for_pages(project, 100, process)
    process.send_signal(signal.SIGTERM)
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 128 + signal.SIGTERM
    assert "Traceback" not in err
    assert tree(project / "site") == before
    assert staging(project) == []


def test_a_full_disk_is_a_one_line_error(project: Path) -> None:
    """RLIMIT_FSIZE stands in for a full disk: writing past it fails with EFBIG, as ENOSPC would."""
    before = tree(project / "site")

    def small_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))

    done = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=project, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, preexec_fn=small_files, check=False)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert "coachref: cannot write the site: File too large" in done.stderr
    assert tree(project / "site") == before
    assert staging(project) == []


def test_a_site_that_is_a_file_is_refused(project: Path) -> None:
    shutil.rmtree(project / "site")
    (project / "site").write_text("not a folder", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=project, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=False)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert f"coachref: {project / 'site'} is not a folder: remove it or choose another --site-dir" in done.stderr
    assert (project / "site").read_text(encoding="utf-8") == "not a folder"
