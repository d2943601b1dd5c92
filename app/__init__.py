"""Lotse: offline, encrypted case files for integration case management."""

__version__ = "0.1.0"
