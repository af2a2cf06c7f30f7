"""Bilingual quizzes and spaced-repetition flashcards on the facts of real documents."""

from typing import Any

from flask import Flask


def create_app(config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    from . import config as settings

    settings.load(app, config)
    register_extensions(app)
    register_blueprints(app)
    register_commands(app)
    return app


def register_extensions(app: Flask) -> None:
    from . import database, i18n
    from .accounts import access
    from .accounts import throttle as _throttle  # noqa: F401 - the database:// storage
    from .core import jobs, params, serving
    from .extensions import csrf, db, limiter, migrate

    params.init_app(app)
    db.init_app(app)
    database.init_app(app)
    migrate.init_app(app, db, directory=str(app.config["MIGRATIONS_DIR"]),
                     render_as_batch=True, compare_type=True, render_item=database.render_item)
    csrf.init_app(app)
    i18n.init_app(app)
    serving.init_app(app)
    access.init_app(app)
    limiter.init_app(app)
    jobs.init_app(app)
    # Models must be imported for Alembic and relationships to see every table.
    from .accounts import models as _accounts  # noqa: F401
    from .banks import models as _banks  # noqa: F401
    from .core import models as _core  # noqa: F401
    from .documents import models as _documents  # noqa: F401
    from .study import models as _study  # noqa: F401


def register_blueprints(app: Flask) -> None:
    from .accounts.views import blueprint as accounts
    from .banks import labels
    from .banks.authoring import blueprint as authoring
    from .banks.search_views import blueprint as search
    from .banks.views import blueprint as banks
    from .classes.accepting import blueprint as accepting
    from .classes.roster_views import blueprint as roster
    from .classes.views import blueprint as classes
    from .core.job_views import blueprint as jobs
    from .core.views import blueprint as core
    from .core.views import register_error_handlers
    from .documents.draft_views import blueprint as drafts
    from .documents.glossary_views import blueprint as glossary
    from .documents.views import blueprint as documents
    from .interop.importing.views import blueprint as importing
    from .interop.views import blueprint as interop
    from .progress.views import blueprint as progress
    from .study.mode_views import blueprint as modes
    from .study.views import blueprint as study

    app.register_blueprint(core)
    app.register_blueprint(jobs)
    app.register_blueprint(banks)
    app.register_blueprint(search)
    app.register_blueprint(authoring)
    app.register_blueprint(accepting)
    app.register_blueprint(importing)
    app.register_blueprint(documents)
    app.register_blueprint(drafts)
    app.register_blueprint(glossary)
    app.register_blueprint(accounts)
    app.register_blueprint(classes)
    app.register_blueprint(roster)
    app.register_blueprint(study)
    app.register_blueprint(modes)
    app.register_blueprint(progress)
    app.register_blueprint(interop)
    register_error_handlers(app)
    labels.register(app)


def register_commands(app: Flask) -> None:
    from .accounts.cli import user
    from .banks.cli import bank
    from .core import backup  # noqa: F401 - adds `flask db backup`
    from .core.cli import translate
    from .core.job_cli import jobs
    from .interop.cli import export_command
    from .interop.importing import cli as _importing  # noqa: F401 - adds `flask bank import`

    bank.add_command(export_command)  # `flask bank export`: in interop, above banks
    app.cli.add_command(bank)
    app.cli.add_command(translate)
    app.cli.add_command(user)
    app.cli.add_command(jobs)
    register_tasks()


def register_tasks() -> None:
    """Every feature's tasks, so a worker knows each job kind it may be handed."""
    from .banks import tasks as _banks  # noqa: F401
    from .classes import tasks as _classes  # noqa: F401
    from .documents import tasks as _documents  # noqa: F401
    from .interop import tasks as _interop  # noqa: F401
    from .interop.importing import tasks as _importing  # noqa: F401
    from .study import tasks as _study  # noqa: F401
