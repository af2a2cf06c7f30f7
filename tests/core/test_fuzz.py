"""Thousands of mutated requests to every route, as anonymous, student and teacher: none
may answer 5xx or raise. A seeded generator, so a failure replays exactly.

Every rule of ``app.url_map`` is walked; path arguments are real ids and slugs harvested
from the pages (so requests reach deep code) or hostile values (superscript digits,
5,000-digit and 2^63 numbers, NaN, NUL, bidi controls, very long text); forms carry a
valid CSRF token, the field names the pages use, hostile values, the wrong types, signed
tokens swapped between fields, and deeply nested YAML for the bank form.
"""

import io
import logging
import os
import random
import re
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from werkzeug.routing import Rule

from quizapp.extensions import limiter
from tests.people import csrf_token, login, post

# Another seed explores other requests: FUZZ_SEED=7 pytest tests/core/test_fuzz.py
SEED = int(os.environ.get("FUZZ_SEED", "20261201"))
REQUESTS_PER_RULE = 12  # per role and method: ~1,700 requests, and ~600 systematic ones
PROJECT = Path(__file__).resolve().parents[2]

NUMBERS = [
    "0", "-1", "1", "2", "²", "¹²", "١", "٣٫٥", "9" * 5000, str(2**31), str(2**63),
    str(2**64), f"-{2**63}", "1e309", "-1e309", "NaN", "nan", "sNaN", "-sNaN", "inf",
    "-inf", "Infinity", "0.5", "1e-400", "0x1f", "1_000", " 7 ", "7\x00", "٠٫٩٠", "0.97",
]
TEXTS = [
    "", " ", "\x00", "a\x00b", "\u202eevil\u202c", "\u2066x\u2069", "\u200f", "x" * 20_000,
    "😀" * 100, "ﷺ" * 50, "a" + "\u0336" * 60, "<script>alert(1)</script>", "../../etc/passwd",
    "%00", "null", "true", "[]", "{}", "\r\n", "=HYPERLINK(\"x\")", "'; DROP TABLE users;--",
    "ar", "en", "UTC", "Mars/Olympus", "/", "//evil.example", "\\\\evil", "2026-02-30",
    "9999-12-31", "0000-00-00",
]
NESTED_YAML = [
    "[" * 1000 + "]" * 1000,
    "a:\n" + "".join("  " * depth + "b:\n" for depth in range(1, 300)),
    "id: x\ntitle: {ar: \"\\u202e\", en: \"\\0\"}\n",
    "- " * 500 + "x",
    "\x00",
]
# Each of these goes once into every field of every real form, as each role.
SHARP = ["²", "9" * 5000, str(2**63), "sNaN", "a\x00b", "\u202e"]
ANONYMOUS_ONLY = {"accounts.login", "accounts.register"}
SESSION_ENDERS = {"accounts.logout", "accounts.delete"}


@dataclass
class Harvest:
    """What the pages show: field names, hidden-field values and real path arguments."""

    fields: set[str] = field(default_factory=set)
    values: dict[str, set[str]] = field(default_factory=dict)
    path_args: dict[str, set[str]] = field(default_factory=dict)
    # The forms as the pages post them, by endpoint: mutating one field of a real form
    # reaches the code behind the form's first checks.
    forms: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    actions: dict[str, str] = field(default_factory=dict)  # a real path per endpoint

    def read(self, app, html: str) -> None:
        self._read_forms(app, html)
        for name in re.findall(r'name="([^"]+)"', html):
            self.fields.add(name)
        for tag in re.findall(r"<(?:input|button|option)\b[^>]*>", html):
            name = re.search(r'name="([^"]+)"', tag)
            value = re.search(r'value="([^"]*)"', tag)
            if name and value and name.group(1) != "csrf_token":
                self.values.setdefault(name.group(1), set()).add(_unescape(value.group(1)))
        adapter = app.url_map.bind("localhost")
        for href in re.findall(r'(?:href|action)="(/[^"?#]*)', html):
            try:
                _endpoint, args = adapter.match(_unescape(href), method="GET")
            except Exception:  # noqa: BLE001 - a POST-only path or a static file
                try:
                    _endpoint, args = adapter.match(_unescape(href), method="POST")
                except Exception:  # noqa: BLE001
                    continue
            for name, value in args.items():
                self.path_args.setdefault(name, set()).add(str(value))

    def _read_forms(self, app, html: str) -> None:
        adapter = app.url_map.bind("localhost")
        for action, body in re.findall(r'<form[^>]*action="([^"]*)"[^>]*>(.*?)</form>', html,
                                       flags=re.S):
            try:
                endpoint, _args = adapter.match(_unescape(action).split("?")[0],
                                                method="POST")
            except Exception:  # noqa: BLE001 - a GET form or another site
                continue
            values = {}
            for tag in re.findall(r"<(?:input|button|select|textarea)\b[^>]*>", body):
                name = re.search(r'name="([^"]+)"', tag)
                value = re.search(r'value="([^"]*)"', tag)
                if name and name.group(1) != "csrf_token":
                    values.setdefault(name.group(1), _unescape(value.group(1)) if value else "")
            self.forms.setdefault(endpoint, []).append(values)
            self.actions.setdefault(endpoint, _unescape(action))

    @property
    def tokens(self) -> list[str]:
        """Signed values (the quiz's ``shown``, the review's ``payload``...)."""
        return sorted(v for values in self.values.values() for v in values if "." in v
                      and len(v) > 20)


def _unescape(text: str) -> str:
    return (text.replace("&amp;", "&").replace("&#34;", '"').replace("&#39;", "'")
            .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"'))


@dataclass
class Failure:
    role: str
    method: str
    url: str
    data: dict
    status: int
    where: str

    def __str__(self) -> str:
        shown = {k: (v if not isinstance(v, str) or len(v) < 40 else f"{v[:25]!r}…({len(v)})")
                 for k, v in self.data.items() if k != "csrf_token"}
        url = self.url if len(self.url) < 120 else self.url[:80] + f"…({len(self.url)})"
        return f"{self.status} {self.role} {self.method} {url} {shown} -> {self.where}"


class ErrorLog(logging.Handler):
    """Keeps the exception the app's 500 handler logs, to say where it was raised."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.errors: list[BaseException] = []

    def emit(self, record):
        if record.exc_info and record.exc_info[1] is not None:
            self.errors.append(record.exc_info[1])


def where(error: BaseException) -> str:
    """``Type: message at the innermost project frame (file:line)``."""
    frames = [f for f in traceback.extract_tb(error.__traceback__)
              if str(PROJECT / "quizapp") in f.filename]
    place = (f"{Path(frames[-1].filename).relative_to(PROJECT)}:{frames[-1].lineno}"
             if frames else "outside quizapp")
    return f"{type(error).__name__}: {str(error)[:80]} at {place}"


class Fuzzer:
    def __init__(self, app, rng: random.Random, harvest: Harvest):
        self.app, self.rng, self.harvest = app, rng, harvest
        self.failures: list[Failure] = []
        self.sent = 0
        self.log = ErrorLog()

    def path_value(self, rule: Rule, name: str) -> str:
        real = sorted(self.harvest.path_args.get(name, ()))
        converter = type(rule._converters[name]).__name__
        if real and self.rng.random() < 0.5:
            return self.rng.choice(real)
        if converter == "IntegerConverter":
            return self.rng.choice(NUMBERS)
        if converter == "AnyConverter":
            return self.rng.choice(["csv", "xlsx", "pdf", "CSV", ""])
        return self.rng.choice(TEXTS + NUMBERS + ["cultural-centre-beijing", "..", "a/b"])

    def url(self, rule: Rule) -> str:
        parts = []
        for is_argument, piece in rule._trace:
            parts.append(self.path_value(rule, piece) if is_argument else piece)
        path = "".join(parts).split("|", 1)[-1]
        if self.rng.random() < 0.3:
            path += "?" + self.rng.choice(["revision=²", "revision=" + "9" * 5000, "sort=\x00",
                                           "next=//evil", f"revision={2**63}", "page=-1",
                                           "lang=\u202e"])
        return path

    def value(self, name: str):
        pick = self.rng.random()
        if pick < 0.25 and self.harvest.values.get(name):
            return self.rng.choice(sorted(self.harvest.values[name]))
        if pick < 0.35 and self.harvest.tokens:
            return self.rng.choice(self.harvest.tokens)  # a token signed for another field
        if pick < 0.4:
            return [self.rng.choice(TEXTS), self.rng.choice(NUMBERS)]  # the field twice
        if pick < 0.45:
            return (io.BytesIO(self.rng.choice(NESTED_YAML).encode()), "bank.yaml")
        if name in ("text", "file") and pick < 0.6:
            text = self.rng.choice(NESTED_YAML)
            return (io.BytesIO(text.encode()), "bank.yaml") if name == "file" else text
        return self.rng.choice(NUMBERS if pick < 0.75 else TEXTS)

    def form(self, token: str, endpoint: str) -> dict:
        real = self.harvest.forms.get(endpoint)
        if real and self.rng.random() < 0.7:
            form = dict(self.rng.choice(real))
            mutated = self.rng.sample(sorted(form) or ["answer"], k=min(2, len(form) or 1))
            for name in mutated:
                if self.rng.random() < 0.15:
                    form.pop(name, None)
                else:
                    form[name] = self.value(name)
            return {"csrf_token": token, **form}
        names = sorted(self.harvest.fields - {"csrf_token"})
        chosen = self.rng.sample(names, k=min(len(names), self.rng.randint(1, 8)))
        return {"csrf_token": token, **{name: self.value(name) for name in chosen}}

    def send(self, client, role: str, method: str, url: str, data: dict | None) -> None:
        self.sent += 1
        self.log.errors.clear()
        try:
            response = client.open(url, method=method, data=data,
                                   content_type="multipart/form-data" if data else None)
            status = response.status_code
            response.close()
        except Exception as error:  # noqa: BLE001 - the test client re-raised it
            self.failures.append(Failure(role, method, url, data or {}, 0, where(error)))
            return
        if status >= 500:
            cause = where(self.log.errors[-1]) if self.log.errors else "no exception logged"
            self.failures.append(Failure(role, method, url, data or {}, status, cause))


def _client(app, role: str | None):
    client = app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    if role:
        assert login(client, role).status_code == 303
    return client


def _harvest_pages(app, world, harvest: Harvest) -> None:
    """Study, quiz and class pages as each role sees them, with the tokens they sign."""
    slug = "cultural-centre-beijing"
    for role in (None, "student", "teacher"):
        client = _client(app, role)
        for path in ("/", "/login", "/register", f"/banks/{slug}", "/account", "/classes/",
                     "/my-banks", "/my-banks/new", "/progress", "/progress/quizzes",
                     f"/classes/{world.school_class.id}", f"/banks/{slug}/history"):
            harvest.read(app, client.get(path).get_data(as_text=True))
        if role is None:
            continue
        post(client, f"/banks/{slug}/study")
        review = client.get("/review").get_data(as_text=True)
        harvest.read(app, review)
        if question := re.search(r'name="question" value="(\d+)"', review):
            answered = post(client, "/review/answer", {
                "question": question.group(1), "answer": "x",
                "seen": re.search(r'name="seen" value="([^"]*)"', review).group(1),
                "shown": re.search(r'name="shown" value="([^"]*)"', review).group(1)})
            harvest.read(app, answered.get_data(as_text=True))
        quiz = post(client, "/quiz", {"bank": slug})
        if quiz.status_code == 303:
            harvest.read(app, client.get(quiz.headers["Location"]).get_data(as_text=True))
        if role == "teacher":
            class_path = f"/classes/{world.school_class.id}"
            bank_id = sorted(harvest.values.get("bank", {"1"}))[0]
            post(client, f"{class_path}/assignments", {"bank": bank_id})
            link = post(client, f"{class_path}/students/{world.student.id}/reset-link")
            harvest.read(app, link.get_data(as_text=True))
            harvest.read(app, client.get(class_path).get_data(as_text=True))


@pytest.fixture
def fuzz_app(loaded_app, monkeypatch):
    # Throttling is tested on purpose elsewhere; here it would turn requests into 429s.
    monkeypatch.setattr(limiter, "enabled", False)
    return loaded_app


def test_no_request_to_any_route_gets_a_server_error(fuzz_app, world):
    started = time.monotonic()
    harvest = Harvest()
    _harvest_pages(fuzz_app, world, harvest)
    fuzzer = Fuzzer(fuzz_app, random.Random(SEED), harvest)
    fuzz_app.logger.addHandler(fuzzer.log)
    rules = sorted(fuzz_app.url_map.iter_rules(), key=lambda rule: rule.rule)
    try:
        for role in (None, "student", "teacher"):
            client = _client(fuzz_app, role)
            token = csrf_token(client)
            # Rules that end the session go last, so the rest run logged in.
            for rule in sorted(rules, key=lambda r: r.endpoint in SESSION_ENDERS):
                if role and rule.endpoint in ANONYMOUS_ONLY:
                    continue
                for method in sorted(rule.methods & {"GET", "POST"}):
                    for _ in range(REQUESTS_PER_RULE):
                        data = fuzzer.form(token, rule.endpoint) if method == "POST" else None
                        fuzzer.send(client, role or "anonymous", method, fuzzer.url(rule),
                                    data)
                        if role and rule.endpoint in SESSION_ENDERS:
                            client = _client(fuzz_app, role)
                            token = csrf_token(client)
        for role in ("student", "teacher"):
            client = _client(fuzz_app, role)
            token = csrf_token(client)
            for endpoint, forms in sorted(harvest.forms.items()):
                if endpoint in SESSION_ENDERS:
                    continue
                for name in sorted(forms[0]):
                    # ... and the signed tokens, each meant for another field.
                    for value in [*SHARP, *harvest.tokens[:2]]:
                        fuzzer.send(client, role, "POST", harvest.actions[endpoint],
                                    {"csrf_token": token, **forms[0], name: value})
        teacher = _client(fuzz_app, "teacher")
        token = csrf_token(teacher)
        for text in NESTED_YAML:  # every hostile YAML once, through the bank editor
            for action in ("check", "publish"):
                fuzzer.send(teacher, "teacher", "POST", "/my-banks/new",
                            {"csrf_token": token, "text": text, "action": action})
    finally:
        fuzz_app.logger.removeHandler(fuzzer.log)
    elapsed = time.monotonic() - started
    print(f"{fuzzer.sent} requests in {elapsed:.1f}s, {len(fuzzer.failures)} 5xx")
    for failure in fuzzer.failures:
        print(failure)
    assert fuzzer.sent >= 2000
    assert not fuzzer.failures, "\n".join(
        [f"{len(fuzzer.failures)} of {fuzzer.sent} requests failed:"]
        + [str(failure) for failure in fuzzer.failures])
