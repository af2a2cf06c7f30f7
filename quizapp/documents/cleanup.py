"""What a deleted account leaves of its documents: they stay (banks cite them, students'
history quotes them), owned by nobody and so visible to nobody; its glossary names and
drafts go with it."""

from sqlalchemy import delete, update

from ..accounts.models import User
from ..accounts.signals import account_deleted
from ..banks.models import Document, GlossaryEntry
from .models import Draft


@account_deleted.connect
def let_go_of_documents(user: User, *, session, **_) -> None:
    session.execute(delete(Draft).where(Draft.owner_id == user.id))
    session.execute(delete(GlossaryEntry).where(GlossaryEntry.owner_id == user.id))
    session.execute(update(Document).where(Document.owner_id == user.id).values(owner_id=None))
