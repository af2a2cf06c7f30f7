"""A background job as pages see it: who asked for it, how far it got, how it ended.

The queue (huey) carries only the job's id; everything a page shows is in this row, so
any server can show a job that any worker runs.
"""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..database import UTCDateTime, utcnow
from ..extensions import Model

JOB_STATES = ("queued", "running", "done", "failed")


class Job(Model):
    __tablename__ = "jobs"
    __table_args__ = (
        CheckConstraint("state IN ('queued', 'running', 'done', 'failed')", name="state"),
        Index("ix_jobs_owner_created", "owner_id", "created_at"),
        # Job ids reach URLs: never given out again (SQLite reuses the highest otherwise).
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    # By table name: core sits below accounts and imports nothing from it.
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    state: Mapped[str] = mapped_column(String(10), default="queued")
    progress_done: Mapped[int] = mapped_column(default=0)
    progress_total: Mapped[int] = mapped_column(default=0)
    # What the task needs besides ids (small values); a large input (a bank's text) in
    # ``payload``.
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    payload: Mapped[str | None] = mapped_column(Text)
    # The outcome, or why it failed: a message id translated when shown, with its values.
    message_key: Mapped[str | None] = mapped_column(Text)
    message_params: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # Where the result is: {"endpoint": ..., "values": {...}} for a page, or a file.
    link: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    result_name: Mapped[str | None] = mapped_column(String(200))
    result_mimetype: Mapped[str | None] = mapped_column(String(100))
    result_data: Mapped[bytes | None] = mapped_column(LargeBinary)
    # Anything else a result page shows (a bank check's problems), as plain data.
    details: Mapped[Any | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @property
    def finished(self) -> bool:
        return self.state in ("done", "failed")

    @property
    def percent(self) -> int:
        if self.state == "done":
            return 100
        if not self.progress_total:
            return 0
        return min(100, int(100 * self.progress_done / self.progress_total))
