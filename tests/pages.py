"""Reading pages as a person does: the visible text, and the English an Arabic page must
not show (helpers for the tests of several folders)."""

import functools
import html as html_lib
import re
import tempfile
from pathlib import Path

from babel.messages.pofile import read_po

from quizapp.core.cli import extract_catalog


@functools.cache
def english_fragments() -> list[str]:
    """Fragments of every msgid, extracted afresh from the code (the .pot is not kept)."""
    with tempfile.TemporaryDirectory() as folder:
        pot_path = Path(folder) / "messages.pot"
        extract_catalog(pot_path)
        with pot_path.open("rb") as pot:
            catalog = read_po(pot)
    fragments = set()
    for message in catalog:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        for text in ids:
            for part in re.split(r"%\(\w+\)s|`[^`]*`", text or ""):
                part = part.strip(" .:;,!?()“”\"'")
                # Short or code-like fragments ("JSON", "U+") prove nothing.
                if len(part) >= 5 and re.search(r"[a-z]{3}", part) and " " in part:
                    fragments.add(part)
    return sorted(fragments)


def visible_text(page: str) -> str:
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    labels = " ".join(re.findall(r'(?:aria-label|title|placeholder|alt)="([^"]*)"', page))
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", page) + " " + labels)
