"""What banks asks of the features above it, which it must not import."""

from blinker import Namespace

_signals = Namespace()

#: Sent while a logged-in account's bank page is built: the sender is the ``Bank``,
#: ``user`` the account. A receiver returns True when the account studies the bank (study
#: answers), and the page then offers to review it or to stop.
studies_bank = _signals.signal("studies-bank")

#: Sent while a student's bank page is built: the sender is the ``Bank``, ``user`` the
#: account. A receiver returns the ids of the bank's questions the student has answered
#: (study answers); only those are shown with their source quote, which usually holds
#: the answer.
answered_questions = _signals.signal("answered-questions")
