"""Closed-loop phases driven by wrk (a C load generator), so that the server, not the
client, sets each throughput.

Sessions are made beforehand (log in with httpx, keep each session's cookie and CSRF
token); wrk then replays one request per line of a data file, each line carrying its own
session's cookie (and, for posts, a form signed or fetched beforehand). A Lua script
counts the statuses the phase expects, so a redirect to the login page is an error, not
a success. The generator's CPU is read from the kernel's accounting of the wrk process
(RUSAGE_CHILDREN), the server's from /proc for gunicorn's process group.
"""

import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import httpx

TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')

# Each wrk thread takes every n-th line of the data file; a line is
# method \t path \t cookie \t body. GET lines wrap around; a post is sent once only
# (a review form submitted twice is refused), after which the thread asks /healthz and
# does not count it.
LUA = r"""
local counter, threads = 0, {}
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  requests_, expected, nthreads = {}, tonumber(args[2]), tonumber(args[3])
  good, bad, spare, once, last_bad = 0, 0, 0, args[4] == "once", 0
  local k = 0
  for line in io.lines(args[1]) do
    if k % nthreads == id then
      local method, path, cookie, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
      local headers = {["Cookie"] = cookie}
      if method == "POST" then
        headers["Content-Type"] = "application/x-www-form-urlencoded"
      else
        body = nil
      end
      table.insert(requests_, wrk.format(method, path, headers, body))
    end
    k = k + 1
  end
  spare_request = wrk.format("GET", "/healthz")
  i, exhausted = 0, false
end

function request()
  i = i + 1
  if i > #requests_ then
    if once then exhausted = true; return spare_request end
    i = 1
  end
  return requests_[i]
end

function response(status, headers, body)
  if exhausted then spare = spare + 1
  elseif status == expected then good = good + 1
  else bad = bad + 1; last_bad = status end
end

function done(summary, latency, requests)
  local g, b, s, lb = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    g = g + t:get("good"); b = b + t:get("bad"); s = s + t:get("spare")
    if t:get("last_bad") ~= 0 then lb = t:get("last_bad") end
  end
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "good": %d, "bad": %d, "spare": %d, ' ..
    '"last_bad_status": %d, "socket_errors": %d, "timeouts": %d, ' ..
    '"p50_us": %d, "p95_us": %d, "p99_us": %d}\n',
    summary.requests, summary.duration, g, b, s, lb,
    e.connect + e.read + e.write, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""


def available() -> bool:
    return shutil.which("wrk") is not None


class Session:
    """A logged-in browser: its cookie header and CSRF token."""

    def __init__(self, base: str, username: str | None, password: str):
        self.client = httpx.Client(base_url=base, timeout=60)
        self.token, self.username = "", username
        if username is not None:
            page = self.client.get("/login")
            token = TOKEN.search(page.text).group(1)
            response = self.client.post("/login", data={
                "username": username, "password": password, "csrf_token": token})
            assert response.status_code == 303, f"{username} could not log in"
            self.token = TOKEN.search(self.client.get("/account").text).group(1)

    @property
    def cookie(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.client.cookies.items())

    def close(self) -> None:
        self.client.close()


def log_in_all(base: str, usernames, password: str) -> list[Session]:
    return [Session(base, username, password) for username in usernames]


def get_lines(sessions, path_for) -> list[str]:
    """One GET line per session (``path_for(session)`` gives its path)."""
    return [f"GET\t{path_for(s)}\t{s.cookie}\t" for s in sessions]


def post_lines(pairs) -> list[str]:
    """(session, path, form) triples as POST lines, each form with its session's token."""
    return [f"POST\t{path}\t{s.cookie}\t{urlencode({**form, 'csrf_token': s.token})}"
            for s, path, form in pairs]


def run_phase(base: str, server_group: int, lines: list[str], *, seconds: float,
              connections: int, expected: int, once: bool = False,
              threads: int = 2, group_cpu_seconds=None) -> dict:
    """Run wrk over ``lines``; its figures, the server's and the generator's CPU."""
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as data, \
            tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        data.write("\n".join(lines) + "\n")
        script.write(LUA)
    try:
        before_children = resource.getrusage(resource.RUSAGE_CHILDREN)
        server_before = group_cpu_seconds(server_group) if group_cpu_seconds else None
        started = time.monotonic()
        result = subprocess.run(
            ["wrk", "-t", str(threads), "-c", str(max(connections, threads)),
             "-d", f"{max(1, round(seconds))}s", "--timeout", "30s", "-s", script.name, base,
             "--", data.name, str(expected), str(threads), "once" if once else "wrap"],
            capture_output=True, text=True, check=True)
        wall = time.monotonic() - started
        after_children = resource.getrusage(resource.RUSAGE_CHILDREN)
        server_after = group_cpu_seconds(server_group) if group_cpu_seconds else None
    finally:
        os.unlink(data.name)
        os.unlink(script.name)
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    print(f"  wrk {data.name}: {figures}", file=sys.stderr)
    duration = figures["duration_us"] / 1e6
    counted = figures["good"] + figures["bad"]
    client = ((after_children.ru_utime + after_children.ru_stime)
              - (before_children.ru_utime + before_children.ru_stime))
    server = None if server_before is None else server_after - server_before
    return {
        "requests": counted, "good": figures["good"],
        "errors": figures["bad"] + figures["socket_errors"] + figures["timeouts"],
        "error_reasons": {k: figures[k] for k in ("bad", "last_bad_status", "socket_errors",
                                                  "timeouts") if figures[k]},
        "rps": counted / duration, "seconds": duration,
        "p50_ms": figures["p50_us"] / 1000, "p95_ms": figures["p95_us"] / 1000,
        "p99_ms": figures["p99_us"] / 1000,
        "cpu": {"server_cores": None if server is None else server / wall,
                "client_cores": client / wall,
                "server_ms_per_request": None if server is None or not counted
                else server * 1000 / (counted + figures["spare"]),
                "client_ms_per_request": client * 1000 / max(1, counted + figures["spare"])},
        "connections": connections,
    }


def scratch_dir() -> Path:
    return Path(tempfile.gettempdir())


REVIEW_FIELDS = ("question", "seen", "shown")


def _field(html: str, name: str) -> str | None:
    match = re.search(rf'name="{name}" value="([^"]*)"', html)
    return match.group(1) if match else None


def answer_forms(sessions) -> list:
    """(session, path, form) for each student whose next card takes a typed or chosen
    answer: checking an answer writes nothing, so the same form can be sent again."""
    pairs = []
    for session in sessions:
        html = session.client.get("/review").text
        values = {name: _field(html, name) for name in REVIEW_FIELDS}
        if None in values.values() or 'reveal=1' in html:
            continue  # a flashcard, or nothing due
        pairs.append((session, "/review/answer", {**values, "answer": "1"}))
    return pairs


def quiz_paths(sessions, bank_slug: str) -> dict:
    """Each student starts a quiz on the bank; the path of its first question."""
    paths = {}
    for session in sessions:
        response = session.client.post("/quiz", data={
            "bank": bank_slug, "length": "10", "csrf_token": session.token})
        assert response.status_code == 303, response.status_code
        paths[id(session)] = response.headers["location"].replace(str(session.client.base_url), "")
    return paths


def run_all(base: str, server_group: int, *, wanted: set, seconds: float, connections: int,
            password: str, studiers: list[str], submit_forms: dict, class_id: int,
            bank_slug: str, document_slug: str, group_cpu_seconds) -> dict:
    """Every closed-loop phase, each on wrk; {phase: [row]} as run.summarise shapes it."""
    results = {}

    def phase(name, endpoint, lines, expected, *, once=False, length=None):
        if not once:  # one request first, as a server that has been running has seen
            method, path, cookie, body = lines[0].split("\t", 3)
            httpx.request(method, base + path, headers={
                "Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"},
                content=body or None, timeout=120)
        row = run_phase(base, server_group, lines, seconds=length or seconds,
                        connections=connections, expected=expected, once=once,
                        group_cpu_seconds=group_cpu_seconds)
        row["endpoint"] = endpoint
        results[name] = [row]
        return row

    anonymous = [Session(base, None, password)]
    phase("hello", "hello (GET /healthz)", get_lines(anonymous, lambda s: "/healthz"), 200)
    students = log_in_all(base, studiers, password)
    try:
        if "home" in wanted:
            phase("home", "home, anonymous (GET /)", get_lines(anonymous, lambda s: "/"), 200)
            phase("home logged in", "home, a student (GET /)",
                  get_lines(students, lambda s: "/"), 200)
        if "bank page" in wanted:
            path = f"/banks/{bank_slug}"
            phase("bank page", f"bank page, a student (GET {path})",
                  get_lines(students, lambda s: path), 200)
            phase("bank page anonymous", f"bank page, anonymous (GET {path})",
                  get_lines(anonymous, lambda s: path), 200)
        if "source page" in wanted:
            path = f"/sources/{document_slug}"
            phase("source page", f"source page (GET {path})",
                  get_lines(students, lambda s: path), 200)
        if "quiz question" in wanted:
            paths = quiz_paths(students, bank_slug)
            phase("quiz question", "quiz question (GET /quiz/<id>/0)",
                  get_lines(students, lambda s: paths[id(s)]), 200)
        if "next card" in wanted:
            phase("next card", "next card (GET /review)",
                  get_lines(students, lambda s: "/review"), 200)
        if "answer check" in wanted:
            phase("answer check", "check an answer (POST /review/answer)",
                  post_lines(answer_forms(students)), 200)
        if "dashboard" in wanted:
            phase("dashboard", "dashboard (GET /progress)",
                  get_lines(students, lambda s: "/progress"), 200)
        if "class page" in wanted:
            teachers = log_in_all(base, ["teacher"] * 8, password)
            phase("class page", "class page (GET /classes/<id>)",
                  get_lines(teachers, lambda s: f"/classes/{class_id}"), 200)
            for teacher in teachers:
                teacher.close()
        if "submit" in wanted:
            submitters = log_in_all(base, list(submit_forms), password)
            # Round robin over the students: consecutive requests are different students'.
            pairs = [(session, "/review/rate", form)
                     for k in range(max(len(f) for f in submit_forms.values()))
                     for session in submitters
                     if k < len(submit_forms[session.username])
                     for form in [submit_forms[session.username][k]]]
            phase("submit", "submit a review (POST /review/rate)", post_lines(pairs), 303,
                  once=True)
            for session in submitters:
                session.close()
    finally:
        for session in students + anonymous:
            session.close()
    return results
