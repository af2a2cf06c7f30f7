"""What accounts announces, so the features above it need not be imported by it.

Features connect a receiver when their package is imported (``create_app`` imports them
all): ``@account_deleted.connect``. A receiver works inside the sender's transaction, so
the account and everything of it go together or not at all.
"""

from blinker import Namespace

_signals = Namespace()

#: Sent while an account is deleted, before its row goes: the sender is the ``User``, and
#: ``session`` the open write transaction. Each feature deletes (or lets go of) its own
#: rows of that account there.
account_deleted = _signals.signal("account-deleted")
