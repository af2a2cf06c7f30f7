"""What any page costs before its own work: the stack's floor, in CPU time, in-process.

    DATABASE_URL=sqlite:////tmp/b.sqlite3 .venv/bin/python bench/floor.py student0100

Adds three bench-only endpoints to an app built as deployed and times each through
Flask's test client, anonymous and as a logged-in student (median CPU ms of 500
requests after 50 warm-up ones):

- `hello`: the app's own `GET /healthz` (the benchmark's baseline);
- `account`: an endpoint that only reads `current_user`, i.e. the session cookie, the
  account's query (Flask-Login) and the idle/absolute time-out check every page runs;
- `layout`: `base.html` with an empty content block: the header, navigation, language
  switch, search box and CSRF token every page shows;
- `layout + 1 query`: the same and one indexed ORM query, the least a real page does.

A page cannot cost less than `layout` plus its own queries and markup; the ratio of
`hello` to it bounds the throughput any page can reach against hello on this stack
(gunicorn adds the same ~0.4 ms to every request, hello included).
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from profile import log_in  # noqa: E402 - bench/profile.py, beside this script

from quizapp import create_app  # noqa: E402

EMPTY_PAGE = ('{% extends "base.html" %}{% block title %}-{% endblock %}'
              '{% block content %}<p>-</p>{% endblock %}')


def build_app():
    from flask import render_template
    from flask_login import current_user
    from sqlalchemy import func, select

    from quizapp.banks.models import Bank
    from quizapp.extensions import db

    app = create_app({"RATELIMIT_ENABLED": False})
    with app.app_context():
        layout = app.jinja_env.from_string(EMPTY_PAGE)

    @app.get("/_floor/account")
    def account() -> str:
        return "yes" if current_user.is_authenticated else "no"

    @app.get("/_floor/layout")
    def empty_layout() -> str:
        return render_template(layout)

    @app.get("/_floor/query")
    def one_query() -> str:
        db.session.scalar(select(func.count()).select_from(Bank).where(Bank.id == 1))
        return render_template(layout)

    return app


def median_ms(client, path: str, requests: int) -> float:
    for _ in range(50):
        assert client.get(path).status_code == 200, path
    times = []
    for _ in range(requests):
        started = time.process_time()
        client.get(path)
        times.append(time.process_time() - started)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("student", help="a seeded student's username, e.g. student0100")
    parser.add_argument("--requests", type=int, default=500)
    args = parser.parse_args()
    app = build_app()
    paths = {"hello": "/healthz", "account": "/_floor/account",
             "layout": "/_floor/layout", "layout + 1 query": "/_floor/query"}
    results: dict[str, dict[str, float]] = {}
    for who in ("anonymous", args.student):
        client = app.test_client()
        if who != "anonymous":
            log_in(client, who)
        results[who] = {name: median_ms(client, path, args.requests)
                        for name, path in paths.items()}
    hello = results["anonymous"]["hello"]
    print(f"{'endpoint':18} {'anonymous':>10} {'logged in':>10}   (CPU ms; "
          f"÷ anonymous hello {hello:.3f} ms)")
    for name in paths:
        cells = [results[who][name] for who in results]
        print(f"{name:18} " + " ".join(f"{value:10.3f}" for value in cells) + "   "
              + " ".join(f"{value / hello:5.1f}×" for value in cells))


if __name__ == "__main__":
    main()
