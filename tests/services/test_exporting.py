"""Exporting through the service: progress reported, cancelling leaves the target alone."""

from pathlib import Path

import pytest

from curator.domain.records import RecordKind
from curator.errors import ExportFailed, OperationCancelled
from curator.services.exporting import check_export_target, export_project
from curator.store.database import ProjectDatabase
from curator.store.records import create_record


def _people(database: ProjectDatabase, count: int) -> None:
    with database.unit_of_work() as session:
        for n in range(count):
            create_record(session, RecordKind.PERSON, user="u", name_en=f"Person {n}")


@pytest.mark.parametrize("suffix", [".xlsx", ".json"])
def test_progress_rises_to_the_total(database: ProjectDatabase, tmp_path: Path,
                                     suffix: str) -> None:
    _people(database, 450)
    reports: list[tuple[int, int]] = []
    export_project(database, tmp_path / f"out{suffix}",
                   progress=lambda done, total: reports.append((done, total)))
    dones = [done for done, _ in reports]
    assert dones == sorted(dones) and reports[-1][0] == reports[-1][1]


@pytest.mark.parametrize("suffix", [".xlsx", ".json"])
def test_cancelling_leaves_the_previous_export_untouched(
    database: ProjectDatabase, tmp_path: Path, suffix: str
) -> None:
    _people(database, 450)
    target = tmp_path / f"out{suffix}"
    target.write_bytes(b"previous export")

    def cancel(_done: int, _total: int) -> None:
        raise OperationCancelled("stopped")

    with pytest.raises(OperationCancelled):
        export_project(database, target, progress=cancel)
    assert target.read_bytes() == b"previous export"
    left = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("test.curator"))
    assert left == ["out" + suffix]  # the export's scratch files are gone too


def test_an_unknown_format_is_refused_before_any_work() -> None:
    with pytest.raises(ExportFailed, match=r"\.xlsx, \.json, \.zip"):
        check_export_target(Path("report.pdf"))
