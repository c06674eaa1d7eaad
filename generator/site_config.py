"""Facts the exports share with the site, read from their one source, mkdocs.yml (never copied into code)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from .project import PACKAGE_ROOT


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


@cache
def site_url(root: Path = PACKAGE_ROOT) -> str:
    """mkdocs.yml's `site_url`, ending in '/': where the site, and the records the exports point at, live."""
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TolerantLoader)  # a SafeLoader
    url = config.get("site_url") if isinstance(config, dict) else None
    if not isinstance(url, str) or not url.startswith(("https://", "http://")):
        raise ValueError(f"{root / 'mkdocs.yml'}: site_url must be an http(s) address, found {url!r}")
    return url if url.endswith("/") else url + "/"
