"""Flask extensions, created unbound and initialised in create_app."""

from typing import TYPE_CHECKING

from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    # Named constraints, so Alembic can alter them on SQLite and PostgreSQL alike.
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(column_0_label)s",
            "uq": "uq_%(table_name)s_%(column_0_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


db = SQLAlchemy(model_class=Base)

# The base class of every model. At run time it is db.Model: Base's registry and metadata
# plus Flask-SQLAlchemy's bind and naming mixins (``Model.query`` is not used here).
# mypy cannot subclass an attribute of an instance (python/mypy#8603), so type checking
# sees the declarative base it is built from, with the same ``Mapped[...]`` typing.
if TYPE_CHECKING:
    Model = Base
else:
    Model = db.Model
migrate = Migrate()
babel = Babel()
csrf = CSRFProtect()

login_manager = LoginManager()


class SharedLimiter(Limiter):
    """Flask-Limiter that also knows ``database://``: counters in the app's database."""

    def init_app(self, app) -> None:
        # The database:// storage is registered by importing accounts.throttle, which
        # create_app does first: extensions sits below every feature and imports none.
        uri = app.config.get("RATELIMIT_STORAGE_URI", "")
        if uri.startswith("memory://") and not app.testing:
            # Each gunicorn worker would count alone: 4 workers, 4 times every limit.
            raise RuntimeError("RATELIMIT_STORAGE_URI=memory:// is not shared between "
                               "workers; use database:// or a redis:// URL")
        super().init_app(app)


limiter = SharedLimiter(key_func=get_remote_address, default_limits=[])
