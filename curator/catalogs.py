"""Keeping the translation catalogs: extract Curator's strings, merge them into each
language's `.po`, compile the `.mo` files the program loads, and say what is missing.

Run: uv run python -m curator.catalogs update   (then translate, then `compile`)
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from curator.languages import DOMAIN, LANGUAGES, locale_dir

PACKAGE_DIR = Path(__file__).resolve().parent
# gettext's names, plus Qt's: self.tr("…"), the panels' _tr("…") helpers,
# QT_TRANSLATE_NOOP("Context", "…") and QCoreApplication.translate("Context", "…").
KEYWORDS: dict[str, object] = {
    **DEFAULT_KEYWORDS,
    "tr": {1: (1,)},
    "_tr": {1: (1,)},
    "QT_TRANSLATE_NOOP": {2: (2,)},
    "translate": {2: (2,)},
}
_BRACES = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")
_PERCENT = re.compile(r"%%|%(\([a-z_]+\))?[-#0 +]*\d*(?:\.\d+)?[sdrifx]")

MessageKey = str | tuple[str, str]  # msgid, or (singular, plural)


def extract(root: Path = PACKAGE_DIR) -> Catalog:
    """Every string of Curator marked for translation, as a fresh template."""
    template = Catalog(project="Curator", domain=DOMAIN, charset="utf-8")
    for label in _domain_labels():
        template.add(label, None, [("curator/domain/records.py", 0)],
                     auto_comments=["A label of the data model, shown with _() by the window"])
    for field_context, value in _vocabulary_values():
        template.add(value, None, [("curator/domain/records.py", 0)], context=field_context,
                     auto_comments=["A vocabulary value, stored in English; the window shows "
                                    "this translation"])
    for filename, lineno, message, comments, context in extract_from_dir(
        str(root), method_map=[("**.py", "python")], keywords=KEYWORDS,  # type: ignore[arg-type]
        comment_tags=("Translators:",), strip_comment_tags=True,
    ):
        template.add(message, None, [(f"curator/{filename}", lineno)],
                     auto_comments=comments, context=context)
    return template


def _domain_labels() -> list[str]:
    """The data model's labels (kinds, statuses, fields, relations): English in exports,
    translated where the window shows them."""
    from curator.domain.records import _COMMON_LABELS, DETAIL_FIELDS, RecordKind, ReviewStatus
    from curator.domain.relations import RelationKind

    labels = [label for kind in RecordKind for label in (kind.label, kind.plural_label)]
    labels += [status.label for status in ReviewStatus] + list(_COMMON_LABELS.values())
    labels += [spec.label for specs in DETAIL_FIELDS.values() for spec in specs]
    labels += [kind.spec.label for kind in RelationKind]
    return list(dict.fromkeys(labels))


def _vocabulary_values() -> list[tuple[str, str]]:
    """(context, value) of every value of the data model's vocabularies (event types,
    organization kinds)."""
    from curator.domain.records import DETAIL_FIELDS, VOCABULARY_CONTEXTS

    return list(dict.fromkeys(
        (VOCABULARY_CONTEXTS[spec.name], choice) for specs in DETAIL_FIELDS.values()
        for spec in specs if spec.name in VOCABULARY_CONTEXTS for choice in spec.choices
        if choice))


def po_path(language: str) -> Path:
    """A language's editable catalog."""
    return locale_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(language: str) -> Catalog:
    """A language's `.po` as babel reads it."""
    with po_path(language).open("rb") as file:
        return read_po(file, locale=language, domain=DOMAIN)


def translated_languages() -> list[str]:
    """The languages with a catalog (all but the source language)."""
    return [language for language in LANGUAGES if language != "en"]


def update(template: Catalog | None = None) -> None:
    """Merge a fresh extraction into each `.po` (new strings empty, gone ones dropped)."""
    template = template or extract()
    for language in translated_languages():
        path = po_path(language)
        if path.exists():
            catalog = read_catalog(language)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            catalog = Catalog(locale=language, domain=DOMAIN, project="Curator")
        created = catalog.creation_date  # kept, so an update without changes changes nothing
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        catalog.creation_date = created
        _write_po(catalog, path)


def _write_po(catalog: Catalog, path: Path) -> None:
    buffer = BytesIO()
    write_po(buffer, catalog, width=100, include_lineno=False, sort_output=True,
             ignore_obsolete=True)
    path.write_bytes(buffer.getvalue())


def compile_catalogs() -> None:
    """Write each language's `.mo` from its `.po` (fuzzy and empty entries left out)."""
    for language in translated_languages():
        catalog = read_catalog(language)
        buffer = BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        po_path(language).with_suffix(".mo").write_bytes(buffer.getvalue())


def placeholders(text: str) -> list[str]:
    """The `{name}` and `%s`/`%(name)s` placeholders in a message, sorted."""
    found = [match.group(0) for match in _BRACES.finditer(text) if match.group(1) is not None]
    found += [match.group(0) for match in _PERCENT.finditer(text) if match.group(0) != "%%"]
    return sorted(found)


def _forms(message: Message) -> tuple[list[str], list[str]]:
    ids = list(message.id) if isinstance(message.id, (list, tuple)) else [message.id]
    strings = message.string
    texts = list(strings) if isinstance(strings, (list, tuple)) else [strings or ""]
    return ids, texts


def problems(catalog: Catalog, template: Catalog) -> list[str]:
    """Strings of the template the catalog does not translate, and translations whose
    placeholders differ from their source's."""
    found: list[str] = []
    for wanted in template:
        if not wanted.id:
            continue
        message = catalog.get(wanted.id, wanted.context)
        ids, texts = _forms(message) if message is not None else (_forms(wanted)[0], [])
        if message is None or message.fuzzy or not texts or not all(texts):
            found.append(f"untranslated: {ids[0]!r}")
            continue
        expected = placeholders(ids[-1])
        for text in texts:
            if placeholders(text) != expected:
                found.append(f"placeholders of {ids[0]!r}: {placeholders(text)} in {text!r}, "
                             f"not {expected}")
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """`update`: extract and merge; `compile`: write the .mo files; `check`: list problems."""
    command = (list(argv) if argv is not None else sys.argv[1:] or ["check"])[0]
    template = extract()
    if command == "update":
        update(template)
    elif command == "compile":
        compile_catalogs()
    elif command != "check":
        print("usage: python -m curator.catalogs update|compile|check", file=sys.stderr)
        return 2
    found = _all_problems(translated_languages(), template)
    for line in found:
        print(line)
    print(f"{len(template) - 1} strings; {len(found)} problems", file=sys.stderr)
    return 1 if found and command == "check" else 0


def _all_problems(languages: Iterable[str], template: Catalog) -> list[str]:
    return [f"{language}: {problem}" for language in languages
            for problem in problems(read_catalog(language), template)]


if __name__ == "__main__":
    sys.exit(main())
