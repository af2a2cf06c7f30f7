"""`flask bank draft PATH`: a draft bank from a document file, for a teacher to review.

It lives with teachers' documents, whose file reader it shares, and joins the `flask
bank` group in quizapp/__init__.py (banks sits below documents)."""

import re
from pathlib import Path
from typing import TYPE_CHECKING

import click
import yaml
from flask import current_app
from pydantic import ValidationError

from ..banks.schema import DocumentMeta
from ..banks.validator import read_library
from .reading import UnreadableDocument, read_document

if TYPE_CHECKING:
    from ..drafting import GlossaryName, SourceText

# The drafter (its patterns take a second to compile) is imported when a draft is asked
# for, not whenever the flask command starts.


def _glossary() -> "list[GlossaryName]":
    from ..drafting import GlossaryName

    library = read_library(Path(current_app.config["QUESTIONS_DIR"]))
    return [GlossaryName(entry.kind, entry.ar, entry.en,
                         tuple(entry.variants.ar) + tuple(entry.variants.en))
            for entry in library.glossary]


def _source(path: Path, slug: str, text: str) -> "SourceText":
    """The document, with its title, date and language from ``<stem>.yaml`` beside it
    when it has one (the layout of questions/sources)."""
    from ..drafting import SourceText, detect_language

    meta_path = path.with_suffix(".yaml")
    try:
        meta = DocumentMeta.model_validate(yaml.safe_load(meta_path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValidationError):
        return SourceText(slug, detect_language(text), text)
    return SourceText(slug, meta.language, text, meta.title.ar, meta.title.en, meta.date)


def _slug(stem: str) -> str:
    return re.sub(r"-+", "-", re.sub(r"[^a-z0-9]+", "-", stem.lower())).strip("-")[:80]


@click.command("draft")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--slug", help="The document's slug (default: the file's name).")
@click.option("--out", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write the draft here instead of standard output.")
def draft_command(path: Path, slug: str | None, out: Path | None) -> None:
    """Draft a bank of questions from a document (.txt, .md, .html or .docx)."""
    from ..drafting import draft_bank

    slug = slug or _slug(path.stem)
    if not re.fullmatch(r"[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?", slug or ""):
        raise click.BadParameter("lowercase letters, digits and hyphens", param_hint="--slug")
    try:
        # Read as a teacher's upload is (documents/reading.py): the same limits and the
        # same normalised text, so that its quotes match the document once stored.
        text = read_document(path.name, path.read_bytes())
    except OSError as error:
        raise click.ClickException(f"{path}: {error.strerror}") from None
    except UnreadableDocument as error:
        raise click.ClickException(f"{path}: {error.message % error.params}") from None
    result = draft_bank(_source(path, slug, text), _glossary(), bank_slug=slug)
    if not result.bank["questions"]:
        raise click.ClickException(
            f"{path}: no figure, date, name or quotation found to ask about")
    if out is None:
        click.echo(result.yaml, nl=False)
    else:
        out.write_text(result.yaml, encoding="utf-8")
    click.echo(result.summary(), err=True)
