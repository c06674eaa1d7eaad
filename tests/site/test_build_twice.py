"""`coachref build` works, and building twice gives byte-identical site trees."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import pytest

from generator import cli
from generator.mkdocs import plugin
from generator.model.dates import data_date
from generator.model.types import Model

from ..conftest import BuiltSite
from ..helpers import model_of

pytestmark = pytest.mark.site


def tree(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def test_coachref_build_twice_gives_identical_sites(
    built_site: BuiltSite, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(built_site.root)
    second = built_site.root / "site-again"
    assert cli.main(["build", "--site-dir", str(second)]) == 0
    assert f"built the site into {second.as_posix()}" in capsys.readouterr().out
    first, again = tree(built_site.site), tree(second)
    assert first.keys() == again.keys()
    assert [name for name in first if first[name] != again[name]] == []


def test_coachref_build_stops_on_data_errors(
    built_site: BuiltSite, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    root = tmp_path / "broken"
    for part in ("standards", "schemas"):
        shutil.copytree(built_site.root / part, root / part)
    fw = root / "standards/coaching-professional/framework.yaml"
    fw.write_text(fw.read_text(encoding="utf-8").replace('version: "1.0"', "version: 1.0"), encoding="utf-8")
    monkeypatch.chdir(root)
    assert cli.main(["build"]) == 1
    assert "site not built" in capsys.readouterr().err


def test_sitemap_dates_come_from_the_data_not_the_clock(built_site: BuiltSite) -> None:
    found = model_of(built_site.root)
    dates = set(re.findall(r"<lastmod>([^<]+)</lastmod>", (built_site.site / "sitemap.xml").read_text("utf-8")))
    assert dates == {data_date(found)}


def test_the_plugin_pins_the_build_date_unless_the_caller_set_one(monkeypatch: pytest.MonkeyPatch) -> None:
    model = Model(frameworks=(), mapping_sets=())
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    hook = plugin.CoachrefPlugin()
    monkeypatch.setattr(plugin, "data_date", lambda _model: "2031-05-17")
    hook._pin_build_date(model)
    assert os.environ["SOURCE_DATE_EPOCH"] == "1936742400"  # 2031-05-17T00:00:00Z
    monkeypatch.setattr(plugin, "data_date", lambda _model: "2031-05-18")
    hook._pin_build_date(model)  # our own pin follows the data (mkdocs serve after an edit)
    assert os.environ["SOURCE_DATE_EPOCH"] == "1936828800"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    hook._pin_build_date(model)  # the caller's choice wins
    assert os.environ["SOURCE_DATE_EPOCH"] == "1700000000"
