"""Marking interface messages for extraction where they are written, and translating them
where they are shown (`flask translate` extracts ``N_``; see core/cli.py)."""


def N_(message: str) -> str:  # noqa: N802 - gettext's conventional name
    """Marks a message for extraction; it is translated when shown."""
    return message
