"""Shipped folders are found in a checkout, and user data stays out of it."""

from pathlib import Path

from curator.paths import demo_corpus_dir, demo_project_path, resources_dir

CHECKOUT = Path(__file__).resolve().parent.parent


def test_demo_corpus_and_icon_are_found() -> None:
    assert (demo_corpus_dir() / "lgop-international-cooperation-2012.txt").is_file()
    assert (resources_dir() / "icons" / "curator.svg").is_file()


def test_demo_project_lives_in_the_user_data_folder_not_the_checkout() -> None:
    assert not demo_project_path().resolve().is_relative_to(CHECKOUT)
