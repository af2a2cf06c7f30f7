"""`flask db backup PATH`: a consistent copy of a live SQLite database."""

import os
import sqlite3
import tempfile
from pathlib import Path

import click
from flask import current_app
from flask_migrate.cli import db as db_group
from sqlalchemy.engine import make_url


def backup_sqlite(source: Path, target: Path, *, pages_per_step: int = 1024) -> int:
    """Copy with SQLite's online backup API: writers may go on while it runs, and the copy
    is one consistent state of the database. Written beside the target, then renamed, so a
    failed backup never leaves half a file under the target's name. Returns its size."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, partial = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    os.close(fd)
    try:
        with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src, \
                sqlite3.connect(partial) as dst:
            src.backup(dst, pages=pages_per_step)
            check = dst.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok":
            raise click.ClickException(f"the copy failed its integrity check: {check}")
        os.replace(partial, target)
    finally:
        if os.path.exists(partial):
            os.unlink(partial)
    return target.stat().st_size


@db_group.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def backup(path: Path) -> None:
    """Copy the live SQLite database to PATH (for PostgreSQL, use pg_dump)."""
    url = make_url(current_app.config["SQLALCHEMY_DATABASE_URI"])
    if url.get_backend_name() != "sqlite" or not url.database:
        raise click.ClickException("flask db backup copies SQLite databases; "
                                   "for PostgreSQL use pg_dump")
    source = Path(url.database)
    if not source.is_file():
        raise click.ClickException(f"no database at {source}")
    size = backup_sqlite(source, path)
    click.echo(f"Backed up {source} to {path} ({size:,} bytes).")
