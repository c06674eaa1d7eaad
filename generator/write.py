"""Write stage: deterministic, atomic, write-if-changed file output."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def umask() -> int:
    """The process's file-mode creation mask (reading it means setting it: it is set back at once)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_if_changed(path: Path, content: str | bytes) -> bool:
    """Write `content` to `path` atomically unless it already holds exactly that; True if written."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o666 & ~umask())  # as open() would have made it, not mkstemp's 0600
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def replace_files(out: Path, files: dict[str, str | bytes]) -> None:
    """Publish a set of files into `out` all-or-nothing: everything is written to a staging folder first,
    then each file is moved into place. A failure before the move leaves `out` untouched (and absent, when this call
    made it)."""
    made = not out.exists()
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob(".staging-*"):  # left by a killed run (SIGKILL gives no chance to clean up)
        shutil.rmtree(stale, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(dir=out, prefix=".staging-"))
    try:
        for name, content in sorted(files.items()):
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    except BaseException:
        shutil.rmtree(out if made else staging, ignore_errors=True)
        raise
    try:
        for name in sorted(files):
            final = out / name
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / name, final)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
