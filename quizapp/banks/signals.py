"""What banks asks of the features above it, which it must not import."""

from blinker import Namespace

_signals = Namespace()

#: Sent while a logged-in account's bank page is built: the sender is the ``Bank``,
#: ``user`` the account. A receiver returns True when the account studies the bank (study
#: answers), and the page then offers to review it or to stop.
studies_bank = _signals.signal("studies-bank")

#: Sent while a logged-in account's home page (the bank list) is built: the sender is the
#: account, ``now`` the time. A receiver returns a list of ``(template, values)``: the
#: sections shown above the bank list (progress answers with what is due, assignments,
#: streak; or a teacher's classes and banks).
home_sections = _signals.signal("home-sections")

#: Sent when a bank's text passed the editor's checks (for its preview, or to publish
#: it): the sender is the teacher's id, ``draft`` the key the editor was opened with by a
#: feature above banks (a document's draft), ``text`` the checked YAML. Documents keeps
#: its draft in step with what the teacher wrote in the editor.
editor_text_checked = _signals.signal("editor-text-checked")
#: Sent while a student's bank page is built: the sender is the ``Bank``, ``user`` the
#: account. A receiver returns the ids of the bank's questions the student has answered
#: (study answers); only those are shown with their source quote, which usually holds
#: the answer.
answered_questions = _signals.signal("answered-questions")
