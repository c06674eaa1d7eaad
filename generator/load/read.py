"""Read a data file's bytes, refusing what is not a plain file of the project: each refusal is a located problem.

A folder, named pipe (FIFO), socket or device named `*.yaml` is never opened (its type is checked first, and again
after a non-blocking open), a broken symbolic link is named as such, an unreadable file says why, and a symbolic
link that leads out of the project is refused before anything behind it is touched: no outside file reaches a log.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from generator.diagnostics.problem import Problem

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)


def read_bytes(path: Path, rel: str, root: Path | None = None) -> bytes | Problem:
    """The file's bytes, or the problem that stops it being read. With `root`, a path inside the project
    that resolves outside it (through a symbolic link) is refused."""
    if root is not None and _leaves(path, root):
        return Problem(
            rel,
            1,
            1,
            "symlink-outside",
            "this is a symbolic link that leads outside the project; it is not read",
            "",
            hint="copy the file into the project, or link to a file inside the project",
        )
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            return _not_a_file(rel, mode)
        # O_NONBLOCK: should a FIFO replace the file between stat and open, opening it must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        if path.is_symlink():
            return Problem(
                rel,
                1,
                1,
                "broken-symlink",
                f"this is a symbolic link to {os.readlink(path)}, which does not exist",
                "",
                hint="point the link at an existing file, or delete it",
            )
        return _unreadable(rel, "the file was removed while coachref ran")
    except OSError as exc:
        return _unreadable(rel, exc.strerror or str(exc))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            return _not_a_file(rel, mode)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    except OSError as exc:
        return _unreadable(rel, exc.strerror or str(exc))
    finally:
        os.close(fd)


def _not_a_file(rel: str, mode: int) -> Problem:
    kind = next((name for test, name in _KINDS if test(mode)), "not a plain file")
    return Problem(
        rel,
        1,
        1,
        "not-a-file",
        f"this is {kind}, not a file",
        "",
        hint="data files are plain files: remove it, or rename it so it does not end in .yaml",
    )


def _unreadable(rel: str, why: str) -> Problem:
    return Problem(
        rel,
        1,
        1,
        "unreadable",
        f"the file cannot be read: {why}",
        "",
        hint="check the file's permissions (it must be readable by whoever runs coachref)",
    )


def _leaves(path: Path, root: Path) -> bool:
    """True when `path` lies inside `root` as written but a symbolic link takes it outside."""
    absolute, top = path.absolute(), root.absolute()
    if not absolute.is_relative_to(top):
        return False  # named outside the project (e.g. `coachref course /tmp/x.yaml`): the user's own choice
    try:
        return not absolute.resolve().is_relative_to(top.resolve())
    except (OSError, RuntimeError):  # a loop of links: opening it reports the problem
        return False
