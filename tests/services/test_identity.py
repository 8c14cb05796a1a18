"""Who the user is: the name set in Preferences, else $CURATOR_USER, else the login name."""

from __future__ import annotations

import pytest

from curator.services import identity


def test_the_environment_names_the_user_until_preferences_do() -> None:
    assert identity.current_user() == "tester"
    identity.set_preferred_name("  Li   Wei ")
    assert identity.current_user() == "Li Wei"
    assert identity.preferred_name() == "Li Wei"


def test_a_blank_preference_goes_back_to_the_default() -> None:
    identity.set_preferred_name("Li Wei")
    identity.set_preferred_name("")
    assert identity.current_user() == "tester"


def test_without_either_the_login_name_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CURATOR_USER")
    assert identity.current_user() == identity.system_user() != ""


def test_a_damaged_preferences_file_is_ignored() -> None:
    identity.set_preferred_name("Li Wei")
    path = identity._preferences_file()
    path.write_text("[not, an, object]", encoding="utf-8")
    identity._cache = None
    assert identity.current_user() == "tester"
