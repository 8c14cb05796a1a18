"""The command line: `curator [PROJECT]` opens the window; subcommands work headless."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from curator.domain.text_safety import escape_for_terminal
from curator.domain.translation import _
from curator.errors import CuratorError, ImportRefused, ProjectMissing
from curator.paths import PROJECT_SUFFIX, demo_project_path

if TYPE_CHECKING:
    from curator.domain.records import RecordKind
    from curator.exchange.preview import CorrectionPreview
    from curator.exchange.snapshot import ExportFilter
    from curator.store.database import ProjectDatabase

COMMANDS = ("open", "import", "export", "import-workbook",
            "stats", "documents", "remove-document", "rename-document",
            "check", "copy", "duplicates", "suggest", "search")
USAGE_ERROR = 2


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="curator",
        usage="%(prog)s [--create] [PROJECT]\n       %(prog)s [-p PROJECT] COMMAND ...",
        description=_("Curate events, people and organizations from source documents."),
        epilog=_("Without a command, curator opens the window on PROJECT (default: "
                 "the demo). A PROJECT that does not exist is made only when asked: "
                 "the window offers to create it, --create makes it at once, and "
                 "import makes it when -p names a file ending in {suffix}. A "
                 "database URL's password is never shown; give it through ~/.pgpass "
                 "or PGPASSWORD instead of the URL.").format(suffix=PROJECT_SUFFIX),
    )
    parser.add_argument(
        "-p", "--project", metavar="PROJECT",
        help=_("project file or database URL (postgresql://user@host/dbname); default: the "
               "demo project"),
    )
    create_help = _("create PROJECT if it does not exist")
    parser.add_argument("--create", action="store_true", help=create_help)
    # A command's own usage line reads "curator [-p PROJECT] suggest [-h] …", not the main
    # parser's two-line usage with the command glued on.
    commands = parser.add_subparsers(dest="command", metavar="COMMAND",
                                     prog="curator [-p PROJECT]")

    open_command = commands.add_parser("open", help=_("open the window (the default)"))
    open_command.add_argument("project_file", nargs="?", metavar="PROJECT")
    # SUPPRESS: an option given before the command is not reset by the command's default.
    open_command.add_argument("--create", action="store_true", default=argparse.SUPPRESS,
                              help=create_help)
    open_command.add_argument("--exit-when-shown", action="store_true", help=argparse.SUPPRESS)

    import_command = commands.add_parser(
        "import", help=_(".txt, .md, .html, .docx or .pdf files, or folders of them "
                         "(makes a new -p NAME{PROJECT_SUFFIX})").format(
                           PROJECT_SUFFIX=PROJECT_SUFFIX))
    import_command.add_argument("files", nargs="+", type=Path, metavar="FILE",
                                help=_("a file, or a folder: its readable files are imported "
                                       "and the others listed as skipped"))
    import_command.add_argument("--create", action="store_true", default=argparse.SUPPRESS,
                                help=create_help)

    export_command = commands.add_parser(
        "export", help=_("export to an .xlsx or .json file, or CSV files (a .zip or a folder)"))
    export_command.add_argument("output", type=Path, metavar="OUT")
    export_command.add_argument(
        "--status", action="append", default=[], metavar="STATUS",
        choices=["suggested", "draft", "needs review", "approved", "rejected"],
        help=_("only records of this status (repeatable)"))
    export_command.add_argument(
        "--kind", action="append", default=[], metavar="KIND",
        choices=["event", "person", "organization"],
        help=_("only records of this kind: event, person, organization (repeatable)"))

    workbook_command = commands.add_parser(
        "import-workbook", help=_("bring back corrections made in an exported workbook "
                                  "(.xlsx), after showing what they change"))
    workbook_command.add_argument("file", type=Path, metavar="FILE")
    workbook_command.add_argument("--yes", action="store_true",
                                  help=_("apply without asking (conflicts keep the project's "
                                         "side unless --take-workbook names them)"))
    workbook_command.add_argument("--dry-run", action="store_true",
                                  help=_("only print what would change"))
    workbook_command.add_argument("--json", action="store_true",
                                  help=_("print the preview as JSON for scripts"))
    workbook_command.add_argument("--delete", action="store_true",
                                  help=_("delete the records whose rows are gone from the "
                                         "workbook"))
    workbook_command.add_argument("--take-workbook", action="append", default=[], metavar="KEY",
                                  help=_("for this conflicting row take the workbook's values "
                                         "(repeatable; 'all' for every one)"))

    stats_command = commands.add_parser("stats", help=_("count documents and records by status"))
    stats_command.add_argument("--json", action="store_true", help=_("print JSON for scripts"))

    commands.add_parser("documents", help=_("list the project's documents"))
    remove_command = commands.add_parser(
        "remove-document", help=_("remove a document no evidence quotes (e.g. a wrong import)")
    )
    remove_command.add_argument("document_id", type=int, metavar="ID")
    rename_command = commands.add_parser("rename-document", help=_("give a document a new title"))
    rename_command.add_argument("document_id", type=int, metavar="ID")
    rename_command.add_argument("title", metavar="TITLE")
    check_command = commands.add_parser(
        "check", help=_("look for damage; exit status 1 when something is wrong (read-only)"))
    check_command.add_argument("--quick", action="store_true",
                               help=_("only the checks the window runs when it opens a project"))
    copy_command = commands.add_parser(
        "copy", help=_("copy a whole project to a new file or an empty database (either way "
                       "between a .curator file and postgresql://…)"))
    copy_command.add_argument("source", metavar="FROM")
    copy_command.add_argument("target", metavar="TO")
    duplicates_command = commands.add_parser(
        "duplicates", help=_("list people and organizations that may be one (read-only)"))
    duplicates_command.add_argument("--json", action="store_true", help=_("print JSON for "
                                                                          "scripts"))
    duplicates_command.add_argument("--kind", choices=("person", "organization"),
                                    help=_("only this kind (default: both)"))
    suggest_command = commands.add_parser(
        "suggest", help=_("pre-annotate documents: suggested events, people and organizations"))
    suggest_command.add_argument("document_ids", nargs="*", type=int, metavar="DOCUMENT",
                                 help=_("document ids as `documents` lists them (default: all)"))
    search_command = commands.add_parser(
        "search", help=_("find records by any name, alias, field or pinyin, and passages"))
    search_command.add_argument("query", metavar="QUERY")
    search_command.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    search_command.add_argument("--limit", type=int, default=50, metavar="N",
                                help=_("at most N records and N passages (default 50)"))
    return parser


class UnknownCommand(Exception):
    """A word where a command belongs that names no command (nor, plausibly, a project)."""


def _looks_like_a_project(token: str) -> bool:
    """Whether a word in command position is meant as a project: a path, a URL or a file."""
    return ("/" in token or "\\" in token or token.endswith(PROJECT_SUFFIX)
            or "://" in token or Path(token).exists())


def _with_default_command(argv: Sequence[str]) -> list[str]:
    """Insert `open` where no command is named, so `curator [PROJECT]` opens the window.

    Raises UnknownCommand for a word that is neither a command nor plausibly a project, so a
    typo (`curator sugest`, `curator -p P stat`) is an error rather than a new project.
    """
    args = list(argv)
    index = 0
    project_given = False
    while index < len(args):
        token = args[index]
        if token in ("-p", "--project"):
            index += 2
            project_given = True
        elif token.startswith("--project=") or (token.startswith("-p") and token != "-p"):
            index += 1
            project_given = True
        elif token == "--create":
            index += 1
        else:
            break
    if index >= len(args) or args[index] in COMMANDS or args[index] in ("-h", "--help"):
        return args if index < len(args) else [*args, "open"]
    token = args[index]
    if not token.startswith("-") and (project_given or not _looks_like_a_project(token)):
        raise UnknownCommand(token)
    return [*args[:index], "open", *args[index:]]


@contextmanager
def _project(
    arguments: argparse.Namespace, *, read_only: bool = False, create: bool = False
) -> Iterator[ProjectDatabase]:
    """The project the command acts on, closed afterwards (which removes SQLite's side files)."""
    from curator.services.projects import open_project

    database = open_project(arguments.project, create=create, read_only=read_only)
    _note_upgrade(database)
    try:
        yield database
    finally:
        database.close()


def _note_upgrade(database: ProjectDatabase) -> None:
    """Say where the copy made before upgrading the project's schema is, if one was made."""
    if database.upgrade_backup is not None:
        print("curator: " + _("{project} was upgraded for this version of Curator; a copy as "
                              "it was is at {copy}").format(
            project=_shown(database.location), copy=_shown(database.upgrade_backup)),
            file=sys.stderr)


def _may_create(arguments: argparse.Namespace) -> bool:
    """Whether import may make the project: asked with --create, or -p names a new .curator."""
    project = arguments.project
    return bool(arguments.create) or (project is not None and project.endswith(PROJECT_SUFFIX))


def _run_import(arguments: argparse.Namespace) -> int:
    from curator.ingest import read_source
    from curator.services.importing import files_to_import, store_source
    from curator.services.projects import open_project

    files, skipped = files_to_import(arguments.files)
    for item in skipped:
        print(_("{path}: skipped, {reason}").format(path=_shown(item.path), reason=item.reason))
    if not files:
        _say_error(ImportRefused(_("Nothing to import: no file there is of a type Curator "
                                   "reads (.txt, .md, .html, .docx, .pdf).")))
        return 1
    database: ProjectDatabase | None = None  # a new project is made once a file has been read
    failures = 0
    try:
        for path in files:
            try:
                source = read_source(path)
                if database is None:
                    database = open_project(arguments.project, create=_may_create(arguments))
                    _note_upgrade(database)
                outcome = store_source(database, path, source)
            except ImportRefused as error:
                _say_error(error)
                failures += 1
                continue
            sections = _("1 section") if outcome.section_count == 1 else _(
                "{count} sections").format(count=outcome.section_count)
            print((_("{path}: already in the project as document {id} (“{title}”, {sections})")
                   if outcome.already_present else
                   _("{path}: imported as document {id} (“{title}”, {sections})")).format(
                path=_shown(path), id=outcome.document_id, title=_shown(outcome.title),
                sections=sections))
    finally:
        if database is not None:
            database.close()
    return 1 if failures else 0


def _terminal_progress(label: str) -> Callable[[int, int], None]:
    """A one-line progress bar on stderr (Ctrl+C stops the work)."""

    def show(done: int, total: int) -> None:
        share = done / total if total else 1.0
        bar = "#" * int(share * 30)
        print(f"\r{label} [{bar:<30}] {share:4.0%}", end="", file=sys.stderr, flush=True)

    return show


def _export_filter(arguments: argparse.Namespace) -> ExportFilter:
    """The records `export --status S --kind K` asks for."""
    from curator.domain.records import RecordKind, ReviewStatus
    from curator.exchange.snapshot import ExportFilter

    return ExportFilter(frozenset(map(ReviewStatus, arguments.status)),
                        frozenset(map(RecordKind, arguments.kind)))


def _run_export(arguments: argparse.Namespace) -> int:
    from curator.services.exporting import check_export_target, export_project

    check_export_target(arguments.output)  # before opening the project: a typo costs nothing
    progress = None
    if sys.stderr.isatty():
        progress = _terminal_progress(_("Writing {name}").format(
            name=_shown(arguments.output.name)))
    with _project(arguments, read_only=True) as database:
        written = export_project(database, arguments.output, progress=progress,
                                 choose=_export_filter(arguments))
    if progress is not None:
        print(file=sys.stderr)
    print(_("Exported {counts} to {path}").format(counts=_counted(written),
                                                  path=_shown(arguments.output)))
    return 0


def _counted(counts: dict[RecordKind, int]) -> str:
    """“3 events, 2 people”, in the language in use."""
    return ", ".join(_("{count} {kinds}").format(count=count, kinds=_(kind.plural_label).lower())
                     for kind, count in counts.items())


def _run_import_workbook(arguments: argparse.Namespace) -> int:
    from curator.services.correcting import preview_corrections
    from curator.services.correction_steps import apply_corrections

    progress = None
    if sys.stderr.isatty() and not arguments.json:
        progress = _terminal_progress(_("Reading {name}").format(
            name=_shown(arguments.file.name)))
    with _project(arguments, read_only=arguments.dry_run) as database:
        preview = preview_corrections(database, arguments.file, progress=progress)
        if progress is not None:
            print(file=sys.stderr)
        if arguments.json:
            print(json.dumps(preview.as_json(), ensure_ascii=False, indent=2, default=str))
        else:
            for line in preview.lines():
                print(_shown(line))
        if arguments.dry_run or preview.is_empty:
            return 0
        take = _sides_taken(preview, arguments)
        delete = bool(preview.deleted) and (arguments.delete or (
            not arguments.yes and _ask(_("Also delete {count} record(s) whose rows are gone?")
                                       .format(count=len(preview.deleted)))))
        if not arguments.yes and not _ask(_("Apply these changes?")):
            print(_("Nothing was changed."), file=sys.stderr)
            return 1
        applied = apply_corrections(database, preview, take_workbook=take, delete=delete)
    kept = len(preview.conflicts) - len(take)
    print((_("Applied {count} change(s) from {name}; {kept} conflicting row(s) kept as in the "
             "project.") if kept else _("Applied {count} change(s) from {name}.")).format(
        count=applied.change_count, name=_shown(arguments.file.name), kept=kept),
        file=sys.stderr)
    return 0


def _sides_taken(preview: CorrectionPreview, arguments: argparse.Namespace) -> set[str]:
    """The conflicting keys to take from the workbook: named with --take-workbook (or all),
    else asked one by one at a terminal; without either, the project's side stays."""
    conflicts = [conflict.key for conflict in preview.conflicts]
    named = set(arguments.take_workbook)
    if "all" in named:
        return set(conflicts)
    if named - set(conflicts):
        unknown = ", ".join(sorted(named - set(conflicts)))
        raise CuratorError(_("--take-workbook {keys}: not a conflicting row of this import.")
                           .format(keys=unknown))
    if named or arguments.yes:
        return named
    return {key for key in conflicts
            if _ask(_("{key}: take the workbook's values?").format(key=key))}


def _ask(question: str) -> bool:
    """Ask a yes/no question on the terminal (no answer, or no terminal, is no)."""
    if not sys.stdin.isatty():
        return False
    try:
        answer = input(_("{question} [y/N] ").format(question=question)).strip().lower()
        return answer in ("y", "yes", _("y"), _("yes"))
    except EOFError:
        return False


def _run_stats(arguments: argparse.Namespace) -> int:
    from curator.services.statistics import project_statistics

    with _project(arguments, read_only=True) as database:
        statistics = project_statistics(database)
    if arguments.json:
        print(json.dumps(statistics.as_json(), ensure_ascii=False, indent=2))
        return 0
    print(_("Documents: {count}").format(count=statistics.documents))
    print(_("Evidence spans: {count}").format(count=statistics.evidence))
    for kind, by_status in statistics.records.items():
        detail = ", ".join(_("{status} {count}").format(status=_(status.label).lower(), count=n)
                           for status, n in by_status.items() if n)
        total = sum(by_status.values())
        print(_("{kinds}: {count}").format(kinds=_(kind.plural_label), count=total)
              + (f" ({detail})" if detail else ""))
    return 0


def _run_documents(arguments: argparse.Namespace) -> int:
    from curator.services.browsing import documents

    with _project(arguments, read_only=True) as database:
        listed = documents(database)
    for info in listed:
        print(f"{info.id}\t{_shown(info.title)}\t{_shown(info.source_name)}\t"
              f"{_shown(info.encoding)}\t"
              + _("{count} characters").format(count=f"{info.length:,}"))
    return 0


def _run_duplicates(arguments: argparse.Namespace) -> int:
    from curator.domain.records import RecordKind
    from curator.services.duplicates import DETECTED_KINDS, find_duplicates

    kinds = DETECTED_KINDS if arguments.kind is None else (RecordKind(arguments.kind),)
    with _project(arguments, read_only=True) as database:
        pairs = find_duplicates(database, kinds=kinds)
    if arguments.json:
        print(json.dumps([{
            "score": pair.score, "reason": pair.reason.value, "why": pair.explanation,
            "records": [{"key": side.key, "kind": side.kind.value, "name_en": side.name_en,
                         "name_zh": side.name_zh} for side in (pair.first, pair.second)],
        } for pair in pairs], ensure_ascii=False, indent=2))
        return 0
    for pair in pairs:
        first, second = (" ".join(filter(None, (side.key, side.name_en, side.name_zh)))
                         for side in (pair.first, pair.second))
        print(f"{pair.score}\t{_(pair.reason.label).lower()}\t{_shown(first)}\t"
              f"{_shown(second)}\t{_shown(pair.explanation)}")
    print(_("{count} likely duplicate pair(s)").format(count=len(pairs)), file=sys.stderr)
    return 0


def _run_rename_document(arguments: argparse.Namespace) -> int:
    from curator.services.importing import rename_document

    with _project(arguments) as database:
        title = rename_document(database, arguments.document_id, arguments.title)
    print(_("Document {id} is now titled “{title}”.").format(id=arguments.document_id,
                                                             title=_shown(title)))
    return 0


def _run_copy(arguments: argparse.Namespace) -> int:
    from curator.services.copying import copy_project

    outcome = copy_project(arguments.source, arguments.target)
    counted = ", ".join(label.format(count=outcome.rows[table]) for table, label in (
        ("document", _("{count} documents")), ("record", _("{count} records")),
        ("relation", _("{count} relations")), ("evidence", _("{count} evidence spans")),
        ("revision", _("{count} revisions"))))
    print(_("Copied {source} to {target}: {counted}.").format(
        source=_shown(outcome.source), target=_shown(outcome.target), counted=counted))
    return 0


def _run_check(arguments: argparse.Namespace) -> int:
    from curator.services.checking import check_project

    with _project(arguments, read_only=True) as database:
        result = check_project(database, thorough=not arguments.quick)
    for problem in result.problems:
        print(f"{problem.check}: {_shown(problem.message)}")
    if result.sound:
        print(_("No problems found in {project}.").format(project=_shown(result.location)))
        return 0
    print("curator: " + _("{count} problem(s) found in {project}.").format(
        count=len(result.problems), project=_shown(result.location)), file=sys.stderr)
    return 1


def _run_suggest(arguments: argparse.Namespace) -> int:
    from curator.services.browsing import documents
    from curator.services.suggesting import suggest

    progress = _terminal_progress(_("Suggesting")) if sys.stderr.isatty() else None
    with _project(arguments) as database:
        known = {info.id for info in documents(database)}
        unknown = [str(i) for i in arguments.document_ids if i not in known]
        if unknown:
            print("curator: " + _("no document {ids} in this project; `curator documents` "
                                  "lists them").format(ids=", ".join(unknown)), file=sys.stderr)
            return 1
        report = suggest(database, arguments.document_ids or None, progress=progress)
    if progress is not None:
        print(file=sys.stderr)
    print(_("Suggested in {documents} document(s): {created}; matched {matched} records the "
            "project had; {evidence} evidence spans, {relations} relations, {aliases} aliases "
            "({seconds} s).").format(
        documents=report.documents, created=_counted(report.created),
        matched=sum(report.reused.values()), evidence=report.evidence,
        relations=report.relations, aliases=report.aliases, seconds=f"{report.seconds:.1f}"))
    return 0


def _run_search(arguments: argparse.Namespace) -> int:
    from curator.services.searching import search

    with _project(arguments, read_only=True) as database:
        results = search(database, arguments.query, limit=arguments.limit)
    if arguments.json:
        print(json.dumps(results.as_json(), ensure_ascii=False, indent=2))
        return 0
    for record in results.records:
        names = " / ".join(filter(None, (record.name_en, record.name_zh))) or _("(no name)")
        print(f"{record.key}\t{_shown(names)}\t{_(record.kind.label).lower()}, "
              f"{_(record.status.label).lower()}\t{record.field.value}: {_shown(record.value)}")
    for passage in results.passages:
        snippet = passage.snippet
        print(_("document {id} “{title}” {start}–{end}").format(
            id=passage.document_id, title=_shown(passage.document_title), start=passage.start,
            end=passage.end) + f"\t{_shown(snippet.before)}[{_shown(snippet.hit)}]"
            f"{_shown(snippet.after)}")
    print(_("{records} records, {passages} passages").format(
        records=len(results.records), passages=len(results.passages)), file=sys.stderr)
    return 0


def _run_remove_document(arguments: argparse.Namespace) -> int:
    from curator.services.importing import remove_document

    with _project(arguments) as database:
        removed = remove_document(database, arguments.document_id)
    print(_("Removed document {id} (“{title}”, from {source}).").format(
        id=removed.id, title=_shown(removed.title), source=_shown(removed.source_name)))
    return 0


def _run_open(arguments: argparse.Namespace) -> int:
    from curator.ui.app import run_app

    return run_app(
        arguments.project_file or arguments.project,
        create=arguments.create,
        exit_when_shown=arguments.exit_when_shown,
    )


def _shown(text: object) -> str:
    """A file name, title or message as printed: control characters escaped, never obeyed."""
    return escape_for_terminal(str(text))


def _say_error(error: BaseException) -> None:
    print(f"curator: {_shown(error)}", file=sys.stderr)


def _explain_missing(error: ProjectMissing, arguments: argparse.Namespace) -> str:
    """What to do about a project that is not there, for the command that wanted it."""
    if arguments.command == "import":
        return _("{error} To make it, add --create, or name a file ending in {suffix}: "
                 "curator -p NAME{suffix} import FILE").format(error=error, suffix=PROJECT_SUFFIX)
    return _("{error} Check the name; a new project is made by importing into it: "
             "curator -p NAME{suffix} import FILE").format(error=error, suffix=PROJECT_SUFFIX)


def _speak_system_language() -> None:
    """Messages, help and argparse's own words in the system's language (LANG, LANGUAGE…)."""
    from curator.argparse_texts import speak_through_catalog
    from curator.languages import set_language

    set_language()
    speak_through_catalog()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `curator` command; returns the exit status."""
    _speak_system_language()
    try:
        command_line = _with_default_command(sys.argv[1:] if argv is None else argv)
    except UnknownCommand as unknown:
        print("curator: " + _("“{word}” is not a command. The commands are: {commands} "
                              "(curator --help says more).").format(
            word=_shown(unknown), commands=", ".join(COMMANDS)), file=sys.stderr)
        return USAGE_ERROR
    arguments = _build_parser().parse_args(command_line)
    runners = {"open": _run_open, "import": _run_import, "export": _run_export,
               "import-workbook": _run_import_workbook,
               "stats": _run_stats, "documents": _run_documents, "duplicates": _run_duplicates,
               "remove-document": _run_remove_document,
               "rename-document": _run_rename_document, "check": _run_check,
               "copy": _run_copy,
               "suggest": _run_suggest, "search": _run_search}
    if arguments.project is None and arguments.command not in ("open", "copy"):
        print("curator: " + _("no -p given: using the demo project at {path}").format(
            path=_shown(demo_project_path())),
              file=sys.stderr)
    from curator.log_file import start_logging

    start_logging()
    log = logging.getLogger("curator.cli")
    log.info("Command %s", arguments.command)
    try:
        return runners[arguments.command](arguments)
    except ProjectMissing as error:
        print(f"curator: {_shown(_explain_missing(error, arguments))}", file=sys.stderr)
        return 1
    except CuratorError as error:
        log.warning("%s refused: %s", arguments.command, error)
        _say_error(error)
        return 1
    except KeyboardInterrupt:
        print("curator: " + _("interrupted"), file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
