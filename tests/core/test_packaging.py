"""The built wheel is the app: installed in a fresh virtualenv, away from the source tree,
it migrates a database, registers a user and serves a page in Arabic."""

import os
import shutil
import subprocess
import sys
import tomllib
import venv

import pytest

from ..conftest import PROJECT_ROOT, requires_sqlite

# Build products and local state that a wheel must not depend on.
NOT_SOURCE = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "instance",
                                    "test-artifacts", "__pycache__", ".*_cache")

PAGE_CHECK = """
import sys
from pathlib import Path

import quizapp
from quizapp import create_app

assert Path(quizapp.__file__).is_relative_to(sys.prefix), quizapp.__file__
client = create_app().test_client()
client.set_cookie("lang", "ar")
page = client.get("/login")
assert page.status_code == 200, page.status_code
assert 'lang="ar" dir="rtl"' in page.get_data(as_text=True)
assert "كلمة المرور" in page.get_data(as_text=True)  # "password": the catalog was shipped
assert client.get("/static/css/app.css").status_code == 200
"""


def _run(command: list, **options) -> str:
    result = subprocess.run(command, capture_output=True, text=True, **options)
    assert result.returncode == 0, (command, result.stdout, result.stderr)
    return result.stdout


def test_every_package_is_listed_for_the_wheel():
    """Packages are listed by hand in pyproject.toml; a new one left out is not shipped."""
    listed = set(tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["tool"]
                 ["setuptools"]["packages"])
    in_tree = {".".join(path.parent.relative_to(PROJECT_ROOT).parts)
               for path in (PROJECT_ROOT / "quizapp").rglob("*.py")}
    assert in_tree - listed == set()
    assert {name for name in in_tree
            if not (PROJECT_ROOT / name.replace(".", "/") / "__init__.py").exists()} == set()


@pytest.mark.slow
@requires_sqlite("builds and installs the package; the database it uses is its own")
def test_wheel_installed_elsewhere_migrates_and_registers(tmp_path):
    source = tmp_path / "source"
    shutil.copytree(PROJECT_ROOT, source, ignore=NOT_SOURCE)
    # Build and install through the machine's configured package index, as a deployment would.
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w",
          str(tmp_path / "dist"), str(source)])
    wheel = next((tmp_path / "dist").glob("quizapp-*.whl"))
    shutil.rmtree(source)
    target = tmp_path / "venv"
    venv.create(target, with_pip=False)
    python = target / "bin" / "python"
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
          str(wheel)])

    work = tmp_path / "elsewhere"
    work.mkdir()
    environment = {key: value for key, value in os.environ.items()
                   if not key.startswith(("QUIZAPP_", "PYTHON", "FLASK_"))}
    environment |= {"DATABASE_URL": f"sqlite:///{work / 'app.sqlite3'}",
                    "SECRET_KEY": "packaging-test", "FLASK_APP": "quizapp:create_app"}
    flask = [str(target / "bin" / "flask")]
    _run(flask + ["db", "upgrade"], cwd=work, env=environment)
    created = _run(flask + ["user", "create", "amal", "--role", "teacher",
                            "--password", "a long enough passphrase"], cwd=work, env=environment)
    assert "Created teacher amal." in created
    _run([str(python), "-c", PAGE_CHECK], cwd=work, env=environment)
