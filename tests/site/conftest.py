"""Site-test fixtures: the model of the project copy the session's site was built from."""

from __future__ import annotations

import pytest

from generator.model.types import Model

from ..conftest import BuiltSite
from ..helpers import model_of


@pytest.fixture(scope="session")
def model(built_site: BuiltSite) -> Model:
    """The checked model of the built project (the same data the pages were generated from)."""
    return model_of(built_site.root)
