"""The coachref MkDocs plugin: before each build, check the project through the pipeline and (re)generate the pages;
publish them without the `generated/` prefix; make `mkdocs serve` watch standards/ and show broken data on every page.

mkdocs.yml names it in `plugins:` (`- coachref`, after static-i18n); the package registers it as the entry point
`mkdocs.plugins: coachref` (pyproject.toml), so any installed copy of the package builds any project.
"""

from __future__ import annotations

import html
import json
import os
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from generator import config as site_config
from generator.course.bundle import UnsupportedKeyword
from generator.diagnostics import report
from generator.mkdocs import csp, nav, target, vendor
from generator.model import urls
from generator.model.dates import data_date
from generator.model.inventory import SlugClash
from generator.model.types import LANGUAGES, Model
from generator.pipeline import Checked, input_key, load_model
from generator.render.site import publisher
from generator.render.site.generate import generate
from generator.render.strings import CatalogueError, MissingString, t

log = get_plugin_logger("coachref")
_PREFIX = urls.GENERATED + "/"


def project_root(config: MkDocsConfig) -> Path:
    """The project is the folder that holds mkdocs.yml (commands work on the project in the cwd)."""
    return Path(config.config_file_path).resolve().parent


def _publisher(config: MkDocsConfig) -> publisher.Publisher:
    """mkdocs.yml's `extra.publisher`, checked: a located one-line error when it is missing or wrong."""
    try:
        return publisher.settings(config.extra, Path(config.config_file_path))
    except publisher.PublisherError as exc:
        raise PluginError(str(exc)) from None


def not_found_parts(config: MkDocsConfig) -> list[dict[str, str]]:
    """What the one 404 page (overrides/404.html) says in each language, with its home page (root-relative:
    the 404 page answers at any depth)."""
    base = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
    parts = []
    for n, lang in enumerate(LANGUAGES):
        parts.append(
            {
                "lang": lang,
                "name": t(f"lang.{lang}", lang),
                "title": t("not-found.title", lang),
                "text": t("not-found.text", lang),
                "home_label": t("not-found.home", lang),
                "search_label": t("not-found.search", lang),
                "home": base if n == 0 else f"{base}{lang}/",
            }
        )
    return parts


def _with_banner(output: str, shown: str) -> str:
    banner = (
        '<div class="cr-build-errors" role="alert" style="background:#fff3f3;color:#8b0000;padding:1em;'
        'border:3px solid #b00020;margin:0"><strong>standards/ has errors; this preview shows the last good '
        f"pages. Fix these and save:</strong><pre>{html.escape(shown)}</pre></div>"
    )
    head, body_tag, rest = output.partition("<body")
    if not body_tag:
        return banner + output
    attrs, close, tail = rest.partition(">")
    return f"{head}<body{attrs}{close}{banner}{tail}"


class Options(Config):  # type: ignore[no-untyped-call]
    """The plugin takes no options in mkdocs.yml: everything it reads is the project's own data."""


class CoachrefPlugin(BasePlugin[Options]):  # type: ignore[no-untyped-call]
    """Generates the pages before each build and adds what every published page needs. Its state lives on the
    instance, which MkDocs keeps for the whole of a `mkdocs serve` (the plugin has on_startup)."""

    def __init__(self) -> None:
        super().__init__()
        #: static-i18n runs every build event once per language: generate again only for a new check outcome.
        self._last: dict[str, Checked] = {}
        #: The SOURCE_DATE_EPOCH this plugin set ("": none set by us, e.g. given by the caller, who then decides).
        self._pinned = ""
        #: `mkdocs serve` keeps serving after a broken edit and shows the problems on every page; a build stops.
        self._serving = False
        self._shown = ""

    def on_startup(self, command: str, dirty: bool) -> None:
        self._serving = command == "serve"

    @event_priority(50)  # before static-i18n (-100) builds the navigation from config.nav
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Add every framework's nav entry (generator/mkdocs/nav.py): mkdocs.yml lists only the fixed pages."""
        config.nav = nav.with_frameworks(config.nav, project_root(config))
        if os.environ.get(site_config.ENV):  # set at build time (coachref build --site-url): pages and sitemap follow
            try:
                config.site_url = site_config.site_url(project_root(config))
            except ValueError as exc:
                raise PluginError(str(exc)) from None
        config.extra["cr_not_found"] = not_found_parts(config)
        config.extra["cr_footer"] = publisher.footer(_publisher(config), None)
        return config

    def on_page_markdown(self, markdown: str, page: Any, config: MkDocsConfig, files: Files) -> str:
        """The about page's publisher, licence and report-an-error paragraphs (its marker lines), in its language."""
        if not any(marker in markdown for marker in publisher.MARKERS):
            return markdown
        lang = config.theme["language"] if config.theme["language"] in LANGUAGES else LANGUAGES[0]
        return publisher.about_markdown(markdown, _publisher(config), lang)

    def on_pre_build(self, config: MkDocsConfig) -> None:
        if config.theme["language"] != "en":
            # static-i18n renders the theme's 404.html in every language build, all at site/404.html; keep the
            # default language's (the later builds would silently overwrite it).
            config.theme.static_templates.discard("404.html")
        if os.environ.get("COACHREF_NO_GENERATE") == "1":  # benchmarks: the plain MkDocs floor
            return
        self._generate(config)

    def _generate(self, config: MkDocsConfig) -> None:
        root = project_root(config)
        out = Path(config.docs_dir) / urls.GENERATED
        key = f"{root}|{out}"
        checked = load_model(root)
        if checked.model is not None:  # the footer's data date (every language build runs on_config again)
            config.extra["cr_footer"] = publisher.footer(_publisher(config), data_date(checked.model))
        if self._last.get(key) is checked and out.is_dir():
            return
        self._shown = ""
        if checked.model is not None and checked.result.failed() and not self._serving:  # e.g. a course file, a FIFO
            errors = [p for p in checked.result.problems if p.severity == "error"]
            raise PluginError("courses/ has errors; fix them first:\n" + report.text(errors, checked.result.files))
        if checked.model is None:
            text = report.text(checked.errors, checked.result.files)
            if not self._serving:
                raise PluginError("standards/ has errors; fix them first:\n" + text)
            # logged as info: a warning would stop `mkdocs serve`, which runs strict (mkdocs.yml)
            log.info("standards/ has errors; the pages keep their last good state:\n" + text)
            self._shown = text
            return
        self._pin_build_date(checked.model)
        try:
            outcome = generate(
                checked.model, out, root, checked.courses, key=input_key(root), editions=checked.editions
            )
        except (SlugClash, MissingString, CatalogueError, UnsupportedKeyword) as exc:  # a build error, on one line
            raise PluginError(str(exc)) from exc
        self._last[key] = checked
        log.info(f"generated {outcome.total} pages: {len(outcome.written)} written, {len(outcome.deleted)} deleted")

    def on_post_page(self, output: str, page: Any, config: MkDocsConfig) -> str:
        """Every page carries its Content-Security-Policy (generator/mkdocs/csp.py). While `mkdocs serve` runs on broken
        data, every page opens with the located problems."""
        return csp.with_policy(_with_banner(output, self._shown) if self._shown else output)

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        """The theme's own pages (404.html) carry the policy too."""
        return csp.with_policy(output_content) if template_name.endswith(".html") else output_content

    def _pin_build_date(self, model: Model) -> None:
        """Dates MkDocs writes (sitemap.xml, sitemap.xml.gz) come from the data's own date, not the clock, so two
        builds of the same data are byte-identical even across midnight. A SOURCE_DATE_EPOCH set by the caller wins."""
        if "SOURCE_DATE_EPOCH" in os.environ and os.environ["SOURCE_DATE_EPOCH"] != self._pinned:
            return
        day = date.fromisoformat(data_date(model))
        epoch = str(int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()))
        os.environ["SOURCE_DATE_EPOCH"] = epoch
        self._pinned = epoch

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Publish docs/generated/x/y.en.md at x/y/ (static-i18n, which runs later, then strips the language)."""
        out = Files([])
        for file in files:
            if file.src_uri.startswith(_PREFIX):
                file = File(
                    file.src_uri,
                    config.docs_dir,
                    config.site_dir,
                    config.use_directory_urls,
                    dest_uri=file.dest_uri[len(_PREFIX) :],
                    inclusion=file.inclusion,
                )
            out.append(file)
        return out

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        root = project_root(config)
        for folder in ("standards", "courses"):
            if (root / folder).is_dir():
                server.watch(str(root / folder))
        return server

    @event_priority(-200)  # after static-i18n (-100) has merged every language into one index
    def on_post_build(self, config: MkDocsConfig) -> None:
        """Split search/search_index.json into one index per language (search_index.<lang>.json) that
        docs/assets/javascripts/search-lang.js loads instead, so a reader only gets hits in their language."""
        try:
            vendor.copy_vendor(Path(config.site_dir))
        except vendor.VendorMissing as exc:  # a broken install, on one line instead of a traceback
            raise PluginError(str(exc)) from None
        target.write_marker(Path(config.site_dir))  # this folder is a site: a later build may replace it
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
                json.dumps(part, ensure_ascii=False, separators=(",", ":"), sort_keys=True), encoding="utf-8"
            )
