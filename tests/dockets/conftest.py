"""Paths of the docket feeds: the real CM/ECF samples (shared, may be absent) and those written here."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.conf import settings

from tracker.dockets.sample import SAMPLE_ROOT as FIXTURES  # the parser fixtures live with the sample


def shared_dockets() -> Path:
    """../shared/dockets beside the checkout, or $TRACKER_SHARED_DIR/dockets."""
    env = os.environ.get("TRACKER_SHARED_DIR")
    if env:
        return Path(env) / "dockets"
    return Path(settings.BASE_DIR).parent / "shared" / "dockets"


@pytest.fixture
def fixture_bytes():
    return lambda name: (FIXTURES / name).read_bytes()
