"""What a deleted account leaves of banks: its banks stay, owned by nobody.

A leaving teacher's banks become orphans, visible to nobody (``Bank.shipped`` says why
they are never taken for shipped ones), so their students keep their history; the
revisions they published stay, without an author.
"""

from sqlalchemy import update

from ..accounts.models import User
from ..accounts.signals import account_deleted
from .models import Bank, BankRevision


@account_deleted.connect
def let_go_of_banks(user: User, *, session, **_) -> None:
    session.execute(update(Bank).where(Bank.owner_id == user.id).values(owner_id=None))
    session.execute(update(BankRevision).where(BankRevision.author_id == user.id)
                    .values(author_id=None))
