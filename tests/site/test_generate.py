"""Generation: en/nl pairs, the header, idempotence, stale files removed, the URL rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.model import urls
from generator.model.types import Model
from generator.render.site import pages, twins
from generator.render.site.generate import generate, plan

from ..conftest import PROJECT, fixture_project
from ..helpers import model_of


@pytest.fixture(scope="module")
def model() -> Model:
    return model_of(PROJECT)


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Model:
    """The fixture project's model: what generation does to files does not depend on how much data there is."""
    return model_of(fixture_project(tmp_path_factory.mktemp("small") / "p"))


@pytest.mark.parametrize(
    ("item_id", "expected"),
    [
        ("ST0809:K1", "k1"),
        ("ST0809:duty:1", "1"),
        ("BVJN:intake-assessment:a", "a"),
        ("CLCAS:commitments:1-1", "1-1"),
        ("BVJN:methodiek:traject-10", "traject-10"),
        ("X:Y:A b.c", "a-b-c"),
    ],
)
def test_slug_rule(item_id: str, expected: str) -> None:
    assert urls.slug(item_id) == expected


def test_url_of_and_links() -> None:
    assert urls.url_of("coaching-professional/knowledge/k1") == "coaching-professional/knowledge/k1/"
    assert urls.url_of("coaching-professional/index") == "coaching-professional/"
    assert urls.md_link("a/b/c", "a/d/index", "x") == "../d/index.md#x"
    assert urls.html_link("a/side-by-side", "a/b/c") == "../b/c/"
    assert urls.html_link("a/side-by-side", "a/b/index", "k") == "../b/#k"


def test_generation_writes_pairs_with_header_and_is_idempotent(small: Model, tmp_path: pytest.TempPathFactory) -> None:
    model = small
    out = tmp_path / "generated"  # type: ignore[operator]
    first = generate(model, out)
    assert first.total == len(first.written) == 2 * len(plan(model)) + 2 * len(list(twins.twins(model)))
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.md"))
    stems = {f.rsplit(".", 2)[0] for f in files}
    assert files == sorted(f"{s}.{lang}.md" for s in stems for lang in ("en", "nl"))
    assert all((out / f).read_text(encoding="utf-8").startswith(pages.HEADER) for f in files)
    mtimes = {f: (out / f).stat().st_mtime_ns for f in files}
    second = generate(model, out)
    assert second.written == () and second.deleted == ()
    assert mtimes == {f: (out / f).stat().st_mtime_ns for f in files}


def test_stale_generated_files_are_deleted(small: Model, tmp_path: pytest.TempPathFactory) -> None:
    out = tmp_path / "generated"  # type: ignore[operator]
    (out / "old-framework/part").mkdir(parents=True)
    (out / "old-framework/part/x.en.md").write_text("old", encoding="utf-8")
    outcome = generate(small, out)
    assert outcome.deleted == ("old-framework/part/x.en.md",)
    assert not (out / "old-framework").exists()


def test_every_item_of_a_paged_group_is_planned(model: Model) -> None:
    planned = {p.path for p in plan(model)}
    for fw in model.frameworks:
        for group in fw.groups:
            for item in group.items:
                assert (urls.item_page(fw, group, item) in planned) == group.item_pages


@pytest.mark.parametrize(
    ("target", "start"),
    [
        ("a/b/c", "a/b"),
        ("a/b/c.md", "a/d"),
        ("x/", "a/b/c/"),
        ("a/b/", "a/b/"),
        ("", "a/"),
        ("a/", ""),
        ("mappings/st0809--bvjn/", "coaching-professional/knowledge/k1/"),
        ("glossary.md", "."),
    ],
)
def test_relative_agrees_with_posixpath(target: str, start: str) -> None:
    import posixpath

    assert urls.relative(target, start) == posixpath.relpath(target or ".", start or ".")


def test_a_folder_generated_from_the_same_key_is_not_rendered_again(
    small: Model, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.render.site import generate as gen

    model = small
    out = tmp_path / "generated"
    first = gen.generate(model, out, key="k1")
    assert first.total > 0 and len(first.written) == first.total

    def no_render(*args: object) -> dict[str, str | bytes]:
        raise AssertionError("rendered again")

    monkeypatch.setattr(gen, "render_all", no_render)
    assert gen.generate(model, out, key="k1") == gen.Outcome((), (), first.total)
    monkeypatch.undo()
    next(iter(sorted(out.rglob("*.md")))).unlink()  # a generated file lost: generate again
    again = gen.generate(model, out, key="k1")
    assert len(again.written) == 1
    calls = []
    real = gen.render_all
    monkeypatch.setattr(gen, "render_all", lambda *a: calls.append(1) or real(*a))
    changed = gen.generate(model, out, key="k2")  # new inputs: rendered (nothing differs, so nothing is written)
    assert calls == [1] and changed.total == first.total and changed.written == ()
