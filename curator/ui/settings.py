"""The window's remembered settings, declared once with types (behind QSettings)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings


class WindowSettings:
    """Geometry and panel sizes of the main window, kept between runs."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings("Curator", "Curator")

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) else None

    @property
    def geometry(self) -> QByteArray | None:
        """Saved window geometry, if any."""
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._settings.setValue("window/geometry", value)

    @property
    def splitter_state(self) -> QByteArray | None:
        """Saved sizes of the three panels, if any."""
        return self._bytes("window/splitter")

    @splitter_state.setter
    def splitter_state(self, value: QByteArray) -> None:
        self._settings.setValue("window/splitter", value)

    @property
    def language(self) -> str:
        """The language chosen in Preferences ("en", "zh_CN"), or "" to follow the system."""
        value = self._settings.value("ui/language", "")
        return value if isinstance(value, str) else ""

    @language.setter
    def language(self, value: str) -> None:
        self._settings.setValue("ui/language", value)
