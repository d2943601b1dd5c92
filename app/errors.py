"""Domain errors with a message a user can read and the CLI's exit code.

Services raise these; the GUI shows ``message`` in a dialog and the CLI prints
it as one line and exits with ``exit_code`` (shared/CLI.md).
"""

from __future__ import annotations


class LotseError(Exception):
    """An expected failure with a user-facing message."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(LotseError):
    """The call was wrong: a missing option, an unknown field."""

    exit_code = 2


class AuthenticationError(LotseError):
    """Wrong password, recovery code or team passphrase."""

    exit_code = 3


class DataError(LotseError):
    """A corrupt or tampered file, something not found, a vault that exists."""

    exit_code = 4


class ValidationError(DataError):
    """Input that breaks a rule of the case file (a birth date in the future …)."""


class NotFoundError(DataError):
    """A case, agency or file that does not exist."""


class PolicyError(LotseError):
    """Refused by policy: no valid consent, a retention rule, a legal hold."""

    exit_code = 5
