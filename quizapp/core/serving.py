"""How responses leave the app: versioned static URLs with long caching, compression,
and the client's address behind a trusted proxy."""

import hashlib
from pathlib import Path

from flask_compress import Compress
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter, UnicodeConverter, ValidationError

compress = Compress()
ONE_YEAR = 365 * 24 * 3600
# Fonts are named by their package version and referenced from CSS by plain name.
UNVERSIONED = {".woff2"}


# The largest id an INTEGER column holds on PostgreSQL (SQLite's reach 2**63 - 1).
MAX_ID = 2**31 - 1


class IdConverter(IntegerConverter):
    """``<int:...>`` in every route: a number no id column can hold is "not found",
    instead of an overflow error from the database driver."""

    def __init__(self, map, *args, **kwargs) -> None:
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


class WordConverter(UnicodeConverter):
    """``<slug>`` and other path words: one holding a control character (NUL above all,
    which PostgreSQL text cannot hold) names nothing, so it is "not found"."""

    def to_python(self, value: str) -> str:
        if any(ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 for ch in value):
            raise ValidationError()
        return value


def _static_versions(folder: Path) -> dict[str, str]:
    """A short content hash per static file, computed once at start-up."""
    versions = {}
    for path in folder.rglob("*"):
        if path.is_file() and path.suffix not in UNVERSIONED:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
            versions[path.relative_to(folder).as_posix()] = digest
    return versions


def init_app(app) -> None:
    # Before any blueprint is registered: a rule takes its converters when it is added.
    app.url_map.converters["int"] = IdConverter
    app.url_map.converters["default"] = app.url_map.converters["string"] = WordConverter
    versions = _static_versions(Path(app.static_folder))

    @app.url_defaults
    def _version_static(endpoint, values):
        # /static/css/app.css?v=<hash>: a changed file gets a new URL, so every URL can
        # be cached for a year.
        if endpoint == "static" and (version := versions.get(values.get("filename", ""))):
            values.setdefault("v", version)

    app.config["SEND_FILE_MAX_AGE_DEFAULT"] = ONE_YEAR
    app.config.setdefault("COMPRESS_MIN_SIZE", 1024)
    compress.init_app(app)
    if proxies := int(app.config.get("PROXY_COUNT", 0)):
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)
