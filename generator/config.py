"""Facts the exports share with the site, read from their one source, mkdocs.yml (never copied into code)."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from generator.load.discover import PACKAGE_ROOT


class _TolerantLoader(yaml.SafeLoader):
    """Safe YAML that reads MkDocs-specific tags (!ENV, !!python/name:…) as plain values instead of failing."""


def _untagged(loader: yaml.SafeLoader, _suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_TolerantLoader.add_multi_constructor("!", _untagged)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _untagged)


#: The project the pipeline last checked (pipeline.load_model sets it): whose mkdocs.yml and schemas/ the exports and
#: templates read. Not the package's own folder, which an installed package (a wheel) does not have.
_project: list[Path] = []


def use_project(root: Path) -> None:
    """Make `root` the project whose settings the exports read (called by pipeline.load_model)."""
    _project[:] = [root.resolve()]


def current_project() -> Path:
    """The project being worked on: the one last checked, else the current folder, else the package's checkout
    (whichever first has a mkdocs.yml; the current folder when none has)."""
    candidates = [*_project, Path.cwd(), PACKAGE_ROOT]
    return next((c for c in candidates if (c / "mkdocs.yml").is_file()), Path.cwd())


#: Set at build time (`coachref build --site-url URL` sets it), it overrides mkdocs.yml's site_url everywhere: the
#: pages, the sitemap, the twins and every export. One built copy of the data can so be published at any address.
ENV = "COACHREF_SITE_URL"


def site_url(root: Path | None = None) -> str:
    """Where the site, and the records the exports point at, live, ending in '/': COACHREF_SITE_URL when set, else
    mkdocs.yml's `site_url` (of `root`, or of the current project)."""
    return _site_url_of(root, tuple(_project), os.getcwd(), os.environ.get(ENV, ""))


@cache
def _site_url_of(root: Path | None, project: tuple[Path, ...], cwd: str, override: str) -> str:
    """site_url, once per project, folder and override: every link of a build asks (tens of thousands of calls), and
    finding the project and resolving its path are file system calls."""
    return _site_url((root or current_project()).resolve(), override)


def checked_url(url: object, where: str) -> str:
    """`url` ending in '/', or a ValueError saying where it came from when it is not an http(s) address."""
    if (
        not isinstance(url, str)
        or not url.startswith(("https://", "http://"))
        or any(c.isspace() for c in url)
        or '"' in url
    ):
        raise ValueError(f"{where} must be an http(s) address (where the site is served from), found {url!r}")
    return url if url.endswith("/") else url + "/"


@cache
def _site_url(root: Path, override: str) -> str:
    if override:
        return checked_url(override, ENV)
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TolerantLoader)  # a SafeLoader
    url = config.get("site_url") if isinstance(config, dict) else None
    return checked_url(url, f"{root / 'mkdocs.yml'}: site_url")
