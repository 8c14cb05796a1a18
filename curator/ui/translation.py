"""Qt speaks Curator's language: its tr() calls answered from the gettext catalog, and Qt's
own texts (standard buttons, file dialogs, context menus) from Qt's `qtbase` translations."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from curator.domain.translation import _, current_language, pgettext

# Qt's own classes (QDialogButtonBox, QFileDialog…) are answered by qtbase_*.qm, not by us.
_QT_CONTEXT = re.compile(r"Q[A-Z]")


class CatalogTranslator(QTranslator):
    """Answers `tr()` and `QCoreApplication.translate()` from the gettext catalog in use.

    The catalog has no Qt contexts (the same words read the same in every class); a
    disambiguation, where one is given, is the gettext context.
    """

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        """Never empty: the catalog decides string by string."""
        return False

    def translate(self, context: str, source_text: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        """The catalog's translation, or None (a null string: Qt asks the next translator,
        then keeps the source text; an empty string would blank the text)."""
        if not source_text or _QT_CONTEXT.match(context or ""):
            return None
        translated = pgettext(disambiguation, source_text) if disambiguation else _(source_text)
        return translated if translated != source_text else None


def qt_translations_dir() -> str:
    """Where PySide6 keeps Qt's own .qm translations."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def install_translators(app: QCoreApplication) -> list[QTranslator]:
    """Install translators for the language in use (curator.languages.set_language chose it)
    and make it Qt's default locale; returns them so they can be removed again."""
    language = current_language()
    if QLocale().name().split("_")[0] != language.split("_")[0]:  # dates, numbers in widgets
        QLocale.setDefault(QLocale(language))
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{language}", qt_translations_dir()):
        installed.append(qt_own)
    installed.append(CatalogTranslator(app))
    for translator in installed:
        app.installTranslator(translator)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Take translators out again (tests that switched language); Qt's locale back to the
    system's."""
    for translator in translators:
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale.system())
