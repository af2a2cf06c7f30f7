"""Study: quizzes, spaced-repetition reviews, and the queue of what a student studies."""

from . import (
    cleanup,  # noqa: F401 - connects the account-deletion receiver
    services,  # noqa: F401 - answers banks' studies_bank
)
