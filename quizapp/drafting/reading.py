"""The text of a document file: .txt and .md as they are, .html without its markup,
scripts and styles, .docx through python-docx (paragraph text only)."""

import html
import io
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx")


class UnreadableDocument(ValueError):
    """The file is not a document the drafter reads; the message says why."""


class _TextOfHtml(HTMLParser):
    _SKIPPED = {"script", "style", "noscript", "template", "head", "svg"}
    _BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
               "article", "blockquote", "header", "footer", "table", "ul", "ol", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIPPED:
            self.skipping += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIPPED:
            self.skipping = max(self.skipping - 1, 0)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_text(markup: str) -> str:
    parser = _TextOfHtml()
    parser.feed(markup)
    parser.close()
    return html.unescape("".join(parser.parts))


_MARKDOWN = [
    (re.compile(r"^\s{0,3}#{1,6}\s+", re.MULTILINE), ""),  # headings
    (re.compile(r"^\s{0,3}(?:[-*+]|\d+[.)])\s+", re.MULTILINE), ""),  # list items
    (re.compile(r"^\s{0,3}>\s?", re.MULTILINE), ""),  # block quotes
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links and images: their text
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1"),  # emphasis
    (re.compile(r"`([^`]*)`"), r"\1"),  # code
    (re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$", re.MULTILINE), ""),  # rules
]


def markdown_text(markdown: str) -> str:
    """Markdown's text without its markup (headings, lists, emphasis, links)."""
    for pattern, replacement in _MARKDOWN:
        markdown = pattern.sub(replacement, markdown)
    return markdown


def docx_text(data: bytes) -> str:
    import docx  # python-docx: imported here, only a .docx needs it

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise UnreadableDocument("not a readable .docx file") from error
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


def tidy(text: str) -> str:
    """One paragraph a line: spaces inside lines collapsed, blank lines dropped."""
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def document_text(name: str, data: bytes) -> str:
    """The plain text of an uploaded or read file, by its name's suffix."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise UnreadableDocument(
            f"{suffix or 'no suffix'}: the drafter reads {', '.join(SUFFIXES)} files")
    if suffix == ".docx":
        text = docx_text(data)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise UnreadableDocument("the file is not UTF-8 text") from error
        if suffix in (".html", ".htm"):
            text = html_text(text)
        elif suffix == ".md":
            text = markdown_text(text)
    text = tidy(text)
    if not re.search(r"[^\W\d_]", text):
        raise UnreadableDocument("the document has no text")
    return text


def read_document(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableDocument(f"cannot read {path}: {error.strerror}") from error
    return document_text(path.name, data)
