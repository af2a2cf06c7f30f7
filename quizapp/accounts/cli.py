"""`flask user create` and `flask user set-role`: how an administrator makes a teacher.

Every refusal is one line on stderr and exit status 1, never a traceback.
"""

from functools import wraps

import click
from flask import current_app
from flask.cli import AppGroup
from flask_babel import force_locale
from sqlalchemy.exc import SQLAlchemyError, StatementError

from ..database import write_transaction
from .models import ROLES
from .passwords import password_problem
from .services import AccountError, NewAccount, find_user, register


def _one_line_errors(command):
    """Run in an English request context and turn refusals into one-line errors.

    The account rules' messages are translated lazily, and Flask-Babel picks a language
    from the request: a command has none, so it gets one (English) to word them in.
    """

    @wraps(command)
    def wrapped(*args, **kwargs):
        with current_app.test_request_context(), force_locale("en"):
            try:
                return command(*args, **kwargs)
            except AccountError as error:
                raise click.ClickException(str(error.message)) from None
            except SQLAlchemyError as error:
                # A statement the database refused carries the driver's own words.
                orig = error.orig if isinstance(error, StatementError) else None
                reason = str(orig or error)
                raise click.ClickException(
                    "The database refused: " + " ".join(reason.split())[:300]) from None

    return wrapped


@click.group(cls=AppGroup)
def user() -> None:
    """Create accounts and set their roles."""


@user.command("create")
@click.argument("username")
@click.option("--role", type=click.Choice(ROLES), default="student", show_default=True)
@click.option("--name", "display_name", help="Display name (default: the username).")
@click.option("--locale", type=click.Choice(["ar", "en"]), default="ar", show_default=True)
@click.password_option(help="The password (asked for when not given).")
@_one_line_errors
def create(username: str, role: str, display_name: str | None, locale: str,
           password: str) -> None:
    """Create an account."""
    if problem := password_problem(password):
        raise click.ClickException(f"Password refused: {problem}")
    account = register(NewAccount(username=username, display_name=display_name or username,
                                  password=password, role=role, locale=locale))
    click.echo(f"Created {role} {account.username}.")


@user.command("set-role")
@click.argument("username")
@click.argument("role", type=click.Choice(ROLES))
@_one_line_errors
def set_role(username: str, role: str) -> None:
    """Make an account a student or a teacher."""
    account = find_user(username)
    if account is None:
        raise click.ClickException(f"No account {username!r}.")
    with write_transaction():
        account.role = role
    click.echo(f"{account.username} is now a {role}.")
