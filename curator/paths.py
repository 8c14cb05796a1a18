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


def _shipped_dir(bundled: str, in_checkout: str) -> Path:
    """A folder shipped with Curator: inside the package in a wheel, beside it in a checkout."""
    package_dir = Path(__file__).resolve().parent
    for candidate in (package_dir / bundled, package_dir.parent / in_checkout):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"The {in_checkout}/ folder is missing from this installation.")


def demo_corpus_dir() -> Path:
    """The folder of demo source documents."""
    return _shipped_dir("_demo_corpus", "data")


def resources_dir() -> Path:
    """The folder of icons and other run-time resources."""
    return _shipped_dir("_resources", "resources")
