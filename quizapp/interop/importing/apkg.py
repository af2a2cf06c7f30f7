"""An Anki package (``.apkg``): a zip holding the collection, a SQLite database.

The zip is read defensively: members are looked up by exact name and never extracted by
it (no path can escape), their number and total expanded size are capped, and each is
read in chunks that stop as soon as it grows past its declared size or the cap (a zip
bomb lies about its sizes). The collection is copied to a private temporary folder and
opened read-only with the standard library; nothing in it is executed.
"""

import io
import json
import sqlite3
import tempfile
import zipfile
from pathlib import Path

from ...banks.problems import Nn_
from ...core.messages import N_
from ...questions.imported import ImportedQuestion
from ..anki import FIELDS  # the exporter's own field list: the two cannot drift apart
from .draft import Reader
from .texts import by_language, plain

# Anki 2.1.50+ writes collection.anki21b (zstd) beside a stub collection.anki2 that only
# says "please update"; the legacy names are the ones a plain export carries.
_COLLECTIONS = ("collection.anki21", "collection.anki2")
_CHUNK = 64 * 1024


class _Refused(Exception):
    def __init__(self, template: object, **params: int | str):
        self.template, self.params = template, params


def _copy_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path,
                 budget: int) -> int:
    """Copies one member to ``target``; the bytes written, within the budget."""
    written = 0
    with archive.open(info) as member, target.open("wb") as out:
        while chunk := member.read(_CHUNK):
            written += len(chunk)
            if written > info.file_size or written > budget:
                raise _Refused(N_("the package expands to more than it declares or than "
                                  "the limit allows"))
            out.write(chunk)
    return written


def _open_collection(data: bytes, folder: Path, reader: Reader) -> Path:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as error:
        raise _Refused(N_("not an Anki package (.apkg): %(error)s"), error=str(error)) from None
    with archive:
        members = archive.infolist()
        limits = reader.limits
        if len(members) > limits.max_members:
            raise _Refused(Nn_("the package has more than %(limit)s file",
                               "the package has more than %(limit)s files", "limit"),
                           limit=limits.max_members)
        if sum(info.file_size for info in members) > limits.max_expanded_bytes:
            raise _Refused(N_("the package expands to more than it declares or than the "
                              "limit allows"))
        by_name = {info.filename: info for info in members}
        if "collection.anki21b" in by_name and "collection.anki21" not in by_name:
            # Its collection.anki2 is a stub whose one note asks to update Anki.
            raise _Refused(N_("the package is in Anki's newest format: export it again with "
                              "\"Support older Anki versions\" ticked"))
        info = next((by_name[name] for name in _COLLECTIONS if name in by_name), None)
        if info is None:
            raise _Refused(N_("the package holds no Anki collection"))
        target = folder / "collection.sqlite3"  # our own name, never the member's
        try:
            _copy_member(archive, info, target, limits.max_expanded_bytes)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError,
                RuntimeError) as error:  # RuntimeError: an encrypted member
            raise _Refused(N_("not an Anki package (.apkg): %(error)s"),
                           error=str(error)) from None
        return target


def _deck_name(connection: sqlite3.Connection) -> str:
    try:
        row = connection.execute("SELECT decks FROM col").fetchone()
        decks = json.loads(row[0]) if row and row[0] else {}
    except (sqlite3.DatabaseError, ValueError):
        return ""
    names = [deck.get("name", "") for deck in decks.values()
             if isinstance(deck, dict) and deck.get("name") not in (None, "", "Default")]
    return names[0] if names else ""


def _own_models(connection: sqlite3.Connection) -> set[int]:
    """The ids of the note types that are this app's own (its export's field names)."""
    try:
        row = connection.execute("SELECT models FROM col").fetchone()
        models = json.loads(row[0]) if row and row[0] else {}
    except (sqlite3.DatabaseError, ValueError):
        return set()
    return {int(model_id) for model_id, model in models.items()
            if isinstance(model, dict) and str(model_id).isdigit()
            and [f.get("name") for f in model.get("flds", []) if isinstance(f, dict)] == FIELDS}


def _own_note(number: int, parts: list[str], tags: str) -> ImportedQuestion:
    """A note of the app's own type: both languages' prompt, answer and explanation."""
    field = dict(zip(FIELDS, parts, strict=False))
    prompt = {lang: plain(field.get(f"Question{lang.title()}", "")) for lang in ("ar", "en")}
    explanation = {lang: plain(field.get(f"Explanation{lang.title()}", ""))
                   for lang in ("ar", "en")}
    back = {lang: " ".join(filter(None, (plain(field.get(f"Answer{lang.title()}", "")),
                                         explanation[lang]))) for lang in ("ar", "en")}
    return ImportedQuestion("flashcard", number, name=plain(field.get("Id", "")),
                            prompt={k: v for k, v in prompt.items() if v},
                            back={k: v for k, v in back.items() if v},
                            feedback={k: v for k, v in explanation.items() if v},
                            tags=tags.split())


def _notes(connection: sqlite3.Connection) -> list[tuple[int | None, str, str]]:
    """(note type id, fields, tags) of each note; no type id in a collection without one."""
    try:
        return connection.execute("SELECT mid, flds, tags FROM notes ORDER BY id").fetchall()
    except sqlite3.OperationalError:
        return [(None, fields, tags) for fields, tags in connection.execute(
            "SELECT flds, tags FROM notes ORDER BY id").fetchall()]


def read(data: bytes, reader: Reader) -> None:
    with tempfile.TemporaryDirectory(prefix="quizapp-apkg-") as folder:
        try:
            path = _open_collection(data, Path(folder), reader)
        except _Refused as refused:
            reader.problem(1, refused.template, **refused.params)
            return
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = _notes(connection)
            deck = _deck_name(connection)
            own = _own_models(connection)
        except sqlite3.DatabaseError as error:
            reader.problem(1, N_("not an Anki package (.apkg): %(error)s"), error=str(error))
            return
        finally:
            connection.close()
    if deck:
        reader.title = {"ar": deck, "en": deck} | by_language(deck)
    for number, (model, fields, tags) in enumerate(rows, start=1):
        parts = str(fields).split("\x1f")
        if model in own:
            if not reader.add(_own_note(number, parts, str(tags))):
                return
            continue
        # Any other note type: its first field is the front, its second the back.
        if len(parts) < 2 or not parts[0].strip() or not parts[1].strip():
            reader.problem(number, N_("note %(number)s needs a front and a back"), number=number)
            continue
        question = ImportedQuestion("flashcard", number, prompt=by_language(parts[0]),
                                    back=by_language(parts[1]), tags=str(tags).split())
        if not reader.add(question):
            return
