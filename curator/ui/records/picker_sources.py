"""What a picker offers: records of one kind (or countries) matching the typed text."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from curator.domain.countries import match_countries
from curator.domain.records import RecordKind
from curator.domain.search_keys import SearchField
from curator.domain.translation import _
from curator.services import browsing, searching
from curator.store.database import ProjectDatabase
from curator.ui.records.picker import PickerEntry

MAX_MATCHES = 30
SEARCH_LIMIT = 100
"""Hits asked of the search, which looks in every kind: enough to fill a list of one kind."""
MAX_SELECTION_SHOWN = 40


def _tr(text: str) -> str:
    return QCoreApplication.translate("PickerSource", text)


def both_names(name_en: str, name_zh: str) -> str:
    """"Zheng Wenkai · 郑文凯", or whichever name there is."""
    return " · ".join(name for name in (name_en, name_zh) if name)


def _shortened(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_SELECTION_SHOWN else text[: MAX_SELECTION_SHOWN - 1] + "…"


class RecordSource:
    """Records of one kind by key or name in either script; then "Create …" entries."""

    def __init__(
        self, database: ProjectDatabase, kind: RecordKind, *,
        selected_text: Callable[[], str] = lambda: "", excluded: frozenset[int] = frozenset(),
    ) -> None:
        self._database = database
        self.kind = kind
        self._selected_text = selected_text
        self._excluded = excluded
        self.placeholder = _tr("Find a {kind} by name, pinyin, acronym or alias…").format(
            kind=_(kind.label).lower())

    def entries(self, text: str) -> list[PickerEntry]:
        """Matching records first, then creating one from the typed text or the selection."""
        found = [entry for entry in self._matches(text.strip())
                 if entry.record_id not in self._excluded]
        typed = " ".join(text.split())
        if typed:
            found.append(PickerEntry(_tr("Create {kind} “{name}”").format(
                kind=_(self.kind.label).lower(), name=typed), create_name=typed))
        selected = self._selected_text().strip()
        if selected:
            found.append(PickerEntry(_tr("Create {kind} from the selection “{text}”").format(
                kind=_(self.kind.label).lower(), text=_shortened(selected)), from_selection=True))
        return found

    def _matches(self, text: str) -> list[PickerEntry]:
        if not text:  # nothing typed yet: the first records of the kind
            summaries = browsing.record_page(self._database, self.kind, text="", offset=0,
                                             limit=MAX_MATCHES)
            return [PickerEntry(f"{summary.key}  {both_names(summary.name_en, summary.name_zh)}",
                                record_id=summary.id) for summary in summaries]
        hits = searching.search(self._database, text, limit=SEARCH_LIMIT).records
        return [
            PickerEntry(f"{hit.key}  {both_names(hit.name_en, hit.name_zh)}",
                        detail=_how_found(hit.field, hit.value), record_id=hit.id)
            for hit in hits if hit.kind is self.kind
        ][:MAX_MATCHES]


def _how_found(field: SearchField, value: str) -> str:
    """What a hit matched when it is not one of the names shown: "alias: Minister Fan"."""
    if field in (SearchField.NAME_EN, SearchField.NAME_ZH):
        return ""
    return f"({_tr(field.value)}: {value})"


class CountrySource:
    """Countries by ISO code or by name in English or Chinese."""

    def __init__(self, *, excluded: frozenset[str] = frozenset()) -> None:
        self._excluded = excluded
        self.placeholder = _tr("Find a country by name (English or 中文) or code…")

    def entries(self, text: str) -> list[PickerEntry]:
        """Countries whose code or names contain the typed text, best matches first."""
        return [PickerEntry(both_names(country.name_en, country.name_zh), detail=country.code,
                            country=country.code)
                for country in match_countries(text.strip())[:MAX_MATCHES]
                if country.code not in self._excluded]
