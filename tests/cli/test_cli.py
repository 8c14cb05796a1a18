"""The headless command line: import, export, stats and errors a user can read."""

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from curator.cli import main


def test_import_then_stats_as_json(tmp_path: Path, sample_source: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "cli.curator"
    assert main(["-p", str(project), "import", str(sample_source)]) == 0
    assert "imported as document 1" in capsys.readouterr().out
    assert main(["-p", str(project), "stats", "--json"]) == 0
    statistics = json.loads(capsys.readouterr().out)
    assert statistics["documents"] == 1
    assert statistics["records"]["event"]["total"] == 0


def test_import_of_a_binary_file_fails_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "data.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    assert main(["-p", str(tmp_path / "p.curator"), "import", str(binary)]) == 1
    error = capsys.readouterr().err
    assert "data.txt" in error and "Traceback" not in error


def test_export_writes_json_with_records_and_evidence(
    tmp_path: Path, sample_source: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from curator.domain.records import RecordKind
    from curator.services.annotating import create_record_from_selection
    from curator.store.database import ProjectDatabase

    project = tmp_path / "cli.curator"
    main(["-p", str(project), "import", str(sample_source)])
    database = ProjectDatabase.open(project)
    text = sample_source.read_text(encoding="utf-8")
    start = text.index("Zheng Wenkai")
    create_record_from_selection(database, RecordKind.PERSON, 1, start, start + 12)
    database.close()
    out = tmp_path / "out.json"
    assert main(["-p", str(project), "export", str(out)]) == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert {"documents", "events", "people", "organizations"} <= exported.keys()
    [person] = exported["people"]
    assert person["key"] == "P-0001"
    assert person["evidence"][0]["quote"] == "Zheng Wenkai"


def test_export_writes_a_workbook(tmp_path: Path, sample_source: Path) -> None:
    project = tmp_path / "cli.curator"
    main(["-p", str(project), "import", str(sample_source)])
    out = tmp_path / "out.xlsx"
    assert main(["-p", str(project), "export", str(out)]) == 0
    assert {"Events", "People", "Organizations", "Evidence"} <= set(
        load_workbook(out).sheetnames)


def test_export_to_an_unknown_format_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["-p", str(tmp_path / "p.curator"), "export", str(tmp_path / "x.pdf")]) == 1
    assert ".xlsx" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_without_a_project_commands_use_the_demo_project(
    capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["documents"] == 1


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert all(command in out for command in ("import", "export", "stats"))


def test_a_file_that_is_not_a_project_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_a_project = tmp_path / "notes.curator"
    not_a_project.write_text("just some notes, not a database\n" * 100)
    assert main(["-p", str(not_a_project), "stats"]) == 1
    error = capsys.readouterr().err
    assert "not a Curator project" in error
    assert "Traceback" not in error and "sqlalche.me" not in error
    assert not_a_project.read_text().startswith("just some notes")


def test_a_database_url_reaches_the_database(tmp_path: Path, sample_source: Path) -> None:
    url = f"sqlite:///{tmp_path / 'by-url.curator'}"
    assert main(["-p", url, "import", str(sample_source)]) == 0
    assert (tmp_path / "by-url.curator").is_file()
    assert not Path("sqlite:").exists()


def test_project_option_may_be_joined_with_equals(
    tmp_path: Path, sample_source: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "joined.curator"
    assert main([f"--project={project}", "import", str(sample_source)]) == 0
    assert main([f"--project={project}", "stats", "--json"]) == 0
    assert '"documents": 1' in capsys.readouterr().out


def test_stats_of_a_missing_project_is_refused_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    typo = tmp_path / "no such folder" / "typo.curator"
    assert main(["-p", str(typo), "stats"]) == 1
    assert "There is no project" in capsys.readouterr().err
    assert not typo.parent.exists()


def test_a_failed_import_into_a_new_project_leaves_no_project_behind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    project = tmp_path / "new.curator"
    assert main(["-p", str(project), "import", str(empty)]) == 1
    assert list(tmp_path.iterdir()) == [empty]
    assert capsys.readouterr().err.count("empty.txt") == 1


def test_documents_are_listed_and_a_wrong_one_removed(
    tmp_path: Path, sample_source: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "docs.curator"
    main(["-p", str(project), "import", str(sample_source)])
    capsys.readouterr()
    assert main(["-p", str(project), "documents"]) == 0
    assert "1\tAnnual Report\tsample-report.txt" in capsys.readouterr().out
    assert main(["-p", str(project), "remove-document", "1"]) == 0
    assert "Removed document 1" in capsys.readouterr().out
    assert main(["-p", str(project), "documents"]) == 0
    assert capsys.readouterr().out == ""


def test_removing_a_document_that_never_was_says_there_is_none(
    tmp_path: Path, sample_source: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "docs.curator"
    main(["-p", str(project), "import", str(sample_source)])
    capsys.readouterr()
    assert main(["-p", str(project), "remove-document", "999"]) == 1
    error = capsys.readouterr().err
    assert "There is no document 999 in this project" in error
    assert "no longer" not in error


def test_without_a_display_the_window_command_explains_what_to_do(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from curator.ui import app

    for variable in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(app.sys, "platform", "linux")
    assert "xvfb-run" in (app._missing_display() or "")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert app._missing_display() is None


def test_a_project_path_through_a_file_is_refused_without_a_traceback(
    tmp_path: Path, sample_source: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("I am a file, not a folder")
    assert main(["-p", str(blocker / "p.curator"), "import", str(sample_source)]) == 1
    error = capsys.readouterr().err
    assert "Cannot create the project" in error and "Traceback" not in error


def test_file_names_and_titles_are_printed_with_control_characters_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tricky = tmp_path / "fake\n2\tForged row\x1b[31m.txt"
    tricky.write_text("A bulletin\n\nDelegation visited Lima in 2013.\n", encoding="utf-8")
    project = tmp_path / "p.curator"
    assert main(["-p", str(project), "import", str(tricky)]) == 0
    imported = capsys.readouterr().out
    assert imported.count("\n") == 1 and "\x1b" not in imported
    assert "fake\\n2\\tForged row\\x1b[31m.txt" in imported
    assert main(["-p", str(project), "documents"]) == 0
    [row] = capsys.readouterr().out.splitlines()
    assert row.split("\t")[2] == "fake\\n2\\tForged row\\x1b[31m.txt"
