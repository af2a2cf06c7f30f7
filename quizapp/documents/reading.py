"""A teacher's document file read as plain text: .txt, .md, .html or .docx.

Only the text is kept (an HTML page's scripts and styles, a Word file's formatting and
pictures are dropped), one paragraph a line, as the source page shows it and as quotes
are matched against it. No Flask here: the views pass the bytes and the limits.
"""

import html
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import PurePath

from ..core.messages import N_

SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx")
# A Word file is a zip: what it may hold once expanded, so a small file cannot expand
# into gigabytes (a "zip bomb") before its text is read.
MAX_DOCX_MEMBERS = 300
MAX_DOCX_EXPANDED = 40 * 1024 * 1024


class UnreadableDocument(ValueError):
    """The file cannot be taken; ``message`` is an untranslated message id."""

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message)
        self.message = message
        self.params = params


@dataclass(frozen=True)
class ReadLimits:
    max_bytes: int = 2 * 1024 * 1024
    max_chars: int = 100_000


# Invisible characters a quote could never be written with (bank text refuses them, see
# core/text.py): taken out so that every sentence of the document can be quoted.
_INVISIBLE = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b\ufeff\u00ad]")
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def normalise_body(text: str) -> str:
    """The text as stored: newlines unified, invisible and control characters taken out,
    spaces at line ends and blank lines beyond one between paragraphs dropped. Nothing
    else changes: quotes must match the document exactly."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2029", "\n")
    text = _CONTROLS.sub("", _INVISIBLE.sub("", text.replace("\t", " ")))
    lines = [line.rstrip() for line in text.split("\n")]
    paragraphs: list[str] = []
    for line in lines:
        if line.strip() or (paragraphs and paragraphs[-1]):
            paragraphs.append(line if line.strip() else "")
    return "\n".join(paragraphs).strip("\n")


def read_document(filename: str, data: bytes, limits: ReadLimits = ReadLimits()) -> str:
    """The text of an uploaded document, or UnreadableDocument saying why not."""
    if len(data) > limits.max_bytes:
        raise UnreadableDocument(
            N_("the file is too large; paste the text instead, or split it (the limit is "
               "%(limit)s kB)"),
            limit=limits.max_bytes // 1024)
    suffix = PurePath(filename or "").suffix.lower()
    if suffix not in SUFFIXES:
        raise UnreadableDocument(
            N_("choose a .txt, .md, .html or .docx file"))
    if suffix == ".docx":
        text = _docx_text(data)
    else:
        text = _decode(data)
        if suffix in (".html", ".htm"):
            text = html_text(text)
        elif suffix == ".md":
            text = markdown_text(text)
    return checked_body(text, limits)


def checked_body(text: str, limits: ReadLimits = ReadLimits()) -> str:
    """Pasted or extracted text, normalised and within the limits."""
    body = normalise_body(unicodedata.normalize("NFC", text) if _has_decomposed(text)
                          else text)
    if not body.strip():
        raise UnreadableDocument(N_("the document has no text"))
    if len(body) > limits.max_chars:
        raise UnreadableDocument(
            N_("the document is too long; split it into parts (the limit is %(limit)s "
               "characters)"),
            limit=limits.max_chars)
    return body


def _has_decomposed(text: str) -> bool:
    # Word processors on some systems write letters and their marks apart; the browser
    # sends a quote composed, so a decomposed document would never match one.
    return not unicodedata.is_normalized("NFC", text)


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") \
            else ("utf-8-sig",):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableDocument(N_("cannot read the file as UTF-8 text"))


class _TextParser(HTMLParser):
    """An HTML page's visible text: block elements end a paragraph; scripts, styles,
    templates and the document head give no text at all."""

    SKIPPED = {"script", "style", "template", "head", "noscript", "svg", "math", "iframe",
               "object", "title"}
    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote",
              "section", "article", "header", "footer", "pre", "dd", "dt", "figcaption",
              "table", "ul", "ol", "hr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIPPED:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_text(markup: str) -> str:
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


_MD_MARKS = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)")
_MD_INLINE = re.compile(r"(\*\*|__|`)")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def markdown_text(text: str) -> str:
    """Markdown's marks taken off (headings, quotes, list bullets, emphasis, links),
    its words left as written; any HTML in it is read as HTML is."""
    if "<" in text:
        text = html_text(text.replace("\n\n", "<p>"))
    lines = []
    for line in text.split("\n"):
        line = _MD_LINK.sub(r"\1", _MD_MARKS.sub("", line))
        lines.append(html.unescape(_MD_INLINE.sub("", line)))
    return "\n".join(lines)


def _docx_text(data: bytes) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise UnreadableDocument(N_("the file is not a Word document (.docx)")) from None
    if len(members) > MAX_DOCX_MEMBERS or sum(m.file_size for m in members) > MAX_DOCX_EXPANDED:
        raise UnreadableDocument(N_("the Word document is too large once unpacked"))
    if "word/document.xml" not in archive.namelist():
        raise UnreadableDocument(N_("the file is not a Word document (.docx)"))
    import docx  # python-docx: only here, so a text upload never loads it

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - any malformed part is an unreadable file
        raise UnreadableDocument(N_("the file is not a Word document (.docx)")) from None
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            paragraphs.extend(cell.text for cell in row.cells)
    return "\n".join(paragraphs)
