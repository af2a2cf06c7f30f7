"""`flask bank validate`, `flask bank load` and `flask bank draft` (`flask bank import` is
added by interop)."""

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from .problems import Problem
from .services import LoadRefused, load_paths, validate_paths


def _paths(paths: tuple[Path, ...]) -> list[Path]:
    return list(paths) or [Path(current_app.config["QUESTIONS_DIR"])]


def report_problems(problems: list[Problem]) -> None:
    for problem in problems:
        click.echo(problem.format(), err=True)
    noun = "problem" if len(problems) == 1 else "problems"
    click.echo(f"{len(problems)} {noun} found.", err=True)


@click.group(cls=AppGroup)
def bank() -> None:
    """Validate and load the YAML question banks."""


@bank.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def validate_command(paths: tuple[Path, ...]) -> None:
    """Check bank files (default: the questions folder) and report every problem."""
    report, _ = validate_paths(_paths(paths), Path(current_app.config["QUESTIONS_DIR"]),
                               max_bytes=current_app.config["MAX_BANK_BYTES"])
    if not report.ok:
        report_problems(report.problems)
        raise SystemExit(1)
    count = sum(len(checked.questions) for checked in report.banks)
    click.echo(f"OK: {len(report.banks)} banks, {count} questions.")


@bank.command("load")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Say what loading would change; write nothing.")
def load_command(paths: tuple[Path, ...], dry_run: bool) -> None:
    """Validate, then load banks into the database in one transaction (default: questions/)."""
    try:
        result = load_paths(_paths(paths), Path(current_app.config["QUESTIONS_DIR"]),
                            max_bytes=current_app.config["MAX_BANK_BYTES"], dry_run=dry_run)
    except LoadRefused as refused:
        report_problems(refused.problems)
        click.echo("Nothing was loaded.", err=True)
        raise SystemExit(1) from None
    for slug in result.documents_changed:
        click.echo(f"document {slug}: loaded")
    for summary in result.banks:
        state = " (new bank)" if summary.created else (
            " (details updated)" if summary.details_updated else "")
        click.echo(
            f"{summary.slug}{state}: {len(summary.added)} added, {len(summary.updated)} updated, "
            f"{len(summary.retired)} retired, {summary.unchanged} unchanged"
            + (f"; revision {summary.revision} recorded" if summary.revision else "")
        )
    if not result.changed:
        click.echo("Nothing changed: the database already matches the banks.")
    elif dry_run:
        click.echo("Dry run: nothing was written.")


