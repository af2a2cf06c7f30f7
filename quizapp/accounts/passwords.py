"""Password hashing (argon2id) and the rules a new password must meet."""

from functools import cache
from importlib.resources import files

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from flask import current_app, has_app_context
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext

MIN_LENGTH = 8
MAX_LENGTH = 128

# OWASP's minimum for argon2id is m=19 MiB, t=2, p=1; these are above it, and cost about
# 50 ms a hash on one core here: slow for guessing, quick enough for a class logging in.
# The app's PASSWORD_HASHING setting can only change them for tests (config.DEFAULTS).
PRODUCTION_PARAMETERS = {"time_cost": 2, "memory_cost": 32 * 1024, "parallelism": 1}


@cache
def _hasher(time_cost: int, memory_cost: int, parallelism: int) -> tuple[PasswordHasher, str]:
    hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_cost,
                            parallelism=parallelism)
    # Hashed once so that a login for an unknown name costs as much as for a real one.
    return hasher, hasher.hash("a password nobody has")


def hasher() -> tuple[PasswordHasher, str]:
    """The hasher of the current app's parameters, with its dummy hash."""
    parameters = (current_app.config.get("PASSWORD_HASHING", PRODUCTION_PARAMETERS)
                  if has_app_context() else PRODUCTION_PARAMETERS)
    return _hasher(**parameters)


@cache
def common_passwords() -> frozenset[str]:
    text = files(__package__).joinpath("common-passwords.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def password_problem(password: str):
    """Why a new password is refused, as a lazy message; None when it is acceptable."""
    if len(password) < MIN_LENGTH:
        return lazy_ngettext("Use at least %(num)s character.",
                             "Use at least %(num)s characters.", MIN_LENGTH)
    if len(password) > MAX_LENGTH:
        return lazy_ngettext("Use at most %(num)s character.",
                             "Use at most %(num)s characters.", MAX_LENGTH)
    if password.casefold() in common_passwords():
        return _l("This password is one of the most common ones. Choose another.")
    return None


def hash_password(password: str) -> str:
    return hasher()[0].hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when the password matches; checks a dummy hash when there is no account."""
    password_hasher, dummy_hash = hasher()
    try:
        matches = password_hasher.verify(password_hash or dummy_hash, password)
        return matches and bool(password_hash)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return hasher()[0].check_needs_rehash(password_hash)
