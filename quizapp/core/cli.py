"""`flask translate`: keep the catalogs in step with the code."""

from pathlib import Path

import click
from babel.messages.frontend import CommandLineInterface
from flask import current_app
from flask.cli import AppGroup

from ..config import PROJECT_ROOT

POT_FILE = PROJECT_ROOT / "translations" / "messages.pot"


def _pybabel(*args: str) -> None:
    if CommandLineInterface().run(["pybabel", *args]):
        raise click.ClickException("pybabel " + " ".join(args) + " failed")


def extract_catalog(output: Path) -> None:
    # Nn_ marks the validator's plural messages; lazy_ngettext the forms' ones.
    _pybabel("extract", "-F", str(PROJECT_ROOT / "babel.cfg"), "-k", "_l", "-k", "N_",
             "-k", "Nn_:1,2", "-k", "lazy_ngettext:1,2",
             "--no-location", "--omit-header", "--sort-output", "-o", str(output),
             str(PROJECT_ROOT / "quizapp"))


@click.group(cls=AppGroup)
def translate() -> None:
    """Extract, update and compile the interface translations."""


@translate.command()
def extract() -> None:
    """Write translations/messages.pot from the code and templates."""
    extract_catalog(POT_FILE)


@translate.command()
def update() -> None:
    """Extract, then merge new strings into every language's .po file."""
    extract_catalog(POT_FILE)
    _pybabel("update", "-i", str(POT_FILE), "-d",
             current_app.config["BABEL_TRANSLATION_DIRECTORIES"], "--no-fuzzy-matching",
             "--ignore-obsolete")


@translate.command()
def compile() -> None:  # noqa: A001 - the command is called "compile"
    """Compile the .po files into the .mo files the app reads."""
    _pybabel("compile", "-d", current_app.config["BABEL_TRANSLATION_DIRECTORIES"],
             "--statistics")
