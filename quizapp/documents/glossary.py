"""A teacher's own glossary names: people, places and institutions of their documents,
with the spelling to write in each language and the variants to accept and refuse.

The shipped glossary (questions/glossary.yaml) stays the base every teacher shares; a
teacher's entries are added to it for their own banks only (``stored_library``), and
given to the drafter with it.
"""

import re
from dataclasses import dataclass

from pydantic import ValidationError
from sqlalchemy import func, select

from ..banks import schema
from ..banks.models import GlossaryEntry
from ..banks.ownership import stored_name, written_name
from ..core.messages import N_
from ..core.text import clean_text
from ..database import write_transaction
from ..extensions import db
from .services import DocumentRefused

KINDS = ("person", "place", "institution")
MAX_ENTRIES = 500
MAX_VARIANTS = 20


class EntryRefused(DocumentRefused):
    """A glossary name was not stored: the same shape as a refused document."""


@dataclass(frozen=True)
class Name:
    """What a teacher gives for a name; the variants one per line."""

    kind: str
    ar: str
    en: str
    variants_ar: tuple[str, ...] = ()
    variants_en: tuple[str, ...] = ()


def _cleaned(name: Name) -> Name:
    """Spellings as every typed name is kept (core/text.py): a NUL breaks PostgreSQL, a
    bidi override makes a name read other than it is."""
    def variants(values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(value for value in map(clean_text, values) if value))

    return Name(name.kind, clean_text(name.ar), clean_text(name.en),
                variants(name.variants_ar), variants(name.variants_en))


def _entry(name: Name) -> dict[str, object]:
    """The entry as the glossary stores it, checked as questions/glossary.yaml is."""
    name = _cleaned(name)
    if name.kind not in KINDS:
        raise EntryRefused("kind", N_("choose a person, a place or an institution"))
    if not name.ar or not name.en:
        raise EntryRefused("ar" if not name.ar else "en",
                           N_("give the spelling in both languages"))
    for lang, variants in (("ar", name.variants_ar), ("en", name.variants_en)):
        if len(variants) > MAX_VARIANTS:
            raise EntryRefused(f"variants_{lang}", N_("too many variants (the limit is %(limit)s)"),
                               limit=MAX_VARIANTS)
        canonical = name.ar if lang == "ar" else name.en
        for variant in variants:
            if variant == canonical or (lang == "ar" and variant in canonical) or (
                    lang == "en" and re.search(r"(?<![\w'])" + re.escape(variant)
                                               + r"(?![\w'])", canonical)):
                raise EntryRefused(f"variants_{lang}",
                                   N_("a variant must not occur in the chosen spelling"))
    try:
        entry = schema.GlossaryEntry.model_validate({
            "id": "entry", "kind": name.kind, "ar": name.ar, "en": name.en,
            "variants": {"ar": list(name.variants_ar), "en": list(name.variants_en)}})
    except ValidationError:
        raise EntryRefused("ar", N_("a spelling is too long")) from None
    return entry.model_dump(mode="json", exclude={"id"})


def _free_slug(owner_id: int, english: str) -> str:
    base = "-".join(re.findall(r"[a-z0-9]+", english.lower()))[:60].strip("-") or "name"
    taken = set(db.session.scalars(select(GlossaryEntry.slug).where(
        GlossaryEntry.owner_id == owner_id)))
    candidate, number = base, 1
    while stored_name(candidate, owner_id) in taken:
        number += 1
        candidate = f"{base}-{number}"
    return stored_name(candidate, owner_id)


def add_name(owner_id: int, name: Name) -> GlossaryEntry:
    entry = _entry(name)
    with write_transaction():
        count = db.session.scalar(select(func.count()).select_from(GlossaryEntry)
                                  .where(GlossaryEntry.owner_id == owner_id)) or 0
        if count >= MAX_ENTRIES:
            raise EntryRefused(
                "ar", N_("you have reached the limit on names per teacher (%(limit)s)"),
                limit=MAX_ENTRIES)
        row = GlossaryEntry(slug=_free_slug(owner_id, name.en), position=count,
                            entry=entry, owner_id=owner_id)
        db.session.add(row)
    return row


def change_name(row: GlossaryEntry, name: Name) -> None:
    entry = _entry(name)
    with write_transaction():
        row.entry = entry


def remove_name(row: GlossaryEntry) -> None:
    with write_transaction():
        db.session.delete(row)


def as_name(row: GlossaryEntry) -> Name:
    variants = row.entry.get("variants") or {}
    return Name(row.entry["kind"], row.entry["ar"], row.entry["en"],
                tuple(variants.get("ar", ())), tuple(variants.get("en", ())))


def own_names(owner_id: int) -> list[GlossaryEntry]:
    return list(db.session.scalars(select(GlossaryEntry).where(
        GlossaryEntry.owner_id == owner_id).order_by(GlossaryEntry.position)))


def shipped_names() -> list[GlossaryEntry]:
    return list(db.session.scalars(select(GlossaryEntry).where(
        GlossaryEntry.owner_id.is_(None)).order_by(GlossaryEntry.position)))


def names_for(owner_id: int) -> list[Name]:
    """The shipped names, then the teacher's own: what their documents are drafted with."""
    return [as_name(row) for row in shipped_names() + own_names(owner_id)]


def entry_name(row: GlossaryEntry) -> str:
    return written_name(row.slug)
