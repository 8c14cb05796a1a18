"""The command line: `curator [PROJECT]` opens the window; subcommands work headless."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from curator.errors import CuratorError, ImportRefused

if TYPE_CHECKING:
    from curator.store.database import ProjectDatabase

COMMANDS = ("open", "import", "export", "stats", "documents", "remove-document")


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="curator",
        usage="%(prog)s [PROJECT]\n       %(prog)s [-p PROJECT] COMMAND ...",
        description="Curate events, people and organizations from source documents.",
        epilog="Without a command, curator opens the window on PROJECT (default: the demo).",
    )
    parser.add_argument(
        "-p", "--project", metavar="PROJECT",
        help="project file (created if missing) or database URL; default: the demo project",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    open_command = commands.add_parser("open", help="open the window (the default)")
    open_command.add_argument("project_file", nargs="?", metavar="PROJECT")
    open_command.add_argument("--exit-when-shown", action="store_true", help=argparse.SUPPRESS)

    import_command = commands.add_parser("import", help="import .txt, .md or .html files")
    import_command.add_argument("files", nargs="+", type=Path, metavar="FILE")

    export_command = commands.add_parser("export", help="export to an .xlsx or .json file")
    export_command.add_argument("output", type=Path, metavar="OUT")

    stats_command = commands.add_parser("stats", help="count documents and records by status")
    stats_command.add_argument("--json", action="store_true", help="print JSON for scripts")

    commands.add_parser("documents", help="list the project's documents")
    remove_command = commands.add_parser(
        "remove-document", help="remove a document no evidence quotes (e.g. a wrong import)"
    )
    remove_command.add_argument("document_id", type=int, metavar="ID")
    return parser


def _with_default_command(argv: Sequence[str]) -> list[str]:
    """Insert `open` where no command is named, so `curator [PROJECT]` opens the window."""
    args = list(argv)
    index = 0
    while index < len(args):
        token = args[index]
        if token in ("-p", "--project"):
            index += 2
        elif token.startswith("--project=") or (token.startswith("-p") and token != "-p"):
            index += 1
        else:
            break
    if index < len(args) and args[index] in ("-h", "--help"):
        return args
    if index < len(args) and args[index] in COMMANDS:
        return args
    return [*args[:index], "open", *args[index:]]


def _open_project(location: str | None, *, create: bool = False) -> ProjectDatabase:
    from curator.services.projects import open_project

    return open_project(location, create=create)


def _run_import(arguments: argparse.Namespace) -> int:
    from curator.ingest import read_source
    from curator.services.importing import store_source

    database: ProjectDatabase | None = None  # a new project is made once a file has been read
    failures = 0
    for path in arguments.files:
        try:
            source = read_source(path)
            if database is None:
                database = _open_project(arguments.project, create=True)
            outcome = store_source(database, path, source)
        except ImportRefused as error:
            print(f"curator: {error}", file=sys.stderr)
            failures += 1
            continue
        state = "already in the project" if outcome.already_present else "imported"
        sections = "1 section" if outcome.section_count == 1 else (
            f"{outcome.section_count} sections")
        print(f"{path}: {state} as document {outcome.document_id} "
              f"({outcome.title!r}, {sections})")
    return 1 if failures else 0


def _terminal_progress(label: str) -> Callable[[int, int], None]:
    """A one-line progress bar on stderr (Ctrl+C stops the work)."""

    def show(done: int, total: int) -> None:
        share = done / total if total else 1.0
        bar = "#" * int(share * 30)
        print(f"\r{label} [{bar:<30}] {share:4.0%}", end="", file=sys.stderr, flush=True)

    return show


def _run_export(arguments: argparse.Namespace) -> int:
    from curator.services.exporting import check_export_target, export_project

    check_export_target(arguments.output)  # before opening the project: a typo costs nothing
    progress = None
    if sys.stderr.isatty():
        progress = _terminal_progress(f"Writing {arguments.output.name}")
    snapshot = export_project(_open_project(arguments.project), arguments.output,
                              progress=progress)
    if progress is not None:
        print(file=sys.stderr)
    counts = ", ".join(f"{len(v)} {k.plural_label.lower()}" for k, v in snapshot.records.items())
    print(f"Exported {counts} to {arguments.output}")
    return 0


def _run_stats(arguments: argparse.Namespace) -> int:
    from curator.services.statistics import project_statistics

    statistics = project_statistics(_open_project(arguments.project))
    if arguments.json:
        print(json.dumps(statistics.as_json(), ensure_ascii=False, indent=2))
        return 0
    print(f"Documents: {statistics.documents}")
    print(f"Evidence spans: {statistics.evidence}")
    for kind, by_status in statistics.records.items():
        detail = ", ".join(f"{status.value} {n}" for status, n in by_status.items() if n)
        total = sum(by_status.values())
        print(f"{kind.plural_label}: {total}" + (f" ({detail})" if detail else ""))
    return 0


def _run_documents(arguments: argparse.Namespace) -> int:
    from curator.services.browsing import documents

    for info in documents(_open_project(arguments.project)):
        print(f"{info.id}\t{info.title}\t{info.source_name}\t{info.encoding}\t"
              f"{info.length:,} characters")
    return 0


def _run_remove_document(arguments: argparse.Namespace) -> int:
    from curator.services.importing import remove_document

    removed = remove_document(_open_project(arguments.project), arguments.document_id)
    print(f"Removed document {removed.id} ({removed.title!r}, from {removed.source_name}).")
    return 0


def _run_open(arguments: argparse.Namespace) -> int:
    from curator.ui.app import run_app

    return run_app(
        arguments.project_file or arguments.project,
        exit_when_shown=arguments.exit_when_shown,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `curator` command; returns the exit status."""
    arguments = _build_parser().parse_args(
        _with_default_command(sys.argv[1:] if argv is None else argv)
    )
    runners = {"open": _run_open, "import": _run_import, "export": _run_export,
               "stats": _run_stats, "documents": _run_documents,
               "remove-document": _run_remove_document}
    try:
        return runners[arguments.command](arguments)
    except CuratorError as error:
        print(f"curator: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("curator: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
