"""Every interface message that counts something is plural-aware.

Arabic has six plural forms ("سؤال واحد", "سؤالان", "3 أسئلة", "11 سؤالًا", "100 سؤال",
and zero), so a message like "Use at least %(n)s characters." written with gettext
alone is wrong in Arabic for most numbers. The catalog is extracted from the code, as
`flask translate update` does, and every message whose placeholder is a count must be a
plural (ngettext) entry.
"""

import re

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from quizapp.core.cli import extract_catalog

PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
# Placeholder names that hold a number of things.
COUNT_NAME = re.compile(
    r"^(n|num|count|\w+_count|total|size|limit|min_\w+|max_\w+|seconds|minutes|hours|days|"
    r"weeks|months|years|added|updated|retired|done|right|checked|students|questions|cards)$")
# Messages whose counts stand alone, with no counted noun to agree with them; the Arabic
# keeps them so ("3 من 10", "الأسئلة المضافة: 3").
NUMBER_ONLY = {
    "%(done)s of %(total)s",
    "Question %(n)s of %(total)s",  # a position, "Question 3 of 10"
    "Right answers: %(right)s of %(checked)s",
    "Published. %(added)s added, %(updated)s changed, %(retired)s retired.",
    "Working: %(done)s of %(total)s done.",
    # Jobs' outcomes name their counts as labels ("الأسئلة: 3").
    "The bank passed every check. Questions: %(count)s; to be added: %(added)s, "
    "changed: %(updated)s, retired: %(retired)s.",
    "Imported as a draft. Questions: %(count)s. Open it in the editor, complete it, "
    "check it, then publish; nothing is published yet.",
    "Questions drafted: %(count)s. Review them, then open the draft in the bank editor to "
    "publish it; nothing is published yet.",
    # The limit stands as a value in brackets; no noun is counted by it.
    "too many combining marks on one letter (the limit is %(limit)s)",
    "you have reached the limit on banks per teacher (%(limit)s); publish a new version of "
    "one of your banks instead",
    "you have reached the limit on documents per teacher (%(limit)s)",
    "you have reached the limit on names per teacher (%(limit)s)",
    "too many variants (the limit is %(limit)s)",
    "the file is too large; paste the text instead, or split it (the limit is %(limit)s kB)",
    "the document is too long; split it into parts (the limit is %(limit)s characters)",
}


def counted_messages_without_plural(catalog: Catalog) -> list[str]:
    """The singular-only messages of a catalog that put a count in their text."""
    found = []
    for message in catalog:
        if not message.id or isinstance(message.id, tuple) or message.id in NUMBER_ONLY:
            continue
        if any(COUNT_NAME.match(name) for name in PLACEHOLDER.findall(message.id)):
            found.append(message.id)
    return found


def test_every_message_with_a_count_is_plural_aware(tmp_path):
    pot = tmp_path / "messages.pot"
    extract_catalog(pot)
    with pot.open("rb") as template:
        catalog = read_po(template)
    assert counted_messages_without_plural(catalog) == [], (
        "use ngettext (lazy_ngettext in forms, Nn_ in the validator) and fill the six "
        "Arabic forms")


def test_a_counted_message_written_with_gettext_is_caught():
    catalog = Catalog(locale="en")
    catalog.add("Use at least %(n)s characters.")
    catalog.add("Give this link to %(name)s. It works once, for %(hours)s hours.")
    catalog.add(("Use at least %(num)s character.", "Use at least %(num)s characters."))
    catalog.add("Welcome, %(name)s!")
    assert counted_messages_without_plural(catalog) == [
        "Use at least %(n)s characters.",
        "Give this link to %(name)s. It works once, for %(hours)s hours."]
