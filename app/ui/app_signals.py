"""Application-wide notifications between parts of the UI that do not know each other."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppSignals(QObject):
    setting_changed = Signal(str)  # the OPTIONS key that was saved


_instance: AppSignals | None = None


def app_signals() -> AppSignals:
    global _instance
    if _instance is None:
        _instance = AppSignals()
    return _instance
