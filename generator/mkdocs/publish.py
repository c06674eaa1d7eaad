"""Build the site with MkDocs in this process, into a staging folder beside the target, and swap it in only
when the build succeeded: a killed, failed or disk-full build leaves the previous site as it was.

The target is checked first (mkdocs/target.py: never the project or its inputs), one build at a time holds its
lock, the published files get the modes `open()` and `mkdir` would give them (0644 and 0755 under umask 022),
and a target that cannot be renamed (a mount point) gets its contents replaced instead.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from generator.config import ENV, checked_url
from generator.mkdocs.target import PublishError, TargetRefused, check_target, locked, write_marker
from generator.mkdocs.vendor import missing
from generator.write import umask

__all__ = ["Build", "PublishError", "Published", "TargetRefused", "build_site", "configure", "log_handler"]

#: Staging folders are named after the target: `.site.staging-<random>` beside `site/`.
STAGING = ".{name}.staging-"
#: Inside a target that cannot be renamed: the new site on its way in, the old one on its way out.
INCOMING, OUTGOING = ".coachref-incoming-", ".coachref-outgoing-"
_RENAME_EXCHANGE = 2  # renameat2(2) flag: swap two paths atomically (Linux 3.15+)
_AT_FDCWD = -100
#: rename(2) errors that mean "this path cannot be moved" (a mount point; another file system), not "failed".
_UNMOVABLE = (errno.EBUSY, errno.EXDEV)


@dataclass(frozen=True)
class Build:
    """A checked plan: the loaded MkDocs configuration and the folder the site goes to."""

    root: Path
    config: Any
    target: Path


@dataclass(frozen=True)
class Published:
    """Where the site went, and a folder of the old site that could not be removed (None when all went)."""

    target: Path
    left_behind: Path | None = None


def configure(root: Path, site_dir: Path | None = None, site_url: str | None = None) -> Build:
    """Load mkdocs.yml and check the target (default: its site_dir); raises TargetRefused or PublishError before
    anything is written. A `site_url` (an http(s) address) overrides mkdocs.yml's for this build and its exports."""
    from mkdocs import exceptions
    from mkdocs.config import load_config

    if site_url is not None:
        try:
            os.environ[ENV] = checked_url(site_url, "--site-url")
        except ValueError as exc:
            raise TargetRefused(str(exc)) from None

    try:
        config = load_config(config_file=str(root / "mkdocs.yml"), strict=True)
    except exceptions.ConfigurationError as exc:
        raise PublishError(f"mkdocs.yml: {one_line(exc)}") from None
    target = Path(config.site_dir) if site_dir is None else root / site_dir  # an absolute site_dir stays as is
    check_target(root, target, Path(config.docs_dir))
    if (advice := missing()) is not None:  # say so before the build, not after it
        raise PublishError(advice)
    return Build(root, config, target)


def build_site(build: Build, on_wait: Callable[[Path], None] | None = None) -> Published:
    """`mkdocs build --strict` into a staging folder beside the target, then swap it in; raises PublishError, with
    the old site left intact. Waits (calling `on_wait` once) while another build of the same target runs."""
    from mkdocs import exceptions
    from mkdocs.commands import build as mkdocs_build

    config, target = build.config, build.target
    with locked(target, on_wait):
        left = remove_stale_staging(target)
        with staging_folder(target) as staging:
            config.site_dir = str(staging)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build.build(config)
            except exceptions.MkDocsException as exc:
                raise PublishError(f"mkdocs: {one_line(exc)}") from None
            except OSError as exc:
                raise PublishError(f"cannot write the site: {_why(exc, staging)}") from None
            finally:
                config.plugins.on_shutdown()
            try:
                write_marker(staging)
                publishable(staging)
                swap_in(staging, target)
            except OSError as exc:
                raise PublishError(f"cannot put the site in place: {_why(exc, target)}") from None
            if not remove_tree(staging):  # the old site, now here: the next build tries again
                left = left or staging
    return Published(target, left)


def _why(exc: OSError, default: Path) -> str:
    return f"{exc.strerror or exc} ({exc.filename or default})"


def remove_stale_staging(target: Path) -> Path | None:
    """Remove what a killed build left behind (SIGKILL gives no chance to clean up); only ever called under the
    target's lock, so no live build's folder is touched. Returns a folder that could not be removed, if any."""
    stale = [*target.parent.glob(STAGING.format(name=target.name) + "*")]
    if target.is_dir() and not target.is_symlink():
        stale += [*target.glob(INCOMING + "*"), *target.glob(OUTGOING + "*")]
    left = [path for path in sorted(stale) if not remove_tree(path)]
    return left[0] if left else None


def remove_tree(path: Path) -> bool:
    """Remove a folder, making read-only folders in it writable first (a `chmod -R a-w` site); False if some of
    it stays (e.g. files of another user). Nothing outside `path` is ever made writable."""

    def writable_and_retry(function: Callable[[str], object], name: str, _info: object) -> None:
        for folder in {os.path.dirname(name), name}:
            if Path(folder).is_relative_to(path) and os.path.isdir(folder) and not os.path.islink(folder):
                os.chmod(folder, 0o700)
        function(name)

    try:
        if sys.version_info >= (3, 12):
            shutil.rmtree(path, onexc=writable_and_retry)
        else:
            shutil.rmtree(path, onerror=writable_and_retry)
    except OSError:
        return False
    return not path.exists()


@contextmanager
def staging_folder(target: Path) -> Iterator[Path]:
    """A fresh folder beside `target` (same file system, so the swap is a rename), removed on the way out."""
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=STAGING.format(name=target.name)))
    try:
        yield staging
    finally:
        remove_tree(staging)


def publishable(site: Path) -> None:
    """Give every folder and file of the site the mode `mkdir` and `open()` give (0755 and 0644 under umask 022):
    mkdtemp made the staging folder 0700, and copied files keep their source's mode."""
    mask = umask()
    folder_mode, file_mode = 0o777 & ~mask, 0o666 & ~mask
    os.chmod(site, folder_mode)
    for top, folders, files in os.walk(site):  # a symbolic link is left alone: chmod would follow it
        for names, mode in ((folders, folder_mode), (files, file_mode)):
            for path in (os.path.join(top, name) for name in names):
                if not os.path.islink(path):
                    os.chmod(path, mode)


def swap_in(staging: Path, target: Path) -> None:
    """Put `staging` at `target`; the old target ends up at `staging` (removed by the caller). Atomic where the
    kernel can exchange two paths; otherwise two renames, with the old site restored if the second fails. A target
    that cannot be renamed (a mount point) gets its contents replaced (replace_contents)."""
    if not target.exists():
        os.rename(staging, target)
        staging.mkdir()
        return
    if _exchange(staging, target):
        return
    old = staging.with_name(staging.name + "-old")
    try:
        os.rename(target, old)
    except OSError as exc:
        if exc.errno not in _UNMOVABLE:
            raise
        replace_contents(staging, target)
        return
    try:
        os.rename(staging, target)
    except OSError:
        os.rename(old, target)
        raise
    os.rename(old, staging)


def replace_contents(staging: Path, target: Path) -> None:
    """For a target that cannot be renamed: copy the new site into a hidden folder inside it, then move the old
    entries out and the new ones in, each a rename within the target's own file system. A failure while copying
    leaves the old site as it was; one while moving puts the old entries back."""
    incoming = Path(tempfile.mkdtemp(dir=target, prefix=INCOMING))
    outgoing = Path(tempfile.mkdtemp(dir=target, prefix=OUTGOING))
    try:
        shutil.copytree(staging, incoming, dirs_exist_ok=True)
        old = [p for p in sorted(target.iterdir()) if p not in (incoming, outgoing)]
        new = sorted(incoming.iterdir())
        moved_out: list[Path] = []
        moved_in: list[Path] = []
        try:
            for path in old:
                os.rename(path, outgoing / path.name)
                moved_out.append(path)
            for path in new:
                os.rename(path, target / path.name)
                moved_in.append(path)
        except OSError:
            for path in reversed(moved_in):
                os.rename(target / path.name, path)
            for path in reversed(moved_out):
                os.rename(outgoing / path.name, path)
            raise
    finally:
        remove_tree(incoming)
        remove_tree(outgoing)


def _exchange(a: Path, b: Path) -> bool:
    name = ctypes.util.find_library("c")
    libc = ctypes.CDLL(name, use_errno=True) if name else None
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    done = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return bool(done == 0)


def one_line(exc: BaseException) -> str:
    """An exception's message on one line (MkDocs' messages can span several)."""
    return " ".join(str(exc).split()) or type(exc).__name__


def log_handler(stream: TextIO) -> logging.Handler:
    """A handler that writes MkDocs' log lines as `LEVEL - message`, as the mkdocs command does."""
    handler: logging.Handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    handler.setLevel(logging.INFO)
    return handler
