"""Site-test fixtures: the model of the project copy the session's site was built from."""

from __future__ import annotations

import pytest

from generator.cli import checked_model
from generator.model import Model

from ..conftest import BuiltSite


@pytest.fixture(scope="session")
def model(built_site: BuiltSite) -> Model:
    """The checked model of the built project (the same data the pages were generated from)."""
    found, result = checked_model(built_site.root)
    assert found is not None, result.problems
    return found  # type: ignore[return-value]
