"""Rate limits every worker and server shares, and login throttling that spares the owner.

Counters live in Redis when RATELIMIT_STORAGE_URI names it, else in the database
(``database://``, the default): a per-process store would let each gunicorn worker count
on its own and multiply every limit by the number of workers.

Logins are throttled per guesser, not per account: a device that logged in to an account
before carries a signed cookie saying so, and its attempts count against that device
alone. Everyone else's attempts count against their address and against the account's
"unknown devices" budget, so guessing from elsewhere cannot lock the owner out.
"""

import hashlib
import random
import secrets
import time
from dataclasses import dataclass, field

from flask import Request, Response, abort, current_app
from itsdangerous import BadSignature, URLSafeSerializer
from limits import RateLimitItem, parse_many
from limits.storage import Storage
from sqlalchemy import Float, Integer, String, Table, case, delete, select, text
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Mapped, mapped_column

from ..database import IMMEDIATE
from ..extensions import Model, db, limiter
from .models import User

DEVICE_COOKIE = "known_device"
DEVICE_COOKIE_SALT = "login-device"
DEVICE_COOKIE_MAX_AGE = 365 * 24 * 3600
# A shared school computer remembers this many accounts; the oldest is forgotten first.
DEVICE_MAX_ACCOUNTS = 30
# Expired counters are deleted on about one write in this many.
PRUNE_EVERY = 50


class RateLimitCounter(Model):
    """One fixed-window counter: its key names the limit, the window and who is counted."""

    __tablename__ = "rate_limit_counters"

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)
    # Seconds since the epoch: compared with time.time(), the same on every dialect.
    expires_at: Mapped[float] = mapped_column(Float, index=True)


def _counters() -> Table:
    table = RateLimitCounter.__table__
    assert isinstance(table, Table)  # declarative types it as any FromClause
    return table


class DatabaseStorage(Storage):
    """A `limits` storage on the app's database, so Flask-Limiter can use it too."""

    STORAGE_SCHEME = ["database"]

    @property
    def base_exceptions(self) -> type[Exception]:
        return SQLAlchemyError

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        """Add ``amount`` to the key's counter, starting a new window if it had expired.

        One INSERT ... ON CONFLICT DO UPDATE: atomic on SQLite and PostgreSQL alike, so
        concurrent workers never lose a count.
        """
        now = time.time()
        table = _counters()
        with _write_connection() as connection:
            insert = (postgresql_insert if connection.dialect.name == "postgresql"
                      else sqlite_insert)
            expired = table.c.expires_at <= now
            statement = insert(table).values(key=key, count=amount, expires_at=now + expiry)
            upsert = statement.on_conflict_do_update(
                index_elements=[table.c.key],
                set_={"count": case((expired, amount), else_=table.c.count + amount),
                      "expires_at": case((expired, now + expiry), else_=table.c.expires_at)},
            ).returning(table.c.count)
            count = connection.execute(upsert).scalar_one()
            if random.randrange(PRUNE_EVERY) == 0:
                connection.execute(delete(table).where(table.c.expires_at <= now))
        return count

    def get(self, key: str) -> int:
        table = _counters()
        with db.engine.connect() as connection:
            count = connection.scalar(select(table.c.count).where(
                table.c.key == key, table.c.expires_at > time.time()))
        return count or 0

    def get_expiry(self, key: str) -> float:
        table = _counters()
        with db.engine.connect() as connection:
            expires_at = connection.scalar(select(table.c.expires_at).where(table.c.key == key))
        return expires_at or time.time()

    def check(self) -> bool:
        try:
            with db.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except SQLAlchemyError:
            return False
        return True

    def reset(self) -> int | None:
        with _write_connection() as connection:
            return connection.execute(delete(_counters())).rowcount

    def clear(self, key: str) -> None:
        table = _counters()
        with _write_connection() as connection:
            connection.execute(delete(table).where(table.c.key == key))


def prune() -> int:
    """Delete the counters whose window has ended; returns how many."""
    table = _counters()
    with _write_connection() as connection:
        return connection.execute(delete(table).where(table.c.expires_at <= time.time())).rowcount


class _write_connection:
    """A connection of its own, in a write transaction (BEGIN IMMEDIATE on SQLite).

    Its own connection so that counting never commits or rolls back the request's work.
    """

    def __enter__(self):
        self._connection = db.engine.connect().execution_options(**{IMMEDIATE: True})
        self._transaction = self._connection.begin()
        return self._connection

    def __exit__(self, kind, value, traceback):
        try:
            if kind is None:
                self._transaction.commit()
            else:
                self._transaction.rollback()
        finally:
            self._connection.close()


# --- Limits by name -------------------------------------------------------------------

def limits(setting: str) -> list[RateLimitItem]:
    return parse_many(current_app.config[setting])


@dataclass
class Hits:
    """Counters hit for one attempt, so a success can give them back."""

    taken: list[tuple[RateLimitItem, tuple[str, ...]]] = field(default_factory=list)
    allowed: bool = True

    def hit(self, items: list[RateLimitItem], *identifiers: str) -> None:
        for item in items:
            self.taken.append((item, identifiers))
            if not limiter.limiter.hit(item, *identifiers):
                self.allowed = False

    def give_back(self) -> None:
        """Undo these hits: the attempt was not one the limit is meant to stop."""
        for item, identifiers in self.taken:
            limiter.storage.incr(item.key_for(*identifiers), item.get_expiry(), amount=-1)
        self.taken.clear()


def take(setting: str, *identifiers: str) -> Hits:
    """Hit the named limits for these identifiers; 429 when any is used up."""
    if not current_app.config["RATELIMIT_ENABLED"]:
        return Hits()
    hits = Hits()
    hits.hit(limits(setting), *identifiers)
    if not hits.allowed:
        abort(429)
    return hits


# --- Logins ---------------------------------------------------------------------------

def device_key(user: User) -> str:
    """How a device cookie names an account: its id and a digest of its own secret.

    The id alone could name a later account given the same id; the secret's digest
    (not the secret, which the session id carries) never does.
    """
    digest = hashlib.sha256(f"device:{user.session_token}".encode()).hexdigest()[:20]
    return f"{user.id}.{digest}"


@dataclass
class Device:
    """What the signed device cookie says: a random id and the accounts it logged in to."""

    device_id: str
    account_keys: list[str]

    def knows(self, user: User | None) -> bool:
        return user is not None and device_key(user) in self.account_keys


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=DEVICE_COOKIE_SALT)


def device_of(request: Request) -> Device | None:
    value = request.cookies.get(DEVICE_COOKIE)
    if not value:
        return None
    try:
        payload = _serializer().loads(value)
        device = Device(str(payload["d"]), [str(key) for key in payload["u"]])
    except (BadSignature, KeyError, TypeError, ValueError):
        return None
    return device


def remember_device(response: Response, device: Device | None, user: User) -> None:
    """Add the account to the device cookie (a new device id when there was none)."""
    device = device or Device(secrets.token_urlsafe(16), [])
    key = device_key(user)
    keys = [k for k in device.account_keys if k != key][-(DEVICE_MAX_ACCOUNTS - 1):]
    value = _serializer().dumps({"d": device.device_id, "u": [*keys, key]})
    response.set_cookie(DEVICE_COOKIE, value, max_age=DEVICE_COOKIE_MAX_AGE, httponly=True,
                        samesite="Lax", secure=current_app.config["SESSION_COOKIE_SECURE"])


def login_attempt(address: str, account_key: str, user: User | None,
                  device: Device | None) -> Hits:
    """Count a password attempt; 429 when the guesser has used up its budget.

    Args:
        address: the client's address.
        account_key: the normalised username typed (the account may not exist).
        user: the account, when it exists.
        device: the request's device cookie, if any.
    """
    if device is not None and user is not None and device.knows(user):
        # The owner's own device: only its own attempts count against it.
        return take("RATELIMIT_LOGIN_ACCOUNT", "login-device", str(user.id), device.device_id)
    hits = Hits()
    if current_app.config["RATELIMIT_ENABLED"]:
        hits.hit(limits("RATELIMIT_LOGIN_ADDRESS"), "login-address", address)
        hits.hit(limits("RATELIMIT_LOGIN_ACCOUNT"), "login-account", account_key)
        if not hits.allowed:
            abort(429)
    return hits
