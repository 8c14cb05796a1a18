"""Fixtures for the importer tests: the demo chapter and small source files built from code."""

from __future__ import annotations

from pathlib import Path

import pytest

from curator.ingest.normalizing import normalize_text

DEMO_PATH = Path(__file__).resolve().parents[2] / "data" / "lgop-international-cooperation-2012.txt"


@pytest.fixture(scope="session")
def demo_path() -> Path:
    """The demo chapter shipped in data/, as scraped from the web."""
    return DEMO_PATH


@pytest.fixture(scope="session")
def demo_text() -> str:
    """The demo chapter, normalized as the importer stores it."""
    return normalize_text(DEMO_PATH.read_text(encoding="utf-8"))
