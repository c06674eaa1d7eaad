"""Build the site with MkDocs in this process, into a staging folder beside the target, and swap it in only
when the build succeeded: a killed, failed or disk-full build leaves the previous site as it was."""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

#: Staging folders are named after the target: `.site.staging-<random>` beside `site/`.
STAGING = ".{name}.staging-"
_RENAME_EXCHANGE = 2  # renameat2(2) flag: swap two paths atomically (Linux 3.15+)
_AT_FDCWD = -100


class PublishError(Exception):
    """The site could not be built or put in place; the message is one line for the user."""


def build_site(root: Path, site_dir: Path | None = None) -> Path:
    """`mkdocs build --strict` of the project at `root` into `site_dir` (default: mkdocs.yml's site_dir), via a
    staging folder; returns the target. Raises PublishError, with the old site left intact."""
    from mkdocs import exceptions
    from mkdocs.commands import build
    from mkdocs.config import load_config

    try:
        config = load_config(config_file=str(root / "mkdocs.yml"), strict=True)
    except exceptions.ConfigurationError as exc:
        raise PublishError(f"mkdocs.yml: {one_line(exc)}") from None
    target = Path(config.site_dir) if site_dir is None else root / site_dir  # an absolute site_dir stays as is
    _check_target(target)
    remove_stale_staging(target)
    with staging_folder(target) as staging:
        config.site_dir = str(staging)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build.build(config)
        except exceptions.MkDocsException as exc:
            raise PublishError(f"mkdocs: {one_line(exc)}") from None
        except OSError as exc:
            raise PublishError(f"cannot write the site: {exc.strerror or exc} ({exc.filename or staging})") from None
        finally:
            config.plugins.on_shutdown()
        swap_in(staging, target)
    return target


def _check_target(target: Path) -> None:
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise PublishError(f"{target} is not a folder: remove it or choose another --site-dir")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PublishError(f"cannot create {target.parent}: {exc.strerror or exc}") from None


def remove_stale_staging(target: Path) -> None:
    """Remove staging folders a killed build left behind (SIGKILL gives no chance to clean up)."""
    for stale in target.parent.glob(STAGING.format(name=target.name) + "*"):
        shutil.rmtree(stale, ignore_errors=True)


@contextmanager
def staging_folder(target: Path) -> Iterator[Path]:
    """A fresh folder beside `target` (same file system, so the swap is a rename), removed on the way out."""
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=STAGING.format(name=target.name)))
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def swap_in(staging: Path, target: Path) -> None:
    """Put `staging` at `target`; the old target ends up at `staging` (removed by the caller). Atomic where the
    kernel can exchange two paths; otherwise two renames, with the old site restored if the second fails."""
    if not target.exists():
        os.rename(staging, target)
        staging.mkdir()
        return
    if _exchange(staging, target):
        return
    old = staging.with_name(staging.name + "-old")
    os.rename(target, old)
    try:
        os.rename(staging, target)
    except OSError:
        os.rename(old, target)
        raise
    os.rename(old, staging)


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
