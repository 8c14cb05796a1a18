"""The message catalog every layer speaks through: `_()`, `N_()`, `ngettext()`.

English (the source text) until `curator.languages.set_language` hands over a catalog; the
domain itself reads no files. Messages are translated when they are made, so a service's
error is in the language chosen at the time it is raised.
"""

from __future__ import annotations

import gettext

SOURCE_LANGUAGE = "en"

_catalog: gettext.NullTranslations = gettext.NullTranslations()
_language = SOURCE_LANGUAGE


def use_catalog(catalog: gettext.NullTranslations, language: str) -> None:
    """Speak `language` from now on, with `catalog` (NullTranslations for English)."""
    global _catalog, _language
    _catalog, _language = catalog, language


def current_language() -> str:
    """The language messages are translated into: "en" or a locale name such as "zh_CN"."""
    return _language


def _(message: str) -> str:
    """`message` in the current language (itself when the catalog lacks it)."""
    return _catalog.gettext(message)


def N_(message: str) -> str:  # noqa: N802 - gettext's name for "mark, translate later"
    """Mark `message` for extraction only; translate it with `_()` where it is shown."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for `count`, in the current language."""
    return _catalog.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """`message` as meant in `context` (a word that reads differently elsewhere)."""
    return _catalog.pgettext(context, message)
