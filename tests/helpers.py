"""Shared paths and small helpers for the tests (fixtures live in conftest.py)."""

from __future__ import annotations

import contextlib
import io
import os
import resource
import signal
import subprocess
import sys
from functools import cache
from pathlib import Path

from generator.cli import main
from generator.model.types import Model
from generator.pipeline import load_model

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"


def run_cli(args: list[str], cwd: Path) -> tuple[int, str, str]:
    """Run the CLI in-process in `cwd`; return exit code, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    old = Path.cwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(args)
            except SystemExit as exc:  # argparse exits on usage errors
                code = int(exc.code or 0)
    finally:
        os.chdir(old)
    return code, out.getvalue(), err.getvalue()


def run_coachref(
    root: Path, *args: str, prefix: tuple[str, ...] = (), limit: int | None = None, timeout: int = 300, **env: str
) -> subprocess.CompletedProcess[str]:
    """`coachref ARGS` in `root`, in its own process (after `prefix`, e.g. setpriv), optionally with a file-size
    limit in bytes (as `ulimit -f`: a write past it fails with EFBIG, as a full disk fails with ENOSPC)."""

    def small_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        [*prefix, sys.executable, "-m", "generator", *args],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        preexec_fn=small_files,
        timeout=timeout,
        check=False,
    )


def model_of(root: Path) -> Model:
    """The checked model of the project at `root`; fails the test with the errors when there is none."""
    checked = load_model(root)
    assert checked.model is not None, [p.as_line() for p in checked.errors]
    return checked.model


@cache
def real_pages() -> dict[str, str | bytes]:
    """Every file `render_all` makes from the real project (pages, twins, downloads, course reports), rendered once
    per test session: tests read it, never change it."""
    from generator.render.site.generate import render_all

    checked = load_model(ROOT)
    assert checked.model is not None, [p.as_line() for p in checked.errors]
    return render_all(checked.model, ROOT, checked.courses, checked.editions)
