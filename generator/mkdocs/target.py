"""Where a build may publish, and one build at a time there.

A build replaces its target folder whole, so the target must be a site and nothing else: never the project, a
folder above it, or a folder of its inputs or its work, and never a folder that holds anything but an earlier
site. Every site built from this project carries the file `.coachref-site` (the coachref plugin writes it, so `mkdocs
build` does too); a folder without it counts as a site only if it looks like an older MkDocs build (index.html and
sitemap.xml at its top). A lock file beside the target (`.site.lock` for `site/`) makes a second build of the
same target wait for the first, or give up with a clear message after COACHREF_BUILD_WAIT seconds (default 600).
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

#: The file every built site carries at its top: the mark that a folder may be replaced by a build.
MARKER = ".coachref-site"
MARKER_TEXT = "A site built by coachref. `coachref build` replaces this folder whole: keep nothing else in it.\n"
#: What an older build (before the marker) left at the top of its folder.
LEGACY_SITE = ("index.html", "sitemap.xml")
#: Folders of a project that hold its inputs or its work: a site is never one of them, inside one, or above one.
PROJECT_FOLDERS = (
    "standards",
    "schemas",
    "courses",
    "editions",
    "docs",
    "generator",
    "overrides",
    "tests",
    "benchmarks",
    "node_modules",
    ".git",
)
LOCK = ".{name}.lock"
WAIT_VARIABLE = "COACHREF_BUILD_WAIT"
DEFAULT_WAIT = 600.0


class PublishError(Exception):
    """The site could not be built or put in place; the message is one line for the user."""


class TargetRefused(PublishError):
    """The target folder may not be replaced by a site (a usage error: nothing was touched)."""


def write_marker(site: Path) -> None:
    """Mark a freshly built site as one (see the module docstring)."""
    (site / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def check_target(root: Path, target: Path, docs_dir: Path) -> None:
    """Refuse a target that a build must not replace; raises TargetRefused (or PublishError) saying why."""
    real, top = target.resolve(), root.resolve()
    choose = "choose a folder of its own for the site, e.g. --site-dir site"
    if real == top or top.is_relative_to(real):
        raise TargetRefused(f"{target} holds the project, and a build replaces its site folder whole: {choose}")
    for folder in sorted({*(top / name for name in PROJECT_FOLDERS), docs_dir.resolve()}):
        if real == folder or real.is_relative_to(folder):
            where = "is" if real == folder else "is inside"
            raise TargetRefused(
                f"{target} {where} the project's {folder.name}/ folder, and a build replaces its "
                f"site folder whole: {choose}"
            )
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise PublishError(f"{target} is not a folder: remove it or choose another --site-dir")
    if target.is_dir() and not is_site(target) and any(target.iterdir()):
        raise TargetRefused(
            f"{target} is not empty and holds no site built by coachref (no {MARKER} file), and a "
            f"build replaces it whole: empty it, or {choose}"
        )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PublishError(f"cannot create {target.parent}: {exc.strerror or exc}") from None


def is_site(folder: Path) -> bool:
    """True when `folder` holds a site an earlier build made (its marker, or an older build's top files)."""
    return (folder / MARKER).is_file() or all((folder / name).is_file() for name in LEGACY_SITE)


def wait_limit() -> float:
    """How long a build waits for another build of the same target: COACHREF_BUILD_WAIT seconds (default 600)."""
    try:
        return max(0.0, float(os.environ.get(WAIT_VARIABLE, DEFAULT_WAIT)))
    except ValueError:
        raise TargetRefused(f"{WAIT_VARIABLE} must be a number of seconds, not {os.environ[WAIT_VARIABLE]!r}") from None


@contextmanager
def locked(target: Path, on_wait: Callable[[Path], None] | None = None) -> Iterator[None]:
    """Hold the target's lock (`.site.lock` beside `site/`) for the duration; wait while another build holds it.
    The lock file stays: removing it would let a third build lock a different file."""
    limit = wait_limit()
    lock = target.parent / LOCK.format(name=target.name)
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:
        raise PublishError(f"cannot create the lock file {lock}: {exc.strerror or exc}") from None
    try:
        if not _try_lock(fd):
            if on_wait is not None and limit > 0:
                on_wait(lock)
            deadline = time.monotonic() + limit
            while not _try_lock(fd):
                if time.monotonic() >= deadline:
                    raise PublishError(
                        f"another build of {target} is still running (it holds {lock}); gave up "
                        f"after {limit:g} s ({WAIT_VARIABLE}): try again when it has finished"
                    )
                time.sleep(0.2)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _try_lock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True
