"""Another program's file (Moodle XML, GIFT, Anki or Quizlet CSV/TSV, Anki .apkg) made into
a draft bank in this app's YAML, for the teacher to complete in the bank editor."""

from collections.abc import Mapping
from pathlib import PurePath
from typing import Any

from ...banks.problems import Nn_, Problem
from ...core.messages import N_
from . import apkg, delimited, gift, moodle_xml
from .draft import ImportLimits, ImportResult, Reader, build

__all__ = ["FORMATS", "ImportLimits", "ImportResult", "guess_format", "import_file",
           "import_limits"]

FORMATS = ("moodle-xml", "gift", "csv", "quizlet", "apkg")
_EXTENSIONS = {".xml": "moodle-xml", ".gift": "gift", ".txt": "gift", ".csv": "csv",
               ".tsv": "csv", ".apkg": "apkg", ".colpkg": "apkg"}


def import_limits(config: Mapping[str, Any]) -> ImportLimits:
    """The limits the app's configuration sets (IMPORT_MAX_*), the defaults otherwise."""
    default = ImportLimits()
    return ImportLimits(
        max_bytes=int(config.get("IMPORT_MAX_BYTES", default.max_bytes)),
        max_questions=int(config.get("IMPORT_MAX_QUESTIONS", default.max_questions)),
        max_members=int(config.get("IMPORT_MAX_MEMBERS", default.max_members)),
        max_expanded_bytes=int(config.get("IMPORT_MAX_EXPANDED_BYTES",
                                          default.max_expanded_bytes)),
    )


# The app's own export names (SLUG.anki.txt, SLUG.quizlet.txt): ".txt" alone says GIFT.
_NAMED = {".anki.txt": "csv", ".quizlet.txt": "quizlet", ".gift.txt": "gift"}
# The headers Anki writes at the top of a text file (a GIFT file has none of them).
_ANKI_HEADERS = ("#separator:", "#html:", "#notetype:", "#deck:", "#columns:", "#tags:",
                 "#guid column:", "#notetype column:", "#deck column:", "#tags column:")


def guess_format(filename: str, data: bytes = b"") -> str | None:
    """The format a file's name says; a text file opening with Anki's headers is Anki text."""
    name = PurePath(filename).name.lower()
    named = next((fmt for ending, fmt in _NAMED.items() if name.endswith(ending)), None)
    fmt = named or _EXTENSIONS.get(PurePath(name).suffix)
    if fmt == "gift" and named is None and data.lstrip(b"\xef\xbb\xbf").lower().startswith(
            tuple(header.encode() for header in _ANKI_HEADERS)):
        return "csv"
    return fmt


def import_file(data: bytes, filename: str, fmt: str | None = None, *,
                limits: ImportLimits | None = None, as_type: str = "flashcard") -> ImportResult:
    """The draft bank of one file, or every problem found in it (and no draft)."""
    limits = limits or ImportLimits()
    fmt = fmt or guess_format(filename, data[:200])
    name = PurePath(filename).name or "import"
    if fmt not in FORMATS:
        return ImportResult(problems=[Problem(name, 1, 1, "", N_(
            "unknown import format; expected one of: %(expected)s"),
            {"expected": ", ".join(FORMATS)})])
    if len(data) > limits.max_bytes:
        return ImportResult(problems=[Problem(name, 1, 1, "", Nn_(
            "the file is larger than the limit of %(limit)s byte",
            "the file is larger than the limit of %(limit)s bytes", "limit"),
            {"limit": limits.max_bytes})])
    reader = Reader(name, limits)
    if fmt == "moodle-xml":
        moodle_xml.read(data, reader)
    elif fmt == "gift":
        gift.read(data, reader)
    elif fmt == "apkg":
        apkg.read(data, reader)
    else:
        delimited.read(data, reader, as_type=as_type, quizlet=fmt == "quizlet")
    return build(reader)
