"""`flask bank export SLUG --format ...`: a shipped bank in another tool's format."""

from pathlib import Path

import click
from flask.cli import with_appcontext
from sqlalchemy import select

from ..banks.models import Bank
from ..extensions import db
from .formats import FORMATS
from .services import export_bank


@click.command("export")
@click.argument("slug")
@click.option("--format", "format_name", type=click.Choice(list(FORMATS)), required=True,
              help="apkg (Anki), moodle-xml, gift, csv (Anki's text import) or quizlet.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="The file to write (default: the bank's slug and the format's extension).")
@click.option("--lang", type=click.Choice(["ar", "en"]), default="ar", show_default=True,
              help="The language of single-language formats (GIFT, CSV, Quizlet) and names.")
@with_appcontext  # added to `bank` from outside its AppGroup, so not wrapped there
def export_command(slug: str, format_name: str, out: Path | None, lang: str) -> None:
    """Write a shipped bank in another tool's format, from the database."""
    bank = db.session.scalar(select(Bank).where(Bank.slug == slug, Bank.shipped.is_(True),
                                                Bank.retired_at.is_(None)))
    if bank is None:
        raise click.ClickException(f"No shipped bank is called {slug!r}.")
    exported = export_bank(bank, FORMATS[format_name], lang)
    target = out or Path(exported.filename)
    target.write_bytes(exported.content)
    for item in exported.left_out:
        click.echo(f"left out: {item.uid} ({item.type}): {format_name} has no such question",
                   err=True)
    click.echo(f"{slug}: {exported.written} questions written to {target} ({format_name})"
               + (f", {len(exported.left_out)} left out" if exported.left_out else ""))
