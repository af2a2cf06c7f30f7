"""`flask user create` and `flask user set-role`: how an administrator makes a teacher."""

import click
from flask.cli import AppGroup

from ..database import write_transaction
from .models import ROLES
from .passwords import password_problem
from .services import AccountError, NewAccount, find_user, register


@click.group(cls=AppGroup)
def user() -> None:
    """Create accounts and set their roles."""


@user.command("create")
@click.argument("username")
@click.option("--role", type=click.Choice(ROLES), default="student", show_default=True)
@click.option("--name", "display_name", help="Display name (default: the username).")
@click.option("--locale", type=click.Choice(["ar", "en"]), default="ar", show_default=True)
@click.password_option(help="The password (asked for when not given).")
def create(username: str, role: str, display_name: str | None, locale: str,
           password: str) -> None:
    """Create an account."""
    if problem := password_problem(password):
        raise click.ClickException(str(problem))
    try:
        account = register(NewAccount(username=username, display_name=display_name or username,
                                      password=password, role=role, locale=locale))
    except AccountError as error:
        raise click.ClickException(str(error.message)) from None
    click.echo(f"Created {role} {account.username}.")


@user.command("set-role")
@click.argument("username")
@click.argument("role", type=click.Choice(ROLES))
def set_role(username: str, role: str) -> None:
    """Make an account a student or a teacher."""
    account = find_user(username)
    if account is None:
        raise click.ClickException(f"No account {username!r}.")
    with write_transaction():
        account.role = role
    click.echo(f"{account.username} is now a {role}.")
