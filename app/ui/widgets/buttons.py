"""Buttons in the house style: primary (the one action a form exists for) and link-like."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget


def primary_button(text: str, accessible_name: str, parent: QWidget | None = None) -> QPushButton:
    button = QPushButton(text, parent)
    button.setProperty("primary", True)
    button.setAccessibleName(accessible_name)
    return button


def secondary_button(text: str, accessible_name: str, parent: QWidget | None = None) -> QPushButton:
    button = QPushButton(text, parent)
    button.setAccessibleName(accessible_name)
    button.setAutoDefault(False)  # Enter should trigger the form's primary action, not this
    return button


def link_button(text: str, accessible_name: str, parent: QWidget | None = None) -> QPushButton:
    button = QPushButton(text, parent)
    button.setProperty("link", True)
    button.setAccessibleName(accessible_name)
    button.setAutoDefault(False)
    return button
