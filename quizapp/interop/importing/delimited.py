"""Anki's text import and Quizlet's export: one card a row, term then definition.

Anki's file headers are honoured: ``#separator:``, ``#html:``, ``#deck:`` and
``#tags column:``. A row becomes a flashcard, or a short_text question whose accepted
answer is the definition.
"""

import csv
import io

from ...banks.problems import N_
from ...questions.imported import ImportedAnswer, ImportedQuestion
from .draft import Reader
from .texts import by_language, plain

_SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|", "space": " ",
               "colon": ":"}


def _guess_separator(lines: list[str]) -> str:
    sample = "\n".join(lines[:20])
    return max(("\t", ";", ","), key=sample.count) if sample else "\t"


def read(data: bytes, reader: Reader, *, as_type: str = "flashcard") -> None:
    try:
        source = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        reader.problem(1, N_("cannot read the file as UTF-8 text"))
        return
    if "\x00" in source:
        reader.problem(1, N_("the file is not a text file"))
        return
    lines = source.splitlines()
    separator, html, tags_column, header_lines = "", False, 0, 0
    for header in lines:
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
        elif key == "tags column" and value.isdigit():
            tags_column = int(value)
    body = lines[header_lines:]
    separator = separator or _guess_separator(body)
    rows = csv.reader(io.StringIO("\n".join(body)), delimiter=separator, strict=True)
    try:
        for row in rows:
            line = header_lines + rows.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) < 2 or not row[0].strip() or not row[1].strip():
                reader.problem(line, N_("a row needs a term and a definition"))
                continue
            term, definition = ((plain(cell) if html else " ".join(cell.split()))
                                for cell in row[:2])
            tags = row[tags_column - 1].split() if 0 < tags_column <= len(row) else []
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
