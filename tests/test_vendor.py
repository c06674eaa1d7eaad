"""The check page's browser libraries, kept in generator/vendor/ so that a build needs no Node: each is the version
package-lock.json pins, byte for byte what `npm ci` installs, with its licence, and listed on the about page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.mkdocs.vendor import LIBRARIES, VENDOR, missing

from .helpers import ROOT
from .tools.vendor_update import bundled

LOCK = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]
NODE_MODULES = ROOT / "node_modules"


def _files(path: Path) -> dict[str, bytes]:
    if path.is_file():
        return {path.name: path.read_bytes()}
    return {p.relative_to(path).as_posix(): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("lib", LIBRARIES, ids=lambda lib: lib.name)
def test_each_library_is_the_locked_version(lib: object) -> None:
    from generator.mkdocs.vendor import Library

    assert isinstance(lib, Library)
    locked = LOCK[f"node_modules/{lib.name}"]
    assert locked["version"] == lib.version and locked["license"] == lib.licence
    declared = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"][lib.name]
    assert declared == lib.version  # pinned exactly, not a range


@pytest.mark.skipif(not NODE_MODULES.is_dir(), reason="needs `npm ci` (node_modules/) to compare against")
@pytest.mark.parametrize("lib", LIBRARIES, ids=lambda lib: lib.name)
def test_each_library_is_byte_for_byte_what_npm_ci_installs(lib: object) -> None:
    from generator.mkdocs.vendor import Library

    assert isinstance(lib, Library)
    installed = NODE_MODULES / lib.name
    assert json.loads((installed / "package.json").read_text(encoding="utf-8"))["version"] == lib.version
    kept = _files(VENDOR / lib.kept)
    kept.pop("LICENSE", None)  # a folder keeps its licence inside; compared below
    if lib.bundle:  # made by the locked esbuild from the locked library: made again here, the same bytes
        assert kept == {Path(lib.kept).name: bundled(lib)}
    else:
        assert kept == _files(installed / lib.source)
    licence = (VENDOR / lib.kept).parent / "LICENSE" if (VENDOR / lib.kept).is_file() else VENDOR / lib.kept / "LICENSE"
    assert licence.read_bytes() == (installed / "LICENSE").read_bytes()


def test_nothing_is_missing_and_the_about_page_lists_each_version() -> None:
    assert missing() is None
    for lang in ("en", "nl"):
        about = (ROOT / "docs" / f"about.{lang}.md").read_text(encoding="utf-8")
        for lib in LIBRARIES:
            row = next(line for line in about.splitlines() if line.startswith(f"| [{lib.name}]("))
            assert f"| {lib.version} |" in row and row.rstrip(" |").endswith(lib.licence), row
