"""Refresh generator/vendor/ from node_modules/ (after `npm ci`): `make vendor` (python -m tests.tools.vendor_update).

A library kept as it is (fflate) is copied; one the page would otherwise fetch as dozens of modules (yaml: 73 files)
is bundled into one ES module by esbuild (pinned in package-lock.json). tests/test_vendor.py runs the same `bundled`
and demands the same bytes, so the kept copy is always what the locked versions make.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from generator.mkdocs.vendor import LIBRARIES, VENDOR, Library

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
ESBUILD = NODE_MODULES / ".bin" / "esbuild"


def bundled(lib: Library) -> bytes:
    """The library's entry module and everything it imports, as one ES module (esbuild, run from the project folder
    so that the paths it writes in its comments are the same everywhere)."""
    entry = (NODE_MODULES / lib.name / lib.source).relative_to(ROOT).as_posix()
    done = subprocess.run(
        [str(ESBUILD), entry, "--bundle", "--format=esm", "--log-level=warning"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    return done.stdout


def main() -> int:
    for lib in LIBRARIES:
        installed, kept = NODE_MODULES / lib.name, VENDOR / lib.kept
        if kept.is_dir():
            shutil.rmtree(kept)
        kept.parent.mkdir(parents=True, exist_ok=True)
        if lib.bundle:
            kept.write_bytes(bundled(lib))
        elif (installed / lib.source).is_dir():
            shutil.copytree(installed / lib.source, kept)
        else:
            shutil.copyfile(installed / lib.source, kept)
        licence = kept / "LICENSE" if kept.is_dir() else kept.parent / "LICENSE"
        shutil.copyfile(installed / "LICENSE", licence)
        print(f"{lib.name} {lib.version}: {kept.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
