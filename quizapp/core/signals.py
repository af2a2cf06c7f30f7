"""What core announces, so that features above it can act without core importing them."""

from blinker import Namespace

_signals = Namespace()

#: Sent when a visitor picks the interface language in the header: ``language`` is the
#: code chosen. Accounts saves it as a logged-in user's language (accounts/access.py).
language_chosen = _signals.signal("language-chosen")
