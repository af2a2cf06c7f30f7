"""Time the teacher's class page in-process (no network), on a seeded database.

    DATABASE_URL=sqlite:///... .venv/bin/python bench/seed.py --students 40 --cards 200 \\
        --reviews 56000
    DATABASE_URL=sqlite:///... .venv/bin/python bench/class_page.py
"""

import re
import statistics
import time

from sqlalchemy import event

from quizapp import create_app
from quizapp.extensions import db

app = create_app({"RATELIMIT_ENABLED": False})
client = app.test_client()
page = client.get("/login").get_data(as_text=True)
token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
assert client.post("/login", data={"username": "teacher", "password": "benchmark passphrase",
                                   "csrf_token": token}).status_code == 303
with app.app_context():
    statements = []
    event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
for _ in range(3):
    client.get("/classes/1")
statements.clear()
timings = []
for _ in range(20):
    started = time.perf_counter()
    response = client.get("/classes/1")
    timings.append((time.perf_counter() - started) * 1000)
    assert response.status_code == 200
print(f"class page: median {statistics.median(timings):.1f} ms, "
      f"max {max(timings):.1f} ms over 20 requests; {len(statements) // 20} SQL statements each")
