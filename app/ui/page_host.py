"""The stack of pages: each made on its first visit and kept for the session."""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QWidget

from app.storage.vault import Vault
from app.ui.error_dialogs import show_error
from app.ui.pages import PageSpec
from app.ui.pages.placeholder import PlaceholderPage
from app.ui.pages.protocol import allows_close, notify_locked, notify_unlocked


class PageHost(QStackedWidget):
    def __init__(self, specs: list[PageSpec], vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageArea")
        self._specs = {spec.key: spec for spec in specs}
        self._pages: dict[str, QWidget] = {}
        self.vault = vault

    def page(self, key: str) -> QWidget:
        """The page for ``key``, made now if this is its first visit."""
        if key not in self._pages:
            self._pages[key] = self._make(self._specs[key])
            self.addWidget(self._pages[key])
        return self._pages[key]

    def show_page(self, key: str) -> QWidget:
        page = self.page(key)
        self.setCurrentWidget(page)
        return page

    def created_pages(self) -> dict[str, QWidget]:
        return dict(self._pages)

    def current_key(self) -> str | None:
        current = self.currentWidget()
        return next((key for key, page in self._pages.items() if page is current), None)

    def notify_locked(self) -> None:
        for page in self._pages.values():
            notify_locked(page)

    def notify_unlocked(self, vault: Vault) -> None:
        self.vault = vault
        for page in self._pages.values():
            notify_unlocked(page, vault)

    def allow_close(self) -> bool:
        return all(allows_close(page) for page in self._pages.values())

    def _make(self, spec: PageSpec) -> QWidget:
        try:
            return spec.factory(self.vault)
        except Exception as exc:  # a broken page must not take the window down with it
            show_error(self.window(), exc)
            from app.i18n import _

            return PlaceholderPage(_(spec.label), _("This page could not be opened."), spec.icon)
