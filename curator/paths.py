"""Where Curator keeps things: the user's data folder, the demo project and the demo corpus."""

from __future__ import annotations

from pathlib import Path

APP_NAME = "curator"
PROJECT_SUFFIX = ".curator"


def user_data_dir() -> Path:
    """The per-user folder for projects Curator creates itself (never inside the checkout)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def demo_project_path() -> Path:
    """The demo project's SQLite file."""
    return user_data_dir() / f"demo{PROJECT_SUFFIX}"


def demo_corpus_dir() -> Path:
    """The folder of demo source documents: `data/` in a checkout, bundled in a wheel."""
    package_dir = Path(__file__).resolve().parent
    for candidate in (package_dir / "_demo_corpus", package_dir.parent / "data"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("The demo corpus is missing from this installation.")
