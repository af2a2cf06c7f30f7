"""Anki's text import and Quizlet's export: one card a row, term then definition.

Every header Anki writes and documents is honoured (docs.ankiweb.net, "Importing text
files"): ``#separator:``, ``#html:``, ``#tags:`` (added to every row), ``#columns:``, the
``#notetype:`` and ``#deck:`` of the whole file, and the ``#guid column:``, ``#notetype
column:``, ``#deck column:`` and ``#tags column:`` that say which columns are not fields.
The first two remaining columns are the front and the back. A row becomes a flashcard, or
a short_text question whose accepted answer is the definition.

Quizlet's files are a term, a tab and a definition a line, with no CSV quoting: a quote
there is text, so they are read with ``csv.QUOTE_NONE``.
"""

import csv
import io

from ...core.messages import N_
from ...questions.imported import ImportedAnswer, ImportedQuestion
from .draft import Reader
from .texts import by_language, plain

_SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|", "space": " ",
               "colon": ":"}


def _guess_separator(lines: list[str]) -> str:
    sample = "\n".join(lines[:20])
    return max(("\t", ";", ","), key=sample.count) if sample else "\t"


# Headers naming a column (counted from 1) that holds something other than a field.
_SPECIAL_COLUMNS = ("guid column", "notetype column", "deck column", "tags column")


def read(data: bytes, reader: Reader, *, as_type: str = "flashcard",
         quizlet: bool = False) -> None:
    try:
        source = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        reader.problem(1, N_("cannot read the file as UTF-8 text"))
        return
    if "\x00" in source:
        reader.problem(1, N_("the file is not a text file"))
        return
    lines = source.splitlines()
    separator, html, header_lines = "", False, 0
    columns: dict[str, int] = {}
    file_tags: list[str] = []
    for header in lines if not quizlet else []:
        if not header.startswith("#") or ":" not in header:
            break
        header_lines += 1
        key, value = (part.strip() for part in header[1:].split(":", 1))
        key = key.lower()
        if key == "separator":
            separator = _SEPARATORS.get(value.lower(), value[:1])
        elif key == "html":
            html = value.lower() == "true"
        elif key == "deck" and value:
            reader.title = {"ar": value, "en": value} | by_language(value)
        elif key == "tags":
            file_tags = value.split()
        elif key in _SPECIAL_COLUMNS and value.isdigit() and int(value) > 0:
            columns[key] = int(value)
    body = lines[header_lines:]
    separator = separator or _guess_separator(body)
    # Quizlet writes no quotes: a '"' in a term is text, not the start of a quoted field.
    text = io.StringIO("\n".join(body))
    rows = (csv.reader(text, delimiter=separator, strict=True, quoting=csv.QUOTE_NONE)
            if quizlet else csv.reader(text, delimiter=separator, strict=True))
    special = {number - 1 for number in columns.values()}
    tags_column = columns.get("tags column", 0)
    try:
        for row in rows:
            line = header_lines + rows.line_num
            if not any(cell.strip() for cell in row):
                continue
            cells = [cell for index, cell in enumerate(row) if index not in special]
            if len(cells) < 2 or not cells[0].strip() or not cells[1].strip():
                reader.problem(line, N_("a row needs a term and a definition"))
                continue
            term, definition = ((plain(cell) if html else " ".join(cell.split()))
                                for cell in cells[:2])
            tags = file_tags + (row[tags_column - 1].split()
                                if 0 < tags_column <= len(row) else [])
            if as_type == "short_text":
                question = ImportedQuestion(
                    "shortanswer", line, prompt=by_language(term), tags=tags,
                    answers=[ImportedAnswer(by_language(definition), 100.0)])
            else:
                question = ImportedQuestion("flashcard", line, prompt=by_language(term),
                                            back=by_language(definition), tags=tags)
            if not reader.add(question):
                return
    except csv.Error as error:
        reader.problem(header_lines + rows.line_num, N_("not a well-formed CSV row: %(error)s"),
                       error=str(error))
