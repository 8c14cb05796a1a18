"""Database URLs: only SQLite files and PostgreSQL are projects, and a password never shows."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from curator.cli import main
from curator.store.locations import shown_location

PASSWORD = "s3cret-pw"


@pytest.mark.parametrize("url", [f"mysql://curator:{PASSWORD}@db.example/projects",
                                 f"oracle+cx_oracle://curator:{PASSWORD}@db/x",
                                 "mongodb://localhost/projects"])
def test_an_unknown_url_scheme_is_refused_by_name(
    url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["-p", url, "stats"]) == 1
    error = capsys.readouterr().err
    scheme = url.split(":")[0].split("+")[0]
    assert f"{scheme} databases are not supported" in error and "postgresql://" in error
    assert PASSWORD not in error and "Traceback" not in error
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("location", [
    f"postgresql://curator:{PASSWORD}@127.0.0.1:1/team",
    f"postgresql+psycopg://curator:{PASSWORD}@127.0.0.1:1/team",
    f"postgresql+asyncpg://curator:{PASSWORD}@127.0.0.1:1/team",
    f"mysql://curator:{PASSWORD}@127.0.0.1:1/team",
    f"not a url://curator:{PASSWORD}@host/team",
])
def test_a_password_never_appears_in_any_output_of_a_failing_command(
    location: str, tmp_path: Path, sample_source: Path
) -> None:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
                   "XDG_CONFIG_HOME": str(tmp_path / "config"),
                   "XDG_DATA_HOME": str(tmp_path / "data")}
    for command in (["stats"], ["documents"], ["export", str(tmp_path / "x.json")],
                    ["import", str(sample_source)], ["remove-document", "1"]):
        result = subprocess.run(
            [sys.executable, "-m", "curator", "-p", location, *command],
            capture_output=True, text=True, timeout=120, env=environment, cwd=tmp_path,
        )
        assert result.returncode == 1, result.stdout
        assert PASSWORD not in result.stdout + result.stderr
        assert "Traceback" not in result.stderr
        assert "***" in result.stderr


def test_the_window_keeps_no_password_in_its_title_messages_or_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("pytestqt")
    from curator.ui import messages

    shown: list[str] = []
    monkeypatch.setattr(messages, "report_error",
                        lambda _p, title, text: shown.append(title + text))
    url = f"postgresql://curator:{PASSWORD}@127.0.0.1:1/team"
    assert main([url, "--exit-when-shown"]) == 1
    assert shown and all(PASSWORD not in text for text in shown)
    assert PASSWORD not in "".join(capsys.readouterr())
    config = Path(os.environ["XDG_CONFIG_HOME"])
    for path in config.rglob("*"):
        if path.is_file():
            assert PASSWORD.encode() not in path.read_bytes()


def test_a_working_team_url_is_shown_without_its_password(new_postgres_url: str) -> None:
    from sqlalchemy.engine import make_url

    from curator.store.database import ProjectDatabase

    with_password = make_url(new_postgres_url).set(password=PASSWORD)
    assert PASSWORD not in shown_location(with_password.render_as_string(hide_password=False))
    database = ProjectDatabase.open(new_postgres_url)
    try:
        assert PASSWORD not in database.location
    finally:
        database.close()
