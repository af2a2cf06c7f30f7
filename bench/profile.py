"""Time (and optionally profile) one student's review cycle in-process, without a server.

    DATABASE_URL=sqlite:////tmp/b.sqlite3 .venv/bin/flask --app wsgi db upgrade
    DATABASE_URL=sqlite:////tmp/b.sqlite3 .venv/bin/python bench/seed.py --students 200 \\
        --cards 200 --reviews 40000
    DATABASE_URL=sqlite:////tmp/b.sqlite3 .venv/bin/python bench/profile.py student0100
    ... bench/profile.py student0101 --profile /tmp/profile.txt     # pyinstrument's tree

Each cycle is what a browser does: load the next card, answer it (or reveal a
flashcard), rate it. Prints the median milliseconds of each request and of the hello
endpoint. A seeded student has about 40 cards to study today (due and new), so use a
fresh student for each run.
"""

import argparse
import html
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from run import PASSWORD, REVEAL, TOKEN, field  # noqa: E402 - the load driver's page parsing

from quizapp import create_app  # noqa: E402


def cycle(client) -> dict[str, float] | None:
    """One card; the seconds each request took, or None when nothing is left."""
    times = {}
    started = time.perf_counter()
    page = client.get("/review").get_data(as_text=True)
    times["GET /review"] = time.perf_counter() - started
    token = TOKEN.search(page).group(1)
    if reveal := REVEAL.search(page):
        started = time.perf_counter()
        page = client.get(html.unescape(reveal.group(1))).get_data(as_text=True)
        times["GET /review?reveal=1"] = time.perf_counter() - started
        form = {"question": field(page, "question"), "seen": field(page, "seen"),
                "shown": field(page, "shown")}
    elif (question := field(page, "question")) is not None:
        started = time.perf_counter()
        feedback = client.post("/review/answer", data={
            "answer": "1", "question": question, "seen": field(page, "seen"),
            "shown": field(page, "shown"), "csrf_token": token}).get_data(as_text=True)
        times["POST /review/answer"] = time.perf_counter() - started
        form = {"payload": field(feedback, "payload")}
    else:
        return None
    started = time.perf_counter()
    response = client.post("/review/rate", data={**form, "rating": "3", "csrf_token": token})
    times["POST /review/rate"] = time.perf_counter() - started
    assert response.status_code == 303, response.status_code
    return times


def log_in(client, username: str) -> None:
    token = TOKEN.search(client.get("/login").get_data(as_text=True)).group(1)
    response = client.post("/login", data={"username": username, "password": PASSWORD,
                                           "csrf_token": token})
    if response.status_code != 303:
        sys.exit(f"could not log in as {username}")


def time_pages(app, client, args) -> None:
    """Median CPU milliseconds (and statements) of each page, after three warm-up requests.

    CPU time, not wall time: on a shared machine the other processes' load would
    otherwise be counted (SQLite runs in this process, so its work is included)."""
    from sqlalchemy import event

    from quizapp.extensions import db

    if args.student != "-":
        log_in(client, args.student)
    statements = []
    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", lambda *a, **k: statements.append(1))
    profiler = None
    for path in args.page:
        for _ in range(3):
            assert client.get(path).status_code == 200, path
        if args.profile:
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.0002)
            profiler.start()
        times = []
        statements.clear()
        for _ in range(args.cycles):
            started = time.process_time()
            client.get(path)
            times.append(time.process_time() - started)
        if profiler is not None:
            profiler.stop()
            Path(args.profile).write_text(profiler.output_text(unicode=False, color=False))
        print(f"  GET {path:40} median {statistics.median(times) * 1000:7.2f} ms, "
              f"least {min(times) * 1000:7.2f} ms, "
              f"{len(statements) / args.cycles:.0f} statements")
    hello = []
    for _ in range(300):
        started = time.process_time()
        client.get("/healthz")
        hello.append(time.process_time() - started)
    print(f"  {'GET /healthz':44} median {statistics.median(hello) * 1000:7.2f} ms, "
          f"least {min(hello) * 1000:7.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("student", help="a seeded student's username, e.g. student0100")
    parser.add_argument("--cycles", type=int, default=30)
    parser.add_argument("--profile", metavar="FILE", help="write pyinstrument's report here")
    parser.add_argument("--page", action="append", metavar="PATH",
                        help="time GET PATH instead of review cycles (repeatable; the "
                             "student may be 'teacher' or '-' for anonymous)")
    args = parser.parse_args()

    app = create_app({"RATELIMIT_ENABLED": False})
    client = app.test_client()
    if args.page:
        time_pages(app, client, args)
        return
    token = TOKEN.search(client.get("/login").get_data(as_text=True)).group(1)
    response = client.post("/login", data={"username": args.student, "password": PASSWORD,
                                           "csrf_token": token})
    if response.status_code != 303:
        sys.exit(f"could not log in as {args.student}")
    for _ in range(3):  # warm the caches: templates, compiled statements
        cycle(client)

    profiler = None
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0002)
        profiler.start()
    timings = []
    for _ in range(args.cycles):
        if (times := cycle(client)) is None:
            break
        timings.append(times)
    if profiler is not None:
        profiler.stop()
        Path(args.profile).write_text(profiler.output_text(unicode=False, color=False))
    hello = []
    for _ in range(300):
        started = time.perf_counter()
        client.get("/healthz")
        hello.append(time.perf_counter() - started)

    print(f"{len(timings)} review cycles as {args.student}"
          + (" (under the profiler: slower)" if profiler else ""))
    names = sorted({name for times in timings for name in times})
    for name in names:
        values = [times[name] for times in timings if name in times]
        print(f"  {name:24} median {statistics.median(values) * 1000:6.2f} ms  "
              f"({len(values)} requests)")
    print(f"  {'GET /healthz':24} median {statistics.median(hello) * 1000:6.2f} ms")


if __name__ == "__main__":
    main()
