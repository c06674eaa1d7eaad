"""The browser libraries of the check page, copied at build time from node_modules/ (installed by `npm ci` from
package-lock.json) into the built site: no CDN, and the versions are the locked ones."""

from __future__ import annotations

import shutil
from pathlib import Path

#: (what to copy, from node_modules/, where it goes in the site). yaml: ISC; fflate: MIT.
VENDORED = (("yaml/browser/dist", "assets/vendor/yaml"), ("fflate/esm/browser.js", "assets/vendor/fflate.js"))


class VendorMissing(RuntimeError):
    """node_modules/ lacks a library the check page needs."""


def missing(root: Path) -> str | None:
    """What to do when node_modules/ lacks a vendored library (one line), or None when all are there."""
    for source, _target in VENDORED:
        if not (root / "node_modules" / source).exists():
            return f"node_modules/{source} is missing: run `npm ci` in {root} (the course check page needs it)"
    return None


def copy_vendor(root: Path, site: Path) -> None:
    """Copy every vendored library into `site`; fails with the fix when `npm ci` has not been run."""
    if (advice := missing(root)) is not None:
        raise VendorMissing(advice)
    for source, target in VENDORED:
        src, dest = root / "node_modules" / source, site / target
        if src.is_dir():
            shutil.copytree(src, dest, dirs_exist_ok=True)
        else:
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dest)
