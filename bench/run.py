"""Load benchmark: seed a database, serve it with gunicorn, drive it with simulated
students from a second process, and print a table.

    .venv/bin/python bench/run.py                       # SQLite, the full size
    .venv/bin/python bench/run.py --postgres URL        # the same on PostgreSQL
    .venv/bin/python bench/run.py --students 20 --seeded 80 --reviews 30000 --seconds 5
                                                        # the smoke size (tests use it)

Every acknowledged review is looked for in the database afterwards, and with --kill the
server is SIGKILLed mid-load, restarted, and checked again (SQLite: integrity_check).
"""

import argparse
import asyncio
import json
import os
import random
import re
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import httpx
import wrk_phases

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "benchmark passphrase"
VENV_BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Recorder:
    def __init__(self):
        self.latencies = defaultdict(list)
        self.errors = defaultdict(int)
        self.reasons = defaultdict(lambda: defaultdict(int))
        self.cpu = {}

    def add(self, name: str, seconds: float, ok: bool, reason: str = "") -> None:
        self.latencies[name].append(seconds)
        if not ok:
            self.errors[name] += 1
            self.reasons[name][reason] += 1


async def timed(recorder, name, request, ok_statuses):
    """Await one request (a coroutine), recording its latency and whether it failed."""
    started = time.perf_counter()
    try:
        response = await request
    except httpx.HTTPError as error:
        recorder.add(name, time.perf_counter() - started, False, type(error).__name__)
        return None
    recorder.add(name, time.perf_counter() - started, response.status_code in ok_statuses,
                 f"HTTP {response.status_code}")
    return response


TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
REVEAL = re.compile(r'href="(/review\?reveal=1[^"]*)"')
NEXT_CARD = "next card (GET /review)"
PHASES = ("hello", "home", "bank page", "source page", "quiz question", "next card",
          "answer check", "dashboard", "class page", "submit", "study", "paced")
# Phases only wrk drives (the Python driver keeps to the ones it always had).
WRK_ONLY = {"home", "bank page", "source page", "quiz question", "answer check"}
SUBMIT = "submit a review (POST /review/rate)"


def field(html: str, name: str) -> str | None:
    match = re.search(rf'name="{name}" value="([^"]*)"', html)
    return match.group(1) if match else None


async def log_in(client, username) -> str | None:
    """Log in; the CSRF token of the new session, or None when logging in failed."""
    if username is None:
        return ""
    for attempt in range(3):  # an idle keep-alive connection may be closed under us
        try:
            page = await client.get("/login")
            token = TOKEN.search(page.text).group(1)
            response = await client.post("/login", data={
                "username": username, "password": PASSWORD, "csrf_token": token})
            if response.status_code != 303:
                return None
            page = await client.get("/account")
            return TOKEN.search(page.text).group(1)
        except httpx.TransportError:
            if attempt == 2:
                raise
    return None


async def study_loop(client, recorder, deadline, acknowledged, think=None):
    """A student's session: load the next card, answer it (or reveal it), rate it.

    ``think``: (shortest, longest) seconds a student spends before each click (reading
    the question, choosing an answer); None clicks again as soon as a page arrives.
    """
    async def pause():
        if think is not None:
            await asyncio.sleep(random.uniform(*think))

    while time.monotonic() < deadline:
        await pause()
        page = await timed(recorder, NEXT_CARD, client.get("/review"), {200})
        if page is None or page.status_code != 200:
            continue
        html = page.text
        token = TOKEN.search(html).group(1)
        reveal = REVEAL.search(html)
        await pause()
        if reveal is not None:  # a flashcard: reveal the back, then rate it
            page = await timed(recorder, "reveal a flashcard (GET /review?reveal=1)",
                               client.get(reveal.group(1).replace("&amp;", "&")), {200})
            if page is None or page.status_code != 200:
                continue
            html = page.text
            question, seen = field(html, "question"), field(html, "seen")
            data = {"question": question, "seen": seen, "shown": field(html, "shown"),
                    "rating": "3", "csrf_token": token}
        else:
            question, seen = field(html, "question"), field(html, "seen")
            if question is None:
                return  # nothing left to review
            feedback = await timed(recorder, "check an answer (POST /review/answer)",
                                   client.post("/review/answer", data={
                                       "answer": "1", "question": question, "seen": seen,
                                       "shown": field(html, "shown"), "csrf_token": token}),
                                   {200})
            if feedback is None or feedback.status_code != 200:
                continue
            data = {"payload": field(feedback.text, "payload"), "rating": "3",
                    "csrf_token": token}
        await pause()
        response = await timed(recorder, SUBMIT, client.post("/review/rate", data=data), {303})
        if response is not None and response.status_code == 303:
            acknowledged.append((question, seen))


async def submit_loop(client, recorder, deadline, acknowledged, forms, token):
    """Only review submissions: forms made beforehand, as the review page would make them."""
    for form in forms:
        if time.monotonic() >= deadline:
            return
        response = await timed(recorder, SUBMIT, client.post(
            "/review/rate", data={**form, "csrf_token": token}), {303})
        if response is not None and response.status_code == 303:
            acknowledged.append((form.get("question"), form.get("seen")))


async def get_loop(client, recorder, deadline, name, path):
    while time.monotonic() < deadline:
        await timed(recorder, name, client.get(path), {200})


def group_cpu_seconds(group: int) -> float | None:
    """CPU time (user + system) of the live processes in a process group (Linux /proc)."""
    ticks, total = os.sysconf("SC_CLK_TCK"), 0
    try:
        pids = [p for p in os.listdir("/proc") if p.isdigit()]
    except OSError:
        return None
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        if int(fields[2]) == group:  # pgrp
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def cpu_snapshot(server_group: int) -> tuple:
    return group_cpu_seconds(server_group), time.process_time(), time.monotonic()


def cpu_used(before: tuple, after: tuple) -> dict:
    """Cores each side used during a phase: the server (gunicorn's master and workers)
    and this load generator."""
    wall = after[2] - before[2]
    server = None if before[0] is None else (after[0] - before[0]) / wall
    return {"server_cores": server, "client_cores": (after[1] - before[1]) / wall}


async def drive(base, server_group, seconds, usernames, *, phase, path=None, name=None,
                forms=None, started=None, think=None, ready=None):
    """One phase: every client logs in (unless anonymous), then runs its loop.

    ``ready``: a blocking call made once everyone has logged in (the paced phase's
    processes wait for each other there)."""
    recorder, acknowledged = Recorder(), []
    limits = httpx.Limits(max_connections=len(usernames) + 5,
                          max_keepalive_connections=len(usernames) + 5)
    clients = [httpx.AsyncClient(base_url=base, timeout=30, limits=limits)
               for _ in usernames]
    try:
        logging_in = asyncio.Semaphore(8)  # a password check costs ~50 ms of server CPU

        async def one_log_in(client, username):
            async with logging_in:
                return await log_in(client, username)

        tokens = await asyncio.gather(*(one_log_in(client, username) for client, username
                                        in zip(clients, usernames, strict=True)))
        assert all(t is not None for t in tokens), "a simulated user could not log in"
        if ready is not None:
            await asyncio.to_thread(ready)
        deadline = time.monotonic() + seconds
        if started is not None:
            started.set()
        if phase == "get":
            loops = [get_loop(c, recorder, deadline, name, path) for c in clients]
        elif phase == "submit":
            loops = [submit_loop(c, recorder, deadline, acknowledged, forms[u], t)
                     for c, u, t in zip(clients, usernames, tokens, strict=True)]
        else:
            loops = [study_loop(c, recorder, deadline, acknowledged, think) for c in clients]
        before = cpu_snapshot(server_group)
        await asyncio.gather(*loops)
        recorder.cpu = cpu_used(before, cpu_snapshot(server_group))
    finally:
        await asyncio.gather(*(c.aclose() for c in clients))
    return recorder, acknowledged


def _paced_worker(job) -> dict:
    """One process's share of the paced phase (run in a child process)."""
    base, server_group, seconds, usernames, think, barrier = job
    recorder, acknowledged = asyncio.run(drive(
        base, server_group, seconds, usernames, phase="study", think=think,
        ready=barrier.wait))
    return {"latencies": dict(recorder.latencies), "errors": dict(recorder.errors),
            "reasons": {k: dict(v) for k, v in recorder.reasons.items()},
            "cpu": recorder.cpu, "acknowledged": len(acknowledged)}


def paced_phase(base, server_group, seconds, usernames, think, processes):
    """The paced phase spread over ``processes`` driver processes, so that no one event
    loop is the limit; their figures merged as one recorder."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    with context.Manager() as manager, context.Pool(processes) as pool:
        barrier = manager.Barrier(processes)
        shares = [usernames[i::processes] for i in range(processes)]
        results = pool.map(_paced_worker, [(base, server_group, seconds, share, think,
                                            barrier) for share in shares])
    recorder = Recorder()
    for result in results:
        for name, values in result["latencies"].items():
            recorder.latencies[name].extend(values)
        for name, count in result["errors"].items():
            recorder.errors[name] += count
        for name, reasons in result["reasons"].items():
            for reason, count in reasons.items():
                recorder.reasons[name][reason] += count
    recorder.cpu = {"server_cores": results[0]["cpu"]["server_cores"],
                    "client_cores": sum(r["cpu"]["client_cores"] for r in results)}
    return recorder, [None] * sum(r["acknowledged"] for r in results)


def submission_forms(env, usernames) -> dict:
    """For each student, a review form for each of their cards (the fields the review
    page would carry, signed with the server's key), so that a phase can time the
    submissions alone."""
    code = f"""
import json
from sqlalchemy import select
from quizapp import create_app
from quizapp.accounts.models import User
from quizapp.banks.models import Question
from quizapp.extensions import db
from quizapp.study.models import Card
app = create_app()
with app.app_context():
    rows = db.session.execute(
        select(User.username, Card.question_id, Card.reviews, Question.type, User.id)
        .join(Card, Card.user_id == User.id).join(Question, Question.id == Card.question_id)
        .where(User.username.in_({list(usernames)!r})))
    print(json.dumps([list(row) for row in rows]))
"""
    from itsdangerous import URLSafeSerializer  # the server's signers: same key, same salts

    shown_signer = URLSafeSerializer(env["SECRET_KEY"], salt="study.shown")
    signer = URLSafeSerializer(env["SECRET_KEY"], salt="study.rating")
    shown = int(time.time() * 1000)
    forms = defaultdict(list)
    for username, question, reviews, kind, user_id in json.loads(python(env, "-c", code)):
        if kind == "flashcard":
            forms[username].append({"question": str(question), "seen": str(reviews),
                                    "shown": shown_signer.dumps({"q": question, "t": shown}),
                                    "rating": "3"})
        else:
            forms[username].append({"payload": signer.dumps(
                {"q": question, "r": None, "seen": reviews, "s": 1, "d": 8000,
                 "u": user_id, "t": int(time.time())}),
                "rating": "1"})
    return forms


def start_server(env, port, log: Path) -> subprocess.Popen:
    """gunicorn as deployed; its error log goes to ``log`` (a pipe nobody reads would fill
    up and block every worker at its next log line)."""
    with log.open("ab") as errors:
        server = subprocess.Popen(
            [str(VENV_BIN / "gunicorn"), "wsgi:app", "--bind", f"127.0.0.1:{port}",
             "--access-logfile", "/dev/null"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=errors,
            start_new_session=True)
    for _ in range(200):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("gunicorn did not start: " + log.read_text()[-2000:])


def stop_server(server, sig=signal.SIGTERM) -> None:
    os.killpg(server.pid, sig)
    server.wait(timeout=30)


def flask(env, *args) -> str:
    result = subprocess.run([str(VENV_BIN / "flask"), "--app", "wsgi", *args], cwd=ROOT,
                            env=env, capture_output=True, text=True, check=True)
    return result.stdout


def python(env, *args) -> str:
    result = subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True,
                            text=True, check=True)
    return result.stdout


def content_slugs(env) -> dict:
    """The largest bank's slug and its first document's: the read pages' phases use them."""
    code = """
import json
from sqlalchemy import func, select
from quizapp import create_app
from quizapp.banks.models import Bank, Question
from quizapp.extensions import db
app = create_app()
with app.app_context():
    bank = db.session.scalar(select(Bank).join(Question, Question.bank_id == Bank.id)
        .group_by(Bank.id).order_by(func.count().desc()).limit(1))
    print(json.dumps({"bank": bank.slug, "document": bank.documents[0].slug}))
"""
    return json.loads(python(env, "-c", code))


def review_count(env) -> int:
    code = ("from quizapp import create_app\nfrom quizapp.extensions import db\n"
            "from sqlalchemy import text\napp = create_app()\nwith app.app_context():\n"
            "    print(db.session.execute(text('SELECT count(*) FROM review_logs')).scalar())")
    return int(python(env, "-c", code).strip())


def queue_timing(env) -> float:
    """Median milliseconds of the due-queue query for 50 students, in-process."""
    code = """
import json, statistics, time
from datetime import UTC, datetime
from sqlalchemy import select
from quizapp import create_app
from quizapp.accounts.models import User
from quizapp.extensions import db
from quizapp.study.services import review_queue, new_cards_left_today
app = create_app()
with app.app_context():
    users = db.session.scalars(select(User).where(User.role == "student").limit(50)).all()
    now = datetime.now(UTC)
    times = []
    for user in users * 3:
        started = time.perf_counter()
        review_queue(user, now, limit=50)
        times.append((time.perf_counter() - started) * 1000)
    print(json.dumps(statistics.median(times)))
"""
    return float(python(env, "-c", code).strip())


def summarise(recorder, seconds):
    """One row per endpoint; the phase's CPU use goes on its first row."""
    rows = []
    for name, values in sorted(recorder.latencies.items()):
        q = statistics.quantiles(values, n=100) if len(values) > 1 else values * 99
        rows.append({"endpoint": name, "requests": len(values),
                     "errors": recorder.errors[name], "rps": len(values) / seconds,
                     "error_reasons": dict(recorder.reasons[name]),
                     "p50_ms": q[49] * 1000, "p95_ms": q[94] * 1000, "p99_ms": q[98] * 1000})
    if rows:
        requests = sum(row["requests"] for row in rows)
        cpu = dict(recorder.cpu)
        for side in ("server", "client"):
            cores = cpu.get(f"{side}_cores")
            cpu[f"{side}_ms_per_request"] = (None if cores is None or not requests
                                             else cores * seconds * 1000 / requests)
        rows[0]["cpu"] = cpu
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=200, help="simulated at once")
    parser.add_argument("--seeded", type=int, default=1000, help="students in the database")
    parser.add_argument("--cards", type=int, default=200)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--postgres", help="a PostgreSQL URL (an empty database)")
    parser.add_argument("--kill", action="store_true", help="SIGKILL the server mid-load")
    parser.add_argument("--json", action="store_true", help="print JSON, not a table")
    parser.add_argument("--think", type=float, nargs=2, default=(1.0, 5.0),
                        metavar=("SHORTEST", "LONGEST"),
                        help="seconds a student takes before each click in the paced phase")
    parser.add_argument("--driver", choices=("wrk", "python"),
                        default="wrk" if wrk_phases.available() else "python",
                        help="closed-loop phases on wrk (default when installed) or on the "
                             "asyncio driver; study and paced always use the latter")
    parser.add_argument("--connections", type=int, default=32,
                        help="wrk's connections in each closed-loop phase")
    parser.add_argument("--paced", type=int, help="students in the paced phase "
                        "(default --students)")
    parser.add_argument("--paced-processes", type=int, default=1,
                        help="driver processes the paced phase is spread over")
    parser.add_argument("--phases", default=",".join(PHASES),
                        help="which phases to run, comma-separated (hello always runs)")
    args = parser.parse_args()
    paced_students = args.paced or args.students
    if args.seeded < 3 * args.students + paced_students:
        parser.error("--seeded must be at least 3 × --students + --paced: each phase that "
                     "logs in uses students of its own")

    workdir = Path(tempfile.mkdtemp(prefix="quizapp-bench-"))
    database = args.postgres or f"sqlite:///{workdir / 'bench.sqlite3'}"
    env = {**os.environ, "DATABASE_URL": database, "SECRET_KEY": "benchmark",
           "RATELIMIT_ENABLED": "0", "WEB_CONCURRENCY": os.environ.get("WEB_CONCURRENCY", "4")}
    results = {"database": "postgresql" if args.postgres else "sqlite"}

    flask(env, "db", "upgrade")
    started = time.monotonic()
    results["seed"] = json.loads(python(env, "bench/seed.py", "--students", str(args.seeded),
                                        "--cards", str(args.cards), "--reviews",
                                        str(args.reviews)))
    results["seed"]["wall_seconds"] = round(time.monotonic() - started, 1)
    results["queue_ms_median"] = queue_timing(env)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server_log = workdir / "gunicorn.log"
    print(f"server's error log: {server_log}", file=sys.stderr)
    server = start_server(env, port, server_log)
    n = args.students
    submitters = [f"student{i:04d}" for i in range(n)]
    studiers = [f"student{i:04d}" for i in range(n, 2 * n)]
    # the kill check uses 2n..3n
    pacers = [f"student{i:04d}" for i in range(3 * n, 3 * n + paced_students)]
    half = args.seconds / 2
    forms = submission_forms(env, submitters)
    before = review_count(env)
    wanted = {"hello", *args.phases.split(",")}
    phases, submitted, studied = {}, [], []
    class_id = results["seed"]["class_id"]
    durations = {"submit": args.seconds, "study": args.seconds, "paced": args.seconds}
    try:
        if args.driver == "wrk":
            slugs = content_slugs(env)
            rows = wrk_phases.run_all(
                base, server.pid, wanted=wanted, seconds=half,
                connections=args.connections, password=PASSWORD, studiers=studiers,
                submit_forms=forms if "submit" in wanted else {}, class_id=class_id,
                bank_slug=slugs["bank"], document_slug=slugs["document"],
                group_cpu_seconds=group_cpu_seconds)
            submitted = [None] * sum(row[0]["good"] for name, row in rows.items()
                                     if name == "submit")
            wanted -= {"next card", "dashboard", "class page", "submit"}
        else:
            rows = {}
        if args.driver == "python":
            phases["hello"], _ = asyncio.run(drive(
                base, server.pid, half, [None] * n, phase="get", path="/healthz",
                name="hello (GET /healthz)"))
        if "next card" in wanted:
            phases["next card"], _ = asyncio.run(drive(
                base, server.pid, half, studiers, phase="get", path="/review",
                name=NEXT_CARD))
        if "dashboard" in wanted:
            phases["dashboard"], _ = asyncio.run(drive(
                base, server.pid, half, studiers, phase="get", path="/progress",
                name="dashboard (GET /progress)"))
        if "class page" in wanted:
            phases["class page"], _ = asyncio.run(drive(
                base, server.pid, half, ["teacher"] * n, phase="get",
                path=f"/classes/{class_id}",
                name="class page (GET /classes/<id>)"))
        if "submit" in wanted:
            phases["submit"], submitted = asyncio.run(drive(
                base, server.pid, args.seconds, submitters, phase="submit", forms=forms))
        if "study" in wanted:
            phases["study"], studied = asyncio.run(drive(
                base, server.pid, args.seconds, studiers, phase="study"))
        if "paced" in wanted:
            if args.paced_processes > 1:
                phases["paced"], paced = paced_phase(
                    base, server.pid, args.seconds, pacers, tuple(args.think),
                    args.paced_processes)
            else:
                phases["paced"], paced = asyncio.run(drive(
                    base, server.pid, args.seconds, pacers, phase="study",
                    think=tuple(args.think)))
            studied += paced
    finally:
        stop_server(server)
    acknowledged = submitted + studied
    stored = review_count(env) - before
    results["phases"] = {**rows, **{name: summarise(recorder, durations.get(name, half))
                                    for name, recorder in phases.items()}}
    results["driver"] = args.driver
    results["acknowledged_reviews"] = len(acknowledged)
    results["stored_reviews"] = stored
    # wrk stops with a request on each connection whose answer it never reads: those
    # reviews may be stored without being acknowledged, never the other way round.
    results["unanswered_at_end"] = (args.connections if args.driver == "wrk"
                                    and "submit" in results["phases"] else 0)
    hello_rps = results["phases"]["hello"][0]["rps"]
    for rows in results["phases"].values():
        for row in rows:
            row["per_hello"] = row["rps"] / hello_rps if hello_rps else None
    if "submit" in results["phases"]:
        results["review_submissions_per_hello"] = results["phases"]["submit"][0]["per_hello"]

    if args.kill:
        results["kill"] = kill_check(env, args, workdir)
    print(json.dumps(results, indent=2) if args.json else table(results))
    # More stored than acknowledged is a request whose answer never arrived (wrk's last
    # ones, or a time-out): stored, not lost. Fewer is a lost review.
    if stored < len(acknowledged):
        sys.exit(f"LOST REVIEWS: {len(acknowledged)} acknowledged, {stored} stored")


def kill_check(env, args, workdir) -> dict:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server_log = workdir / "gunicorn.log"
    server = start_server(env, port, server_log)
    before = review_count(env)

    studiers = [f"student{i:04d}" for i in range(2 * args.students, 3 * args.students)]

    async def load_then_kill():
        started = asyncio.Event()
        task = asyncio.create_task(drive(base, server.pid, args.seconds, studiers, phase="study",
                                         started=started))
        await started.wait()  # everyone has logged in
        await asyncio.sleep(args.seconds / 2)
        os.killpg(server.pid, signal.SIGKILL)
        return await task

    _, acknowledged = asyncio.run(load_then_kill())
    server.wait(timeout=30)
    server = start_server(env, port, server_log)  # the restart must succeed on the same database
    stop_server(server)
    stored = review_count(env) - before
    check = None
    if not args.postgres:
        with sqlite3.connect(workdir / "bench.sqlite3") as connection:
            check = connection.execute("PRAGMA integrity_check").fetchone()[0]
    return {"acknowledged": len(acknowledged), "stored": stored, "integrity_check": check}


def table(results) -> str:
    lines = [f"database: {results['database']}   seed: {results['seed']}",
             f"due-queue query, median of 150: {results['queue_ms_median']:.2f} ms", "",
             f"{'phase':11} {'endpoint':45} {'requests':>8} {'errors':>6} {'req/s':>7} "
             f"{'÷ hello':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}"]
    for phase, rows in results["phases"].items():
        for row in rows:
            lines.append(f"{phase:11} {row['endpoint'][:45]:45} {row['requests']:>8} "
                         f"{row['errors']:>6} {row['rps']:>7.1f} {row['per_hello']:>7.1%} "
                         f"{row['p50_ms']:>8.1f} {row['p95_ms']:>8.1f} {row['p99_ms']:>8.1f}")
    lines += ["", "CPU during each phase (cores; ms of CPU per request):"]
    for phase, rows in results["phases"].items():
        cpu = rows[0].get("cpu", {}) if rows else {}
        if cpu.get("server_cores") is not None and cpu.get("server_ms_per_request"):
            lines.append(f"  {phase:11} server {cpu['server_cores']:.2f} "
                         f"({cpu['server_ms_per_request']:.2f} ms), load generator "
                         f"{cpu['client_cores']:.2f} ({cpu['client_ms_per_request']:.2f} ms)")
    reasons = [f"{row['endpoint']}: {row['error_reasons']}"
               for rows in results["phases"].values() for row in rows if row["errors"]]
    if reasons:
        lines += ["", "errors: " + "; ".join(reasons)]
    lines += ["", f"reviews acknowledged: {results['acknowledged_reviews']}, stored: "
                  f"{results['stored_reviews']}",
              f"(up to {results['unanswered_at_end']} more may be stored: requests wrk sent "
              "but stopped before reading their answers)",
              f"review submissions per second / hello requests per second: "
              f"{results.get('review_submissions_per_hello', 0):.1%}"]
    if "kill" in results:
        lines.append(f"SIGKILL mid-load: {results['kill']}")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
