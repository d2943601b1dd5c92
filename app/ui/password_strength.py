"""A rough password strength estimate for the hint under a new-password field.

Not a policy (the vault only requires the minimum length): it nudges people
towards long passphrases. The estimate is the length times the bits of the
character classes used, with common passwords and repetitions marked weak
and anything shorter than 12 characters at most "fair".
"""

from __future__ import annotations

import math
import string
from dataclasses import dataclass

from app.i18n import N_
from app.storage.vault import MIN_PASSWORD_LENGTH

# Passwords people pick first, in English and German office life.
COMMON = {
    "password", "passwort", "12345678", "123456789", "1234567890", "qwertzui", "qwertyui",
    "qwertz123", "qwerty123", "iloveyou", "sommer2024", "sommer2025", "sommer2026",
    "winter2025", "winter2026", "hallo123", "passwort1", "password1", "lotse123", "abcdefgh",
}

GOOD_LENGTH = 12
LABELS = (N_("Too short"), N_("Weak"), N_("Fair"), N_("Good"), N_("Strong"))


@dataclass(frozen=True)
class Strength:
    level: int  # 0 too short … 4 strong
    label: str  # untranslated; show with _()


def estimate(password: str) -> Strength:
    if len(password) < MIN_PASSWORD_LENGTH:
        return Strength(0, LABELS[0])
    lowered = password.lower()
    if lowered in COMMON or len(set(password)) <= 3:
        return Strength(1, LABELS[1])
    pool = 0
    if any(c in string.ascii_lowercase for c in password):
        pool += 26
    if any(c in string.ascii_uppercase for c in password):
        pool += 26
    if any(c in string.digits for c in password):
        pool += 10
    if any(not c.isalnum() for c in password):
        pool += 33
    if any(ord(c) > 127 and c.isalpha() for c in password):
        pool += 30  # umlauts and other letters widen the alphabet too
    bits = len(password) * math.log2(max(pool, 2))
    if bits < 45:
        level = 1
    elif bits < 60:
        level = 2
    elif bits < 80:
        level = 3
    else:
        level = 4
    if len(password) < GOOD_LENGTH:
        level = min(level, 2)  # short passwords with a digit and a "!" are still guessed quickly
    return Strength(level, LABELS[level])
