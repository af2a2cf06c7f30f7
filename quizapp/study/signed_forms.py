"""The review forms' signed tokens: when a question was shown (for the answer's time) and
the checked answer a rating completes. Each kind has its own salt, so one is never
accepted as another; a rating's token names its account and time."""

from datetime import datetime

from flask import abort, current_app, flash, request
from flask_babel import gettext as _
from flask_login import current_user
from fsrs import Rating
from itsdangerous import BadSignature, URLSafeSerializer

from ..core.params import MAX_ID
from . import reviews

MAX_DURATION_MS = 3600 * 1000


def signer(purpose: str) -> URLSafeSerializer:
    """One salt per kind of token, so that one kind is never accepted as another."""
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=f"study.{purpose}")


def shown_token(question_id: int, now: datetime) -> str:
    return signer("shown").dumps({"q": question_id, "t": int(now.timestamp() * 1000)})


def _is_int(value, low: int, high: int) -> bool:
    return type(value) is int and low <= value <= high


def duration_ms(token: str | None, question_id: int, now: datetime) -> int | None:
    """Time from showing the question to the answer, from a token the server signed."""
    try:
        data = signer("shown").loads(token or "")
    except BadSignature:
        return None
    if not (isinstance(data, dict) and data.get("q") == question_id
            and _is_int(data.get("t"), 0, 2**53)):
        return None
    elapsed = int(now.timestamp() * 1000) - data["t"]
    return elapsed if 0 <= elapsed <= MAX_DURATION_MS else None


PAYLOAD_KEYS = {"q", "seen", "r", "d", "s", "u", "t"}
# A rating completes an answer given moments before; a day leaves room for a break.
PAYLOAD_MAX_AGE_SECONDS = 24 * 3600


def signed_submission(checked: reviews.ReviewFeedback, now: datetime) -> str:
    """The checked answer, signed into the feedback page for the rating to complete; it
    names the account and the time, so it is neither another's nor replayed much later."""
    submission = checked.submission
    return signer("rating").dumps({
        "q": submission.question_id, "seen": submission.seen, "r": submission.response,
        "d": submission.duration_ms, "s": int(checked.suggested), "u": current_user.id,
        "t": int(now.timestamp())})


def rating_payload(now: datetime) -> reviews.ReviewSubmission:
    """The signed answer a rating completes, checked for shape: a token of another kind,
    one of another account's, or one whose keys or values are not what ``review_answer``
    signs, is a 400; so is one older than PAYLOAD_MAX_AGE_SECONDS, with a message."""
    try:
        data = signer("rating").loads(request.form.get("payload", ""))
    except BadSignature:
        abort(400)
    if not (isinstance(data, dict) and set(data) == PAYLOAD_KEYS
            and _is_int(data["q"], 1, MAX_ID) and _is_int(data["seen"], 0, MAX_ID)
            and _is_int(data["s"], 1, 4) and data["u"] == current_user.id
            and _is_int(data["t"], 0, 2**40)
            and (data["d"] is None or _is_int(data["d"], 0, MAX_DURATION_MS))):
        abort(400)
    if now.timestamp() - data["t"] > PAYLOAD_MAX_AGE_SECONDS:
        flash(_("This answer is too old to rate. Answer the card again."), "error")
        abort(400)
    return reviews.ReviewSubmission(data["q"], data["seen"], data["d"], answered=True,
                                    response=data["r"], suggested=Rating(data["s"]))
