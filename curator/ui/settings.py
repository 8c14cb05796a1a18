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

    @property
    def source_zoom(self) -> int:
        """Zoom steps of the source text (0: the normal size; each step about 10%)."""
        value = self._settings.value("view/source_zoom", 0)
        try:
            return int(value)  # type: ignore[call-overload]
        except (TypeError, ValueError):  # edited by hand into something else
            return 0

    @source_zoom.setter
    def source_zoom(self, value: int) -> None:
        self._settings.setValue("view/source_zoom", value)

    @property
    def colour_key_shown(self) -> bool:
        """Whether the status bar shows the key of highlight colours."""
        return str(self._settings.value("view/colour_key", "true")).lower() == "true"

    @colour_key_shown.setter
    def colour_key_shown(self, value: bool) -> None:
        self._settings.setValue("view/colour_key", "true" if value else "false")

    @property
    def recent_projects(self) -> list[str]:
        """Projects opened lately, the latest first: paths, or URLs without a password."""
        value = self._settings.value("files/recent_projects", [])
        if isinstance(value, str):  # QSettings gives a one-item list back as a string
            return [value]
        return [str(item) for item in value] if isinstance(value, list) else []

    @recent_projects.setter
    def recent_projects(self, value: list[str]) -> None:
        self._settings.setValue("files/recent_projects", value)
