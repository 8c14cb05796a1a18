"""Which language Curator speaks: the system's or the one chosen, and its catalog loaded.

The catalogs are gettext `.mo` files under `resources/locale/<language>/LC_MESSAGES/`,
compiled from the `.po` files beside them (see the README's "Translating" section).
"""

from __future__ import annotations

import gettext
import locale
import os
from collections.abc import Mapping
from pathlib import Path

from curator.domain.translation import SOURCE_LANGUAGE, current_language, use_catalog
from curator.paths import resources_dir

DOMAIN = "curator"
# Each language by its own name, as a menu of languages shows them.
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
_ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def locale_dir() -> Path:
    """The folder of the catalogs (`<language>/LC_MESSAGES/curator.mo`)."""
    return resources_dir() / "locale"


def supported_language(name: str) -> str | None:
    """The language of ours a locale name asks for ("zh_CN.UTF-8", "zh-Hans", "en_GB"), if any."""
    base = name.split(".")[0].split("@")[0].replace("-", "_")
    if base in ("C", "POSIX"):
        return SOURCE_LANGUAGE
    language = base.split("_")[0].lower()
    if language == "zh":  # the only Chinese catalog is simplified; better than English
        return "zh_CN"
    return language if language in LANGUAGES else None


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the environment asks for, as gettext reads it (LANGUAGE first, then
    LC_ALL, LC_MESSAGES, LANG); the desktop's locale where none is set; else English."""
    environ = os.environ if environ is None else environ
    for variable in _ENVIRONMENT:
        value = environ.get(variable, "")
        if not value:
            continue
        for name in value.split(":") if variable == "LANGUAGE" else [value]:
            if name and (language := supported_language(name)):
                return language
        if variable != "LANGUAGE":  # LC_ALL etc. set to a language we lack: English
            return SOURCE_LANGUAGE
    desktop = locale.getlocale()[0] if environ is os.environ else None
    return (desktop and supported_language(desktop)) or SOURCE_LANGUAGE


def set_language(language: str | None = None) -> str:
    """Speak `language` ("en", "zh_CN"; None or "" for the system's) from now on; returns it."""
    chosen = (language and supported_language(language)) or system_language()
    if chosen == SOURCE_LANGUAGE:
        use_catalog(gettext.NullTranslations(), chosen)
    else:
        use_catalog(gettext.translation(DOMAIN, locale_dir(), [chosen], fallback=True), chosen)
    return chosen


def language_in_use() -> str:
    """The language set last ("en" until set_language is called)."""
    return current_language()
