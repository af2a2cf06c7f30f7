"""Two app servers, one PostgreSQL, one Redis: whichever server answers, it is one app.

Run it through bench/two_servers.sh, which starts the throwaway PostgreSQL and Redis of
tests/postgres.sh and tests/redis.sh and runs this with their URLs. It creates a
database, starts two gunicorn instances on PORT_A and PORT_B (5101, 5102) and one job
worker against it, and checks, printing PASS or FAIL for each:

- session: a student logged in on A studies on B;
- rate limits: wrong passwords split across A and B meet one limit (5 a minute an
  account from unknown devices), not one per server;
- caches: a bank published again on A reads anew on B at once;
- jobs: a job started on A is run by the worker and followed to its end on B;
- reviews: the same signed rating posted to A and to B is stored once.

Exit status 0 when every check passes.
"""

import os
import re
import subprocess
import sys
import time
import uuid
from html.parser import HTMLParser
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "correct horse battery staple"
PORTS = (int(os.environ.get("PORT_A", 5101)), int(os.environ.get("PORT_B", 5102)))
BANK = (ROOT / "tests" / "banks" / "valid-example.yaml").read_text(encoding="utf-8").replace(
    "slug: broken-example", "slug: two-servers")
RESULTS: list[tuple[str, bool, str]] = []


class Forms(HTMLParser):
    """Every form of a page: its action and its fields (hidden ones and the first choice
    of each radio group), enough to post it back as a browser would."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self.forms.append((attributes.get("action") or "", {}))
        elif tag in ("input", "textarea") and self.forms and attributes.get("name"):
            fields = self.forms[-1][1]
            kind = attributes.get("type", "text")
            if kind in ("hidden", "text") or (kind in ("radio", "checkbox")
                                             and attributes["name"] not in fields):
                fields[attributes["name"]] = attributes.get("value") or ""


def form(html: str, action: str) -> dict[str, str]:
    parser = Forms()
    parser.feed(html)
    for found, fields in parser.forms:
        if found.split("?")[0] == action:
            return dict(fields)
    raise AssertionError(f"no form posting to {action}")


def check(name: str, passed: bool, detail: str) -> None:
    RESULTS.append((name, passed, detail))
    print(f"{'PASS' if passed else 'FAIL'}  {name}: {detail}", flush=True)


def environment(database_url: str, redis_url: str) -> dict[str, str]:
    return {**os.environ, "DATABASE_URL": database_url, "REDIS_URL": redis_url,
            "RATELIMIT_STORAGE_URI": redis_url, "SECRET_KEY": uuid.uuid4().hex,
            "WEB_CONCURRENCY": "2", "GUNICORN_THREADS": "2", "PYTHONPATH": str(ROOT)}


def prepare(env: dict[str, str]) -> None:
    flask = [sys.executable, "-m", "flask", "--app", "wsgi"]
    for command in (["db", "upgrade"], ["bank", "load"]):
        subprocess.run(flask + command, cwd=ROOT, env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for username, role in (("sara", "student"), ("teacher", "teacher")):
        subprocess.run(flask + ["user", "create", username, "--role", role, "--locale", "en",
                                "--password", PASSWORD], cwd=ROOT, env=env, check=True,
                       stdout=subprocess.DEVNULL)


def start(env: dict[str, str]) -> list[subprocess.Popen]:
    processes = []
    logs = open(os.environ.get("TWO_SERVERS_LOG", "/tmp/two_servers.log"), "w")  # noqa: SIM115
    for port in PORTS:
        processes.append(subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "wsgi:app"], cwd=ROOT,
            env={**env, "BIND": f"127.0.0.1:{port}"}, stdout=logs, stderr=logs))
    processes.append(subprocess.Popen(
        [sys.executable, "-m", "flask", "--app", "wsgi", "jobs", "worker"], cwd=ROOT,
        env=env, stdout=logs, stderr=logs))
    for port in PORTS:
        for _ in range(100):
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
    return processes


class Server:
    """One browser (its cookies) talking to one of the two servers."""

    def __init__(self, browser: httpx.Client, port: int) -> None:
        self.browser, self.base = browser, f"http://127.0.0.1:{port}"

    def get(self, path: str) -> httpx.Response:
        return self.browser.get(self.base + path)

    def post(self, path: str, data: dict[str, str]) -> httpx.Response:
        return self.browser.post(self.base + path, data=data)


def browser() -> httpx.Client:
    return httpx.Client(headers={"Accept-Language": "en"}, timeout=30)


def both(session: httpx.Client) -> tuple[Server, Server]:
    """The same browser, once on A and once on B (cookies name a host, not a port)."""
    return Server(session, PORTS[0]), Server(session, PORTS[1])


def login(session: Server, username: str, password: str = PASSWORD) -> httpx.Response:
    fields = form(session.get("/login").text, "/login")
    return session.post("/login", data={**fields, "username": username, "password": password})


def check_session(a: Server, b: Server) -> None:
    response = login(a, "sara")
    page = b.get("/review?bank=cultural-centre-beijing")
    check("session", response.status_code == 303 and page.status_code == 200
          and "Log out" in page.text,
          f"login on :{PORTS[0]} answered {response.status_code} "
          f"({response.headers.get('Location')}), /review on :{PORTS[1]} answered "
          f"{page.status_code} {page.headers.get('Location', '')}")


def check_rate_limit() -> None:
    statuses = []
    for attempt in range(10):
        # A fresh browser each time: no device cookie, as a guesser has none.
        with browser() as guesser:
            server = both(guesser)[attempt % 2]
            statuses.append(login(server, "teacher", "wrong password").status_code)
    first_refusal = statuses.index(429) + 1 if 429 in statuses else None
    check("rate limits", first_refusal == 6,
          f"wrong passwords alternating A/B: {statuses}; refused from attempt "
          f"{first_refusal} (5 an account a minute, counted once for both servers)")


def publish(session: Server, yaml_text: str) -> httpx.Response:
    preview = session.post("/my-banks/new", data={
        **form(session.get("/my-banks/new").text, "/my-banks/new"), "text": yaml_text,
        "action": "check"})
    fields = form(preview.text, "/my-banks/new")
    return session.post("/my-banks/new", data={**fields, "text": yaml_text,
                                               "action": "publish"})


def check_caches(teacher_a: Server, teacher_b: Server) -> None:
    first = publish(teacher_a, BANK)
    assert first.status_code == 303, first.text[-2000:]
    slug = first.headers.get("Location", "").rsplit("/", 1)[-1]
    seen_first = teacher_b.get(f"/banks/{slug}").text
    publish(teacher_a, BANK.replace("{ar: مثال, en: Example}",
                                    "{ar: مثال منقّح, en: Example revised}"))
    seen_second = teacher_b.get(f"/banks/{slug}").text
    check("caches", "Example" in seen_first and "Example revised" in seen_second,
          f"published on A twice; B showed each version at once ({slug})")


def check_review_stored_once(a: Server, b: Server, engine) -> None:
    study = "/banks/cultural-centre-beijing/study"
    a.post(study, form(a.get("/banks/cultural-centre-beijing").text, study))
    page = b.get("/review?bank=cultural-centre-beijing").text
    if 'action="/review/answer"' in page:
        fields = form(page, "/review/answer")
        page = a.post("/review/answer", data=fields).text
    else:
        reveal = re.search(r'href="(/review\?[^"]*reveal=1[^"]*)"', page).group(1)
        page = b.get(reveal.replace("&amp;", "&")).text
    rating = {**form(page, "/review/rate"), "rating": "3"}
    with engine.connect() as connection:
        before = connection.execute(text("SELECT count(*) FROM review_logs")).scalar_one()
    statuses = [a.post("/review/rate", data=rating).status_code,
                b.post("/review/rate", data=rating).status_code]
    with engine.connect() as connection:
        after = connection.execute(text("SELECT count(*) FROM review_logs")).scalar_one()
    kind = "signed answer" if rating.get("payload") else "flashcard"
    check("reviews", statuses == [303, 303] and after - before == 1,
          f"one rating ({kind}) posted to A then B ({statuses}): {after - before} row "
          "stored")


def check_jobs(a: Server, b: Server) -> None:
    started = a.post("/progress/memory-model",
                     data=form(a.get("/progress").text, "/progress/memory-model"))
    location = started.headers.get("Location", "")
    state, deadline = None, time.monotonic() + 60
    while time.monotonic() < deadline and state not in ("done", "failed"):
        match = re.search(r'data-state="(\w+)"', b.get(location).text)
        state = match.group(1) if match else None
        time.sleep(0.5)
    check("jobs", location.startswith("/jobs/") and state == "done",
          f"memory-model fit queued on A ({location}), run by the worker, followed on B: "
          f"{state}")


def main() -> int:
    admin_url = os.environ["QUIZAPP_TEST_DATABASE_URL"]
    redis_url = os.environ["QUIZAPP_TEST_REDIS_URL"]
    name = f"two_servers_{uuid.uuid4().hex[:8]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    database_url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    env = environment(database_url, redis_url)
    prepare(env)
    processes = start(env)
    engine = create_engine(database_url)
    try:
        with browser() as student:
            a, b = both(student)
            check_session(a, b)
            check_review_stored_once(a, b, engine)
            check_jobs(a, b)
        with browser() as teacher:
            a, b = both(teacher)
            login(a, "teacher")
            check_caches(a, b)
        check_rate_limit()  # last: it locks the teacher's account out for a minute
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)
        engine.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    failed = [name for name, passed, _ in RESULTS if not passed]
    print(f"{len(RESULTS) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
