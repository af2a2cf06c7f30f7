"""A draft bank: what the drafter proposed for one document, as the teacher reviews it."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..banks.models import Document
from ..database import UTCDateTime, utcnow
from ..extensions import Model


class Draft(Model):
    """One document's draft bank (the bank YAML's structure), until it is published.

    Kept so that reviewing 60 questions survives a closed tab; drafting again replaces it.
    """

    __tablename__ = "drafts"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                          index=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), unique=True)
    bank: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    document: Mapped[Document] = relationship()

    @property
    def questions(self) -> list[dict[str, Any]]:
        return list(self.bank.get("questions") or [])
