"""The benchmark, at a smoke size, so it cannot rot: it must run end to end, serve
without errors, and find every acknowledged review stored."""

import json
import subprocess
import sys

import pytest

from ..conftest import PROJECT_ROOT, requires_sqlite


@requires_sqlite("the benchmark makes its own database; on PostgreSQL it is run by hand")
@pytest.mark.browser  # it starts gunicorn: one of the slow, whole-system tests
def test_benchmark_runs_end_to_end(tmp_path):
    result = subprocess.run(
        [sys.executable, "bench/run.py", "--students", "4", "--seeded", "16", "--cards", "30",
         "--reviews", "1920", "--seconds", "1", "--think", "0.05", "0.2", "--kill", "--json"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout)
    assert report["seed"]["review_logs"] == 16 * 30 * 4
    assert report["acknowledged_reviews"] > 0
    # Every acknowledged review stored; wrk may leave a few sent but unread at the end.
    assert (report["acknowledged_reviews"] <= report["stored_reviews"]
            <= report["acknowledged_reviews"] + report["unanswered_at_end"])
    rows = {row["endpoint"]: row for phase in report["phases"].values() for row in phase}
    assert all(row["errors"] == 0 for row in rows.values()), rows
    # Every endpoint the issue names was measured.
    for endpoint in ("hello (GET /healthz)", "next card (GET /review)",
                     *(("home, anonymous (GET /)", "check an answer (POST /review/answer)")
                       if report["driver"] == "wrk" else ()),
                     "dashboard (GET /progress)", "class page (GET /classes/<id>)",
                     "submit a review (POST /review/rate)"):
        assert rows[endpoint]["requests"] > 0, endpoint
    # Students who pause between clicks were timed on their own.
    assert sum(row["requests"] for row in report["phases"]["paced"]) > 0
    assert report["kill"]["stored"] >= report["kill"]["acknowledged"]
    assert report["kill"]["integrity_check"] == "ok"
