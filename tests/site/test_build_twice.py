"""`coachref build` works, and building twice gives byte-identical site trees."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from generator import cli

from ..conftest import BuiltSite

pytestmark = pytest.mark.site


def tree(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_coachref_build_twice_gives_identical_sites(built_site: BuiltSite, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(built_site.root)
    second = built_site.root / "site-again"
    assert cli.main(["build", "--site-dir", str(second)]) == 0
    assert "generated" in capsys.readouterr().out
    first, again = tree(built_site.site), tree(second)
    assert first.keys() == again.keys()
    assert [name for name in first if first[name] != again[name]] == []


def test_coachref_build_stops_on_data_errors(built_site: BuiltSite, monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    root = tmp_path / "broken"
    for part in ("standards", "schemas"):
        shutil.copytree(built_site.root / part, root / part)
    fw = root / "standards/coaching-professional/framework.yaml"
    fw.write_text(fw.read_text(encoding="utf-8").replace('version: "1.0"', "version: 1.0"), encoding="utf-8")
    monkeypatch.chdir(root)
    assert cli.main(["build"]) == 1
    assert "site not built" in capsys.readouterr().err
