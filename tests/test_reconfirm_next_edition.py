"""On a realistic next edition (tests/next_edition.py: ten items each reworded, changed in substance, renumbered,
split and retired, dated after every review), released with `coachref edition freeze`: the rows each artefact marks
as to be re-confirmed (crosswalk pages, matrices, item pages, twins, SSSOM, CSV from `coachref export`, XLSX, CASE)
are exactly those of `impact.stale_rows`, the coverage counts leave them out, and a row given a later review date
is marked nowhere any more."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.editions import impact
from generator.model import urls
from generator.model.inventory import directions
from generator.model.types import LANGUAGES, Model
from generator.pipeline import load_model
from generator.render.site import twins
from generator.render.strings import t

from .helpers import run_cli
from .next_edition import DATE, Plan, make
from .test_reconfirm import (
    Row,
    Site,
    _case,
    _crosswalk_pages,
    _csv,
    _expected_counts,
    _item_pages,
    _overall,
    _render,
    _rereview,
    _rows,
    _sssom,
    _twins,
    _xlsx,
)

pytestmark = pytest.mark.slow  # makes, freezes and exports a realistic next edition

LATER = "2027-01-20"  # a re-review after the next edition's changes


def _stale(root: Path) -> dict[Row, tuple[str, impact.Entry]]:
    checked = load_model(root)
    assert checked.model is not None
    return impact.stale_rows(checked.model, impact.history(checked.model, checked.editions))


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, Plan]:
    root, plan = make(tmp_path_factory.mktemp("next-reconfirm"))
    assert run_cli(["check", "--strict"], root)[0] == 0
    assert run_cli(["edition", "freeze", DATE], root)[0] == 0
    return _render(root), plan


def _mapped(model: Model) -> list[str]:
    """Every item at an end of a crosswalk row: their pages and twins are read, marked or not."""
    return sorted({i for r in _rows(model) for i in r})


def _marked(site: Site) -> dict[str, set[Row]]:
    """Channel -> the rows it marks as to be re-confirmed; the CSV is `coachref export`'s (the checked editions)."""
    code, _, err = run_cli(["export", "--format", "csv", "--out", "out"], site.root)
    assert code == 0, err
    exported = {p.name: p.read_bytes() for p in (site.root / "out").iterdir()}
    shutil.rmtree(site.root / "out")
    items = _mapped(site.model)
    found: dict[str, set[Row]] = {}
    for lang in LANGUAGES:
        found |= {
            f"crosswalk pages ({lang})": _crosswalk_pages(site, lang),
            f"item pages ({lang})": _item_pages(site, lang, items),
            f"twins ({lang})": _twins(site, lang, items),
            f"SSSOM ({lang})": _sssom(site, lang),
            f"CSV ({lang})": _csv(exported, lang),
            f"CASE ({lang})": _case(site, lang),
        }
    found |= {f"XLSX ({lang})": rows for lang, rows in _xlsx(site).items()}
    return found


def _matrix_marks(site: Site) -> dict[str, int]:
    """'<left>--<right> (<lang>)' -> how many cells of that matrix carry the mark."""
    return {
        f"{d.left}--{d.right} ({lang})": str(site.files[f"{urls.matrix_page(d.left, d.right)}.{lang}.md"]).count(
            'class="cr-mark cr-reconfirm-mark" title='
        )
        for d in directions(site.model)
        for lang in LANGUAGES
    }


def _matrix_wanted(site: Site, stale: set[Row]) -> dict[str, int]:
    return {
        f"{d.left}--{d.right} ({lang})": sum((m.source, m.target) in stale for m in d.mset.mappings)
        for d in directions(site.model)
        for lang in LANGUAGES
    }


def test_every_artefact_marks_exactly_the_stale_rows(released: tuple[Site, Plan]) -> None:
    site, plan = released
    stale = _stale(site.root)
    touched = plan.ids("substantive") | {p for i in plan.ids("split") for p in plan.successors[i]}
    assert set(stale) == {r for r in _rows(site.model) if touched & set(r)}  # the rows of changed and split items
    assert {e.kind for _, e in stale.values()} == {"changed", "split"}
    assert len(stale) < len(_rows(site.model))  # rows of reworded, renumbered and untouched items stay confirmed
    for channel, marked in _marked(site).items():
        assert marked == set(stale), channel
    assert _matrix_marks(site) == _matrix_wanted(site, set(stale))


def test_the_twins_say_which_item_changed_when_and_in_which_edition(released: tuple[Site, Plan]) -> None:
    site, _ = released
    stale = _stale(site.root)
    for d in directions(site.model):
        data = json.loads(site.files[twins.twin_source(urls.crosswalk_page(d.left, d.right), "en")])
        for r in data["rows"]:
            row = (r["right"]["id"], r["left"]["id"]) if d.reverse else (r["left"]["id"], r["right"]["id"])
            if row in stale:
                item, entry = stale[row]
                assert {k: r["reconfirm"][k] for k in ("item", "date", "edition", "kind")} == {
                    "item": item,
                    "date": entry.date,
                    "edition": DATE,
                    "kind": entry.kind,
                }
                assert r["reconfirm"]["reason"].startswith(
                    f"{t('reconfirm.now', 'en', old=entry.id, item=item)}" if entry.id != item else item
                )


def test_coverage_counts_leave_the_stale_rows_out(released: tuple[Site, Plan]) -> None:
    site, _ = released
    stale = set(_stale(site.root))
    for lang in LANGUAGES:
        assert _overall(site, lang) == _expected_counts(site.model, stale)
        assert _overall(site, lang) != _expected_counts(site.model, set())
        assert t("reconfirm", lang) in str(site.files[f"mappings/coverage.{lang}.md"])


def test_a_stale_row_reviewed_after_the_change_is_marked_nowhere(released: tuple[Site, Plan], tmp_path: Path) -> None:
    site, _ = released
    stale = set(_stale(site.root))
    row = min(stale)
    root = tmp_path / "project"
    shutil.copytree(site.root, root, symlinks=True)
    _rereview(root, row, LATER)
    assert run_cli(["check", "--strict"], root)[0] == 0  # a new review date is no change to declare
    assert set(_stale(root)) == stale - {row}
    again = _render(root)
    for channel, marked in _marked(again).items():
        assert marked == stale - {row}, channel
    assert _matrix_marks(again) == _matrix_wanted(again, stale - {row})
    assert _overall(again, "en") == _expected_counts(again.model, stale - {row})
