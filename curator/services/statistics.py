"""Project statistics: documents, and records by kind and status."""

from __future__ import annotations

from dataclasses import dataclass

from curator.domain.records import RecordKind, ReviewStatus
from curator.store.database import ProjectDatabase
from curator.store.documents import count_documents
from curator.store.evidence import count_evidence
from curator.store.records import counts_by_kind_and_status


@dataclass(frozen=True)
class ProjectStatistics:
    """Counts a curator or a script wants at a glance."""

    documents: int
    evidence: int
    records: dict[RecordKind, dict[ReviewStatus, int]]

    def as_json(self) -> dict[str, object]:
        """The statistics as plain JSON-ready values."""
        return {
            "documents": self.documents,
            "evidence": self.evidence,
            "records": {
                kind.value: {
                    "total": sum(by_status.values()),
                    **{status.value: n for status, n in by_status.items()},
                }
                for kind, by_status in self.records.items()
            },
        }


def project_statistics(database: ProjectDatabase) -> ProjectStatistics:
    """Count documents, evidence spans and records by kind and status."""
    with database.unit_of_work() as session:
        return ProjectStatistics(
            documents=count_documents(session),
            evidence=count_evidence(session),
            records=counts_by_kind_and_status(session),
        )
