"""Configuration: the one place environment variables are read."""

import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _shipped(folder: str) -> Path:
    """A folder an installed wheel carries inside the package, else the source tree's."""
    packaged = Path(__file__).resolve().parent / folder
    return packaged if packaged.is_dir() else PROJECT_ROOT / folder


def _secret_key(instance_path: Path) -> str:
    """SECRET_KEY from the environment, else one generated once and kept in instance/."""
    if key := os.environ.get("SECRET_KEY"):
        return key
    key_file = instance_path / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    instance_path.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    # Created with owner-only permissions before anything is written to it.
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as out:
        out.write(key)
    return key


def queue_settings(instance_path: Path) -> dict[str, Any]:
    """The job queue's storage: Redis when the deployment has it, else a SQLite file.

    JOBS_REDIS_URL, else REDIS_URL, else the rate limiter's redis:// URL: a deployment
    that already shares counters through Redis shares its queue there too. Without Redis
    the queue is a SQLite file under instance/ (JOBS_QUEUE_FILE), which every worker and
    process on this machine shares.
    """
    redis_url = os.environ.get("JOBS_REDIS_URL") or os.environ.get("REDIS_URL")
    limiter_uri = os.environ.get("RATELIMIT_STORAGE_URI", "")
    if not redis_url and limiter_uri.startswith(("redis://", "rediss://")):
        redis_url = limiter_uri
    return {
        "redis_url": redis_url or None,
        "sqlite_file": os.environ.get("JOBS_QUEUE_FILE")
        or str(instance_path / "jobs.sqlite3"),
    }


def load(app: Flask, overrides: dict[str, Any] | None) -> None:
    """Defaults, then the environment, then the caller's overrides (tests)."""
    overrides = overrides or {}
    app.config.update(DEFAULTS)
    app.config.update(from_environment(Path(app.instance_path), overrides))
    app.config.update(overrides)
    if (str(app.config.get("SQLALCHEMY_DATABASE_URI", "")).startswith("sqlite")
            and "SQLALCHEMY_ENGINE_OPTIONS" not in overrides):
        # A pre-ping (a SELECT 1 on every checkout, i.e. every request) finds a server
        # that dropped the connection; a SQLite file never does.
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {
            **app.config["SQLALCHEMY_ENGINE_OPTIONS"], "pool_pre_ping": False}


def from_environment(instance_path: Path, overrides: Mapping[str, Any]) -> dict[str, Any]:
    """Settings read from the environment (the secret key only when none is given)."""
    database_url = os.environ.get("DATABASE_URL")
    if not database_url and "SQLALCHEMY_DATABASE_URI" not in overrides:
        instance_path.mkdir(parents=True, exist_ok=True)  # SQLite creates no folders
        database_url = f"sqlite:///{instance_path / 'quizapp.sqlite3'}"
    # Heroku-style URLs name the dialect "postgres"; SQLAlchemy wants psycopg 3.
    if database_url and database_url.startswith("postgres://"):
        database_url = "postgresql+psycopg://" + database_url.removeprefix("postgres://")
    settings = {
        "QUESTIONS_DIR": os.environ.get("QUESTIONS_DIR", str(PROJECT_ROOT / "questions")),
        "SESSION_COOKIE_SECURE": os.environ.get("SESSION_COOKIE_SECURE", "") == "1",
        # Where rate-limit counters live: a Redis URL (redis://host:port/db), or the app's
        # own database by default. Either is shared by every worker and server;
        # memory:// is not (each process would count alone) and is refused.
        "RATELIMIT_STORAGE_URI": os.environ.get("RATELIMIT_STORAGE_URI", "database://"),
        # Only the benchmark turns rate limits off (its simulated students share an address).
        "RATELIMIT_ENABLED": os.environ.get("RATELIMIT_ENABLED", "1") != "0",
        # Jobs run at once in the request that starts them, with no worker: for a set-up
        # that wants no queue at all (tests do this too).
        "JOBS_IMMEDIATE": os.environ.get("JOBS_IMMEDIATE", "") == "1",
        # How many proxies in front of the app set X-Forwarded-For/-Proto (0: none).
        "PROXY_COUNT": int(os.environ.get("PROXY_COUNT", "0") or 0),
    }
    if database_url:
        settings["SQLALCHEMY_DATABASE_URI"] = database_url
    if "SECRET_KEY" not in overrides:
        settings["SECRET_KEY"] = _secret_key(instance_path)
    return settings


DEFAULTS = {
    "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "MAX_CONTENT_LENGTH": 16 * 1024 * 1024,
    "BABEL_DEFAULT_LOCALE": "ar",
    "BABEL_DEFAULT_TIMEZONE": "UTC",
    "BABEL_TRANSLATION_DIRECTORIES": str(_shipped("translations")),
    "LANGUAGES": ("ar", "en"),
    "SQLITE_BUSY_TIMEOUT_MS": 15_000,
    "MAX_BANK_BYTES": 16 * 1024 * 1024,
    # A bank written in the browser: pasted or uploaded, shown back line by line. Both
    # limits keep its check, dry run and two-language preview near a second (200 questions
    # of the shipped banks' size: 250 kB, about 1 s); a bigger bank is split, or loaded
    # with `flask bank load` (MAX_BANK_BYTES, no question limit).
    "UPLOAD_MAX_BANK_BYTES": 512 * 1024,
    "UPLOAD_MAX_QUESTIONS": 200,
    # A check that still runs after this many seconds (a loaded server) stops and says so.
    "UPLOAD_CHECK_SECONDS": 5,
    # What one teacher may keep: banks (retired ones count), and revisions per bank (on
    # publishing, the oldest beyond this many are deleted).
    "MAX_BANKS_PER_TEACHER": 200,
    "MAX_KEPT_REVISIONS": 100,
    # A teacher's own document: the file uploaded, the text kept (about 15,000 words of
    # Arabic), and how many documents one teacher keeps.
    "DOCUMENT_MAX_BYTES": 2 * 1024 * 1024,
    "DOCUMENT_MAX_CHARS": 100_000,
    "MAX_DOCUMENTS_PER_TEACHER": 200,
    # A file imported from Moodle, GIFT, a spreadsheet or Anki: its size, its questions,
    # and for an .apkg (a zip) its members and their total size once expanded.
    "IMPORT_MAX_BYTES": 2 * 1024 * 1024,
    "IMPORT_MAX_QUESTIONS": 1000,
    "IMPORT_MAX_MEMBERS": 50,
    "IMPORT_MAX_EXPANDED_BYTES": 50 * 1024 * 1024,
    # Flask's default (500 kB) would refuse a pasted bank well under the limit above.
    "MAX_FORM_MEMORY_SIZE": 4 * 1024 * 1024,
    "MIGRATIONS_DIR": str(_shipped("migrations")),
    "SESSION_IDLE_SECONDS": 2 * 3600,
    "SESSION_LIFETIME_SECONDS": 24 * 3600,
    "PERMANENT_SESSION_LIFETIME": 24 * 3600,
    # Re-signing and re-sending the cookie on every request costs each request time; the
    # idle timeout already rewrites it once a minute while someone is active (seen_at).
    "SESSION_REFRESH_EACH_REQUEST": False,
    "RATELIMIT_LOGIN_ADDRESS": "30 per minute;200 per hour",
    "RATELIMIT_LOGIN_ACCOUNT": "5 per minute;30 per hour",
    "RATELIMIT_REGISTER": "10 per hour",
    # Joining through a class's invite link skips the address limit above (a school
    # shares one address) but is bounded per class, and by the class size.
    "RATELIMIT_CLASS_INVITE": "60 per hour",
    "CLASS_SIZE_CAP": 100,
    # Accounts a teacher creates from one pasted or uploaded roster.
    "ROSTER_MAX_ROWS": 100,
    # Saving account settings (an email change among them), per account.
    "RATELIMIT_SETTINGS": "20 per hour",
    # Quizzes an account may start: each one stores a row, so a script could fill the
    # database; a class taking quizzes all lesson stays far below it.
    "RATELIMIT_START_QUIZ": "60 per hour",
    "RATELIMIT_HEADERS_ENABLED": True,
    # argon2id's cost (accounts/passwords.py); only the tests make it cheaper.
    "PASSWORD_HASHING": {"time_cost": 2, "memory_cost": 32 * 1024, "parallelism": 1},
    # Background jobs (core/jobs.py). A bank of more questions or bytes than these is
    # checked and published by a job with a progress page; a smaller one at once.
    "JOB_BANK_QUESTIONS": 200,
    "JOB_BANK_BYTES": 256 * 1024,
    # What a bank checked by a job may hold (the command line's MAX_BANK_BYTES bounds it).
    "JOB_MAX_BANK_QUESTIONS": 5000,
    "JOB_MAX_BANK_BYTES": 4 * 1024 * 1024,
    # A file to import larger than this (and any Anki package) is imported by a job.
    "JOB_IMPORT_BYTES": 256 * 1024,
    # A class of more students than this exports its results through a job.
    "JOB_EXPORT_STUDENTS": 60,
    # A student's memory model is fitted again after this many new reviews (and monthly).
    "MEMORY_REFIT_REVIEWS": 200,
    # FSRS spreads due dates a little so cards learnt together do not stay together.
    "FSRS_FUZZING": True,
    # Rendered fragments (a bank's questions, a document's text) kept per process, keyed
    # by content hash (core/fragments.py): at most this many characters (about 64 MB).
    "FRAGMENT_CACHE_CHARS": 32 * 1024 * 1024,
}
