"""`flask bank import`: another program's file made into a draft YAML bank."""

from pathlib import Path

import click
from flask import current_app

from ...banks.cli import bank, report_problems
from . import FORMATS, import_file, import_limits


@bank.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS),
              help="The file's format (default: guessed from its extension).")
@click.option("--as", "as_type", type=click.Choice(["flashcard", "short_text"]),
              default="flashcard", show_default=True,
              help="What a CSV row (term, definition) becomes.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the YAML draft (default: standard output).")
def import_command(file: Path, fmt: str | None, as_type: str, out: Path | None) -> None:
    """Turn a Moodle XML, GIFT, CSV/TSV or Anki .apkg file into a draft YAML bank."""
    limits = import_limits(current_app.config)
    with file.open("rb") as stream:  # one byte past the limit is enough to refuse it
        data = stream.read(limits.max_bytes + 1)
    result = import_file(data, file.name, fmt, limits=limits, as_type=as_type)
    if not result.ok:
        report_problems(result.problems)
        click.echo("No draft was written.", err=True)
        raise SystemExit(1)
    if out is None:
        click.echo(result.yaml_text, nl=False)
    else:
        out.write_text(result.yaml_text, encoding="utf-8")
        click.echo(f"{out}: a draft bank of {result.count} questions; complete it, then "
                   f"check it with flask bank validate.", err=True)
