"""The technical log for unexpected errors: app_home()/logs/lotse.log.

An exception's message can carry client data (a name in a failed query, a
note in a validation error), so the log records only the exception's type and
the code locations of its traceback (file, line, function) — never the
message, never local variables, never source lines that could echo input.
"""

from __future__ import annotations

import contextlib
import logging
import os
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from app.settings import app_home
from app.storage.files import make_private_dir

LOGGER_NAME = "lotse"
MAX_BYTES = 512 * 1024
BACKUPS = 3


class PrivateRotatingFileHandler(RotatingFileHandler):
    """Every log file, also the one opened after a rotation, is readable by its owner only."""

    def _open(self):
        stream = super()._open()
        with contextlib.suppress(OSError):  # a file system without modes (FAT) keeps its own
            os.chmod(self.baseFilename, 0o600)
        return stream


def log_path() -> Path:
    return app_home() / "logs" / "lotse.log"


def describe_exception(exc_type: type[BaseException], exc: BaseException | None,
                       tb: TracebackType | None) -> str:
    """Type names and frames of the exception and its causes; no messages."""
    lines: list[str] = []
    seen: set[int] = set()
    current_type, current, current_tb = exc_type, exc, tb
    while True:
        lines.append(f"{current_type.__module__}.{current_type.__qualname__}")
        for frame in traceback.extract_tb(current_tb):
            lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
        if current is None:
            break
        seen.add(id(current))
        cause = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
        if cause is None or id(cause) in seen:
            break
        lines.append("caused by / while handling:")
        current_type, current, current_tb = type(cause), cause, cause.__traceback__
    return "\n".join(lines)


def log_unexpected(exc_type: type[BaseException], exc: BaseException | None,
                   tb: TracebackType | None) -> Path:
    """Append one entry for an unexpected error and return the log file's path."""
    logger = _logger()
    logger.error("Unexpected error: %s", describe_exception(exc_type, exc, tb))
    for handler in logger.handlers:
        handler.flush()
    return log_path()


def _logger() -> logging.Logger:
    logger = logging.getLogger(LOGGER_NAME)
    path = log_path()
    # LOTSE_HOME may change between tests: keep exactly one handler on the current file.
    current = [h for h in logger.handlers if isinstance(h, RotatingFileHandler)]
    if current and Path(current[0].baseFilename) == path:
        return logger
    for handler in current:
        logger.removeHandler(handler)
        handler.close()
    make_private_dir(path.parent)
    handler = PrivateRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False  # nothing from here reaches a console or another handler
    return logger
