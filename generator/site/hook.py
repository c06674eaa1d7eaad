"""The MkDocs hook: before each build, check standards/ and (re)generate the pages; publish them without the
`generated/` prefix; make `mkdocs serve` watch standards/.

mkdocs.yml loads this file by path (`hooks: [generator/site/hook.py]`), so it imports the package absolutely.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

_ROOT = Path(__file__).resolve().parents[2]
if str(_ROOT) not in sys.path:  # loaded by file path: make the project's own package importable
    sys.path.insert(0, str(_ROOT))

from generator import report  # noqa: E402
from generator.cli import checked_model  # noqa: E402
from generator.dates import data_date  # noqa: E402
from generator.model import Model  # noqa: E402
from generator.site import nav, urls  # noqa: E402
from generator.site.generate import SlugClash, generate  # noqa: E402

log = get_plugin_logger("coachref")
_PREFIX = urls.GENERATED + "/"
#: static-i18n runs every build event once per language: generate again only when an input file changed.
_last: dict[str, tuple[tuple[str, int, int], ...]] = {}
#: The SOURCE_DATE_EPOCH this hook set (None: not set by us, e.g. given by the caller, who then decides).
_pinned: list[str] = []


def project_root(config: MkDocsConfig) -> Path:
    """The project is the folder that holds mkdocs.yml (commands work on the project in the cwd)."""
    return Path(config.config_file_path).resolve().parent


def _fingerprint(root: Path) -> tuple[tuple[str, int, int], ...]:
    """Path, mtime and size of every input file: standards/, schemas/ and this package's own code."""
    found = []
    for folder in (root / "standards", root / "schemas", Path(__file__).resolve().parent):
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            if path.is_file() and path.suffix in (".yaml", ".yml", ".json", ".py"):
                stat = path.stat()
                found.append((path.as_posix(), stat.st_mtime_ns, stat.st_size))
    return tuple(found)


@event_priority(50)  # before static-i18n (-100) builds the navigation from config.nav
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Add every framework's nav entry (generator/site/nav.py): mkdocs.yml lists only the fixed pages."""
    config.nav = nav.with_frameworks(config.nav, project_root(config))
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    if config.theme["language"] != "en":
        # static-i18n renders the theme's 404.html in every language build, all at site/404.html; keep the
        # default language's (the later builds would silently overwrite it).
        config.theme.static_templates.discard("404.html")
    if os.environ.get("COACHREF_NO_GENERATE") == "1":  # benchmarks: the plain MkDocs floor
        return
    _generate(config)


def _generate(config: MkDocsConfig) -> None:
    root = project_root(config)
    out = Path(config.docs_dir) / urls.GENERATED
    key = f"{root}|{out}"
    fingerprint = _fingerprint(root)
    if _last.get(key) == fingerprint and out.is_dir():
        return
    model, result = checked_model(root)
    if model is None:
        errors = [p for p in result.problems if p.severity == "error"]
        raise PluginError("standards/ has errors; fix them first:\n" + report.text(errors, result.files))
    _pin_build_date(model)  # type: ignore[arg-type]
    try:
        outcome = generate(model, out, root)  # type: ignore[arg-type]
    except SlugClash as exc:
        raise PluginError(str(exc)) from exc
    _last[key] = fingerprint
    log.info(f"generated {outcome.total} pages: {len(outcome.written)} written, {len(outcome.deleted)} deleted")


def _pin_build_date(model: Model) -> None:
    """Dates MkDocs writes (sitemap.xml, sitemap.xml.gz) come from the data's own date, not the clock, so two
    builds of the same data are byte-identical even across midnight. A SOURCE_DATE_EPOCH set by the caller wins."""
    if "SOURCE_DATE_EPOCH" in os.environ and os.environ["SOURCE_DATE_EPOCH"] not in _pinned:
        return
    day = date.fromisoformat(data_date(model))
    epoch = str(int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()))
    os.environ["SOURCE_DATE_EPOCH"] = epoch
    _pinned[:] = [epoch]


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Publish docs/generated/x/y.en.md at x/y/ (static-i18n, which runs later, then strips the language)."""
    out = Files([])
    for file in files:
        if file.src_uri.startswith(_PREFIX):
            file = File(file.src_uri, config.docs_dir, config.site_dir, config.use_directory_urls,
                        dest_uri=file.dest_uri[len(_PREFIX):], inclusion=file.inclusion)
        out.append(file)
    return out


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    server.watch(str(project_root(config) / "standards"))
    return server


@event_priority(-200)  # after static-i18n (-100) has merged every language into one index
def on_post_build(config: MkDocsConfig) -> None:
    """Split search/search_index.json into one index per language (search_index.<lang>.json) that
    docs/assets/javascripts/search-lang.js loads instead, so a reader only gets hits in their language."""
    index_file = Path(config.site_dir) / "search" / "search_index.json"
    alternates = config.extra.get("alternate") or []
    if not index_file.is_file() or not alternates:
        return
    languages = [alt["lang"] for alt in alternates]
    default = languages[0]
    index = json.loads(index_file.read_text(encoding="utf-8"))

    def language_of(location: str) -> str:
        first = location.split("/", 1)[0]
        return first if first in languages else default

    for lang in languages:
        docs = [d for d in index.get("docs", []) if language_of(d.get("location", "")) == lang]
        part = {**index, "config": {**index.get("config", {}), "lang": [lang]}, "docs": docs}
        # a plain write (not write_if_changed's private temp file): the web server must be able to read it
        index_file.with_name(f"search_index.{lang}.json").write_text(
            json.dumps(part, ensure_ascii=False, separators=(",", ":"), sort_keys=True), encoding="utf-8")
