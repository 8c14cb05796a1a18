"""The house rules of docs/architecture.md, checked on the source: imports point inwards only."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "curator"

FORBIDDEN: dict[str, tuple[str, ...]] = {
    "domain": ("PySide6", "sqlalchemy", "sqlmodel", "alembic", "openpyxl", "curator.store",
               "curator.services", "curator.ui", "curator.ingest", "curator.exchange",
               "curator.identity"),
    "store": ("PySide6", "openpyxl", "curator.services", "curator.ui", "curator.ingest",
              "curator.exchange"),
    "ingest": ("PySide6", "sqlalchemy", "sqlmodel", "curator.store", "curator.services",
               "curator.ui"),
    "identity": ("PySide6", "sqlalchemy", "sqlmodel", "curator.store", "curator.services",
                 "curator.ui"),
    "suggest": ("PySide6", "sqlalchemy", "sqlmodel", "curator.store", "curator.services",
                "curator.ui", "curator.ingest", "curator.exchange", "curator.identity"),
    "exchange": ("PySide6", "sqlalchemy", "sqlmodel", "curator.store", "curator.services",
                 "curator.ui"),
    "services": ("PySide6", "curator.ui"),
    "ui": ("sqlalchemy", "sqlmodel", "alembic", "curator.store.tables",
           "curator.store.records", "curator.store.documents", "curator.store.evidence",
           "curator.store.removal", "curator.store.revisions"),
}


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _violations(layer: str, root: Path = PACKAGE) -> list[str]:
    found = set()
    for path in sorted((root / layer).rglob("*.py")):
        for module in _imported_modules(path):
            for forbidden in FORBIDDEN[layer]:
                if module == forbidden or module.startswith(forbidden + "."):
                    found.add(f"{path.relative_to(root)} imports {forbidden}")
    return sorted(found)


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_only_what_lies_inwards(layer: str) -> None:
    assert _violations(layer) == []


def test_rules_catch_qt_in_the_domain(tmp_path: Path) -> None:
    (tmp_path / "domain").mkdir()
    (tmp_path / "domain" / "bad.py").write_text("from PySide6.QtCore import QObject\n")
    assert _violations("domain", tmp_path) == ["domain/bad.py imports PySide6"]
