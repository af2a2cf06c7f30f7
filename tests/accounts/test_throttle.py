"""Throttling that holds across workers, on each shared store (database and Redis).

Redis comes from tests/redis.sh (make test runs the suite under it); without
QUIZAPP_TEST_REDIS_URL the Redis half fails rather than skips, so a missing server
cannot pass unnoticed.
"""

import os
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from limits import parse

from quizapp import create_app
from quizapp.accounts import throttle
from quizapp.extensions import db, limiter

from .conftest import PASSWORD, login

REDIS_URL = os.environ.get("QUIZAPP_TEST_REDIS_URL")


@pytest.fixture(params=["database", "redis"])
def store(request) -> str:
    if request.param == "database":
        return "database://"
    if not REDIS_URL:
        pytest.fail("QUIZAPP_TEST_REDIS_URL is not set: run under tests/redis.sh "
                    "(make test does)")
    import redis

    # A database of its own per parallel test process: each test empties the one it uses.
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    url = make_url_with_db(REDIS_URL, 1 + int(worker.removeprefix("gw") or 0) % 15)
    redis.Redis.from_url(url).flushdb()
    return url


def make_url_with_db(url: str, number: int) -> str:
    """The Redis URL with its database number replaced."""
    base, _, last = url.rpartition("/")
    return f"{base}/{number}" if last.isdigit() else f"{url.rstrip('/')}/{number}"


@pytest.fixture
def throttled_app(store, world, loaded_app):
    """The world's database, served by an app counting in the given store."""
    app = create_app({**loaded_app.config, "RATELIMIT_STORAGE_URI": store})
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def _client(app, *, address="10.0.0.1"):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def test_wrong_guesses_from_anywhere_stop_at_the_account_limit(throttled_app):
    statuses = [login(_client(throttled_app, address=f"10.0.1.{n}"), "student",
                      "wrong password").status_code for n in range(7)]
    assert statuses == [401] * 5 + [429] * 2
    # From a device that never logged in, even the right password waits now.
    assert login(_client(throttled_app, address="10.0.2.1"), "student").status_code == 429


def test_the_owners_known_device_logs_in_while_the_account_is_under_attack(throttled_app):
    owner = _client(throttled_app, address="192.168.1.5")
    assert login(owner, "student").status_code == 303
    assert owner.get_cookie(throttle.DEVICE_COOKIE) is not None
    owner.post("/logout", data={"csrf_token": _token(owner)})
    for n in range(12):
        login(_client(throttled_app, address=f"10.0.3.{n}"), "student", "wrong password")
    assert login(_client(throttled_app, address="10.0.3.99"), "student").status_code == 429
    # The same address as the attacker does not matter either: the device is known.
    owner.environ_base["REMOTE_ADDR"] = "10.0.3.1"
    assert login(owner, "student").status_code == 303


def test_a_forged_device_cookie_counts_as_an_unknown_device(throttled_app):
    for n in range(5):
        login(_client(throttled_app, address=f"10.0.4.{n}"), "student", "wrong password")
    forger = _client(throttled_app, address="10.0.4.50")
    forger.set_cookie(throttle.DEVICE_COOKIE, "eyJkIjoieCIsInUiOlszXX0.forged")
    assert login(forger, "student").status_code == 429


def test_guesses_across_accounts_stop_at_the_address_limit(throttled_app):
    client = _client(throttled_app, address="10.0.5.1")
    statuses = [login(client, f"someone{n}", "wrong password").status_code for n in range(31)]
    assert statuses == [401] * 30 + [429]
    # Another address is not held up by it.
    assert login(_client(throttled_app, address="10.0.5.2"), "rstudent").status_code == 303


def test_a_class_logging_in_together_from_one_address_is_not_throttled(throttled_app):
    with throttled_app.app_context():
        from quizapp.accounts.services import NewAccount, register

        for n in range(40):
            register(NewAccount(username=f"pupil{n}", display_name=f"Pupil {n}",
                                password=PASSWORD))
        db.session.remove()
    statuses = [login(_client(throttled_app, address="10.0.6.1"), f"pupil{n}").status_code
                for n in range(40)]
    assert statuses == [303] * 40


def test_counters_are_exact_under_concurrent_increments(throttled_app):
    """Eight threads, each with its own connection, as eight workers would be."""
    key = f"test/{uuid.uuid4().hex}"
    item = parse("1000 per minute")

    def hit(_n):
        with throttled_app.app_context():
            limiter.limiter.hit(item, key)

    with throttled_app.app_context():
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(hit, range(200)))
        assert limiter.limiter.get_window_stats(item, key).remaining == 800


def test_registration_limit_is_shared(throttled_app):
    from .conftest import GOOD

    def register(n):
        client = _client(throttled_app, address="10.0.7.1")
        token = _token(client, "/register")
        return client.post("/register", data={**GOOD, "username": f"new{n}",
                                              "csrf_token": token}).status_code

    assert [register(n) for n in range(11)] == [303] * 10 + [429]


def _token(client, path="/"):
    from ..people import csrf_token

    return csrf_token(client, path)


def test_expired_counters_are_pruned(loaded_app, monkeypatch):
    monkeypatch.setattr(throttle, "PRUNE_EVERY", 10**9)  # no pruning by chance meanwhile
    with loaded_app.app_context():
        storage = throttle.DatabaseStorage()
        storage.incr("old", expiry=-1)
        storage.incr("current", expiry=60)
        assert throttle.prune() == 1
        assert storage.get("old") == 0 and storage.get("current") == 1
        # Counting prunes too, now and then (here: every time).
        storage.incr("old", expiry=-1)
        monkeypatch.setattr(throttle, "PRUNE_EVERY", 1)
        storage.incr("current", expiry=60)
        assert throttle.prune() == 0 and storage.get("current") == 2


def test_a_per_process_store_is_refused_outside_tests():
    with pytest.raises(RuntimeError, match="not shared between workers"):
        create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://",
                    "RATELIMIT_STORAGE_URI": "memory://"})



def test_logins_work_with_rate_limits_turned_off(world, loaded_app):
    """The benchmark turns limits off (its simulated students share one address)."""
    app = create_app({**loaded_app.config, "RATELIMIT_ENABLED": False})
    assert login(_client(app), "student").status_code == 303
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
