"""What tests of banks share with other folders: a bank a teacher writes, how it is
submitted in the browser's form, and a snapshot of the database to compare."""

import re
from pathlib import Path

from sqlalchemy import text

from quizapp.extensions import db

from ..people import csrf_token

# A valid bank of every question type, under a slug of its own.
GOOD = (Path(__file__).parent / "valid-example.yaml").read_text(encoding="utf-8").replace(
    "slug: broken-example", "slug: my-class-bank")


def submit(client, text="", action="check", checked="", file=None):
    """Post a bank to the editor (check, or publish what was checked)."""
    data = {"csrf_token": csrf_token(client, "/my-banks/new"), "text": text,
            "action": action, "checked": checked}
    if file is not None:
        data["file"] = file
    return client.post("/my-banks/new", data=data, content_type="multipart/form-data")


def stored(user, name="my-class-bank") -> str:
    """A teacher's slug or question id as stored and linked: in their own namespace."""
    return f"t{user.id}.{name}"


def checked_hash(html: str) -> str:
    """The hash of the checked text that the preview hands back for publishing."""
    return re.search(r'name="checked" type="hidden" value="([0-9a-f]{64})"', html).group(1)


def publish(client, text):
    """Check a bank in the editor, then publish exactly what was checked."""
    preview = submit(client, text)
    assert preview.status_code == 200, preview.get_data(as_text=True)
    return submit(client, text, "publish", checked_hash(preview.get_data(as_text=True)))


def snapshot(app) -> dict:
    """Every row of every table (but the throttle's counters), to compare the database
    before and after."""
    with app.app_context():
        # Throttle counters are bookkeeping of requests, not anything a user stored.
        tables = [t.name for t in db.metadata.sorted_tables if t.name != "rate_limit_counters"]
        return {t: sorted(map(tuple, db.session.execute(text(f"SELECT * FROM {t}")).all()),
                          key=repr) for t in tables}
