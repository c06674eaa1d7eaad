"""The browser libraries of the check page, kept in the package (generator/vendor/, with their licences) and copied
into the built site: no CDN and no Node at build time. tests/test_vendor.py holds them to the versions pinned in
package-lock.json and to the bytes `npm ci` installs."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

#: Where the vendored copies live (inside the package, so `pip install .` carries them).
VENDOR = Path(__file__).resolve().parents[1] / "vendor"


@dataclass(frozen=True)
class Library:
    """One vendored npm package: its pinned version, what of it is kept, and where it goes in the site."""

    name: str
    version: str  # as package-lock.json pins it
    source: str  # in node_modules/<name>/: a folder or a file
    kept: str  # in generator/vendor/
    target: str  # in the built site
    licence: str
    bundle: bool = False  # kept as one ES module that esbuild made of `source` and what it imports


#: yaml (ISC) reads a YAML course file with line and column: one bundled module (its browser build is 73 modules, which
#: the page fetched one by one); fflate (MIT) unpacks an XLSX course file, kept as it is. `make vendor` refreshes them
#: (tests/tools/vendor_update.py).
LIBRARIES = (
    Library("yaml", "2.9.1", "browser/index.js", "yaml/yaml.js", "assets/vendor/yaml.js", "ISC", bundle=True),
    Library("fflate", "0.8.3", "esm/browser.js", "fflate/browser.js", "assets/vendor/fflate.js", "MIT"),
)


class VendorMissing(RuntimeError):
    """A vendored library is missing from the package (a broken install)."""


def missing() -> str | None:
    """What to do when the package lacks a vendored library (one line), or None when all are there."""
    for lib in LIBRARIES:
        if not (VENDOR / lib.kept).exists():
            return f"{VENDOR / lib.kept} is missing: reinstall coachref (pip install .); the check page needs it"
    return None


def copy_vendor(site: Path) -> None:
    """Copy every vendored library into `site` (its licence beside it)."""
    if (advice := missing()) is not None:
        raise VendorMissing(advice)
    for lib in LIBRARIES:
        src, dest = VENDOR / lib.kept, site / lib.target
        if src.is_dir():
            shutil.copytree(src, dest, dirs_exist_ok=True)
        else:
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dest)
            shutil.copyfile(src.parent / "LICENSE", dest.with_name(f"{dest.stem}.LICENSE.txt"))
