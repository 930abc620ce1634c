from __future__ import annotations

import pytest


@pytest.fixture
def reference_loaded(regions_loaded: None) -> None:
    from ksd.regions.services import load_affairs

    load_affairs()
