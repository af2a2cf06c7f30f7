"""gunicorn settings: `gunicorn wsgi:app` reads this file from the working directory.

Environment variables override the defaults: BIND, WEB_CONCURRENCY, GUNICORN_THREADS,
GUNICORN_KEEPALIVE.
"""

import multiprocessing
import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
# Two processes a core: requests mostly wait on the database, rarely on the CPU.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2))
threads = int(os.environ.get("GUNICORN_THREADS", 2))
worker_class = "gthread"
timeout = 30
graceful_timeout = 20
# Longer than a proxy's idle upstream connections (nginx: 60 s) and a browser's pause
# between clicks: a connection gunicorn closes just as a request is sent on it fails that
# request. Idle connections wait in gthread's poller and hold no thread.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", 75))
# Recycle workers now and then, with jitter, so memory cannot creep; rarely, because a
# worker that leaves closes its clients' idle connections, and a request sent on one at
# that moment fails (5,000 recycled each worker every minute or so under load).
max_requests = 100_000
max_requests_jitter = 10_000
# Import the app once, in the master, and fork workers from it: a new worker starts at
# once instead of spending a second of CPU importing, and the code is shared in memory.
preload_app = True
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'
# Trust X-Forwarded-* only from a proxy on this machine.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def post_fork(server, worker):
    """A forked worker must not share the master's database connections. The master
    opens none (creating the app connects to nothing), but dispose of the pools in case."""
    from quizapp.extensions import db
    from wsgi import app

    with app.app_context():
        for engine in db.engines.values():
            engine.dispose(close=False)
